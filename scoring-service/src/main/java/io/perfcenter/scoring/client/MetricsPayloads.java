package io.perfcenter.scoring.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Our own copy of the parts of metrics-service's payloads that scoring reads; unknown fields are ignored. */
public final class MetricsPayloads {

    private MetricsPayloads() {
    }

    /** GET /api/v1/metrics/aggregates: one row per agent who belonged to the unit during the period. */
    public record AggregateReport(String unitCode, LocalDate from, LocalDate to, List<String> metrics,
                                  List<AgentAggregates> agents) {
    }

    /** An agent's period values by metric code; a metric without data for the agent is absent. */
    public record AgentAggregates(String employeeId, Map<String, MetricAggregate> values) {
    }

    public record MetricAggregate(BigDecimal value, long samples) {
    }
}
