package io.perfcenter.scoring.indicator;

import io.perfcenter.scoring.indicator.IndicatorPayloads.AimFlag;
import io.perfcenter.scoring.indicator.IndicatorPayloads.Correlation;
import io.perfcenter.scoring.indicator.IndicatorPayloads.Summary;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The review's figures on four agents, worked out by hand. */
class StatisticsTests {

    @Test
    void quartilesInterpolateBetweenTheClosestRanks() {
        // AHT 480, 300, 420, 360 s: sorted 300 360 420 480; Q1 at (4 − 1) × 0.25 = 0.75: 300 + 0.75 × 60 = 345;
        // median at 1.5: 360 + 0.5 × 60 = 390; Q3 at 2.25: 420 + 0.25 × 60 = 435; mean 1560 / 4 = 390;
        // deviations −90 −30 30 90, squares 18,000, / 4 = 4,500, √ = 67.08203… → 67.0820
        Summary s = Statistics.summary(numbers(480, 300, 420, 360));
        assertEquals(4, s.count());
        assertEquals(new BigDecimal("300"), s.min());
        assertEquals(new BigDecimal("345"), s.q1());
        assertEquals(new BigDecimal("390"), s.median());
        assertEquals(new BigDecimal("435"), s.q3());
        assertEquals(new BigDecimal("480"), s.max());
        assertEquals(new BigDecimal("390"), s.mean());
        assertEquals(new BigDecimal("67.082"), s.stdDev());
        // points 0, 33.33, 66.67, 100: Q1 0 + 0.75 × 33.33 = 24.9975; median 33.33 + 0.5 × 33.34 = 50;
        // Q3 66.67 + 0.25 × 33.33 = 75.0025; mean 50; σ = √(5,555.7778 / 4) = 37.26855 → 37.2685
        Summary p = Statistics.summary(numbers(100, 0, 66.67, 33.33));
        assertEquals(new BigDecimal("24.9975"), p.q1());
        assertEquals(new BigDecimal("50"), p.median());
        assertEquals(new BigDecimal("75.0025"), p.q3());
        assertEquals(new BigDecimal("37.2685"), p.stdDev());
        // one value: every quartile is it, no spread
        Summary one = Statistics.summary(numbers(7.5));
        assertEquals(new BigDecimal("7.5"), one.q1());
        assertEquals(new BigDecimal("0"), one.stdDev());
        assertNull(Statistics.summary(List.of()));
    }

    @Test
    void pearsonWithCsat() {
        // AHT 300 360 420 480 against CSAT 0.95 0.90 0.80 0.85: dx −90 −30 30 90, dy 0.075 0.025 −0.075 −0.025;
        // Σdxdy = −6.75 − 0.75 − 2.25 − 2.25 = −12; Σdx² = 18,000, Σdy² = 0.0125, √(225) = 15: r = −0.8
        Correlation aht = Statistics.pearson(numbers(300, 360, 420, 480), numbers(0.95, 0.90, 0.80, 0.85));
        assertEquals(new BigDecimal("-0.8"), aht.r());
        assertEquals(4, aht.pairs());
        // QA 85 90 95 80: dx −2.5 2.5 7.5 −7.5; Σdxdy = −0.5; Σdx² = 125; √(125 × 0.0125) = 1.25: r = −0.4
        assertEquals(new BigDecimal("-0.4"), Statistics.pearson(numbers(85, 90, 95, 80),
                numbers(0.95, 0.90, 0.80, 0.85)).r());
        // 1, 2, 3, 5 against 1, 3, 2, 4: x̄ 2.75, ȳ 2.5; dx −1.75 −0.75 0.25 2.25, dy −1.5 0.5 −0.5 1.5: Σdxdy = 2.625 − 0.375 − 0.125 + 3.375 = 5.5;
        // Σdx² = 3.0625 + 0.5625 + 0.0625 + 5.0625 = 8.75; Σdy² = 5; r = 5.5 / √43.75 = 0.83152… → 0.8315
        assertEquals(new BigDecimal("0.8315"), Statistics.pearson(numbers(1, 2, 3, 5), numbers(1, 3, 2, 4)).r());
    }

    @Test
    void noCorrelationWithoutEnoughAgentsOrVariance() {
        Correlation two = Statistics.pearson(numbers(1, 2), numbers(3, 4));
        assertNull(two.r());
        assertEquals("fewer than 3 agents with both values (2)", two.reason());
        assertEquals("the metric has the same value for every agent (no variance)",
                Statistics.pearson(numbers(100, 100, 100), numbers(0.8, 0.9, 1)).reason());
        assertEquals("csat has the same value for every agent (no variance)",
                Statistics.pearson(numbers(1, 2, 3), numbers(0.9, 0.9, 0.9)).reason());
    }

    @Test
    void sharesAndTheAim() {
        assertEquals(new BigDecimal("75"), Statistics.share(3, 4));
        assertEquals(new BigDecimal("33.33"), Statistics.share(1, 3));
        assertNull(Statistics.share(0, 0));
        // about 80% reach the basic target: 65–95 is near
        assertEquals(AimFlag.NEAR, IndicatorReviewService.aim(new BigDecimal("65")));
        assertEquals(AimFlag.NEAR, IndicatorReviewService.aim(new BigDecimal("95")));
        assertEquals(AimFlag.FAR_BELOW, IndicatorReviewService.aim(new BigDecimal("64.99")));
        assertEquals(AimFlag.FAR_ABOVE, IndicatorReviewService.aim(new BigDecimal("95.01")));
    }

    private static List<BigDecimal> numbers(double... values) {
        return Arrays.stream(values).mapToObj(v -> new BigDecimal(Double.toString(v))).toList();
    }
}
