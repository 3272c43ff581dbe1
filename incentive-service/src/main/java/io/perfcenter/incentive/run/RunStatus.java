package io.perfcenter.incentive.run;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Life of a payout run: computed, then approved (final), or superseded by a recomputation before approval. */
@Schema(name = "PayoutRunStatus", description = "Approval lifecycle of a payout run")
public enum RunStatus {
    COMPUTED, APPROVED, SUPERSEDED
}
