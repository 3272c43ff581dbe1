package io.perfcenter.incentive.web;

import java.util.regex.Pattern;

/** Payout periods are calendar months written YYYY-MM, as scoring-service names them. */
public final class Periods {

    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

    private Periods() {
    }

    public static void check(String field, String period) {
        if (period == null || period.isBlank()) {
            throw Problems.invalid(field, "is required");
        }
        checkOptional(field, period);
    }

    public static void checkOptional(String field, String period) {
        if (period != null && !MONTH.matcher(period).matches()) {
            throw Problems.invalid(field, "must be a month written YYYY-MM, such as 2026-10");
        }
    }
}
