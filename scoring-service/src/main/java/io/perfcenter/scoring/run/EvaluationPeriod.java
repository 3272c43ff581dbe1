package io.perfcenter.scoring.run;

import io.perfcenter.scoring.web.Problems;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The period a run scores, by its code and its first and last day. Months for now ("2026-10"); quarters and years
 * are new forms of the code that map to their own first and last days.
 */
public record EvaluationPeriod(String code, LocalDate from, LocalDate to) {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** Reads a period code, or throws a 400 problem naming {@code field}. */
    public static EvaluationPeriod parse(String field, String code) {
        if (code == null || code.isBlank()) {
            throw Problems.invalid(field, "is required, as YYYY-MM");
        }
        if (MONTH.matcher(code).matches()) {
            try {
                YearMonth month = YearMonth.parse(code);
                return new EvaluationPeriod(code, month.atDay(1), month.atEndOfMonth());
            } catch (DateTimeParseException e) {
                // falls through to the problem below
            }
        }
        throw Problems.invalid(field, "must be a month as YYYY-MM, e.g. 2026-10");
    }
}
