package io.perfcenter.incentive.section;

import io.perfcenter.incentive.plan.PlanSections.Direction;
import io.perfcenter.incentive.section.TeamRewardSection.Split;
import io.perfcenter.incentive.section.TeamRewardSection.TeamReward;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Team targets met → the whole team rewarded (seeds 000, 002); the pool split equally, by score or by hours. */
class TeamPoolTests {

    static final List<TeamPool.Member> MEMBERS = List.of(
            new TeamPool.Member("A1", new BigDecimal("92.5"), new BigDecimal("160")),
            new TeamPool.Member("A2", new BigDecimal("81"), new BigDecimal("170")),
            new TeamPool.Member("A3", new BigDecimal("77"), null));

    private static TeamReward reward(Split split, Boolean includeFund) {
        return new TeamReward("csat", Direction.HIGHER, new BigDecimal("4.5"), new BigDecimal("10000"), split,
                split == Split.BY_HOURS ? "login_hours" : null, includeFund);
    }

    private static BigDecimal amount(TeamPool.Outcome o, String employee) {
        return o.shares().get(employee).amount();
    }

    @Test
    void anEqualSplitGivesTheLeftoverCentToTheFirstByEmployeeId() {
        TeamPool.Outcome o = TeamPool.decide(reward(Split.EQUAL, null), "G1", new BigDecimal("4.62"), null, MEMBERS);
        assertTrue(o.met());
        // 10,000 / 3 = 3,333.33 each and one cent left over
        assertEquals(new BigDecimal("3333.34"), amount(o, "A1"));
        assertEquals(new BigDecimal("3333.33"), amount(o, "A2"));
        assertEquals(new BigDecimal("3333.33"), amount(o, "A3"));
        assertEquals("G1 csat 4.62 ≥ target 4.5: pool 10,000.00 split equally among 3 = 3,333.34",
                o.shares().get("A1").explanation());
    }

    @Test
    void byScoreTheSharesFollowTheScoresAndAddUpToThePoolWithTheTeamFund() {
        TeamPool.Outcome o = TeamPool.decide(reward(Split.BY_SCORE, true), "G1", new BigDecimal("4.5"),
                new BigDecimal("500.00"), MEMBERS);
        // pool 10,500 × 92.5 / 250.5 = 3,877.2455… ; × 81 / 250.5 = 3,395.2095… ; × 77 / 250.5 = 3,227.5449…
        assertEquals(new BigDecimal("3877.25"), amount(o, "A1"));
        assertEquals(new BigDecimal("3395.21"), amount(o, "A2"));
        assertEquals(new BigDecimal("3227.54"), amount(o, "A3"));
        assertEquals(new BigDecimal("10500.00"), amount(o, "A1").add(amount(o, "A2")).add(amount(o, "A3")));
        assertEquals("G1 csat 4.5 ≥ target 4.5: pool 10,000.00 + team fund 500.00 = 10,500.00 × score 92.5 / 250.5 "
                + "(all scores) = 3,877.25", o.shares().get("A1").explanation());
    }

    @Test
    void byHoursAnAgentWithoutHoursIsFlaggedAndTheOthersShare() {
        TeamPool.Outcome o = TeamPool.decide(reward(Split.BY_HOURS, false), "G1", new BigDecimal("4.7"),
                new BigDecimal("500.00"), MEMBERS);
        // 10,000 × 160 / 330 = 4,848.4848… ; × 170 / 330 = 5,151.5151… → 4,848.48 + 5,151.51, and the cent left
        // goes to the larger remainder (A2's .0051 against A1's .0048)
        assertEquals(new BigDecimal("4848.48"), amount(o, "A1"));
        assertEquals(new BigDecimal("5151.52"), amount(o, "A2"));
        assertNull(amount(o, "A3"));
        assertEquals(TeamPool.MISSING_FIGURE, o.shares().get("A3").flag());
        assertEquals(new BigDecimal("10000.00"), o.pool());
    }

    @Test
    void aTargetMissedPaysNothingAndSaysByHowMuch() {
        TeamPool.Outcome o = TeamPool.decide(reward(Split.EQUAL, null), "G1", new BigDecimal("4.31"), null, MEMBERS);
        assertFalse(o.met());
        assertEquals(new BigDecimal("0.00"), amount(o, "A2"));
        assertEquals("G1 csat 4.31 below target 4.5 (short by 0.19): no team reward", o.explanation());

        TeamPool.Outcome unknown = TeamPool.decide(reward(Split.EQUAL, null), "G1", null, null, MEMBERS);
        assertEquals(TeamPool.MISSING_FIGURE, unknown.shares().get("A1").flag());
    }
}
