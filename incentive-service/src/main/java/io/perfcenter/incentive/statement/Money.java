package io.perfcenter.incentive.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding of amounts. Each statement line is computed exactly and then rounded HALF_UP to 2 decimals; statement and
 * run totals are sums of rounded lines, so they always add up to what the lines show. How an amount is written is
 * {@link Numbers#money}.
 */
public final class Money {

    public static final int SCALE = 2;

    private Money() {
    }

    public static BigDecimal round(BigDecimal exact) {
        return exact.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Rounds down to the cent: a share or a scaled amount never adds up to more than what it was cut from. */
    public static BigDecimal floor(BigDecimal exact) {
        return exact.setScale(SCALE, RoundingMode.DOWN);
    }
}
