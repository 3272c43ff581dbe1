package io.perfcenter.incentive.promotion;

import io.perfcenter.incentive.promotion.LadderPayloads.RuleInput;
import io.perfcenter.incentive.promotion.LadderPayloads.RuleResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;

/** At least N whole months between the hire date in the org directory and the end of the month asked about. */
final class TenureRule implements PromotionRule {

    static final String TYPE = "tenure";

    private final String label;
    private final int months;

    TenureRule(RuleInput r) {
        this.months = r.months();
        this.label = r.label() != null ? r.label() : "at least " + months + " months of tenure";
    }

    @Override
    public RuleResult check(AgentRecord agent, YearMonth asOf) {
        if (agent.hiredOn() == null) {
            return new RuleResult(TYPE, label, false, null, BigDecimal.valueOf(months),
                    "no hire date in the org directory",
                    "a hire date in the org directory (metrics-service, hireDate)");
        }
        LocalDate end = asOf.atEndOfMonth().plusDays(1);
        long served = agent.hiredOn().isAfter(end) ? 0 : Period.between(agent.hiredOn(), end).toTotalMonths();
        boolean passed = served >= months;
        long more = months - served;
        return new RuleResult(TYPE, label, passed, BigDecimal.valueOf(served), BigDecimal.valueOf(months),
                served + " whole months from the hire date " + agent.hiredOn() + " to the end of " + asOf,
                passed ? null : more + " more month" + (more > 1 ? "s" : "") + " of tenure");
    }
}
