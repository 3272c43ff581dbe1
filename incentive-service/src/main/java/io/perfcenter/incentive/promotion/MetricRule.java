package io.perfcenter.incentive.promotion;

import io.perfcenter.incentive.statement.Explanation;

import io.perfcenter.incentive.promotion.LadderPayloads.RuleInput;
import io.perfcenter.incentive.promotion.LadderPayloads.RuleResult;
import io.perfcenter.incentive.statement.Numbers;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A metric over the last N months (metrics-service aggregates the window by the metric's own rule: a sum for
 * suggestions adopted, a ratio for the mentoring pass rate), at least and/or at most a value. "No disciplinary
 * deductions" is {@code rule_violations} at most 0.
 */
final class MetricRule implements PromotionRule {

    static final String TYPE = "metric";

    private final Explanation label;
    private final String measure;
    private final int periods;
    private final BigDecimal atLeast;
    private final BigDecimal atMost;
    private final boolean passWhenMissing;

    MetricRule(RuleInput r) {
        this.measure = r.measure();
        this.periods = r.periods();
        this.atLeast = r.atLeast();
        this.atMost = r.atMost();
        this.passWhenMissing = Boolean.TRUE.equals(r.passWhenMissing());
        String bounds = (atLeast != null ? "at least " + Numbers.figure(atLeast) : "")
                + (atLeast != null && atMost != null ? " and " : "")
                + (atMost != null ? "at most " + Numbers.figure(atMost) : "");
        String boundsZh = (atLeast != null ? "至少 " + Numbers.figure(atLeast) : "")
                + (atLeast != null && atMost != null ? " 且" : "")
                + (atMost != null ? "至多 " + Numbers.figure(atMost) : "");
        this.label = r.label() != null ? Explanation.same(r.label())
                : new Explanation(measure + " " + bounds + " over " + periods + " months",
                "近 " + periods + " 个月 " + measure + " " + boundsZh);
    }

    String measure() {
        return measure;
    }

    int periods() {
        return periods;
    }

    @Override
    public RuleResult check(AgentRecord agent, YearMonth asOf) {
        String window = (periods == 1 ? asOf.toString() : asOf.minusMonths(periods - 1) + " to " + asOf);
        String windowZh = (periods == 1 ? asOf.toString() : asOf.minusMonths(periods - 1) + " 至 " + asOf);
        BigDecimal value = agent.metric(periods, measure);
        BigDecimal required = atLeast != null ? atLeast : atMost;
        if (value == null) {
            return new RuleResult(TYPE, label, passWhenMissing, null, required,
                    new Explanation("no " + measure + " recorded in " + window, windowZh + " 没有 " + measure + " 记录"),
                    passWhenMissing ? null : new Explanation("a " + measure + " figure for " + window,
                            windowZh + " 的 " + measure + " 数据"));
        }
        Explanation figure = new Explanation(measure + " " + Numbers.figure(value) + " in " + window,
                windowZh + " 的 " + measure + " 为 " + Numbers.figure(value));
        if (atLeast != null && value.compareTo(atLeast) < 0) {
            String more = Numbers.figure(atLeast.subtract(value));
            return new RuleResult(TYPE, label, false, Numbers.plainValue(value), atLeast, figure,
                    new Explanation(more + " more " + measure + " (at least " + Numbers.figure(atLeast) + ")",
                            measure + " 还差 " + more + "（至少 " + Numbers.figure(atLeast) + "）"));
        }
        if (atMost != null && value.compareTo(atMost) > 0) {
            String down = Numbers.figure(value.subtract(atMost));
            return new RuleResult(TYPE, label, false, Numbers.plainValue(value), atMost, figure,
                    new Explanation(measure + " down by " + down + " (at most " + Numbers.figure(atMost) + ")",
                            measure + " 需降低 " + down + "（至多 " + Numbers.figure(atMost) + "）"));
        }
        return new RuleResult(TYPE, label, true, Numbers.plainValue(value), required, figure, (Explanation) null);
    }
}
