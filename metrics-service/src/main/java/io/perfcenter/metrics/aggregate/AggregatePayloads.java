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

    @Schema(name = "CountedRecordPart", description = "Which part of the metric's derivation a record counts in: "
            + "NUMERATOR, SUBTRACT (e.g. NPS detractors), DENOMINATOR, or VALUE (a pushed value of the metric)")
    public enum Part { NUMERATOR, SUBTRACT, DENOMINATOR, VALUE }

    @Schema(name = "CountedRecord", description = "A record behind an agent's figure: its stored (latest) revision, "
            + "the center's day it counts for, its fields, and where the metric counts it")
    public record CountedRecord(
            @Schema(description = "Record kind (as in the upload paths and derivations), or values for a pushed value",
                    examples = "incidents") String kind,
            @Schema(examples = "crm") String sourceSystem,
            @Schema(description = "The record's id in the source system; with sourceSystem what an appeal names",
                    examples = "CRM-88231") String externalId,
            @Schema(description = "The stored revision (replaced ones are in the audit trail)", examples = "1")
            int revision,
            @Schema(description = "The day it counts for, in the center's time zone", examples = "2026-10-14")
            LocalDate day,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    description = "The record's fields by their upload names (timestamps in the center's time zone)",
                    examples = "{\"occurredAt\": \"2026-10-14T10:20:00+08:00\", \"kind\": \"ERROR\", "
                            + "\"points\": null, \"note\": \"wrong tariff entered\"}")
            com.fasterxml.jackson.databind.node.ObjectNode fields,
            @Schema(description = "Parts of the derivation that count it", examples = "[\"NUMERATOR\"]")
            List<Part> countedIn) {
    }
}
