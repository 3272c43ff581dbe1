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
                                  List<AgentAggregates> agents,
                                  /* the unit's own values (ratios of its sums), for unit queries */
                                  Map<String, MetricAggregate> unitTotal) {

        public AggregateReport(String unitCode, LocalDate from, LocalDate to, List<String> metrics,
                               List<AgentAggregates> agents) {
            this(unitCode, from, to, metrics, agents, null);
        }
    }

    /** GET /api/v1/metrics/org/units/{code}. */
    public record OrgUnit(String code, String name, String kind, String parentCode, String leaderEmployeeId) {
    }

    /** GET /api/v1/metrics/org/units/{code}/members: an agent's membership of a unit (or one below it). */
    public record Member(String employeeId, String unitCode, LocalDate from, LocalDate to) {
    }

    /**
     * GET /api/v1/metrics/org/units/{code}/assignments: an agent who belonged to the unit (or one below it) during
     * the period, with the one home unit the mover policy gives them; {@code assigned} when that is the unit or one
     * below it. Days are both ends inclusive.
     */
    public record Assignment(String employeeId, String position, String policy, String homeUnitCode,
                             boolean assigned, long daysInHomeUnit, long daysInUnit, long daysInAnyUnit,
                             long periodDays, List<Stint> memberships) {
    }

    /** A membership cut to the period: first and last day, both inclusive. */
    public record Stint(String unitCode, LocalDate firstDay, LocalDate lastDay, long days) {
    }

    /** POST /api/v1/metrics/values: a daily value; a higher revision of the same source and id replaces it. */
    public record ValueRecord(String sourceSystem, String externalId, String employeeId, String metricCode,
                              LocalDate date, BigDecimal value, Integer revision) {
    }

    /**
     * PUT /api/v1/metrics/corrections/{key}: the agent's figure of the metric on that day, overriding what the
     * records and pushed values give; one per key (scoring keys it by the appeal), so repeating it changes nothing.
     */
    public record DataCorrection(String employeeId, String metricCode, LocalDate date, BigDecimal value,
                                 String reason) {
    }

    public record IngestReport(int accepted, int duplicate, int rejected, List<RowError> errors) {
    }

    public record RowError(int row, String field, String reason) {
    }

    /** An agent's period values by metric code; a metric without data for the agent is absent. */
    public record AgentAggregates(String employeeId, Map<String, MetricAggregate> values) {
    }

    public record MetricAggregate(BigDecimal value, long samples) {
    }

    /**
     * GET /api/v1/metrics/qa/evaluations/{id} (and the list): a QA evaluation an appeal disputes; its number is
     * stable across revisions.
     */
    public record QaEvaluation(long id, String sourceSystem, String externalId, String employeeId,
                               LocalDate evaluatedOn, BigDecimal score) {
    }

    /**
     * PUT /api/v1/metrics/qa/evaluations/{id}/dispute: the appeal disputing the evaluation and where it stands (OPEN,
     * ACCEPTED, REJECTED, or WITHDRAWN when its filing did not complete).
     */
    public record QaDispute(long appealId, String employeeId, String status, String reason) {
    }
}
