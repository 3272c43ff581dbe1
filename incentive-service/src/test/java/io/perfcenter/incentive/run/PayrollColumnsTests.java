package io.perfcenter.incentive.run;

import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.client.MetricAggregates;
import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.salary.Salary;
import io.perfcenter.incentive.section.CheckedSections;
import io.perfcenter.incentive.section.LineKind;
import io.perfcenter.incentive.section.SectionRegistry;
import io.perfcenter.incentive.section.SectionRegistryTests;
import io.perfcenter.incentive.statement.ComposedStatement;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.StatementComposer;
import io.perfcenter.incentive.statement.UnitOutcome;
import io.perfcenter.incentive.statement.UnitOutcome.HonorWin;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the plan sections compose and what the payroll export shows are one list of line kinds: a statement of a plan
 * with every section has every line kind, each money line has its column, each entitlement its text.
 */
class PayrollColumnsTests {

    @Test
    void theColumnsAreTheContractOrder() {
        assertEquals(List.of("runId", "revision", "planCode", "planVersion", "period", "unitCode", "employeeId",
                "currency", "performance-pay", "target-bonus", "challenge-bonus", "commission", "team-share", "honor",
                "points", "total", "entitlements", "flags"), PayrollExport.header());
    }

    @Test
    void everyLineKindComposedHasItsColumnOrItsEntitlementText() {
        List<ComposedStatement> statements = composeEverySection();
        Set<String> composed = new TreeSet<>();
        for (ComposedStatement s : statements) {
            for (ComputedLine line : s.lines()) {
                composed.add(line.kind());
                if (line.monetary()) {
                    assertTrue(PayrollExport.header().contains(line.kind()), line.kind() + " has no payroll column");
                } else {
                    String text = SectionRegistry.entitlement(line.kind(), line.source());
                    assertNotEquals(line.kind(), text, line.kind() + " has no entitlement text in the export");
                }
            }
        }
        assertEquals(SectionRegistry.LINE_KINDS.stream().map(LineKind::name).collect(Collectors.toCollection(
                TreeSet::new)), composed, "a plan with every section writes every line kind, and only those");
        for (String kind : PayrollExport.KINDS) {
            assertTrue(SectionRegistry.LINE_KINDS.contains(LineKind.paid(kind)), kind + " is a column but no paid kind");
        }
    }

    private static List<ComposedStatement> composeEverySection() {
        CheckedSections checked = SectionRegistry.check(SectionRegistryTests.fullPlan());
        IncentivePlan plan = new IncentivePlan();
        plan.code = "FULL";
        plan.version = 1;
        plan.currency = "CNY";
        plan.performancePayShare = new BigDecimal("0.30");
        plan.gradeCoefficients = checked.coefficients();
        plan.setSections(checked.sections());
        List<Scorecard> cards = List.of(card("E1", "96", "excellent", 1, "0.92", "150000"),
                card("E2", "85", "good", 2, "0.70", "50000"));
        Map<String, Salary> salaries = Map.of(
                "E1", new Salary("E1", LocalDate.of(2026, 1, 1), new BigDecimal("8000.00"), "CNY"),
                "E2", new Salary("E2", LocalDate.of(2026, 1, 1), new BigDecimal("6000.00"), "CNY"));
        Map<String, List<HonorWin>> honors = Map.of("E1", List.of(
                new HonorWin("SERVICE-STAR", "Service star", null, "2026-10", 1, Explanation.same("best csat"), 1L),
                new HonorWin("ALL-ROUND", "All-round", null, "2026-10", 1, Explanation.same("best overall"), 2L)));
        return new StatementComposer().compose(new StatementComposer.Inputs(plan, "2026-10", "G1", cards, salaries,
                Map.of(), MetricAggregates.none(), honors, null, null,
                Map.of("E1", new UnitOutcome.PointsEarned(130, Map.of("CSAT-OCT", 130))))).statements();
    }

    private static Scorecard card(String id, String total, String grade, int rank, String fcr, String sales) {
        return new Scorecard(1L, id, "G1", "2026-10", new BigDecimal(total), grade, rank, "PUBLISHED", List.of(
                new Scorecard.Item("fcr", "fcr", new BigDecimal(fcr), 10L, BigDecimal.ONE, false),
                new Scorecard.Item("sales", "sales_amount", new BigDecimal(sales), 10L, BigDecimal.ONE, false)));
    }
}
