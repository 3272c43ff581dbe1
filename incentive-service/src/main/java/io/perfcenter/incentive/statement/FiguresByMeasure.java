package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.client.Scorecard;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agent's figures by measure: {@code score} is the scorecard total, {@code rank} the scorecard rank, any other
 * measure a metric, read from the scorecard's item of that metric (the published value, corrected by appeals)
 * and else from metrics-service's aggregates of the period.
 */
public final class FiguresByMeasure {

    public static final String SCORE = "score";
    public static final String RANK = "rank";

    private final Scorecard card;
    private final Map<String, BigDecimal> metrics;

    public FiguresByMeasure(Scorecard card, Map<String, BigDecimal> metrics) {
        this.card = card;
        this.metrics = metrics == null ? Map.of() : metrics;
    }

    /** The figure, or null when there is none. */
    public BigDecimal value(String measure) {
        if (SCORE.equals(measure)) {
            return card == null ? null : card.total();
        }
        if (RANK.equals(measure)) {
            return card == null || card.rank() == null ? null : BigDecimal.valueOf(card.rank());
        }
        BigDecimal fromCard = card == null ? null : card.metricValue(measure);
        return fromCard != null ? fromCard : metrics.get(measure);
    }

    /** Whether the measure is read from metrics (not score or rank). */
    public static boolean isMetric(String measure) {
        return measure != null && !SCORE.equals(measure) && !RANK.equals(measure);
    }

    /** The metric codes among the measures, sorted. */
    public static Set<String> metricCodes(Collection<String> measures) {
        Set<String> codes = new TreeSet<>();
        for (String m : measures) {
            if (isMetric(m)) {
                codes.add(m);
            }
        }
        return codes;
    }
}
