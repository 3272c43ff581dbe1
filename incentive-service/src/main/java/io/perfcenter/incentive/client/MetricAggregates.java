package io.perfcenter.incentive.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of metrics-service's aggregate report that rules read: each agent's value per metric over a date range
 * (a metric without data is absent), and for unit queries the unit's own value (unitTotal), when metrics sends it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricAggregates(String unitCode, List<AgentValues> agents, Map<String, MetricValue> unitTotal) {

    /** An agent's values; {@code anomalies} only when asked with anomalies=true. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgentValues(String employeeId, Map<String, MetricValue> values, List<Anomaly> anomalies) {

        public AgentValues(String employeeId, Map<String, MetricValue> values) {
            this(employeeId, values, null);
        }
    }

    /** A value far from the agent's own baseline, as metrics-service flags it ({@code MetricAnomaly}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Anomaly(String metric, BigDecimal value, BigDecimal baseline, BigDecimal change, Integer periods,
                          String reason) {
    }

    /** Each agent's row by employee id. */
    public Map<String, AgentValues> rows() {
        Map<String, AgentValues> rows = new HashMap<>();
        if (agents != null) {
            for (AgentValues agent : agents) {
                if (agent != null && agent.employeeId() != null) {
                    rows.put(agent.employeeId(), agent);
                }
            }
        }
        return rows;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MetricValue(BigDecimal value, Long samples) {
    }

    public static MetricAggregates none() {
        return new MetricAggregates(null, List.of(), Map.of());
    }

    /** Values by employee, then by metric code; metrics without a value are left out. */
    public Map<String, Map<String, BigDecimal>> byEmployee() {
        Map<String, Map<String, BigDecimal>> result = new HashMap<>();
        if (agents == null) {
            return result;
        }
        for (AgentValues agent : agents) {
            if (agent == null || agent.employeeId() == null || agent.values() == null) {
                continue;
            }
            Map<String, BigDecimal> values = result.computeIfAbsent(agent.employeeId(), e -> new HashMap<>());
            agent.values().forEach((code, v) -> {
                if (v != null && v.value() != null) {
                    values.put(code, v.value());
                }
            });
        }
        return result;
    }

    /** The unit's own value of a metric, if metrics-service sent one. */
    public BigDecimal unitValue(String metric) {
        MetricValue v = unitTotal == null ? null : unitTotal.get(metric);
        return v == null ? null : v.value();
    }
}
