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

    public static String format(BigDecimal value) {
        // DecimalFormat is not thread-safe: one per call
        DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** "2,412 calls", or just "2,412" without a unit. */
    static String withUnit(BigDecimal value, String unit) {
        return unit == null || unit.isBlank() ? format(value) : format(value) + " " + unit;
    }

    /** A bound in a label: no grouping ("tier 2300–2500"). */
    static String bound(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static BigDecimal points(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
