package io.perfcenter.scoring.security;

import io.perfcenter.scoring.client.MetricsClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * Whose results the caller may see: hr, admin and services reading as themselves everything; supervisors and managers the
 * units they lead as metrics-service's org directory says (asked with the caller's own token); agents their own
 * published scorecards.
 */
@ApplicationScoped
public class DataScope {

    private final Caller caller;
    private final MetricsClient metrics;

    DataScope(Caller caller, MetricsClient metrics) {
        this.caller = caller;
        this.metrics = metrics;
    }

    /**
     * @param everything true for hr, admin and services
     * @param ownEmployeeId an agent's own employee id (their published scorecards are visible), else empty
     * @param units units led by a supervisor or manager (all their scorecards are visible)
     */
    public record Visibility(boolean everything, Optional<String> ownEmployeeId, List<String> units) {

        public boolean seesUnit(String unitCode) {
            return everything || units.contains(unitCode);
        }
    }

    public Visibility visibility() {
        if (caller.seesEverything()) {
            return new Visibility(true, Optional.empty(), List.of());
        }
        // everyone sees their own results: agents, and group leads scored by a units template
        Optional<String> own = caller.employeeId();
        List<String> units = caller.leadsUnits() ? metrics.myUnits() : List.of();
        return new Visibility(false, own, units);
    }
}
