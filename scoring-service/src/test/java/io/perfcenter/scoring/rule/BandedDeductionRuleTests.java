package io.perfcenter.scoring.rule;

import io.perfcenter.scoring.rule.BandedDeductionRule.Band;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/domain.md §3 (seed 004), QA recording score, max 30: 99–100 → no deduction; 95–98 → deduct … (the source is cut
 * off; the bands below 95 here are an example of how HR continues them).
 */
class BandedDeductionRuleTests {

    static final BandedDeductionRule QA = new BandedDeductionRule(new BigDecimal("30"), List.of(
            band("99", "0"), band("95", "3"), band("90", "6"), band("80", "12")), null, null, "QA points");

    @Test
    void domainExampleNoDeductionFrom99AndADeductionFrom95() {
        assertEquals(new BigDecimal("30.00"), QA.score(new BigDecimal("100")).points());
        assertEquals(new BigDecimal("30.00"), QA.score(new BigDecimal("99")).points());
        assertEquals(new BigDecimal("27.00"), QA.score(new BigDecimal("98")).points());
        assertEquals(new BigDecimal("27.00"), QA.score(new BigDecimal("95")).points());
        assertEquals(new BigDecimal("24.00"), QA.score(new BigDecimal("94.5")).points());
        assertEquals(new BigDecimal("18.00"), QA.score(new BigDecimal("80")).points());
        // below every band: everything is deducted unless `otherwise` says less
        assertEquals(new BigDecimal("0.00"), QA.score(new BigDecimal("79")).points());
        BandedDeductionRule lenient = new BandedDeductionRule(QA.max(), QA.bands(), new BigDecimal("20"), null, null);
        assertEquals(new BigDecimal("10.00"), lenient.score(new BigDecimal("50")).points());
    }

    @Test
    void explainsTheBandAndTheDeduction() {
        assertEquals("96 QA points (band ≥ 95): 30 − 3 = 27 points", QA.score(new BigDecimal("96")).explanation().en());
        assertEquals("70 QA points (below 80): 30 − 30 = 0 points", QA.score(new BigDecimal("70")).explanation().en());
    }

    @Test
    void checkNamesTheParameter() {
        assertEquals("bands[1].atLeast", new BandedDeductionRule(new BigDecimal("30"),
                List.of(band("95", "0"), band("99", "3")), null, null, null).check().get(0).field());
        assertEquals("bands[0].deduct", new BandedDeductionRule(new BigDecimal("30"),
                List.of(band("95", "-1")), null, null, null).check().get(0).field());
        assertEquals("max", new BandedDeductionRule(null, List.of(band("95", "0")), null, null, null).check().get(0)
                .field());
    }

    static Band band(String atLeast, String deduct) {
        return new Band(new BigDecimal(atLeast), new BigDecimal(deduct));
    }
}
