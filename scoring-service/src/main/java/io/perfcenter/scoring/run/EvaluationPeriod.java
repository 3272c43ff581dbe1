package io.perfcenter.scoring.run;

import io.perfcenter.scoring.web.Problems;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a run scores, by its code and its first and last day: a month ("2026-10"), a quarter ("2026-Q3"), a
 * year ("2026") or a custom range of days ("2026-10-05..2026-11-04", at most 366 days).
 */
public record EvaluationPeriod(String code, LocalDate from, LocalDate to) {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");
    static final String FORMS = "a month (2026-10), quarter (2026-Q3), year (2026) or range of days "
            + "(2026-10-05..2026-11-04)";

    /** Reads a period code, or throws a 400 problem naming {@code field}. */
    public static EvaluationPeriod parse(String field, String code) {
        if (code == null || code.isBlank()) {
            throw Problems.invalid(field, "is required: " + FORMS);
        }
        try {
            if (MONTH.matcher(code).matches()) {
                YearMonth month = YearMonth.parse(code);
                return new EvaluationPeriod(code, month.atDay(1), month.atEndOfMonth());
            }
            Matcher quarter = QUARTER.matcher(code);
            if (quarter.matches()) {
                int year = Integer.parseInt(quarter.group(1));
                int q = Integer.parseInt(quarter.group(2));
                YearMonth first = YearMonth.of(year, 3 * q - 2);
                return new EvaluationPeriod(code, first.atDay(1), first.plusMonths(2).atEndOfMonth());
            }
            if (YEAR.matcher(code).matches()) {
                Year year = Year.parse(code);
                return new EvaluationPeriod(code, year.atDay(1), year.atMonth(12).atEndOfMonth());
            }
            Matcher range = RANGE.matcher(code);
            if (range.matches()) {
                LocalDate from = LocalDate.parse(range.group(1));
                LocalDate to = LocalDate.parse(range.group(2));
                if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
                    throw Problems.invalid(field, "a range must end on or after its first day and span at most "
                            + "366 days");
                }
                return new EvaluationPeriod(code, from, to);
            }
        } catch (DateTimeParseException e) {
            // falls through to the problem below
        }
        throw Problems.invalid(field, "must be " + FORMS);
    }
}
