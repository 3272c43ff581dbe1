package io.perfcenter.incentive.section;

import io.perfcenter.incentive.statement.Money;
import io.perfcenter.incentive.statement.Numbers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Performance pay of one month (DOMAIN §5): monthly salary × performance pay share × coefficient of the grade (or of
 * the score band), rounded HALF_UP to 2 decimals, with the calculation written out for the agent to check.
 */
public record PerformancePay(BigDecimal amount, String explanation) {

    /** {@code why} says where the coefficient comes from: the grade, or "score 96.5 in (95,100] A". */
    public static PerformancePay of(BigDecimal monthlySalary, BigDecimal share, BigDecimal coefficient, String why) {
        return of(monthlySalary, null, share, coefficient, why);
    }

    /** The same, saying from which day the salary used is in effect ("8,000.00 (salary effective 2026-06-01) × …"). */
    public static PerformancePay of(BigDecimal monthlySalary, LocalDate effectiveFrom, BigDecimal share,
                                    BigDecimal coefficient, String why) {
        BigDecimal amount = Money.round(monthlySalary.multiply(share).multiply(coefficient));
        String explanation = Numbers.money(monthlySalary)
                + (effectiveFrom == null ? "" : " (salary effective " + effectiveFrom + ")")
                + " × " + Numbers.percent(share) + " × " + Numbers.factor(coefficient) + " (" + why + ") = " + Numbers.money(amount);
        return new PerformancePay(amount, explanation);
    }
}
