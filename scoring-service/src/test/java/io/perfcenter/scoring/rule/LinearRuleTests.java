package io.perfcenter.scoring.rule;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/domain.md §3: reply within 5 minutes earns full marks, over 10 minutes nothing; and CSAT the other way round.
 */
class LinearRuleTests {

    private static final LinearRule REPLY_MINUTES = new LinearRule(new BigDecimal("5"), new BigDecimal("10"), "min");
    private static final LinearRule CSAT = new LinearRule(new BigDecimal("4.8"), new BigDecimal("3.0"), null);

    @Test
    void lowerIsBetterFromFullToZero() {
        assertPoints("100.00", REPLY_MINUTES, "4.2");
        assertPoints("100.00", REPLY_MINUTES, "5");
        assertPoints("50.00", REPLY_MINUTES, "7.5");
        assertPoints("80.00", REPLY_MINUTES, "6");
        assertPoints("0.00", REPLY_MINUTES, "10");
        assertPoints("0.00", REPLY_MINUTES, "12");
    }

    @Test
    void higherIsBetterFromZeroToFull() {
        assertPoints("100.00", CSAT, "4.9");
        assertPoints("100.00", CSAT, "4.8");
        assertPoints("83.33", CSAT, "4.5");
        assertPoints("0.00", CSAT, "3.0");
        assertPoints("0.00", CSAT, "2.1");
    }

    @Test
    void explanationShowsTheThresholdsAndTheArithmetic() {
        // in the rule's points (100 unless it says otherwise), the differences written positive either way
        assertEquals("4.2 min ≤ 5 min (full marks) → 100 of 100 points",
                REPLY_MINUTES.score(new BigDecimal("4.2")).explanation().en());
        assertEquals("12 min ≥ 10 min (zero) → 0 of 100 points",
                REPLY_MINUTES.score(new BigDecimal("12")).explanation().en());
        assertEquals("7.5 min lies between 5 min (full marks) and 10 min (zero): 100 × (10 − 7.5) / (10 − 5) = 50 "
                + "of 100 points", REPLY_MINUTES.score(new BigDecimal("7.5")).explanation().en());
        assertEquals("4.5 lies between 4.8 (full marks) and 3 (zero): 100 × (4.5 − 3) / (4.8 − 3) = 83.33 of 100 "
                + "points", CSAT.score(new BigDecimal("4.5")).explanation().en());
    }

    @Test
    void thresholdsAreRequiredAndMustDiffer() {
        assertEquals("full", new LinearRule(null, BigDecimal.TEN, null).check().get(0).field());
        assertEquals("zero", new LinearRule(BigDecimal.ONE, null, null).check().get(0).field());
        var same = new LinearRule(BigDecimal.TEN, new BigDecimal("10.0"), null).check();
        assertEquals("full", same.get(0).field());
        assertTrue(same.get(0).reason().contains("differ"));
        assertTrue(REPLY_MINUTES.check().isEmpty());
    }

    private static void assertPoints(String expected, LinearRule rule, String value) {
        assertEquals(new BigDecimal(expected), rule.score(new BigDecimal(value)).points(), "points for " + value);
    }
}
