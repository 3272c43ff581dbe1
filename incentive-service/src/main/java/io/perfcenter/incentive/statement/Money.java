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
        return FORMAT.get().format(amount);
    }

    // DecimalFormat is not thread-safe and costly to make: one per thread (a run formats ~100,000 amounts)
    private static final ThreadLocal<DecimalFormat> FORMAT = ThreadLocal.withInitial(() -> {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    });

    /** 0.30 → "30%", 0.275 → "27.5%". */
    public static String percent(BigDecimal share) {
        return plain(share.movePointRight(2)) + "%";
    }

    /** A multiplier with at least one decimal: 1.1 → "1.1", 1 → "1.0", 0 → "0.0". */
    public static String factor(BigDecimal factor) {
        BigDecimal stripped = factor.stripTrailingZeros();
        return (stripped.scale() < 1 ? stripped.setScale(1) : stripped).toPlainString();
    }

    /** A figure as read, without trailing zeros: 0.860 → "0.86", 2412 → "2412". */
    public static String figure(BigDecimal value) {
        return value == null ? "none" : plain(value);
    }

    /** The value without trailing zeros and never in exponent form: 4.6200 → 4.62, 1E+2 → 100. */
    public static BigDecimal plainValue(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Rounds down to the cent: a share or a scaled amount never adds up to more than what it was cut from. */
    public static BigDecimal floor(BigDecimal exact) {
        return exact.setScale(SCALE, RoundingMode.DOWN);
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
