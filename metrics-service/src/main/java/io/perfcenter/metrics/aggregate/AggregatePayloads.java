package io.perfcenter.metrics.aggregate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

public final class AggregatePayloads {

    private AggregatePayloads() {
    }

    @Schema(name = "MetricAggregate", description = "A metric's value over the period")
    public record MetricAggregate(@Schema(examples = "2412") BigDecimal value,
                                  @Schema(description = "How many daily values it was computed from", examples = "22")
                                  long samples) {
    }

    @Schema(name = "AgentAggregates", description = "An agent's values; a metric without data is absent")
    public record AgentAggregates(String employeeId, Map<String, MetricAggregate> values) {
    }

    @Schema(name = "AggregateReport")
    public record AggregateReport(String unitCode, LocalDate from, LocalDate to, List<String> metrics,
                                  List<AgentAggregates> agents) {
    }
}
