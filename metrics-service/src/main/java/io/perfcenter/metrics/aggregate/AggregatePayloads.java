package io.perfcenter.metrics.aggregate;

import com.fasterxml.jackson.annotation.JsonInclude;
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
                                  @Schema(description = "How many records and pushed values it was computed from "
                                          + "(0: a count or sum with nothing to count)", examples = "22")
                                  long samples) {
    }

    @Schema(name = "AgentAggregates", description = "An agent's values; a metric without data is absent")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentAggregates(String employeeId, Map<String, MetricAggregate> values,
                                  @Schema(description = "Values that moved more than the threshold against the "
                                          + "agent's own baseline; only with anomalies=true") List<Anomaly> anomalies,
                                  @Schema(description = "Unit queries: the (sub-)unit the agent belonged to last "
                                          + "within the period", examples = "G-EAST-1") String unitCode) {

        public AgentAggregates(String employeeId, Map<String, MetricAggregate> values) {
            this(employeeId, values, null, null);
        }
    }

    @Schema(name = "MetricAnomaly", description = "A value far from the agent's own recent baseline")
    public record Anomaly(@Schema(examples = "aht") String metric,
                          @Schema(examples = "318") BigDecimal value,
                          @Schema(description = "Mean of the agent's values in the baseline periods", examples = "420")
                          BigDecimal baseline,
                          @Schema(description = "(value - baseline) / baseline", examples = "-0.2429") BigDecimal change,
                          @Schema(description = "Baseline periods that had a value", examples = "3") int periods,
                          @Schema(examples = "aht fell 24.3% below the agent's mean of the 3 previous periods (420)")
                          String reason) {
    }

    @Schema(name = "AggregateReport")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AggregateReport(String unitCode, LocalDate from, LocalDate to, List<String> metrics,
                                  List<AgentAggregates> agents,
                                  @Schema(description = "The unit's own values over all its records in the period "
                                          + "(ratios of sums, not means of the agents' values); unit queries only")
                                  Map<String, MetricAggregate> unitTotal) {

        public AggregateReport(String unitCode, LocalDate from, LocalDate to, List<String> metrics,
                               List<AgentAggregates> agents) {
            this(unitCode, from, to, metrics, agents, null);
        }
    }

    @Schema(name = "TrendPoint", description = "The scope's values in one day, week or month")
    public record TrendPoint(@Schema(examples = "2026-10-01") LocalDate start, @Schema(examples = "2026-10-31") LocalDate end,
                             Map<String, MetricAggregate> values) {
    }

    @Schema(name = "TrendReport")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrendReport(String unitCode, String employeeId, LocalDate from, LocalDate to,
                              @Schema(examples = "WEEK") Granularity granularity, List<String> metrics,
                              List<TrendPoint> series) {
    }

    @Schema(name = "TrendGranularity", description = "Length of each point of a trend")
    public enum Granularity { DAY, WEEK, MONTH, QUARTER, YEAR }
}
