package io.perfcenter.incentive.section;

import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.section.PointsConversionSection.PointsConversion;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.FiguresByMeasure;
import io.perfcenter.incentive.statement.UnitOutcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Points are not money until a plan converts them: points earned in the month × rate per point, exact, rounded
 * HALF_UP to the cent once, then held to the cap. Every figure below is worked out by hand.
 */
class PointsConversionTests {

    private static ComputedLine line(String rate, String cap, Map<String, Integer> byContest) {
        IncentivePlan plan = new IncentivePlan();
        plan.code = "POINTS";
        plan.version = 2;
        plan.currency = "CNY";
        plan.setSections(new PlanSections(null, null, null, null, null, null, null,
                new PointsConversion(new BigDecimal(rate), cap == null ? null : new BigDecimal(cap))));
        Scorecard card = new Scorecard(1L, "E1", "G1", "2026-10", new BigDecimal("88"), "good", 1, "PUBLISHED",
                List.of());
        Map<String, UnitOutcome.PointsEarned> points = byContest == null ? Map.of() : Map.of("E1",
                new UnitOutcome.PointsEarned(byContest.values().stream().mapToInt(Integer::intValue).sum(), byContest));
        UnitOutcome unit = new UnitOutcome("G1", "2026-10", BigDecimal.ZERO, 0, null, Map.of(), points);
        List<ComputedLine> lines = new PointsConversionSection().lines(new PlanSection.Facts(plan, card, null, null,
                new FiguresByMeasure(card, Map.of()), unit));
        assertEquals(1, lines.size());
        return lines.get(0);
    }

    private static Map<String, Integer> contests(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void onHundredThirtyPointsAtHalfACurrencyUnitCappedAtFiftyPaysFifty() {
        // 130 × 0.50 = 65.00 > cap 50.00 → 50.00
        ComputedLine l = line("0.50", "50.00", contests("CSAT-OCT", 80, "AHT-OCT", 50));
        assertEquals("points", l.kind());
        assertTrue(l.monetary());
        assertEquals(new BigDecimal("50.00"), l.amount());
        assertEquals("130 points earned in 2026-10 (CSAT-OCT 80, AHT-OCT 50) × 0.5 per point = 65.00, capped at "
                + "50.00: 50.00", l.explanation());
        assertEquals(new BigDecimal("65.00"), l.source().get("unconverted"));
        assertEquals(130, l.source().get("points"));
    }

    @Test
    void belowTheCapPaysThePointsAtTheRate() {
        // 130 × 0.50 = 65.00, no cap
        assertEquals(new BigDecimal("65.00"), line("0.50", null, contests("CSAT-OCT", 130)).amount());
        // 90 × 0.50 = 45.00 < cap 50.00
        assertEquals(new BigDecimal("45.00"), line("0.50", "50.00", contests("CSAT-OCT", 90)).amount());
        // 100 × 0.50 = 50.00 = cap: not "capped"
        ComputedLine atCap = line("0.50", "50.00", contests("CSAT-OCT", 100));
        assertEquals(new BigDecimal("50.00"), atCap.amount());
        assertEquals("100 points earned in 2026-10 (CSAT-OCT 100) × 0.5 per point = 50.00: 50.00",
                atCap.explanation());
    }

    @Test
    void theProductIsRoundedHalfUpToTheCentOnce() {
        // 9 × 0.335 = 3.015 → 3.02 (HALF_UP), 7 × 0.3333 = 2.3331 → 2.33, 1 × 0.005 = 0.005 → 0.01
        assertEquals(new BigDecimal("3.02"), line("0.335", null, contests("C", 9)).amount());
        assertEquals(new BigDecimal("2.33"), line("0.3333", null, contests("C", 7)).amount());
        ComputedLine one = line("0.005", null, contests("C", 1));
        assertEquals(new BigDecimal("0.01"), one.amount());
        assertEquals("1 point earned in 2026-10 (C 1) × 0.005 per point = 0.01: 0.01", one.explanation());
    }

    @Test
    void noPointsIsAnExplainedZeroNotASilentOne() {
        ComputedLine none = line("0.50", "50.00", null);
        assertEquals(new BigDecimal("0.00"), none.amount());
        assertEquals("no engagement points earned in 2026-10: 0.00", none.explanation());
    }
}
