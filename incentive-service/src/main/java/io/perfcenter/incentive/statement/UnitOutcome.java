package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.section.TeamPool;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a run decides for the whole unit before any statement is written: the team fund the commission tiers fed,
 * the team reward (target met? each agent's share) and the honors the agents won in the period.
 */
public record UnitOutcome(String unitCode, String period, BigDecimal teamFund, int teamFundContributors,
                          TeamPool.Outcome team, Map<String, List<HonorWin>> honors) {

    public static UnitOutcome none() {
        return new UnitOutcome(null, null, BigDecimal.ZERO, 0, null, Map.of());
    }

    /** An award an agent won in the period, as the honor run decided it. */
    public record HonorWin(String awardCode, String awardName, String period, int place, String reason,
                           Long honorRunId) {
    }
}
