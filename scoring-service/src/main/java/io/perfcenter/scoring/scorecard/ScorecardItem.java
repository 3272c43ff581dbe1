package io.perfcenter.scoring.scorecard;

import io.perfcenter.scoring.rule.Explanation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** One item of a scorecard: the metric's value, the points the rule gave it, its weight and why. */
@Embeddable
public class ScorecardItem {

    /** How the item's points came about. */
    @Schema(name = "ItemHandling", description = "How a scorecard item was scored (or why it was not)")
    public enum Handling {
        /** the rule scored the value */
        SCORED,
        /** insufficient data, 0 points (the default policy) */
        ZERO,
        /** insufficient data, the policy's neutral points */
        NEUTRAL,
        /** insufficient data, left out of the total, the other weights re-normalised */
        EXCLUDED,
        /** set on an accepted appeal */
        ADJUSTED
    }

    @Column(name = "item_code")
    public String itemCode;
    @Column(name = "metric_code")
    public String metricCode;
    /** The period value scored; null when the agent has no data for the metric, or for manual ratings. */
    public BigDecimal value;
    /** Null when the item is excluded from the total. */
    public BigDecimal points;
    /** Null for additive items without a maximum. */
    public BigDecimal weight;
    @Column(name = "weighted_points")
    public BigDecimal weightedPoints;
    public String explanation;
    /** The explanation in Chinese; null on scorecards computed before it was kept (V10): they show the English. */
    @Column(name = "explanation_zh")
    public String explanationZh;
    @Column(name = "insufficient_data")
    public boolean insufficientData;
    /** How many records the value rests on, as metrics-service said. */
    public Long samples;
    public String handling = Handling.SCORED.name();

    public ScorecardItem() {
    }

    public ScorecardItem(String itemCode, String metricCode, BigDecimal value, BigDecimal points, BigDecimal weight,
                         BigDecimal weightedPoints, String explanation, boolean insufficientData) {
        this(itemCode, metricCode, value, points, weight, weightedPoints, explanation, insufficientData, null,
                insufficientData ? Handling.ZERO : Handling.SCORED);
    }

    public ScorecardItem(String itemCode, String metricCode, BigDecimal value, BigDecimal points, BigDecimal weight,
                         BigDecimal weightedPoints, Explanation explanation, boolean insufficientData, Long samples,
                         Handling handling) {
        this(itemCode, metricCode, value, points, weight, weightedPoints, explanation.en(), insufficientData, samples,
                handling);
        this.explanationZh = explanation.zh();
    }

    public ScorecardItem(String itemCode, String metricCode, BigDecimal value, BigDecimal points, BigDecimal weight,
                         BigDecimal weightedPoints, String explanation, boolean insufficientData, Long samples,
                         Handling handling) {
        this.itemCode = itemCode;
        this.metricCode = metricCode;
        this.value = value;
        this.points = points;
        this.weight = weight;
        this.weightedPoints = weightedPoints;
        this.explanation = explanation;
        this.explanationZh = null;
        this.insufficientData = insufficientData;
        this.samples = samples;
        this.handling = handling.name();
    }

    /** The explanation in both languages (the Chinese null when computed before V10). */
    public Explanation explained() {
        return new Explanation(explanation, explanationZh);
    }
}
