package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.aggregate.AggregatePayloads.AgentAggregates;
import io.perfcenter.metrics.aggregate.AggregatePayloads.MetricAggregate;
import io.perfcenter.metrics.catalog.MetricDefinition;
import io.perfcenter.metrics.org.OrgService;
import io.perfcenter.metrics.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Period values of metrics per agent, computed in SQL. A day's value counts for a unit only while the agent
 * belonged to it (effective-dated membership), so a move mid-month splits the agent's figures between units.
 */
@ApplicationScoped
public class AggregateService {

    private static final String AGGREGATE = """
            WITH RECURSIVE units AS (
                SELECT code FROM org_unit WHERE code = :unit
                UNION SELECT u.code FROM org_unit u JOIN units ON u.parent_code = units.code),
            members AS (
                SELECT m.employee_id, greatest(m.valid_from, :from) AS f,
                       least(coalesce(m.valid_to, 'infinity'::date), :toExclusive) AS t
                FROM membership m
                WHERE (m.unit_code IN (SELECT code FROM units) OR m.employee_id = :employee)
                  AND m.valid_from <= :to AND (m.valid_to IS NULL OR m.valid_to > :from))
            SELECT v.employee_id, v.metric_code, d.aggregation, sum(v.value), avg(v.value), max(v.value),
                   min(v.value), (array_agg(v.value ORDER BY v.value_date DESC))[1], count(*)
            FROM metric_value v
            JOIN members mb ON mb.employee_id = v.employee_id AND v.value_date >= mb.f AND v.value_date < mb.t
            JOIN metric_definition d ON d.code = v.metric_code
            WHERE v.metric_code IN (:metrics) AND v.value_date BETWEEN :from AND :to
            GROUP BY v.employee_id, v.metric_code, d.aggregation""";

    private final EntityManager em;
    private final OrgService org;

    AggregateService(EntityManager em, OrgService org) {
        this.em = em;
        this.org = org;
    }

    /** Every agent who belonged to the unit during [from, to], with the values the period has for them. */
    public List<AgentAggregates> forUnit(String unitCode, List<String> metrics, LocalDate from, LocalDate to) {
        checkMetrics(metrics);
        Map<String, Map<String, MetricAggregate>> byAgent = new LinkedHashMap<>();
        org.members(unitCode, from, to).forEach(m -> byAgent.putIfAbsent(m.employeeId(), new LinkedHashMap<>()));
        collect(unitCode, null, metrics, from, to, byAgent);
        return byAgent.entrySet().stream().map(e -> new AgentAggregates(e.getKey(), e.getValue())).toList();
    }

    public AgentAggregates forAgent(String employeeId, List<String> metrics, LocalDate from, LocalDate to) {
        checkMetrics(metrics);
        org.agent(employeeId);
        Map<String, Map<String, MetricAggregate>> byAgent = new LinkedHashMap<>();
        byAgent.put(employeeId, new LinkedHashMap<>());
        collect(null, employeeId, metrics, from, to, byAgent);
        return new AgentAggregates(employeeId, byAgent.get(employeeId));
    }

    @SuppressWarnings("unchecked")
    private void collect(String unit, String employee, List<String> metrics, LocalDate from, LocalDate to,
                         Map<String, Map<String, MetricAggregate>> byAgent) {
        List<Object[]> rows = em.createNativeQuery(AGGREGATE)
                .setParameter("unit", unit == null ? "" : unit)
                .setParameter("employee", employee == null ? "" : employee)
                .setParameter("metrics", metrics)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("toExclusive", to.plusDays(1))
                .getResultList();
        for (Object[] r : rows) {
            var aggregation = MetricDefinition.Aggregation.valueOf((String) r[2]);
            BigDecimal value = (BigDecimal) switch (aggregation) {
                case SUM -> r[3];
                case MEAN -> r[4];
                case MAX -> r[5];
                case MIN -> r[6];
                case LATEST -> r[7];
            };
            long samples = ((Number) r[8]).longValue();
            byAgent.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>())
                    .put((String) r[1], new MetricAggregate(plain(value), samples));
        }
    }

    // 310.0000 -> 310, not 3.1E+2
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static void checkMetrics(List<String> metrics) {
        if (metrics.isEmpty()) {
            throw Problems.invalid("metric", "name at least one metric");
        }
        for (String code : metrics) {
            if (MetricDefinition.findById(code) == null) {
                throw Problems.invalid("metric", "no metric " + code + " in the catalog");
            }
        }
    }
}
