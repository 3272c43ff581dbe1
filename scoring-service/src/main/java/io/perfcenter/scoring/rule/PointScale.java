package io.perfcenter.scoring.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static io.perfcenter.scoring.rule.Figures.HUNDRED;
import static io.perfcenter.scoring.rule.Figures.format;

/**
 * The last step of the rules that produce raw points (tiered rate, lookup table, deductions): count them as they are,
 * or, with {@code maxPoints} (the raw points that earn full points), scale them to the rule's {@code points} (default
 * 100): min(points, raw / maxPoints × points).
 */
final class PointScale {

    private PointScale() {
    }

    /** {@code computation} explains how the raw points came about and ends with them ("… = 1,326.6"). */
    static RuleScore finish(BigDecimal raw, BigDecimal maxPoints, BigDecimal points, Explanation computation) {
        if (maxPoints == null) {
            return new RuleScore(Figures.points(raw), computation.plus(" points", " 分"));
        }
        BigDecimal full = full(points);
        BigDecimal scaled = scale(raw, maxPoints, full);
        String of = points == null ? " points" : " of " + format(full) + " points";
        String ofZh = points == null ? " 分" : " 分，满分 " + format(full) + " 分";
        String scaling = "; " + format(raw) + " / " + format(maxPoints) + " (max) × " + format(full) + " = ";
        String scalingZh = "；" + format(raw) + " / " + format(maxPoints) + "（上限）× " + format(full) + " = ";
        if (scaled.compareTo(full) > 0) {
            return new RuleScore(Figures.points(full), computation.plus(
                    scaling + format(scaled) + ", capped at " + format(full) + of,
                    scalingZh + format(scaled) + "，封顶为 " + format(full) + ofZh));
        }
        return new RuleScore(scaled, computation.plus(scaling + format(scaled) + of,
                scalingZh + format(scaled) + ofZh));
    }

    /**
     * The range of the rule's points from the range of its raw points ({@code rawMax} null: open), scaled as
     * {@link #finish} scales them.
     */
    static PointRange range(BigDecimal rawMin, BigDecimal rawMax, BigDecimal maxPoints, BigDecimal points) {
        if (maxPoints == null) {
            return new PointRange(rawMin, rawMax);
        }
        BigDecimal full = full(points);
        return new PointRange(scale(rawMin, maxPoints, full).min(full),
                rawMax == null ? full : scale(rawMax, maxPoints, full).min(full));
    }

    private static BigDecimal scale(BigDecimal raw, BigDecimal maxPoints, BigDecimal full) {
        return raw.multiply(full).divide(maxPoints, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal full(BigDecimal points) {
        return points == null ? HUNDRED : points;
    }

    static void checkMaxPoints(BigDecimal maxPoints, List<ScoringRule.InvalidParameter> invalid) {
        if (maxPoints != null && maxPoints.signum() <= 0) {
            invalid.add(new ScoringRule.InvalidParameter("maxPoints", "must be above 0"));
        }
    }

    /** {@code points}: the points the rule is worth, above 0. */
    static void checkPoints(BigDecimal points, List<ScoringRule.InvalidParameter> invalid) {
        if (points != null && points.signum() <= 0) {
            invalid.add(new ScoringRule.InvalidParameter("points", "must be above 0"));
        }
    }
}
