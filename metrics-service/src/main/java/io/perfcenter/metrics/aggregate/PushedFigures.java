package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.ingest.RecordKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the pushed (pre-aggregated) values of one metric contribute to a cell: their sum, their sum weighted by each
 * value's weight (default 1) and the weights, the extremes, the last one, and how many. Pushed values of a derived
 * metric on an agent-day that has raw records of the metric's kind are left out by the query: there the derived
 * figure stands (both describe the same activity).
 */
record PushedFigures(BigDecimal sum, BigDecimal weightedSum, BigDecimal weight, BigDecimal max, BigDecimal min,
                     BigDecimal latest, long count) {

    /** The figures of two agents together, as a unit's: "latest" has no meaning for a unit and is left out. */
    PushedFigures plus(PushedFigures other) {
        return new PushedFigures(sum.add(other.sum), weightedSum.add(other.weightedSum), weight.add(other.weight),
                max.max(other.max), min.min(other.min), null, count + other.count);
    }

    PushedFigures withoutLatest() {
        return new PushedFigures(sum, weightedSum, weight, max, min, null, count);
    }

    /**
     * Per agent, bucket and metric, the pushed values within the scope, without those of a derived metric on the
     * agent-days with raw records of its kind ({@code derivedByKind}: one CTE of such days per kind).
     */
    static SqlQuery query(List<String> codes, Map<RecordKind, List<String>> derivedByKind, AggregateScope scope,
                          MemberWindows members, LocalDate from, LocalDate to, Bucketing bucketing) {
        String bucket = bucketing.sql("v.value_date");
        String range = "BETWEEN DATE '" + from + "' AND DATE '" + to + "' ";
        SqlQuery sql = new SqlQuery();
        List<String> rawDays = new ArrayList<>();
        for (RecordKind kind : derivedByKind.keySet()) {
            String name = "raw_" + kind.name().toLowerCase();
            sql.append(rawDays.isEmpty() ? "WITH " : ", ")
                    .append(name + " AS (SELECT DISTINCT r.employee_id, r.activity_date FROM " + kind.table()
                            + " r WHERE r.activity_date " + range)
                    .append(scope.agentFilter("r.employee_id"))
                    .append(")");
            rawDays.add(name);
        }
        // a unit's agents in for the whole range and its other agents' windows: one SELECT each (MemberWindows.joins)
        List<SqlQuery> joins = MemberWindows.joins(members, "v", "value_date", from, to);
        for (int j = 0; j < joins.size(); j++) {
            sql.append(j == 0 ? " " : " UNION ALL ");
            sql.append("SELECT v.employee_id, " + bucket + " AS bucket, v.metric_code, sum(v.value), "
                    + "sum(v.value * coalesce(v.weight, 1)), sum(coalesce(v.weight, 1)), max(v.value), "
                    + "min(v.value), (array_agg(v.value ORDER BY v.value_date DESC, v.received_at DESC))[1], "
                    + "count(*) FROM metric_value v ");
            sql.append(joins.get(j));
            for (String name : rawDays) {
                sql.append("LEFT JOIN " + name + " ON " + name + ".employee_id = v.employee_id AND " + name
                        + ".activity_date = v.value_date ");
            }
            sql.append("WHERE v.metric_code = ANY(?) AND v.value_date " + range, SqlQuery.texts(codes));
            sql.append(scope.agentFilter("v.employee_id"));
            int i = 0;
            for (List<String> derived : derivedByKind.values()) {
                sql.append("AND NOT (v.metric_code IN (" + String.join(", ", derived.stream()
                        .map(PushedFigures::codeLiteral).toList()) + ") AND " + rawDays.get(i++)
                        + ".employee_id IS NOT NULL) ");
            }
            sql.append("GROUP BY v.employee_id, " + (bucketing.constant() ? "" : bucket + ", ") + "v.metric_code");
        }
        return sql;
    }

    /** A catalog code as an SQL literal; codes are checked when created, and again here. */
    private static String codeLiteral(String code) {
        if (!code.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalStateException("unexpected metric code " + code);
        }
        return "'" + code + "'";
    }
}
