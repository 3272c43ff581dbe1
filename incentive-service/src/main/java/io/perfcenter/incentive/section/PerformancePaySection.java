package io.perfcenter.incentive.section;

import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.salary.Salary;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.web.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.perfcenter.incentive.section.SectionChecks.absentIfEmpty;
import static io.perfcenter.incentive.section.SectionChecks.coefficient;
import static io.perfcenter.incentive.section.SectionChecks.label;

/**
 * Performance pay (DOMAIN §5): {@code performancePayShare} with {@code gradeCoefficients} or {@code scoreBands}.
 * The line is salary × share × coefficient of the grade, or of the score band the scorecard total falls in (the K
 * table of DOMAIN §4), or a flagged line saying what is missing. A plan may leave performance pay out when it pays
 * or grants something else.
 */
public final class PerformancePaySection extends PlanSection {

    public static final String KIND = "performance-pay";
    public static final String MISSING_SALARY = "missingSalary";
    public static final String CURRENCY_MISMATCH = "currencyMismatch";
    public static final String GRADE_NOT_IN_PLAN = "gradeNotInPlan";
    public static final String SCORE_NOT_IN_BANDS = "scoreNotInBands";

    public PerformancePaySection() {
        super("performancePayShare", 10, LineKind.paid(KIND));
    }

    /** Given when any of its three fields is; a plan without any other section must give it. */
    @Override
    public boolean given(PlanInput in) {
        return in.performancePayShare() != null || absentIfEmpty(in.gradeCoefficients()) != null
                || absentIfEmpty(in.scoreBands()) != null;
    }

    @Override
    public void check(PlanInput in, CheckedSections out) {
        Map<String, BigDecimal> givenCoefficients = absentIfEmpty(in.gradeCoefficients());
        List<ScoreBand> givenBands = absentIfEmpty(in.scoreBands());
        BigDecimal share = in.performancePayShare();
        if (share == null) {
            throw required();
        }
        checkShare(share);
        if (givenCoefficients != null && givenBands != null) {
            throw Problems.invalid("scoreBands", "give gradeCoefficients or scoreBands, not both");
        }
        if (givenBands != null) {
            out.scoreBands = checkBands(givenBands);
        } else {
            out.coefficients = checkCoefficients(givenCoefficients);
        }
    }

    /** The problem of a plan that lacks performancePayShare: with its coefficients, or without anything to pay. */
    static HttpProblem required() {
        return Problems.invalid("performancePayShare", "is required");
    }

    private static void checkShare(BigDecimal share) {
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw Problems.invalid("performancePayShare", "must be more than 0 and at most 1 (0.30 is 30%)");
        }
        if (Numbers.decimals(share) > 6) {
            throw Problems.invalid("performancePayShare", "must have at most 6 decimals");
        }
    }

    private static Map<String, BigDecimal> checkCoefficients(Map<String, BigDecimal> given) {
        if (given == null || given.isEmpty()) {
            throw Problems.invalid("gradeCoefficients", "name at least one grade and its coefficient");
        }
        Map<String, BigDecimal> coefficients = new HashMap<>();
        for (Map.Entry<String, BigDecimal> e : given.entrySet()) {
            String field = "gradeCoefficients." + e.getKey();
            if (e.getKey() == null || e.getKey().isBlank() || e.getKey().length() > 64) {
                throw Problems.invalid(field, "a grade must be 1 to 64 characters");
            }
            coefficient(field, e.getValue());
            if (coefficients.put(IncentivePlan.normalizeGrade(e.getKey()), e.getValue()) != null) {
                throw Problems.invalid(field, "names the same grade as another key (grades ignore case)");
            }
        }
        return coefficients;
    }

    private static List<ScoreBand> checkBands(List<ScoreBand> given) {
        List<ScoreRange> ranges = new ArrayList<>();
        List<ScoreBand> bands = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "scoreBands[" + i + "]";
            ScoreBand band = given.get(i);
            if (band == null) {
                throw Problems.invalid(field, "is empty");
            }
            ScoreRange range = ScoreRange.parse(band.range());
            if (range == null) {
                throw Problems.invalid(field + ".range", "must be an interval such as (95,100], [90,95) or (,70)");
            }
            if (range.isEmpty()) {
                throw Problems.invalid(field + ".range", "contains no score");
            }
            for (int j = 0; j < ranges.size(); j++) {
                if (ranges.get(j).overlaps(range)) {
                    throw Problems.invalid(field + ".range", "overlaps scoreBands[" + j + "] " + ranges.get(j));
                }
            }
            coefficient(field + ".coefficient", band.coefficient());
            label(field + ".label", band.label());
            ranges.add(range);
            bands.add(new ScoreBand(range.toString(), band.coefficient(), band.label()));
        }
        return bands;
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
            return List.of(ComputedLine.notComputed(KIND, plan.currency, new Explanation("No monthly salary on file for "
                    + card.employeeId() + " in effect on the last day of " + card.period()
                    + ": performance pay not computed", card.employeeId() + " 在 " + card.period()
                    + " 最后一天没有生效的月薪记录：未计算绩效工资"), source, MISSING_SALARY));
        }
        if (!salary.currency().equals(plan.currency)) {
            return List.of(ComputedLine.notComputed(KIND, plan.currency, new Explanation("Salary on file is in "
                    + salary.currency() + " but plan " + plan.code + " pays in " + plan.currency
                    + ": performance pay not computed", "月薪记录的币种为 " + salary.currency() + "，但方案 "
                    + plan.code + " 以 " + plan.currency + " 发放：未计算绩效工资"), source, CURRENCY_MISMATCH));
        }
        List<ScoreBand> bands = facts.sections().scoreBands();
        if (bands != null) {
            return List.of(byBand(plan, card, salary, bands, source));
        }
        Optional<BigDecimal> coefficient = plan.coefficient(card.grade());
        if (coefficient.isEmpty()) {
            return List.of(ComputedLine.notComputed(KIND, plan.currency, new Explanation("Grade " + card.grade()
                    + " has no coefficient in plan " + plan.code + " version " + plan.version
                    + ": performance pay not computed", "等级 " + card.grade() + " 在方案 " + plan.code + " 第 "
                    + plan.version + " 版中没有系数：未计算绩效工资"), source, GRADE_NOT_IN_PLAN));
        }
        PerformancePay pay = PerformancePay.of(salary.monthlySalary(), salary.effectiveFrom(), plan.performancePayShare,
                coefficient.get(), PerformancePay.byGrade(card.grade()));
        return List.of(ComputedLine.paid(KIND, pay.amount(), plan.currency, pay.explained(), source));
    }

    private static ComputedLine byBand(IncentivePlan plan, Scorecard card, Salary salary, List<ScoreBand> bands,
                                       Map<String, Object> source) {
        if (card.total() == null) {
            return ComputedLine.notComputed(KIND, plan.currency, new Explanation("The scorecard has no total: "
                    + "performance pay by score band not computed", "记分卡没有总分：未按分数段计算绩效工资"), source,
                    SCORE_NOT_IN_BANDS);
        }
        String score = Numbers.asGiven(card.total());
        for (ScoreBand band : bands) {
            ScoreRange range = ScoreRange.parse(band.range());
            if (range.contains(card.total())) {
                source.put("band", band.range());
                String label = band.label() == null ? "" : " " + band.label();
                Explanation why = new Explanation("score " + score + " in " + band.range() + label,
                        "得分 " + score + " 属于 " + band.range() + label);
                PerformancePay pay = PerformancePay.of(salary.monthlySalary(), salary.effectiveFrom(),
                        plan.performancePayShare, band.coefficient(), why);
                return ComputedLine.paid(KIND, pay.amount(), plan.currency, pay.explained(), source);
            }
        }
        return ComputedLine.notComputed(KIND, plan.currency, new Explanation("Score " + score
                + " is in no score band of plan " + plan.code + " version " + plan.version
                + ": performance pay not computed", "得分 " + score + " 不在方案 " + plan.code + " 第 " + plan.version
                + " 版的任何分数段内：未计算绩效工资"), source, SCORE_NOT_IN_BANDS);
    }

    @Schema(name = "PlanScoreBand", description = "Performance pay coefficient for scorecard totals in a range")
    public record ScoreBand(
            @Schema(required = true, description = "Interval in math notation: ( or [ , lower, upper, ) or ]; "
                    + "an empty bound is open-ended", examples = "(95,100]") String range,
            @Schema(required = true, examples = "1.1") BigDecimal coefficient,
            @Schema(description = "Shown in explanations", examples = "A") String label) {
    }
}
