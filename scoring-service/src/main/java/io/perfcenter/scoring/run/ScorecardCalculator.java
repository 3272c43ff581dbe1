package io.perfcenter.scoring.run;

import io.perfcenter.scoring.client.MetricsPayloads.MetricAggregate;
import io.perfcenter.scoring.rule.Figures;
import io.perfcenter.scoring.rule.RuleContext;
import io.perfcenter.scoring.rule.RuleScore;
import io.perfcenter.scoring.scorecard.ScorecardItem;
import io.perfcenter.scoring.scorecard.ScorecardItem.Handling;
import io.perfcenter.scoring.template.InsufficientData;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateItem;
import io.perfcenter.scoring.template.TemplateOptions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one agent's (or unit's) inputs against a template version. Each item's rule gives points; an item without
 * enough data (no value, fewer samples than required, no rating or target) is handled by the item's or template's
 * policy — 0 points, neutral points, or left out with the other weights re-normalised — and always says so. Weighted
 * templates scale each item's points from its rule's own scale to its weight (points / the rule's full points ×
 * weight; rules with an open range count on a 0–100 scale), additive ones count the points themselves (capped at an
 * item's weight, which template validation keeps equal to the rule's maximum). The total
 * is rounded to 2 decimals half up and graded by the template's bands; a forced distribution is applied later, over
 * the whole run.
 */
public final class ScorecardCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext EXACT = new MathContext(16, RoundingMode.HALF_UP);

    private ScorecardCalculator() {
    }

    public record Result(BigDecimal total, String grade, List<ScorecardItem> items, String totalExplanation) {
    }

    /** Only metric values: no targets, ratings or adjustments. */
    public static Result score(ScorecardTemplate template, Map<String, MetricAggregate> values, String period) {
        return score(template, ScorecardInputs.of(values == null ? Map.of() : values), Map.of(), period);
    }

    public static Result score(ScorecardTemplate template, ScorecardInputs inputs,
                               Map<String, List<RuleContext.Rating>> ratings, String period) {
        TemplateOptions options = template.optionsOrDefaults();
        boolean additive = options.scoringOrDefault() == TemplateOptions.Scoring.ADDITIVE;
        Map<String, BigDecimal> metricValues = new HashMap<>();
        inputs.metrics().forEach((code, aggregate) -> {
            if (aggregate != null && aggregate.value() != null) {
                metricValues.put(code, aggregate.value());
            }
        });
        List<ScorecardItem> items = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal includedWeight = BigDecimal.ZERO;
        BigDecimal allWeight = BigDecimal.ZERO;
        boolean everyItemWeighted = true;
        List<String> excluded = new ArrayList<>();
        List<String> addends = new ArrayList<>();
        for (TemplateItem item : template.items) {
            ScorecardItem scored = item(item, inputs, metricValues, ratings, period, additive,
                    item.insufficientData() != null ? item.insufficientData() : options.insufficientDataOrDefault());
            items.add(scored);
            if (item.weight() == null) {
                everyItemWeighted = false;
            } else {
                allWeight = allWeight.add(item.weight());
            }
            if (Handling.EXCLUDED.name().equals(scored.handling)) {
                excluded.add(item.code());
                continue;
            }
            sum = sum.add(scored.weightedPoints);
            addends.add(Figures.format(scored.weightedPoints));
            if (item.weight() != null) {
                includedWeight = includedWeight.add(item.weight());
            }
        }
        String explanation = String.join(" + ", addends) + " = " + Figures.format(sum);
        BigDecimal total = sum;
        if (!excluded.isEmpty()) {
            String left = " (" + String.join(", ", excluded) + " left out: insufficient data)";
            if (additive && !everyItemWeighted) {
                explanation += left;
            } else if (includedWeight.signum() == 0) {
                total = BigDecimal.ZERO;
                explanation = "Every item was left out for insufficient data: 0";
            } else {
                BigDecimal full = additive ? allWeight : options.weightTotalOrDefault();
                total = sum.multiply(full).divide(includedWeight, EXACT);
                explanation += " over items weighing " + Figures.format(includedWeight) + " of "
                        + Figures.format(full) + left + ", re-normalised × " + Figures.format(full) + " / "
                        + Figures.format(includedWeight);
            }
        }
        BigDecimal rounded = total.setScale(2, RoundingMode.HALF_UP);
        return new Result(rounded, template.gradeOf(rounded), items, "Total: " + explanation + " → "
                + Figures.format(rounded));
    }

    private static ScorecardItem item(TemplateItem item, ScorecardInputs inputs, Map<String, BigDecimal> metricValues,
                                      Map<String, List<RuleContext.Rating>> ratings, String period, boolean additive,
                                      InsufficientData policy) {
        MetricAggregate aggregate = item.metricCode() == null ? null : inputs.metrics().get(item.metricCode());
        BigDecimal value = aggregate == null ? null : aggregate.value();
        Long samples = aggregate == null ? null : aggregate.samples();
        String insufficient = null;
        boolean noData = false;
        RuleScore score = null;
        if (item.rule().scoresMetric() && value == null) {
            insufficient = "No " + item.metricCode() + " data for " + period;
            noData = true;
        } else if (item.minSamples() != null && (samples == null || samples < item.minSamples())) {
            insufficient = Figures.format(value) + " rests on " + (samples == null ? 0 : samples) + " samples, fewer "
                    + "than the " + item.minSamples() + " required";
        } else {
            RuleContext context = new RuleContext(value, samples, metricValues,
                    item.metricCode() == null ? null : inputs.targets().get(item.metricCode()),
                    ratings.getOrDefault(item.code(), List.of()));
            score = item.rule().score(context);
            if (score.isInsufficient()) {
                insufficient = score.explanation();
                score = null;
            }
        }
        ScorecardInputs.Adjustment adjustment = inputs.adjustments().get(item.code());
        if (adjustment != null) {
            String before = score != null ? score.explanation() : insufficient;
            BigDecimal points = Figures.points(adjustment.points());
            String explanation = before + "; adjusted on appeal " + adjustment.appealId() + " by " + adjustment.by()
                    + " to " + Figures.format(points) + " points (" + adjustment.reason() + ")";
            return weighted(item, value, samples, points, explanation, false, Handling.ADJUSTED, additive);
        }
        if (insufficient == null) {
            return weighted(item, value, samples, score.points(), score.explanation(), false, Handling.SCORED,
                    additive);
        }
        return switch (policy.policy()) {
            case ZERO -> {
                BigDecimal zero = BigDecimal.ZERO.setScale(2);
                // the wording of the foundation, which scorecards already carry
                String explanation = noData ? insufficient + ": insufficient data, 0 points (not scored)"
                        : insufficient + ": insufficient data, 0 points";
                yield new ScorecardItem(item.code(), item.metricCode(), value, zero, item.weight(), zero,
                        explanation, true, samples, Handling.ZERO);
            }
            case NEUTRAL -> weighted(item, value, samples, policy.neutralPoints(), insufficient
                    + ": insufficient data, neutral " + Figures.format(policy.neutralPoints()) + " points (policy)",
                    true, Handling.NEUTRAL, additive);
            case EXCLUDE -> new ScorecardItem(item.code(), item.metricCode(), value, null, item.weight(),
                    BigDecimal.ZERO, insufficient + ": insufficient data, left out of the total (policy); the other "
                    + "items' weights are re-normalised", true, samples, Handling.EXCLUDED);
        };
    }

    private static ScorecardItem weighted(TemplateItem item, BigDecimal value, Long samples, BigDecimal points,
                                          String explanation, boolean insufficient, Handling handling,
                                          boolean additive) {
        BigDecimal weighted;
        String suffix;
        if (!additive) {
            BigDecimal full = item.rule().fullPoints();
            if (full == null || full.compareTo(HUNDRED) == 0) {
                weighted = points.multiply(item.weight()).divide(HUNDRED);
                suffix = "; weight " + Figures.format(item.weight()) + "% → " + Figures.format(weighted);
            } else {
                // the item's own scale (10 points) to its weight: 7 of 10 points at weight 40 → 28; 4 decimals half
                // up, as exact as points (2 decimals) × weight (2 decimals) / 100 always were
                weighted = points.multiply(item.weight()).divide(full, 4, RoundingMode.HALF_UP);
                suffix = "; " + Figures.format(points) + " / " + Figures.format(full) + " × weight "
                        + Figures.format(item.weight()) + " → " + Figures.format(weighted);
            }
        } else if (item.weight() != null && points.compareTo(item.weight()) > 0) {
            weighted = item.weight();
            suffix = "; capped at the item's maximum " + Figures.format(item.weight());
        } else {
            weighted = points;
            suffix = "; counts " + Figures.format(weighted);
        }
        return new ScorecardItem(item.code(), item.metricCode(), value, points, item.weight(), weighted,
                explanation + suffix, insufficient, samples, handling);
    }
}
