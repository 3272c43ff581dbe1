package io.perfcenter.scoring.rule;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule kind states the points it can give, derived from its parameters, and can be made worth a stated number
 * of points; the explanation then speaks in those points.
 */
class PointRangeTests {

    @Test
    void linearIsWorthItsPoints() {
        // "10 points at ≤ 5 min, 0 at ≥ 10 min, linear between", without an expression
        LinearRule aht = new LinearRule(new BigDecimal("5"), new BigDecimal("10"), BigDecimal.TEN, "min");
        assertTrue(aht.check().isEmpty());
        assertRange("0", "10", aht);
        // 10 × (10 − 6.5) / (10 − 5) = 10 × 0.7 = 7
        RuleScore score = aht.score(new BigDecimal("6.5"));
        assertEquals(new BigDecimal("7.00"), score.points());
        assertEquals("6.5 min lies between 5 min (full marks) and 10 min (zero): 10 × (10 − 6.5) / (10 − 5) = 7 of "
                + "10 points", score.explanation().en());
        assertEquals(new BigDecimal("2.00"), aht.score(new BigDecimal("9")).points());
        assertEquals(new BigDecimal("10.00"), aht.score(new BigDecimal("4")).points());
        assertEquals("4 min ≤ 5 min (full marks) → 10 of 10 points", aht.score(new BigDecimal("4")).explanation().en());
        assertEquals(new BigDecimal("0.00"), aht.score(new BigDecimal("11")).points());
        assertRange("0", "100", new LinearRule(new BigDecimal("4.8"), new BigDecimal("3"), null));
        assertEquals("points", new LinearRule(BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, null).check().get(0)
                .field());
    }

    @Test
    void lookupTableRunsFromItsWorstToItsBestRow() {
        assertRange("0", "30", LookupTableRuleTests.ERRORS);
        // legacy maxPoints 30: scaled to 0–100
        assertRange("0", "100", new LookupTableRule(LookupTableRuleTests.ERRORS.table(), new BigDecimal("30"), "errors"));
        // worth 10 points: the best row (30) earns them; 5 errors → 27.5 × 10 / 30 = 9.1666… → 9.17
        LookupTableRule tenPoints = new LookupTableRule(LookupTableRuleTests.ERRORS.table(), null, BigDecimal.TEN,
                "errors");
        assertTrue(tenPoints.check().isEmpty());
        assertRange("0", "10", tenPoints);
        RuleScore score = tenPoints.score(new BigDecimal("5"));
        assertEquals(new BigDecimal("9.17"), score.points());
        assertEquals("5 errors (row 4 < value ≤ 5) → 27.5; 27.5 / 30 (max) × 10 = 9.17 of 10 points",
                score.explanation().en());
        assertEquals(new BigDecimal("10.00"), tenPoints.score(new BigDecimal("2")).points());
    }

    @Test
    void bandedDeductionRunsFromTheLargestDeductionToItsMax() {
        // deductions 0, 3, 6, 12 and (below 80) everything: 0–30
        assertRange("0", "30", BandedDeductionRuleTests.QA);
        BandedDeductionRule mild = new BandedDeductionRule(new BigDecimal("30"), BandedDeductionRuleTests.QA.bands(),
                new BigDecimal("20"), null, null);
        assertRange("10", "30", mild);
        // worth 10: 96 → 30 − 3 = 27 → 27 × 10 / 30 = 9
        BandedDeductionRule tenPoints = new BandedDeductionRule(new BigDecimal("30"),
                BandedDeductionRuleTests.QA.bands(), null, null, BigDecimal.TEN, "QA points");
        assertRange("0", "10", tenPoints);
        assertEquals(new BigDecimal("9.00"), tenPoints.score(new BigDecimal("96")).points());
    }

    @Test
    void perIncidentRunsFromItsFloorToItsMax() {
        assertRange("0", "10", PerIncidentRuleTests.VIOLATIONS);
        PerIncidentRule floored = new PerIncidentRule(BigDecimal.TEN, new BigDecimal("0.5"), new BigDecimal("2"), null,
                new BigDecimal("5"), "violations");
        // floor 2 and max 10, worth 5: 1–5; 3 violations → 8.5 × 5 / 10 = 4.25
        assertRange("1", "5", floored);
        assertEquals(new BigDecimal("4.25"), floored.score(new BigDecimal("3")).points());
    }

    @Test
    void tieredRateHasNoMaximumUnlessItIsScaled() {
        TieredRateRule raw = new TieredRateRule(TieredRateRuleTests.CALL_TIERS, null, null, "calls");
        assertEquals(new PointRange(BigDecimal.ZERO, null), raw.pointRange());
        assertNull(raw.fullPoints());
        assertRange("0", "100", new TieredRateRule(TieredRateRuleTests.CALL_TIERS, null, new BigDecimal("1500"),
                "calls"));
        // worth 40 at 1,500 raw points: 2,412 calls → 1,326.6 × 40 / 1,500 = 35.376 → 35.38
        TieredRateRule forty = new TieredRateRule(TieredRateRuleTests.CALL_TIERS, null, new BigDecimal("1500"),
                new BigDecimal("40"), "calls");
        assertRange("0", "40", forty);
        assertEquals("2,412 calls × 0.55 (tier 2300–2500) = 1,326.6; 1,326.6 / 1,500 (max) × 40 = 35.38 of 40 "
                + "points", forty.score(new BigDecimal("2412")).explanation().en());
        var invalid = new TieredRateRule(TieredRateRuleTests.CALL_TIERS, null, null, new BigDecimal("40"), "calls")
                .check();
        assertEquals("points", invalid.get(0).field());
    }

    @Test
    void targetAchievementPaysUpToItsCapButItsPointsEarnTheWeight() {
        TargetAchievementRule capped = new TargetAchievementRule(new BigDecimal("0.9"), null, new BigDecimal("1.2"),
                null, null);
        assertRange("0", "120", capped);
        assertEquals(new BigDecimal("100"), capped.fullPoints());
        assertRange("0", "100", new TargetAchievementRule(new BigDecimal("0.9"), null, null, null, null));
    }

    @Test
    void manualRatingRunsFromTheLowestToTheTopRating() {
        // 1 of 5 → 20, 5 of 5 → 100
        assertRange("20", "100", ManualRatingRuleTests.DE_NENG_JI_QIN);
        ManualRatingRule tenPoints = new ManualRatingRule(null, null, null, List.of(
                new ManualRatingRule.Rater("supervisor", new BigDecimal("100"))), BigDecimal.TEN);
        assertRange("2", "10", tenPoints);
    }

    @Test
    void expressionIsBoundedByItsMinAndMax() {
        assertRange("0", "100", new ExpressionRule("value * 100.0", null, BigDecimal.ZERO, new BigDecimal("100")));
        ExpressionRule open = new ExpressionRule("value * 100.0", null, null, null);
        assertEquals(new PointRange(null, null), open.pointRange());
        assertNull(open.fullPoints());
    }

    @Test
    void aRangeSaysWhetherPointsLieWithinIt() {
        PointRange range = new PointRange(BigDecimal.ZERO, BigDecimal.TEN);
        assertTrue(range.contains(BigDecimal.TEN));
        assertFalse(range.contains(new BigDecimal("10.01")));
        assertFalse(range.contains(new BigDecimal("-1")));
        assertTrue(new PointRange(BigDecimal.ZERO, null).contains(new BigDecimal("1326.6")));
    }

    private static void assertRange(String min, String max, ScoringRule rule) {
        assertEquals(new PointRange(new BigDecimal(min), new BigDecimal(max)), rule.pointRange(), rule.toString());
    }
}
