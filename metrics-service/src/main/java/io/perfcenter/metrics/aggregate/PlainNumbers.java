package io.perfcenter.metrics.aggregate;

import java.math.BigDecimal;

/**
 * The one way metrics-service writes a computed number: without trailing zeros and never in exponent notation
 * (310.0000 → 310, 82.5000 → 82.5, not 3.1E+2). Values in answers, baselines and the texts of anomalies all go
 * through here, so a value reads the same wherever it appears.
 */
public final class PlainNumbers {

    private PlainNumbers() {
    }

    /** The value without trailing zeros, with a scale of at least 0; null stays null. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The value as text: {@code plain(value).toPlainString()}. */
    public static String text(BigDecimal value) {
        return plain(value).toPlainString();
    }
}
