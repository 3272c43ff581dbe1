package io.perfcenter.metrics.catalog;

import java.math.BigDecimal;

/**
 * The numbers the catalog accepts: below 10^15 in magnitude with at most 6 decimal places. A number like 1E+2147483647
 * is a valid BigDecimal, but written out (as SQL compares it) it has two billion digits; numbers are checked here,
 * where they come in, so a stored definition can always be computed.
 */
public final class NumberLimits {

    public static final BigDecimal MAX_MAGNITUDE = BigDecimal.TEN.pow(15);
    public static final int MAX_DECIMALS = 6;

    private NumberLimits() {
    }

    /** Why the number is out of bounds, or null when it is fine. */
    public static String problem(BigDecimal v) {
        if (v.abs().compareTo(MAX_MAGNITUDE) >= 0) {
            return "must be less than 10^15 in magnitude";
        }
        if (v.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return "must have at most " + MAX_DECIMALS + " decimal places";
        }
        return null;
    }
}
