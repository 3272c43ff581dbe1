package io.perfcenter.scoring.rule;

import io.perfcenter.scoring.rule.TieredRateRule.Mode;
import io.perfcenter.scoring.rule.TieredRateRule.Tier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/domain.md §3, talk volume per month: ≤2000 calls → 0.4 per call; 2000–2300 → 0.5; 2300–2500 → 0.55;
 * 2500–2800 → 0.6; 2800–3000 → 0.65; >3000 → 0.7, the whole volume at the rate of its tier (or per bracket).
 */
public class TieredRateRuleTests {

    public static final List<Tier> CALL_TIERS = List.of(
            tier("2000", "0.4"), tier("2300", "0.5"), tier("2500", "0.55"), tier("2800", "0.6"),
            tier("3000", "0.65"), tier(null, "0.7"));

    private static final TieredRateRule WHOLE = new TieredRateRule(CALL_TIERS, null, null, "calls");

    @Test
    void domainExampleWholeVolumeAtItsTiersRate() {
        RuleScore score = WHOLE.score(new BigDecimal("2412"));
        assertEquals(new BigDecimal("1326.60"), score.points());
        assertEquals("2,412 calls × 0.55 (tier 2300–2500) = 1,326.6 points", score.explanation().en());
    }

    @Test
    void aTierHoldsValuesUpToAndIncludingItsBound() {
        assertPoints("800.00", WHOLE, "2000");      // 2000 × 0.4
        assertPoints("1000.50", WHOLE, "2001");     // 2001 × 0.5
        assertPoints("1150.00", WHOLE, "2300");     // 2300 × 0.5
        assertPoints("1375.00", WHOLE, "2500");     // 2500 × 0.55
        assertPoints("1680.00", WHOLE, "2800");     // 2800 × 0.6
        assertPoints("1950.00", WHOLE, "3000");     // 3000 × 0.65
        assertPoints("2100.70", WHOLE, "3001");     // 3001 × 0.7
        assertPoints("0.00", WHOLE, "0");
        assertEquals("2,000 calls × 0.4 (tier up to 2000) = 800 points",
                WHOLE.score(new BigDecimal("2000")).explanation().en());
        assertEquals("3,001 calls × 0.7 (tier above 3000) = 2,100.7 points",
                WHOLE.score(new BigDecimal("3001")).explanation().en());
    }

    @Test
    void progressivePaysEachBracketAtItsRate() {
        TieredRateRule progressive = new TieredRateRule(CALL_TIERS, Mode.PROGRESSIVE, null, "calls");
        RuleScore score = progressive.score(new BigDecimal("2412"));
        // 2000 × 0.4 + 300 × 0.5 + 112 × 0.55 = 800 + 150 + 61.6
        assertEquals(new BigDecimal("1011.60"), score.points());
        assertEquals("2,412 calls, each bracket at its rate: 2,000 × 0.4 + 300 × 0.5 + 112 × 0.55 = 1,011.6 points",
                score.explanation().en());
        // 800 + 150 + 110 + 180 + 130 + 100 × 0.7
        assertPoints("1440.00", progressive, "3100");
        assertPoints("800.00", progressive, "2000");
    }

    @Test
    void maxPointsScalesTo100AndExplainsBothNumbers() {
        TieredRateRule scaled = new TieredRateRule(CALL_TIERS, null, new BigDecimal("1500"), "calls");
        RuleScore score = scaled.score(new BigDecimal("2412"));
        assertEquals(new BigDecimal("88.44"), score.points());
        assertEquals("2,412 calls × 0.55 (tier 2300–2500) = 1,326.6; 1,326.6 / 1,500 (max) × 100 = 88.44 points",
                score.explanation().en());
        RuleScore capped = scaled.score(new BigDecimal("3100"));
        assertEquals(new BigDecimal("100.00"), capped.points());
        assertTrue(capped.explanation().en().endsWith("2,170 / 1,500 (max) × 100 = 144.67, capped at 100 points"),
                capped.explanation().en());
    }

    @Test
    void parametersAreChecked() {
        assertField("tiers", new TieredRateRule(List.of(), null, null, null));
        assertField("tiers[5].upTo", new TieredRateRule(List.of(tier("2000", "0.4"), tier("2300", "0.5"),
                tier("2500", "0.55"), tier("2800", "0.6"), tier("3000", "0.65"), tier("3500", "0.7")), null, null, null));
        assertField("tiers[1].upTo", new TieredRateRule(List.of(tier("2000", "0.4"), tier(null, "0.5"),
                tier(null, "0.6")), null, null, null));
        assertField("tiers[1].upTo", new TieredRateRule(List.of(tier("2000", "0.4"), tier("1500", "0.5"),
                tier(null, "0.6")), null, null, null));
        assertField("tiers[0].rate", new TieredRateRule(List.of(tier("2000", "-0.4"), tier(null, "0.5")), null, null,
                null));
        assertField("tiers[1].rate", new TieredRateRule(List.of(tier("2000", "0.4"), tier(null, null)), null, null,
                null));
        assertField("maxPoints", new TieredRateRule(CALL_TIERS, null, BigDecimal.ZERO, null));
        assertTrue(WHOLE.check().isEmpty());
    }

    private static void assertField(String field, TieredRateRule rule) {
        assertEquals(field, rule.check().get(0).field(), rule.check().toString());
    }

    private static void assertPoints(String expected, TieredRateRule rule, String value) {
        assertEquals(new BigDecimal(expected), rule.score(new BigDecimal(value)).points(), "points for " + value);
    }

    static Tier tier(String upTo, String rate) {
        return new Tier(upTo == null ? null : new BigDecimal(upTo), rate == null ? null : new BigDecimal(rate));
    }
}
