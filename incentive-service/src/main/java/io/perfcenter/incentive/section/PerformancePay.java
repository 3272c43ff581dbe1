package io.perfcenter.incentive.section;

import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.statement.Money;
import io.perfcenter.incentive.statement.Numbers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Performance pay of one month (DOMAIN §5): monthly salary × performance pay share × coefficient of the grade (or of
 * the score band), rounded HALF_UP to 2 decimals, with the calculation written out for the agent to check, in English
 * ("8,000.00 × 30% × 1.1 (excellent) = 2,640.00") and Chinese ("月薪 8,000.00 × 绩效比例 30% × 系数 1.1（等级
 * excellent）= 2,640.00"), the same figures in both.
 */
public record PerformancePay(BigDecimal amount, Explanation explained) {

    /** The coefficient of a grade ({@code grade} is the scorecard's grade code). */
    public static PerformancePay of(BigDecimal monthlySalary, BigDecimal share, BigDecimal coefficient, String grade) {
        return of(monthlySalary, null, share, coefficient, byGrade(grade));
    }

    /** Where a grade's coefficient comes from: "excellent", "等级 excellent". */
    public static Explanation byGrade(String grade) {
        return new Explanation(grade, "等级 " + grade);
    }

    /**
     * {@code why} says where the coefficient comes from: the grade, or "score 96.5 in (95,100] A"; the salary's
     * effective day, when given, is said too ("8,000.00 (salary effective 2026-06-01) × …").
     */
    public static PerformancePay of(BigDecimal monthlySalary, LocalDate effectiveFrom, BigDecimal share,
                                    BigDecimal coefficient, Explanation why) {
        BigDecimal amount = Money.round(monthlySalary.multiply(share).multiply(coefficient));
        String salary = Numbers.money(monthlySalary);
        String percent = Numbers.percent(share);
        String factor = Numbers.factor(coefficient);
        String result = Numbers.money(amount);
        String en = salary + (effectiveFrom == null ? "" : " (salary effective " + effectiveFrom + ")")
                + " × " + percent + " × " + factor + " (" + why.en() + ") = " + result;
        String zh = "月薪 " + salary + (effectiveFrom == null ? "" : "（" + effectiveFrom + " 起生效）")
                + " × 绩效比例 " + percent + " × 系数 " + factor + "（" + why.zh() + "）= " + result;
        return new PerformancePay(amount, new Explanation(en, zh));
    }

    /** The explanation in English. */
    public String explanation() {
        return explained.en();
    }
}
