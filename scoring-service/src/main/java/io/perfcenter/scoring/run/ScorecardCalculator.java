package io.perfcenter.scoring.run;

import io.perfcenter.scoring.client.MetricsPayloads.MetricAggregate;
import io.perfcenter.scoring.rule.Explanation;
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

    public record Result(BigDecimal total, String grade, List<ScorecardItem> items, Explanation totalExplanation) {
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
        Explanation explanation = Explanation.same(String.join(" + ", addends) + " = " + Figures.format(sum));
        BigDecimal total = sum;
        if (!excluded.isEmpty()) {
            Explanation left = Explanation.of(" (" + String.join(", ", excluded) + " left out: insufficient data)",
                    "（" + String.join("、", excluded) + " 因数据不足未计入）");
            if (additive && !everyItemWeighted) {
                explanation = explanation.plus(left);
            } else if (includedWeight.signum() == 0) {
                total = BigDecimal.ZERO;
                explanation = Explanation.of("Every item was left out for insufficient data: 0",
                        "所有项目均因数据不足未计入：0");
            } else {
                BigDecimal full = additive ? allWeight : options.weightTotalOrDefault();
                total = sum.multiply(full).divide(includedWeight, EXACT);
                String renormalised = " × " + Figures.format(full) + " / " + Figures.format(includedWeight);
                explanation = explanation.plus(" over items weighing " + Figures.format(includedWeight) + " of "
                                + Figures.format(full), "，计入项目的权重为 " + Figures.format(includedWeight) + " / "
                                + Figures.format(full)).plus(left)
                        .plus(", re-normalised" + renormalised, "，重新归一" + renormalised);
            }
        }
        BigDecimal rounded = total.setScale(2, RoundingMode.HALF_UP);
        return new Result(rounded, template.gradeOf(rounded), items, Explanation.of("Total: ", "总分：")
                .plus(explanation).plus(Explanation.same(" → " + Figures.format(rounded))));
    }

    private static ScorecardItem item(TemplateItem item, ScorecardInputs inputs, Map<String, BigDecimal> metricValues,
                                      Map<String, List<RuleContext.Rating>> ratings, String period, boolean additive,
                                      InsufficientData policy) {
        MetricAggregate aggregate = item.metricCode() == null ? null : inputs.metrics().get(item.metricCode());
        BigDecimal value = aggregate == null ? null : aggregate.value();
        Long samples = aggregate == null ? null : aggregate.samples();
        Explanation insufficient = null;
        boolean noData = false;
        RuleScore score = null;
        if (item.rule().scoresMetric() && value == null) {
            insufficient = Explanation.of("No " + item.metricCode() + " data for " + period,
                    period + " 没有 " + item.metricCode() + " 数据");
            noData = true;
        } else if (item.minSamples() != null && (samples == null || samples < item.minSamples())) {
            long rests = samples == null ? 0 : samples;
            insufficient = Explanation.of(Figures.format(value) + " rests on " + rests + " samples, fewer than the "
                    + item.minSamples() + " required", Figures.format(value) + " 仅基于 " + rests + " 个样本，少于要求的 "
                    + item.minSamples() + " 个");
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
            Explanation before = score != null ? score.explanation() : insufficient;
            BigDecimal points = Figures.points(adjustment.points());
            // the reason is as the reviewer wrote it, in both
            Explanation explanation = before.plus("; adjusted on appeal " + adjustment.appealId() + " by "
                    + adjustment.by() + " to " + Figures.format(points) + " points (" + adjustment.reason() + ")",
                    "；经申诉 " + adjustment.appealId() + " 由 " + adjustment.by() + " 调整为 " + Figures.format(points)
                            + " 分（" + adjustment.reason() + "）");
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
                Explanation explanation = noData
                        ? insufficient.plus(": insufficient data, 0 points (not scored)", "：数据不足，0 分（未计分）")
                        : insufficient.plus(": insufficient data, 0 points", "：数据不足，0 分");
                yield new ScorecardItem(item.code(), item.metricCode(), value, zero, item.weight(), zero,
                        explanation, true, samples, Handling.ZERO);
            }
            case NEUTRAL -> weighted(item, value, samples, policy.neutralPoints(), insufficient.plus(
                    ": insufficient data, neutral " + Figures.format(policy.neutralPoints()) + " points (policy)",
                    "：数据不足，按策略给中性分 " + Figures.format(policy.neutralPoints()) + " 分"),
                    true, Handling.NEUTRAL, additive);
            case EXCLUDE -> new ScorecardItem(item.code(), item.metricCode(), value, null, item.weight(),
                    BigDecimal.ZERO, insufficient.plus(": insufficient data, left out of the total (policy); the "
                    + "other items' weights are re-normalised", "：数据不足，按策略不计入总分；其余项目的权重重新归一"),
                    true, samples, Handling.EXCLUDED);
        };
    }

    private static ScorecardItem weighted(TemplateItem item, BigDecimal value, Long samples, BigDecimal points,
                                          Explanation explanation, boolean insufficient, Handling handling,
                                          boolean additive) {
        BigDecimal weighted;
        Explanation suffix;
        if (!additive) {
            BigDecimal full = item.rule().fullPoints();
            if (full == null || full.compareTo(HUNDRED) == 0) {
                weighted = points.multiply(item.weight()).divide(HUNDRED);
                String figures = Figures.format(item.weight()) + "% → " + Figures.format(weighted);
                suffix = Explanation.of("; weight " + figures, "；权重 " + figures);
            } else {
                // the item's own scale (10 points) to its weight: 7 of 10 points at weight 40 → 28; 4 decimals half
                // up, as exact as points (2 decimals) × weight (2 decimals) / 100 always were
                weighted = points.multiply(item.weight()).divide(full, 4, RoundingMode.HALF_UP);
                String ratio = Figures.format(points) + " / " + Figures.format(full);
                String result = Figures.format(item.weight()) + " → " + Figures.format(weighted);
                suffix = Explanation.of("; " + ratio + " × weight " + result, "；" + ratio + " × 权重 " + result);
            }
        } else if (item.weight() != null && points.compareTo(item.weight()) > 0) {
            weighted = item.weight();
            suffix = Explanation.of("; capped at the item's maximum " + Figures.format(item.weight()),
                    "；封顶为该项目的最高分 " + Figures.format(item.weight()));
        } else {
            weighted = points;
            suffix = Explanation.of("; counts " + Figures.format(weighted), "；计 " + Figures.format(weighted) + " 分");
        }
        return new ScorecardItem(item.code(), item.metricCode(), value, points, item.weight(), weighted,
                explanation.plus(suffix), insufficient, samples, handling);
    }
}
