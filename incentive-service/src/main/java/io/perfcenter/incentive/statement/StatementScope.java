package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.client.MetricsClient;
import io.perfcenter.incentive.security.Caller;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Data scope of statements: an agent or supervisor sees their own, a manager those of the units they lead (as
 * metrics-service's org directory says, asked with the caller's own token), hr and admin everything. Supervisors
 * and managers see the totals of the units they lead.
 */
@ApplicationScoped
public class StatementScope {

    /** What the caller may see: everything, or their own statements plus those of some units. */
    public record Visible(boolean everything, String self, List<String> units) {

        public boolean allows(String employeeId, String unitCode) {
            return everything || (self != null && self.equals(employeeId)) || units.contains(unitCode);
        }
    }

    private final Caller caller;
    private final MetricsClient metrics;

    StatementScope(Caller caller, MetricsClient metrics) {
        this.caller = caller;
        this.metrics = metrics;
    }

    public Visible visible() {
        if (caller.seesEverything()) {
            return new Visible(true, null, List.of());
        }
        List<String> units = caller.seesUnitStatements() ? List.copyOf(metrics.myUnits()) : List.of();
        return new Visible(false, caller.employeeId().orElse(null), units);
    }

    /** The units whose totals the caller sees: null for every unit (hr, admin), else the units they lead. */
    public List<String> unitsForTotals() {
        return caller.seesEverything() ? null : List.copyOf(metrics.myUnits());
    }

    public void check(String employeeId, String unitCode) {
        if (caller.seesEverything() || caller.employeeId().filter(employeeId::equals).isPresent()) {
            return;
        }
        if (!(caller.seesUnitStatements() && metrics.myUnits().contains(unitCode))) {
            throw Problems.outOfScope("The statement of " + employeeId + " is outside your scope");
        }
    }

    /** An agent or supervisor may ask only for their own statements. */
    public void checkEmployeeFilter(String employeeId) {
        if (employeeId != null && !caller.seesEverything() && !caller.seesUnitStatements()
                && caller.employeeId().filter(employeeId::equals).isEmpty()) {
            throw Problems.outOfScope("Statements of " + employeeId + " are outside your scope");
        }
    }
}
