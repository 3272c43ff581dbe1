package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.client.MetricsClient;
import io.perfcenter.incentive.security.Caller;
import io.perfcenter.incentive.statement.StatementPayloads.UnitTotals;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private final int minGroupSize;

    StatementScope(Caller caller, MetricsClient metrics,
                   @ConfigProperty(name = "perfcenter.privacy.min-group-size", defaultValue = "3") int minGroupSize) {
        this.caller = caller;
        this.metrics = metrics;
        this.minGroupSize = minGroupSize;
    }

    /**
     * Small-group privacy: for a reader who does not see the unit's individual statements (a supervisor), the
     * amounts of a unit's totals made of fewer statements than {@code perfcenter.privacy.min-group-size} are withheld
     * — a one-agent group's total is that agent's pay, a two-agent group's total less one's own is the other's. hr,
     * admin and managers (who read the statements of the units they lead, the same units as their totals) see them.
     */
    public List<UnitTotals> guard(List<UnitTotals> totals) {
        if (caller.seesEverything() || caller.seesUnitStatements()) {
            return totals;
        }
        return totals.stream().map(t -> t.inTotals() >= minGroupSize ? t : t.withheld(
                t.inTotals() + (t.inTotals() == 1 ? " statement makes" : " statements make") + " the totals, fewer "
                        + "than " + minGroupSize + " (perfcenter.privacy.min-group-size): the total of so small a "
                        + "group would show a person's pay")).toList();
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

    /** Whether the caller sees the statement of the employee in the unit. */
    public boolean sees(String employeeId, String unitCode) {
        if (caller.seesEverything() || caller.employeeId().filter(employeeId::equals).isPresent()) {
            return true;
        }
        return caller.seesUnitStatements() && metrics.myUnits().contains(unitCode);
    }

    /** An agent or supervisor may ask only for their own statements. */
    public void checkEmployeeFilter(String employeeId) {
        if (employeeId != null && !caller.seesEverything() && !caller.seesUnitStatements()
                && caller.employeeId().filter(employeeId::equals).isEmpty()) {
            throw Problems.outOfScope("Statements of " + employeeId + " are outside your scope");
        }
    }
}
