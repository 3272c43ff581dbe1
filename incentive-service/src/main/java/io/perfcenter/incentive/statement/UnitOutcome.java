package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.section.TeamPool;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a run decides for the whole unit before any statement is written: the team fund the commission tiers fed,
 * the team reward (target met? each agent's share), the honors the agents won in the period and the engagement
 * points they earned in it (read only when the plan converts points).
 */
public record UnitOutcome(String unitCode, String period, BigDecimal teamFund, int teamFundContributors,
                          TeamPool.Outcome team, Map<String, List<HonorWin>> honors,
                          Map<String, PointsEarned> points) {

    public UnitOutcome(String unitCode, String period, BigDecimal teamFund, int teamFundContributors,
                       TeamPool.Outcome team, Map<String, List<HonorWin>> honors) {
        this(unitCode, period, teamFund, teamFundContributors, team, honors, Map.of());
    }

    public static UnitOutcome none() {
        return new UnitOutcome(null, null, BigDecimal.ZERO, 0, null, Map.of(), Map.of());
    }

    /** Engagement points an agent earned in the period (the ledger's entries of that month), by contest code. */
    public record PointsEarned(int points, Map<String, Integer> byContest) {
    }

    /**
     * An award an agent won in the period, as the honor run decided it: the award's name and its Chinese label (null
     * when HR gave none), the reason in both languages (the Chinese one null for a winner stored before V8).
     */
    public record HonorWin(String awardCode, String awardName, String awardNameZh, String period, int place,
                           Explanation reason, Long honorRunId) {
    }
}
