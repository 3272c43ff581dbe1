package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.salary.Salary;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The performance-pay line: salary × share × grade coefficient, or a flagged line saying what is missing. */
@ApplicationScoped
public class PerformancePayLine implements LineRule {

    public static final String KIND = "performance-pay";
    public static final String MISSING_SALARY = "missingSalary";
    public static final String CURRENCY_MISMATCH = "currencyMismatch";
    public static final String GRADE_NOT_IN_PLAN = "gradeNotInPlan";

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<ComputedLine> lines(Facts facts) {
        IncentivePlan plan = facts.plan();
        Scorecard card = facts.scorecard();
        Salary salary = facts.salary();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("scorecardId", card.id());
        source.put("grade", card.grade());
        source.put("total", card.total());
        source.put("planVersion", plan.version);

        if (salary == null) {
            return List.of(ComputedLine.notComputed(KIND, plan.currency, "No monthly salary on file for "
                    + card.employeeId() + ": performance pay not computed", source, MISSING_SALARY));
        }
        if (!salary.currency.equals(plan.currency)) {
            return List.of(ComputedLine.notComputed(KIND, plan.currency, "Salary on file is in " + salary.currency
                    + " but plan " + plan.code + " pays in " + plan.currency + ": performance pay not computed",
                    source, CURRENCY_MISMATCH));
        }
        Optional<BigDecimal> coefficient = plan.coefficient(card.grade());
        if (coefficient.isEmpty()) {
            return List.of(ComputedLine.notComputed(KIND, plan.currency, "Grade " + card.grade() + " has no "
                    + "coefficient in plan " + plan.code + " version " + plan.version
                    + ": performance pay not computed", source, GRADE_NOT_IN_PLAN));
        }
        PerformancePay pay = PerformancePay.of(salary.monthlySalary, plan.performancePayShare, coefficient.get(),
                card.grade());
        return List.of(ComputedLine.paid(KIND, pay.amount(), plan.currency, pay.explanation(), source));
    }
}
