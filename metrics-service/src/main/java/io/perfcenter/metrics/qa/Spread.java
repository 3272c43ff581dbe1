package io.perfcenter.metrics.qa;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * How far a calibration's evaluators are apart: the mean and the <em>population</em> variance (Σ(x − mean)² / n, the
 * evaluators being the whole population that scored the interaction, not a sample of it), computed with 34 significant
 * digits and rounded half-up at the end only. Scores 80, 90, 100: mean 90, variance (100 + 0 + 100) / 3 = 66.67.
 */
final class Spread {

    private Spread() {
    }

    /** The exact mean (34 significant digits), or null for no values. */
    static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128);
    }

    /** The population variance (34 significant digits), or null for no values; 0 for one value. */
    static BigDecimal variance(List<BigDecimal> values) {
        BigDecimal mean = mean(values);
        if (mean == null) {
            return null;
        }
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            BigDecimal d = v.subtract(mean);
            squares = squares.add(d.multiply(d, MathContext.DECIMAL128));
        }
        return squares.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128);
    }

    static BigDecimal round(BigDecimal v, int decimals) {
        return v == null ? null : v.setScale(decimals, RoundingMode.HALF_UP);
    }
}
