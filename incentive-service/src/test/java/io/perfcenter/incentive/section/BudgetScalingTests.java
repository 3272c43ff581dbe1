package io.perfcenter.incentive.section;

import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.section.OverBudgetSection.OverBudget;
import io.perfcenter.incentive.section.OverBudgetSection.OverBudgetPolicy;
import io.perfcenter.incentive.statement.ComposedStatement;
import io.perfcenter.incentive.statement.ComputedLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetScalingTests {

    private static ComputedLine paid(String kind, String amount) {
        return ComputedLine.paid(kind, new BigDecimal(amount), "CNY", Explanation.same(kind + " " + amount), Map.of());
    }

    private static List<ComposedStatement> statements() {
        List<ComposedStatement> list = new ArrayList<>();
        list.add(new ComposedStatement("A1", "G1", List.of(paid("performance-pay", "2640.00"),
                paid("commission", "3500.00"))));
        list.add(new ComposedStatement("A2", "G1", List.of(paid("performance-pay", "1800.00"),
                paid("target-bonus", "500.00"), paid("commission", "0.00"))));
        return list;
    }

    @Test
    void scalesTheScaledKindsByOneFactorCutDownSoTheRunEndsWithinBudget() {
        List<ComposedStatement> s = statements();
        // cost 8,440 against 7,000: commission 3,500 stays, 4,940 must fit into 3,500 → × 0.708502
        BudgetScaling.Outcome o = BudgetScaling.apply(s, new BigDecimal("7000.00"), "CNY", "CNY",
                new OverBudget(OverBudgetPolicy.SCALE, List.of("performance-pay", "target-bonus")));
        assertTrue(o.overBudget());
        assertEquals(new BigDecimal("8440.00"), o.requested());
        assertEquals(new BigDecimal("0.708502"), o.scaleFactor());
        // 2,640 × 0.708502 = 1,870.44528 → 1,870.44; 1,800 → 1,275.3036 → 1,275.30; 500 → 354.251 → 354.25
        assertEquals(new BigDecimal("1870.44"), s.get(0).lines().get(0).amount());
        assertEquals(new BigDecimal("3500.00"), s.get(0).lines().get(1).amount());
        assertEquals(new BigDecimal("1275.30"), s.get(1).lines().get(0).amount());
        assertEquals(new BigDecimal("354.25"), s.get(1).lines().get(1).amount());
        assertEquals(new BigDecimal("6999.99"), o.cost());
        assertEquals("performance-pay 2640.00; scaled × 0.708502 to fit the budget = 1,870.44",
                s.get(0).lines().get(0).explanation());
        assertEquals(new BigDecimal("2640.00"), s.get(0).lines().get(0).source().get("unscaledAmount"));
        assertEquals("Cost 8,440.00 over budget 7,000.00 by 1,440.00: performance-pay, target-bonus scaled "
                + "× 0.708502 → cost 6,999.99", o.explanation());
    }

    @Test
    void flagOnlySaysSoAndChangesNothing() {
        List<ComposedStatement> s = statements();
        BudgetScaling.Outcome o = BudgetScaling.apply(s, new BigDecimal("7000.00"), "CNY", "CNY", null);
        assertTrue(o.overBudget());
        assertEquals(OverBudgetPolicy.FLAG, o.policy());
        assertNull(o.scaleFactor());
        assertEquals(new BigDecimal("8440.00"), o.cost());
        assertEquals(new BigDecimal("2640.00"), s.get(0).lines().get(0).amount());
        assertEquals("Cost 8,440.00 over budget 7,000.00 by 1,440.00: flagged, nothing scaled", o.explanation());
    }

    @Test
    void withinBudgetOrWithoutOneNothingHappens() {
        BudgetScaling.Outcome o = BudgetScaling.apply(statements(), new BigDecimal("9000"), "CNY", "CNY",
                new OverBudget(OverBudgetPolicy.SCALE, null));
        assertFalse(o.overBudget());
        assertEquals("Cost 8,440.00 within budget 9,000.00 (560.00 left)", o.explanation());
        assertNull(BudgetScaling.apply(statements(), null, null, "CNY", null));
    }
}
