package io.perfcenter.metrics.aggregate;

import java.util.List;

/**
 * Whose records an aggregate reads: a unit's (every record of an agent while a member of the unit or a unit below
 * it, by effective-dated membership), one agent's, or a list of agents' whatever their unit (for baselines).
 */
public sealed interface AggregateScope {

    record Unit(String code) implements AggregateScope {
    }

    record Agent(String employeeId) implements AggregateScope {
    }

    record Agents(List<String> employeeIds) implements AggregateScope {
    }
}
