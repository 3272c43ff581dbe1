package io.perfcenter.metrics.aggregate;

import java.util.List;

/**
 * Whose records an aggregate reads: a unit's (every record of an agent while a member of the unit or a unit below
 * it, by effective-dated membership), one agent's, or a list of agents' whatever their unit (for baselines), or a
 * list of agents' only on the days they belonged to one of some units (what a leader sees of them: after a move,
 * the new unit's leader reads the agent's figures from the move date on, the old unit's leader up to the day before).
 */
public sealed interface AggregateScope {

    record Unit(String code) implements AggregateScope {
    }

    record Agent(String employeeId) implements AggregateScope {
    }

    record Agents(List<String> employeeIds) implements AggregateScope {
    }

    /**
     * The agents' records dated on a day they belonged to one of the units (codes given with the units below): what
     * a leader sees of the agents, or, with the units a unit's agents belonged to, a piece of that unit's read (the
     * anomaly scan's, {@link AggregateService#forUnitAgents}).
     */
    record AgentsIn(List<String> employeeIds, List<String> unitCodes) implements AggregateScope {
    }

    /**
     * The condition on an agent column that keeps the scope's agents, with its value; nothing for a unit, whose
     * records are picked by joining its members' windows ({@link MemberWindows#join}).
     */
    default SqlQuery agentFilter(String column) {
        SqlQuery filter = new SqlQuery();
        if (this instanceof Agent a) {
            filter.append("AND " + column + " = ? ", a.employeeId());
        } else if (this instanceof Agents a) {
            filter.append("AND " + column + " = ANY(?) ", SqlQuery.texts(a.employeeIds()));
        } else if (this instanceof AgentsIn a) {
            filter.append("AND " + column + " = ANY(?) ", SqlQuery.texts(a.employeeIds()));
        }
        return filter;
    }
}
