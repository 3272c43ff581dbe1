package io.perfcenter.incentive.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Rounding and display of amounts. Each statement line is computed exactly and then rounded HALF_UP to 2 decimals;
 * statement and run totals are sums of rounded lines, so they always add up to what the lines show.
 */
public final class Money {

    public static final int SCALE = 2;

    private Money() {
    }

    public static BigDecimal round(BigDecimal exact) {
        return exact.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** 8000 → "8,000.00" (grouping by thousands, point for decimals, whatever the server's locale). */
    public static String format(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(amount);
    }

    /** 0.30 → "30%", 0.275 → "27.5%". */
    public static String percent(BigDecimal share) {
        return plain(share.movePointRight(2)) + "%";
    }

    /** A multiplier with at least one decimal: 1.1 → "1.1", 1 → "1.0", 0 → "0.0". */
    public static String factor(BigDecimal factor) {
        BigDecimal stripped = factor.stripTrailingZeros();
        return (stripped.scale() < 1 ? stripped.setScale(1) : stripped).toPlainString();
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
