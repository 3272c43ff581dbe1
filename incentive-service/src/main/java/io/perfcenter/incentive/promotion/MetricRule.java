package io.perfcenter.incentive.promotion;

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

    private final String label;
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
        this.label = r.label() != null ? r.label() : measure + " " + bounds + " over " + periods + " months";
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
        BigDecimal value = agent.metric(periods, measure);
        BigDecimal required = atLeast != null ? atLeast : atMost;
        if (value == null) {
            return new RuleResult(TYPE, label, passWhenMissing, null, required, "no " + measure + " recorded in "
                    + window, passWhenMissing ? null : "a " + measure + " figure for " + window);
        }
        String figure = measure + " " + Numbers.figure(value) + " in " + window;
        if (atLeast != null && value.compareTo(atLeast) < 0) {
            return new RuleResult(TYPE, label, false, Numbers.plainValue(value), atLeast, figure,
                    Numbers.figure(atLeast.subtract(value)) + " more " + measure + " (at least "
                            + Numbers.figure(atLeast) + ")");
        }
        if (atMost != null && value.compareTo(atMost) > 0) {
            return new RuleResult(TYPE, label, false, Numbers.plainValue(value), atMost, figure,
                    measure + " down by " + Numbers.figure(value.subtract(atMost)) + " (at most " + Numbers.figure(atMost)
                            + ")");
        }
        return new RuleResult(TYPE, label, true, Numbers.plainValue(value), required, figure, null);
    }
}
