package io.perfcenter.incentive.section;

import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.statement.ComposedStatement;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.section.PerkSection.Match;
import io.perfcenter.incentive.section.PerkSection.Perk;
import io.perfcenter.incentive.section.PerkSection.PerkCondition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN §5: flexible shifts (2 self-chosen shifts a month) and remote days (3 a month) for top performers. */
class PerkSectionTests {

    static final Perk FLEX = new Perk("FLEX-SHIFTS", "self-chosen shifts", new BigDecimal("2"), "a month",
            new PerkCondition(3, List.of("excellent"), null, Match.ANY));
    static final Perk REMOTE = new Perk("REMOTE-DAYS", "remote days", new BigDecimal("3"), "a month",
            new PerkCondition(2, null, new BigDecimal("95"), Match.ALL));

    private static List<ComputedLine> perks(int rank, String grade, String total) {
        IncentivePlan plan = new IncentivePlan();
        plan.code = "PERKS";
        plan.version = 1;
        plan.currency = "CNY";
        plan.setSections(new PlanSections(null, null, null, null, List.of(FLEX, REMOTE), null, null));
        Scorecard card = new Scorecard(1L, "E1", "G1", "2026-10", new BigDecimal(total), grade, rank, "PUBLISHED",
                List.of());
        return new PerkSection().lines(new PlanSection.Facts(plan, card, null));
    }

    @Test
    void rankAtMostNOrGradeExcellentGrantsTheShifts() {
        List<ComputedLine> top = perks(1, "excellent", "97");
        assertEquals(2, top.size());
        ComputedLine flex = top.get(0);
        assertEquals("perk", flex.kind());
        assertFalse(flex.monetary());
        assertNull(flex.amount());
        assertTrue(flex.flags().isEmpty());
        assertEquals("rank 1 ≤ 3 and grade excellent: 2 self-chosen shifts (a month)", flex.explanation());
        assertEquals("rank 1 ≤ 2 and score 97 ≥ 95: 3 remote days (a month)", top.get(1).explanation());

        // grade alone is enough for ANY; rank 7 is not
        assertEquals("grade EXCELLENT: 2 self-chosen shifts (a month)", perks(7, "EXCELLENT", "91").get(0).explanation());
        assertEquals("rank 3 ≤ 3: 2 self-chosen shifts (a month)", perks(3, "good", "88").get(0).explanation());
    }

    @Test
    void allConditionsMustHoldForMatchAll() {
        // rank 2 but a score below 95: no remote days
        assertEquals(List.of("FLEX-SHIFTS"), perks(2, "good", "94").stream().map(l -> l.source().get("perk")).toList());
        assertTrue(perks(9, "pass", "75").isEmpty());
    }

    @Test
    void perksNeverChangeTheTotal() {
        ComposedStatement s = new ComposedStatement("E1", "G1", perks(1, "excellent", "97"));
        assertEquals(new BigDecimal("0.00"), s.total());
        assertTrue(s.flags().isEmpty());
    }
}
