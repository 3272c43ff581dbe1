package io.perfcenter.incentive.run;

/** Life of a payout run: computed, then approved (final), or superseded by a recomputation before approval. */
public enum RunStatus {
    COMPUTED, APPROVED, SUPERSEDED
}
