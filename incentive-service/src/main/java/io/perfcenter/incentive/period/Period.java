package io.perfcenter.incentive.period;

import io.perfcenter.incentive.web.Problems;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month ("2026-10") or a quarter ("2026-Q3"), with its first and last day and the months it covers: the one period
 * type of incentive-service, and the one place a period is read. Payouts, budgets and promotion checks are monthly
 * (written YYYY-MM, as scoring-service names its periods); honors may be quarterly (the All-round award), computed
 * from the quarter's monthly scorecards.
 */
public record Period(String code, LocalDate from, LocalDate to, List<YearMonth> months) {

    private static final Pattern MONTH = Pattern.compile("([0-9]{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("([0-9]{4})-Q([1-4])");

    public static Period month(YearMonth month) {
        return new Period(month.toString(), month.atDay(1), month.atEndOfMonth(), List.of(month));
    }

    /** Reads a month or a quarter, or throws a 400 problem naming {@code field}. */
    public static Period parse(String field, String code) {
        if (code == null || code.isBlank()) {
            throw Problems.invalid(field, "is required");
        }
        Matcher m = MONTH.matcher(code);
        if (m.matches()) {
            return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        Matcher q = QUARTER.matcher(code);
        if (q.matches()) {
            YearMonth first = YearMonth.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1);
            List<YearMonth> months = List.of(first, first.plusMonths(1), first.plusMonths(2));
            return new Period(code, first.atDay(1), months.get(2).atEndOfMonth(), months);
        }
        throw Problems.invalid(field, "must be a month written YYYY-MM (2026-10) or a quarter written YYYY-Qn (2026-Q3)");
    }

    /** Reads a month only (required), or throws a 400 problem naming {@code field}. */
    public static YearMonth parseMonth(String field, String code) {
        if (code == null || code.isBlank()) {
            throw Problems.invalid(field, "is required");
        }
        return parseOptionalMonth(field, code);
    }

    /** Reads a month, or null when none is given (a list filter); a month written otherwise is a 400 problem. */
    public static YearMonth parseOptionalMonth(String field, String code) {
        if (code == null) {
            return null;
        }
        if (!isMonth(code)) {
            throw Problems.invalid(field, "must be a month written YYYY-MM, such as 2026-10");
        }
        return YearMonth.parse(code);
    }

    /** Whether the text is a month written YYYY-MM (a row check that reports rather than throws). */
    public static boolean isMonth(String code) {
        return code != null && MONTH.matcher(code).matches();
    }

    public boolean isQuarter() {
        return months.size() > 1;
    }

    /** The {@code count} months ending with {@code last}, oldest first. */
    public static List<YearMonth> monthsEndingWith(YearMonth last, int count) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        return months;
    }

    /** The quarter a month belongs to, e.g. 2026-09 → 2026-Q3. */
    public static String quarterOf(YearMonth month) {
        return month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
    }
}
