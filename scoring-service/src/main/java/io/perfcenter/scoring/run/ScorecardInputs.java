package io.perfcenter.scoring.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.scoring.client.MetricsPayloads.MetricAggregate;
import io.perfcenter.scoring.rule.RuleContext;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one scorecard was computed from, stored with it so that it can be recomputed and compared: the metric values
 * (with their sample counts) fetched from metrics-service, the targets that applied, and the adjustments made on
 * accepted appeals. Manual ratings are inputs too and kept in their own table. Maps are sorted so that equal inputs
 * serialise, and hash, the same.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ScorecardInputs(Map<String, MetricAggregate> metrics, Map<String, RuleContext.Target> targets,
                              Map<String, Adjustment> adjustments) {

    public ScorecardInputs {
        metrics = metrics == null ? new TreeMap<>() : new TreeMap<>(metrics);
        targets = targets == null ? new TreeMap<>() : new TreeMap<>(targets);
        adjustments = adjustments == null ? new TreeMap<>() : new TreeMap<>(adjustments);
    }

    public static ScorecardInputs of(Map<String, MetricAggregate> metrics) {
        return new ScorecardInputs(metrics, null, null);
    }

    /** Points an item was set to on an accepted appeal, and why. */
    public record Adjustment(BigDecimal points, long appealId, String reason, String by) {
    }

    public ScorecardInputs withAdjustment(String itemCode, Adjustment adjustment) {
        Map<String, Adjustment> all = new TreeMap<>(adjustments);
        all.put(itemCode, adjustment);
        return new ScorecardInputs(metrics, targets, all);
    }

    /** With these adjustments added (carried over from an earlier revision); none: unchanged. */
    public ScorecardInputs withAdjustments(Map<String, Adjustment> added) {
        if (added == null || added.isEmpty()) {
            return this;
        }
        Map<String, Adjustment> all = new TreeMap<>(adjustments);
        all.putAll(added);
        return new ScorecardInputs(metrics, targets, all);
    }

    public ScorecardInputs withMetrics(Map<String, MetricAggregate> replaced) {
        return new ScorecardInputs(replaced, targets, adjustments);
    }
}
