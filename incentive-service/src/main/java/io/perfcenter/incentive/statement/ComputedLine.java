package io.perfcenter.incentive.statement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A statement line as a {@link LineRule} computed it. {@code amount} is rounded to 2 decimals, or null when the
 * line could not be computed; then {@code flags} say why (e.g. {@code missingSalary}) and never a silent zero.
 */
public record ComputedLine(String kind, BigDecimal amount, String currency, String explanation,
                           Map<String, Object> source, List<String> flags) {

    public static ComputedLine paid(String kind, BigDecimal amount, String currency, String explanation,
                                    Map<String, Object> source) {
        return new ComputedLine(kind, Money.round(amount), currency, explanation, source, List.of());
    }

    public static ComputedLine notComputed(String kind, String currency, String explanation,
                                           Map<String, Object> source, String flag) {
        return new ComputedLine(kind, null, currency, explanation, source, List.of(flag));
    }
}
