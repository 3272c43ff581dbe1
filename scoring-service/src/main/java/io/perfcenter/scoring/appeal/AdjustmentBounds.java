package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.rule.BandedDeductionRule;
import io.perfcenter.scoring.rule.ExpressionRule;
import io.perfcenter.scoring.rule.Figures;
import io.perfcenter.scoring.rule.LinearRule;
import io.perfcenter.scoring.rule.LookupTableRule;
import io.perfcenter.scoring.rule.ManualRatingRule;
import io.perfcenter.scoring.rule.PerIncidentRule;
import io.perfcenter.scoring.rule.ScoringRule;
import io.perfcenter.scoring.rule.TargetAchievementRule;
import io.perfcenter.scoring.rule.TieredRateRule;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateItem;
import io.perfcenter.scoring.template.TemplateOptions;
import io.perfcenter.scoring.web.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;

import java.math.BigDecimal;
import java.net.URI;

/**
 * What an adjustment on appeal may set an item's points to: what the item's rule can give, no more, no less. Rules
 * scaled with {@code maxPoints}, linear thresholds and manual ratings give 0–100; a target achievement 0 to points ×
 * cap; a lookup table its lowest to its highest row (0 if lower); per-incident and banded deductions their floor
 * (0) to their max; an expression its min (0) to its max. A tiered rate without {@code maxPoints} has no top; an
 * additive template caps the item at its weight anyway. No rule gives fewer than 0 unless its table or minimum says
 * so, so a negative adjustment is refused unless the item can be negative. The total must stay within the
 * template's maximum (the weight total of a weighted template, the sum of the weights of an additive one).
 */
final class AdjustmentBounds {

    static final URI TYPE = io.perfcenter.scoring.web.ProblemTypes.type("adjustment-out-of-range");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AdjustmentBounds() {
    }

    /** The lowest and highest points of the item; {@code max} null: no top. */
    record Range(BigDecimal min, BigDecimal max) {

        boolean holds(BigDecimal points) {
            return points.compareTo(min) >= 0 && (max == null || points.compareTo(max) <= 0);
        }

        String text() {
            return Figures.format(min) + " to " + (max == null ? "any" : Figures.format(max)) + " points";
        }
    }

    static Range of(ScorecardTemplate template, TemplateItem item) {
        Range range = ofRule(item.rule());
        boolean additive = template.optionsOrDefaults().scoringOrDefault() == TemplateOptions.Scoring.ADDITIVE;
        if (additive && item.weight() != null && (range.max() == null || range.max().compareTo(item.weight()) > 0)) {
            range = new Range(range.min(), item.weight());
        }
        return range;
    }

    private static Range ofRule(ScoringRule rule) {
        BigDecimal zero = BigDecimal.ZERO;
        if (rule instanceof LinearRule || rule instanceof ManualRatingRule) {
            return new Range(zero, HUNDRED);
        }
        if (rule instanceof TargetAchievementRule t) {
            BigDecimal points = t.points() == null ? HUNDRED : t.points();
            return new Range(zero, points.multiply(t.cap() == null ? BigDecimal.ONE : t.cap()));
        }
        if (rule instanceof ExpressionRule e) {
            return new Range(e.min() == null ? zero : e.min(), e.max());
        }
        if (rule instanceof TieredRateRule t) {
            return new Range(zero, t.maxPoints() == null ? null : HUNDRED);
        }
        if (rule instanceof LookupTableRule l) {
            if (l.maxPoints() != null) {
                return new Range(zero, HUNDRED);
            }
            BigDecimal low = zero;
            BigDecimal high = zero;
            for (LookupTableRule.Row row : l.table()) {
                low = low.min(row.points());
                high = high.max(row.points());
            }
            return new Range(low, high);
        }
        if (rule instanceof PerIncidentRule p) {
            return new Range(zero, p.maxPoints() != null ? HUNDRED : p.max());
        }
        if (rule instanceof BandedDeductionRule b) {
            return new Range(zero, b.maxPoints() != null ? HUNDRED : b.max());
        }
        // a rule kind added later: what the template can hold at most
        return new Range(zero, null);
    }

    /** The template's highest total, or null when it has none (an additive template with an uncapped item). */
    static BigDecimal maxTotal(ScorecardTemplate template) {
        TemplateOptions options = template.optionsOrDefaults();
        if (options.scoringOrDefault() == TemplateOptions.Scoring.WEIGHTED) {
            return options.weightTotalOrDefault();
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (TemplateItem item : template.items) {
            if (item.weight() == null) {
                return null;
            }
            sum = sum.add(item.weight());
        }
        return sum;
    }

    /** 422: the request is well-formed, but the points are more (or less) than the item or template can hold. */
    static HttpProblem outOfRange(String field, String reason) {
        return HttpProblem.builder()
                .withType(TYPE)
                .withTitle("Adjustment out of range")
                .withStatus(422)
                .withDetail(field + ": " + reason)
                .with("field", field)
                .with("reason", reason)
                .build();
    }
}
