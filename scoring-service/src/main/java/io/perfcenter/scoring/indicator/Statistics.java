package io.perfcenter.scoring.indicator;

import io.perfcenter.scoring.indicator.IndicatorPayloads.Correlation;
import io.perfcenter.scoring.indicator.IndicatorPayloads.Summary;
import io.perfcenter.scoring.rule.Figures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The figures of an indicator review, computed exactly with BigDecimal (34 significant digits) and rounded once at
 * the end to {@link #SCALE} decimals, half up:
 * <ul>
 *   <li>quartiles by linear interpolation between the closest ranks (position (n − 1) × p of the sorted values,
 *   counted from 0: Excel's QUARTILE.INC, R's type 7, numpy's default); the median is the second quartile;</li>
 *   <li>the population standard deviation √(Σ(x − mean)² / n);</li>
 *   <li>Pearson's r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² × Σ(y − ȳ)²), none with the reason when fewer than
 *   {@link #MIN_PAIRS} pairs or when either side does not vary.</li>
 * </ul>
 */
final class Statistics {

    static final int SCALE = 4;
    static final int MIN_PAIRS = 3;
    private static final MathContext EXACT = MathContext.DECIMAL128;

    private Statistics() {
    }

    /** Min, quartiles, max, mean and population standard deviation; none for no values. */
    static Summary summary(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal mean = mean(sorted);
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal x : sorted) {
            BigDecimal d = x.subtract(mean, EXACT);
            squares = squares.add(d.multiply(d, EXACT), EXACT);
        }
        BigDecimal variance = squares.divide(BigDecimal.valueOf(n), EXACT);
        return new Summary(n, Figures.plain(sorted.get(0)), round(quantile(sorted, 1, 4)),
                round(quantile(sorted, 2, 4)), round(quantile(sorted, 3, 4)), Figures.plain(sorted.get(n - 1)),
                round(mean), round(variance.sqrt(EXACT)));
    }

    /** The p = num/den quantile of sorted values, interpolated at position (n − 1) × p. */
    static BigDecimal quantile(List<BigDecimal> sorted, int num, int den) {
        int n = sorted.size();
        // position = (n − 1) × num / den = whole + fraction / den
        int scaled = (n - 1) * num;
        int whole = scaled / den;
        int fraction = scaled % den;
        BigDecimal low = sorted.get(whole);
        if (fraction == 0) {
            return low;
        }
        BigDecimal high = sorted.get(whole + 1);
        return low.add(high.subtract(low).multiply(BigDecimal.valueOf(fraction))
                .divide(BigDecimal.valueOf(den), EXACT), EXACT);
    }

    static Correlation pearson(List<BigDecimal> xs, List<BigDecimal> ys) {
        int n = xs.size();
        if (n < MIN_PAIRS) {
            return new Correlation(null, n, "fewer than " + MIN_PAIRS + " agents with both values (" + n + ")");
        }
        BigDecimal mx = mean(xs);
        BigDecimal my = mean(ys);
        BigDecimal sxy = BigDecimal.ZERO;
        BigDecimal sxx = BigDecimal.ZERO;
        BigDecimal syy = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal dx = xs.get(i).subtract(mx, EXACT);
            BigDecimal dy = ys.get(i).subtract(my, EXACT);
            sxy = sxy.add(dx.multiply(dy, EXACT), EXACT);
            sxx = sxx.add(dx.multiply(dx, EXACT), EXACT);
            syy = syy.add(dy.multiply(dy, EXACT), EXACT);
        }
        if (sxx.signum() == 0) {
            return new Correlation(null, n, "the metric has the same value for every agent (no variance)");
        }
        if (syy.signum() == 0) {
            return new Correlation(null, n, "csat has the same value for every agent (no variance)");
        }
        BigDecimal r = sxy.divide(sxx.multiply(syy, EXACT).sqrt(EXACT), EXACT);
        return new Correlation(round(r), n, null);
    }

    /** 100 × part / whole, 2 decimals half up; none for an empty whole. */
    static BigDecimal share(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return Figures.plain(BigDecimal.valueOf(100L * part).divide(BigDecimal.valueOf(whole), 2,
                RoundingMode.HALF_UP));
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            sum = sum.add(v, EXACT);
        }
        return sum.divide(BigDecimal.valueOf(values.size()), EXACT);
    }

    private static BigDecimal round(BigDecimal value) {
        return Figures.plain(value.setScale(SCALE, RoundingMode.HALF_UP));
    }
}
