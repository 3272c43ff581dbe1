package io.perfcenter.scoring.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers as explanations show them: grouped thousands, no trailing zeros ("2,412", "1,326.6"). */
public final class Figures {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Figures() {
    }

    // DecimalFormat is not thread-safe, and making one per call costs more than formatting: one per thread
    private static final ThreadLocal<DecimalFormat> FORMAT = ThreadLocal.withInitial(() -> {
        DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    });

    public static String format(BigDecimal value) {
        return FORMAT.get().format(value);
    }

    /** "2,412 calls", or just "2,412" without a unit. */
    public static String withUnit(BigDecimal value, String unit) {
        return unit == null || unit.isBlank() ? format(value) : format(value) + " " + unit;
    }

    /** A bound in a label: no grouping ("tier 2300–2500"). */
    static String bound(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** As JSON should carry it: 30.00 → 30, 1326.60 → 1326.6, never 3E+1; null stays null. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static BigDecimal points(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
