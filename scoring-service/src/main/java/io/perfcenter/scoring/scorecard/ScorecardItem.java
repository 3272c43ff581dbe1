package io.perfcenter.scoring.scorecard;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** One item of a scorecard: the metric's value, the points the rule gave it, its weight and why. */
@Embeddable
public class ScorecardItem {

    @Column(name = "item_code")
    public String itemCode;
    @Column(name = "metric_code")
    public String metricCode;
    /** The period value scored; null when the agent has no data for the metric. */
    public BigDecimal value;
    public BigDecimal points;
    public BigDecimal weight;
    @Column(name = "weighted_points")
    public BigDecimal weightedPoints;
    public String explanation;
    @Column(name = "insufficient_data")
    public boolean insufficientData;

    public ScorecardItem() {
    }

    public ScorecardItem(String itemCode, String metricCode, BigDecimal value, BigDecimal points, BigDecimal weight,
                         BigDecimal weightedPoints, String explanation, boolean insufficientData) {
        this.itemCode = itemCode;
        this.metricCode = metricCode;
        this.value = value;
        this.points = points;
        this.weight = weight;
        this.weightedPoints = weightedPoints;
        this.explanation = explanation;
        this.insufficientData = insufficientData;
    }
}
