package io.perfcenter.incentive.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How incentive-service writes a number, in explanations, answers and exports: the one formatter (rounding of money is
 * {@link Money}'s). Whatever the server's locale: a point for decimals, never an exponent (1E+2).
 * <ul>
 *     <li>{@link #money}: an amount, grouped, 2 decimals: 8000 → "8,000.00";</li>
 *     <li>{@link #figure} / {@link #plain}: a figure as read, without trailing zeros: 0.860 → "0.86";</li>
 *     <li>{@link #percent}, {@link #factor}: a share as a percentage, a multiplier with at least one decimal;</li>
 *     <li>{@link #asGiven}: exactly the digits the value carries (a score band's bounds, a CSV amount).</li>
 * </ul>
 */
public final class Numbers {

    // DecimalFormat is not thread-safe and costly to make: one per thread (a run formats ~100,000 amounts)
    private static final ThreadLocal<DecimalFormat> MONEY = ThreadLocal.withInitial(() -> {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    });

    private Numbers() {
    }

    /** 8000 → "8,000.00" (grouping by thousands, point for decimals, HALF_UP to the cent). */
    public static String money(BigDecimal amount) {
        return MONEY.get().format(amount);
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

    /** A figure as read, without trailing zeros: 0.860 → "0.86", 2412 → "2412"; "none" when there is none. */
    public static String figure(BigDecimal value) {
        return value == null ? "none" : plain(value);
    }

    /** The value without trailing zeros and never in exponent form: 4.6200 → "4.62", 1E+2 → "100". */
    public static String plain(BigDecimal value) {
        return plainValue(value).toPlainString();
    }

    /** The same as a number, for JSON: 4.6200 → 4.62, 1E+2 → 100, 0.300000 → 0.3; null stays null. */
    public static BigDecimal plainValue(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** How many decimals the value needs, trailing zeros aside: 0.150 → 2, 100 → 0 (a check of "at most n decimals"). */
    public static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /** The digits the value carries, trailing zeros kept, never in exponent form: 95.0 → "95.0", 1E+2 → "100". */
    public static String asGiven(BigDecimal value) {
        return value.toPlainString();
    }
}
