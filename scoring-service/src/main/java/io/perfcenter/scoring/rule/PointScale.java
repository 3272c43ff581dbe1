package io.perfcenter.scoring.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static io.perfcenter.scoring.rule.Figures.HUNDRED;
import static io.perfcenter.scoring.rule.Figures.format;

/**
 * The last step of the rules that produce raw points (tiered rate, lookup table, deductions): count them as they are,
 * or, with {@code maxPoints}, scale them to 0–100 for weighting: min(100, raw / maxPoints × 100).
 */
final class PointScale {

    private PointScale() {
    }

    /** {@code computation} explains how the raw points came about and ends with them ("… = 1,326.6"). */
    static RuleScore finish(BigDecimal raw, BigDecimal maxPoints, String computation) {
        if (maxPoints == null) {
            return new RuleScore(Figures.points(raw), computation + " points");
        }
        BigDecimal scaled = raw.multiply(HUNDRED).divide(maxPoints, 2, RoundingMode.HALF_UP);
        String scaling = computation + "; " + format(raw) + " / " + format(maxPoints) + " (max) × 100 = ";
        if (scaled.compareTo(HUNDRED) > 0) {
            return new RuleScore(Figures.points(HUNDRED), scaling + format(scaled) + ", capped at 100 points");
        }
        return new RuleScore(scaled, scaling + format(scaled) + " points");
    }

    static void checkMaxPoints(BigDecimal maxPoints, List<ScoringRule.InvalidParameter> invalid) {
        if (maxPoints != null && maxPoints.signum() <= 0) {
            invalid.add(new ScoringRule.InvalidParameter("maxPoints", "must be above 0"));
        }
    }
}
