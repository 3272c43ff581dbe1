package io.perfcenter.incentive.promotion;

import io.perfcenter.incentive.promotion.LadderPayloads.RuleInput;
import io.perfcenter.incentive.promotion.LadderPayloads.RuleResult;

import java.time.YearMonth;

/** One kind of promotion rule: checks an agent's record as of a month and says what is missing. */
public interface PromotionRule {

    RuleResult check(AgentRecord agent, YearMonth asOf);

    /** Months of scorecards the rule looks back on (0 for none). */
    default int scorecardMonths() {
        return 0;
    }

    /** The rule of a stored definition (already validated). */
    static PromotionRule of(RuleInput r) {
        return switch (r.type()) {
            case ConsecutiveGradesRule.TYPE -> new ConsecutiveGradesRule(r);
            case TenureRule.TYPE -> new TenureRule(r);
            case MetricRule.TYPE -> new MetricRule(r);
            default -> throw new IllegalStateException("Unknown promotion rule type " + r.type());
        };
    }
}
