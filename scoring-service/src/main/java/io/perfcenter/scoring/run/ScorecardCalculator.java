package io.perfcenter.scoring.run;

import io.perfcenter.scoring.client.MetricsPayloads.MetricAggregate;
import io.perfcenter.scoring.rule.Figures;
import io.perfcenter.scoring.rule.RuleScore;
import io.perfcenter.scoring.scorecard.ScorecardItem;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores one agent's period values against a template version: each item's rule gives points, weighted points are
 * points × weight / 100, the total is their sum (2 decimals, half up) and the grade the template's band for it. A
 * metric without a value is never scored silently: the item gets 0 points and says that the data is insufficient.
 */
final class ScorecardCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ScorecardCalculator() {
    }

    record Result(BigDecimal total, String grade, List<ScorecardItem> items) {
    }

    static Result score(ScorecardTemplate template, Map<String, MetricAggregate> values, String period) {
        List<ScorecardItem> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (TemplateItem item : template.items) {
            MetricAggregate aggregate = values == null ? null : values.get(item.metricCode());
            if (aggregate == null || aggregate.value() == null) {
                items.add(new ScorecardItem(item.code(), item.metricCode(), null, zero(), item.weight(), zero(),
                        "No " + item.metricCode() + " data for " + period + ": insufficient data, 0 points "
                                + "(not scored)", true));
                continue;
            }
            RuleScore score = item.rule().score(aggregate.value());
            BigDecimal weighted = score.points().multiply(item.weight()).divide(HUNDRED);
            total = total.add(weighted);
            items.add(new ScorecardItem(item.code(), item.metricCode(), aggregate.value(), score.points(),
                    item.weight(), weighted, score.explanation() + "; weight " + Figures.format(item.weight())
                    + "% → " + Figures.format(weighted), false));
        }
        BigDecimal rounded = total.setScale(2, RoundingMode.HALF_UP);
        return new Result(rounded, template.gradeOf(rounded), items);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
