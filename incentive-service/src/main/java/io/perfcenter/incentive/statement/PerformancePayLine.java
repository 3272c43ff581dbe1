package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.plan.PlanSections.ScoreBand;
import io.perfcenter.incentive.plan.ScoreRange;
import io.perfcenter.incentive.salary.Salary;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The performance-pay line: salary × share × coefficient of the grade, or of the score band the scorecard total
 * falls in (the K table of DOMAIN §4), or a flagged line saying what is missing.
 */
@ApplicationScoped
public class PerformancePayLine implements LineRule {

    public static final String KIND = "performance-pay";
    public static final String MISSING_SALARY = "missingSalary";
    public static final String CURRENCY_MISMATCH = "currencyMismatch";
    public static final String GRADE_NOT_IN_PLAN = "gradeNotInPlan";
    public static final String SCORE_NOT_IN_BANDS = "scoreNotInBands";

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<ComputedLine> lines(Facts facts) {
        IncentivePlan plan = facts.plan();
        if (!plan.paysPerformancePay()) {
            return List.of();
        }
        Scorecard card = facts.scorecard();
        Salary salary = facts.salary();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("scorecardId", card.id());
        source.put("grade", card.grade());
        source.put("total", card.total());
        source.put("planVersion", plan.version);
        if (salary != null) {
            source.put("salaryEffectiveFrom",
                    salary.effectiveFrom() == null ? null : salary.effectiveFrom().toString());
        }

        if (salary == null) {
            return List.of(ComputedLine.notComputed(KIND, plan.currency, "No monthly salary on file for "
                    + card.employeeId() + " in effect on the last day of " + card.period()
                    + ": performance pay not computed", source, MISSING_SALARY));
        }
        if (!salary.currency().equals(plan.currency)) {
            return List.of(ComputedLine.notComputed(KIND, plan.currency, "Salary on file is in " + salary.currency()
                    + " but plan " + plan.code + " pays in " + plan.currency + ": performance pay not computed",
                    source, CURRENCY_MISMATCH));
        }
        List<ScoreBand> bands = facts.sections().scoreBands();
        if (bands != null) {
            return List.of(byBand(plan, card, salary, bands, source));
        }
        Optional<BigDecimal> coefficient = plan.coefficient(card.grade());
        if (coefficient.isEmpty()) {
            return List.of(ComputedLine.notComputed(KIND, plan.currency, "Grade " + card.grade() + " has no "
                    + "coefficient in plan " + plan.code + " version " + plan.version
                    + ": performance pay not computed", source, GRADE_NOT_IN_PLAN));
        }
        PerformancePay pay = PerformancePay.of(salary.monthlySalary(), salary.effectiveFrom(), plan.performancePayShare,
                coefficient.get(),
                card.grade());
        return List.of(ComputedLine.paid(KIND, pay.amount(), plan.currency, pay.explanation(), source));
    }

    private static ComputedLine byBand(IncentivePlan plan, Scorecard card, Salary salary, List<ScoreBand> bands,
                                       Map<String, Object> source) {
        if (card.total() == null) {
            return ComputedLine.notComputed(KIND, plan.currency, "The scorecard has no total: performance pay "
                    + "by score band not computed", source, SCORE_NOT_IN_BANDS);
        }
        for (ScoreBand band : bands) {
            ScoreRange range = ScoreRange.parse(band.range());
            if (range.contains(card.total())) {
                source.put("band", band.range());
                String why = "score " + card.total().toPlainString() + " in " + band.range()
                        + (band.label() == null ? "" : " " + band.label());
                PerformancePay pay = PerformancePay.of(salary.monthlySalary(), salary.effectiveFrom(),
                        plan.performancePayShare, band.coefficient(), why);
                return ComputedLine.paid(KIND, pay.amount(), plan.currency, pay.explanation(), source);
            }
        }
        return ComputedLine.notComputed(KIND, plan.currency, "Score " + card.total().toPlainString()
                + " is in no score band of plan " + plan.code + " version " + plan.version
                + ": performance pay not computed", source, SCORE_NOT_IN_BANDS);
    }
}
