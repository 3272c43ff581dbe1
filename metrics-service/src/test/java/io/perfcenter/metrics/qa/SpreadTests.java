package io.perfcenter.metrics.qa;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A calibration's spread: mean and population variance, rounded half-up at the end only. */
class SpreadTests {

    private static List<BigDecimal> values(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @Test
    void threeEvaluators80_90_100() {
        List<BigDecimal> scores = values("80.00", "90.00", "100.00");
        assertEquals(new BigDecimal("90.00"), Spread.round(Spread.mean(scores), 2));
        // (100 + 0 + 100) / 3 = 66.666… (population: divided by 3, not 2)
        assertEquals(new BigDecimal("66.67"), Spread.round(Spread.variance(scores), 2));
    }

    @Test
    void roundingHappensOnceAtTheEnd() {
        // points 10, 20, 20: mean 16.666…, variance 200 / 9 = 22.222…
        List<BigDecimal> points = values("10.0000", "20.0000", "20.0000");
        assertEquals(new BigDecimal("16.6667"), Spread.round(Spread.mean(points), 4));
        assertEquals(new BigDecimal("22.2222"), Spread.round(Spread.variance(points), 4));
    }

    @Test
    void oneValueHasNoSpreadAndNoneHasNoFigures() {
        assertEquals(0, BigDecimal.ZERO.compareTo(Spread.variance(values("75.50"))));
        assertNull(Spread.mean(List.of()));
        assertNull(Spread.variance(List.of()));
        assertNull(Spread.round(null, 2));
    }
}
