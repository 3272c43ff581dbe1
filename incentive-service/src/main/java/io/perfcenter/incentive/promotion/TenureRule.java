package io.perfcenter.incentive.promotion;

import io.perfcenter.incentive.statement.Explanation;

import io.perfcenter.incentive.promotion.LadderPayloads.RuleInput;
import io.perfcenter.incentive.promotion.LadderPayloads.RuleResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;

/** At least N whole months between the hire date in the org directory and the end of the month asked about. */
final class TenureRule implements PromotionRule {

    static final String TYPE = "tenure";

    private final Explanation label;
    private final int months;

    TenureRule(RuleInput r) {
        this.months = r.months();
        this.label = r.label() != null ? Explanation.same(r.label())
                : new Explanation("at least " + months + " months of tenure", "任职至少 " + months + " 个月");
    }

    @Override
    public RuleResult check(AgentRecord agent, YearMonth asOf) {
        if (agent.hiredOn() == null) {
            return new RuleResult(TYPE, label, false, null, BigDecimal.valueOf(months),
                    new Explanation("no hire date in the org directory", "组织目录中没有入职日期"),
                    new Explanation("a hire date in the org directory (metrics-service, hireDate)",
                            "组织目录中的入职日期（metrics-service，hireDate）"));
        }
        LocalDate end = asOf.atEndOfMonth().plusDays(1);
        long served = agent.hiredOn().isAfter(end) ? 0 : Period.between(agent.hiredOn(), end).toTotalMonths();
        boolean passed = served >= months;
        long more = months - served;
        return new RuleResult(TYPE, label, passed, BigDecimal.valueOf(served), BigDecimal.valueOf(months),
                new Explanation(served + " whole months from the hire date " + agent.hiredOn() + " to the end of "
                        + asOf, "自入职日期 " + agent.hiredOn() + " 至 " + asOf + " 月底共 " + served + " 个整月"),
                passed ? null : new Explanation(more + " more month" + (more > 1 ? "s" : "") + " of tenure",
                        "还需任职 " + more + " 个月"));
    }
}
