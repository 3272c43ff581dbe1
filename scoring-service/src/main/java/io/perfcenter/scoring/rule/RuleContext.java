package io.perfcenter.scoring.rule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything a rule may read about one agent (or unit) in one period: the item's metric value and its sample count,
 * the values of all the template's metrics (for expressions), the target that applies (for target achievement) and
 * the manual ratings given (for manual ratings).
 *
 * @param value   the item's metric value, null for rules that score no metric
 * @param samples how many records the value was computed from, null when unknown
 * @param metrics every metric value fetched for the subject, by code
 * @param target  the target that applies to the subject for the item's metric, null when none is set
 * @param ratings the ratings given for the item
 */
public record RuleContext(BigDecimal value, Long samples, Map<String, BigDecimal> metrics, Target target,
                          List<Rating> ratings) {

    public static RuleContext of(BigDecimal value) {
        return new RuleContext(value, null, Map.of(), null, List.of());
    }

    /** A target and where in the org it was set ("group G-EAST-1", "agent E2001", "rule default"). */
    public record Target(BigDecimal value, String source) {
    }

    /** One rater's scores by dimension (德 attitude, 能 ability …) on the rule's scale. */
    public record Rating(String role, String raterId, Map<String, BigDecimal> scores) {
    }
}
