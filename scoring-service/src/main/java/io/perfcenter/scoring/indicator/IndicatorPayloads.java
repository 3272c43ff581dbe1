package io.perfcenter.scoring.indicator;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The indicator review (指标合理性) of a unit's published scorecards: one entry per template item. */
public final class IndicatorPayloads {

    private IndicatorPayloads() {
    }

    @Schema(name = "IndicatorTargetBasis", description = "TARGET: a target-achievement item, met at 100% of the "
            + "target its scorecard applied (targets/: the agent's or a unit's; else the rule's default); FULL_MARKS: "
            + "any other item, met at the rule's full points (e.g. linear `full`)")
    public enum Basis { TARGET, FULL_MARKS }

    @Schema(name = "IndicatorAimFlag", description = "The share meeting the target against the aim (80%): NEAR "
            + "within ±15 percentage points, else FAR_ABOVE or FAR_BELOW")
    public enum AimFlag { NEAR, FAR_ABOVE, FAR_BELOW }

    @Schema(name = "IndicatorSummary", description = "min, quartiles (linear interpolation, QUARTILE.INC), max, "
            + "mean and population standard deviation; 4 decimals half up")
    public record Summary(int count, BigDecimal min, BigDecimal q1, BigDecimal median, BigDecimal q3,
                          BigDecimal max, BigDecimal mean, BigDecimal stdDev) {
    }

    @Schema(name = "IndicatorCorrelation", description = "Pearson's r of the item's metric with csat over the "
            + "agents having both, 4 decimals half up; none with the reason")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Correlation(BigDecimal r, int pairs, String reason) {
    }

    @Schema(name = "IndicatorTargetShare")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetShare(Basis basis,
                              @Schema(examples = "target applied per scorecard: unit G1 0.9 (3), agent E3 0.95 (1)")
                              String description,
                              int meeting, int of,
                              @Schema(description = "Percent, 2 decimals half up", examples = "75") BigDecimal share,
                              @Schema(description = "The aim: about 80% of agents reach the basic target")
                              AimFlag aim) {
    }

    @Schema(name = "IndicatorEffect", description = "Agents at the rule's highest (ceiling) or lowest (floor) "
            + "points; flagged at or above the threshold share (90%)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Effect(int count, BigDecimal share, boolean flagged) {
    }

    @Schema(name = "IndicatorItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(@Schema(examples = "aht") String itemCode, String name,
                       @Schema(description = "None for manual ratings", examples = "aht") String metricCode,
                       @Schema(examples = "linear") String ruleType,
                       @Schema(description = "Scorecards whose item was scored (insufficient data and excluded "
                               + "items left out)") int scored,
                       int insufficientData,
                       @Schema(description = "The metric's period values of the scored agents") Summary values,
                       @Schema(description = "The item's points on the rule's own scale") Summary points,
                       BigDecimal minPoints, BigDecimal maxPoints,
                       TargetShare target, Effect ceiling, Effect floor, Correlation csat) {
    }

    @Schema(name = "IndicatorThresholds")
    public record Thresholds(@Schema(examples = "90") BigDecimal ceilingShare,
                             @Schema(examples = "90") BigDecimal floorShare,
                             @Schema(examples = "80") BigDecimal aimShare,
                             @Schema(examples = "15") BigDecimal aimTolerance,
                             @Schema(examples = "3") int minCorrelationPairs) {
    }

    @Schema(name = "IndicatorReview", description = "Per template item, the distribution of values and points "
            + "over a unit's published (or locked) scorecards of a period, the share meeting the target, ceiling "
            + "and floor effects and the correlation with CSAT")
    public record Review(@Schema(examples = "G-EAST-1") String unitCode, @Schema(examples = "2026-10") String period,
                         @Schema(examples = "SEAT") String templateCode, int templateVersion, long runId,
                         @Schema(examples = "PUBLISHED") String runStatus, int scorecards,
                         Thresholds thresholds,
                         @Schema(examples = "quartiles, mean, standard deviation and r: 4 decimals half up; "
                                 + "shares: percent, 2 decimals half up") String rounding,
                         List<Item> items) {
    }
}
