package io.perfcenter.incentive.section;

import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.section.PerformancePaySection.ScoreBand;
import io.perfcenter.incentive.salary.Salary;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** DOMAIN §4: "A in (95,100] excellent K=1.1, (90,95] good, (85,90] …" — a coefficient table K per score band. */
class PerformancePayByBandTests {

    static IncentivePlan kTable() {
        IncentivePlan plan = new IncentivePlan();
        plan.code = "K-TABLE";
        plan.version = 3;
        plan.currency = "CNY";
        plan.performancePayShare = new BigDecimal("0.30");
        plan.setSections(new PlanSections(List.of(
                new ScoreBand("(95,100]", new BigDecimal("1.1"), "A"),
                new ScoreBand("(90,95]", new BigDecimal("1.0"), "B"),
                new ScoreBand("(85,90]", new BigDecimal("0.9"), "C")), null, null, null, null, null, null));
        return plan;
    }

    static Salary salary(String amount) {
        return new Salary("E1", null, new BigDecimal(amount), "CNY");
    }

    static Scorecard card(String total) {
        return new Scorecard(9L, "E1", "G1", "2026-10", new BigDecimal(total), "whatever", 1, "PUBLISHED", List.of());
    }

    private static ComputedLine line(String total) {
        return new PerformancePaySection().lines(new PlanSection.Facts(kTable(), card(total), salary("8000.00"))).get(0);
    }

    @Test
    void theBandOfTheTotalGivesTheCoefficient() {
        ComputedLine a = line("96.5");
        assertEquals(new BigDecimal("2640.00"), a.amount());
        assertEquals("8,000.00 × 30% × 1.1 (score 96.5 in (95,100] A) = 2,640.00", a.explanation());
        assertEquals("(95,100]", a.source().get("band"));
        assertEquals(3, a.source().get("planVersion"));
    }

    @Test
    void anUpperBoundIsInItsBandAndALowerBoundIsNot() {
        assertEquals("8,000.00 × 30% × 1.0 (score 95 in (90,95] B) = 2,400.00", line("95").explanation());
        assertEquals(new BigDecimal("2160.00"), line("90").amount());
        assertEquals(new BigDecimal("2640.00"), line("100").amount());
    }

    @Test
    void aTotalInNoBandIsFlaggedNeverPaidZero() {
        ComputedLine none = line("85");
        assertNull(none.amount());
        assertEquals(List.of(PerformancePaySection.SCORE_NOT_IN_BANDS), none.flags());
        assertEquals("Score 85 is in no score band of plan K-TABLE version 3: performance pay not computed",
                none.explanation());
    }
}
