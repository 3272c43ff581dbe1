package io.perfcenter.scoring.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Business counters of scoring, on the management interface's {@code /q/metrics}: runs computed, as a new revision
 * or unchanged (the same inputs gave the stored revision back), and the scorecards of the revisions stored, e.g.
 * {@code perfcenter_scoring_runs_computed_total{outcome="revision"}}. Counted once the run is committed; the series
 * exist from the start, at 0.
 */
@Startup
@ApplicationScoped
public class RunCounters {

    private final Counter revisions;
    private final Counter unchanged;
    private final Counter scorecards;

    RunCounters(MeterRegistry registry) {
        this.revisions = registry.counter("perfcenter.scoring.runs.computed", "outcome", "revision");
        this.unchanged = registry.counter("perfcenter.scoring.runs.computed", "outcome", "unchanged");
        this.scorecards = registry.counter("perfcenter.scoring.scorecards.computed");
    }

    void computed(boolean newRevision, int scorecardCount) {
        if (newRevision) {
            revisions.increment();
            scorecards.increment(scorecardCount);
        } else {
            unchanged.increment();
        }
    }
}
