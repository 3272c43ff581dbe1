package io.perfcenter.incentive.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/** The part of scoring-service's scorecard that payouts are computed from; other properties are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Scorecard(Long id, String employeeId, String unitCode, String period, BigDecimal total,
                        String grade, Integer rank, String status, List<Item> items) {

    public static final String PUBLISHED = "PUBLISHED";
    /** Closed for appeals after publication; scoring lists it with status=PUBLISHED, and it is just as final for pay. */
    public static final String LOCKED = "LOCKED";

    public Scorecard(Long id, String employeeId, String unitCode, String period, BigDecimal total, String grade,
                     String status) {
        this(id, employeeId, unitCode, period, total, grade, null, status, List.of());
    }

    /**
     * One scored item: the metric's value over the period and how many records it rests on, unless scoring had no
     * (or too little) data for it: then {@code insufficientData} and the item was left out of the total.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String itemCode, String metricCode, BigDecimal value, Long samples, BigDecimal points,
                       boolean insufficientData) {
    }

    /** The scorecard's item of a metric, if it has one. */
    public Item item(String metricCode) {
        if (items == null) {
            return null;
        }
        for (Item item : items) {
            if (item != null && metricCode.equals(item.metricCode())) {
                return item;
            }
        }
        return null;
    }

    /** PUBLISHED or LOCKED (or no status given): a scorecard scoring calls final for pay. */
    public boolean isFinal() {
        return status == null || PUBLISHED.equalsIgnoreCase(status) || LOCKED.equalsIgnoreCase(status);
    }

    /** The item value of a metric, when the scorecard has one with data. */
    public BigDecimal metricValue(String metricCode) {
        if (items == null) {
            return null;
        }
        for (Item item : items) {
            if (item != null && metricCode.equals(item.metricCode()) && !item.insufficientData()
                    && item.value() != null) {
                return item.value();
            }
        }
        return null;
    }
}
