package io.perfcenter.incentive.statement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A statement line as a plan section ({@link io.perfcenter.incentive.section.PlanSection}) computed it.
 * {@code amount} is rounded to 2 decimals, or null when the line could not be computed; then {@code flags} say why
 * (e.g. {@code missingSalary}) and never a silent zero.
 * A line that is not {@code monetary} (a perk, an honor without prize) is an entitlement: no amount and no flag.
 * {@code explained} is the line's explanation in English and Chinese, with the same figures in both.
 */
public record ComputedLine(String kind, BigDecimal amount, String currency, Explanation explained,
                           Map<String, Object> source, List<String> flags, boolean monetary) {

    public static ComputedLine paid(String kind, BigDecimal amount, String currency, Explanation explained,
                                    Map<String, Object> source) {
        return new ComputedLine(kind, Money.round(amount), currency, explained, source, List.of(), true);
    }

    public static ComputedLine notComputed(String kind, String currency, Explanation explained,
                                           Map<String, Object> source, String flag) {
        return new ComputedLine(kind, null, currency, explained, source, List.of(flag), true);
    }

    /** A non-monetary entitlement (perk, honor without prize), listed on the statement. */
    public static ComputedLine entitlement(String kind, String currency, Explanation explained,
                                           Map<String, Object> source) {
        return new ComputedLine(kind, null, currency, explained, source, List.of(), false);
    }

    /** The explanation in English. */
    public String explanation() {
        return explained.en();
    }

    public boolean computed() {
        return flags.isEmpty();
    }

    public ComputedLine withAmount(BigDecimal newAmount, Explanation newExplanation, Map<String, Object> newSource) {
        return new ComputedLine(kind, newAmount, currency, newExplanation, newSource, flags, monetary);
    }
}
