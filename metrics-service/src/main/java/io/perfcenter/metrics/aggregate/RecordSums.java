package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.aggregate.AggregatePlan.Column;
import io.perfcenter.metrics.ingest.RecordKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What one record kind's records add up to in a cell: how many there are, and the value of each of the kind's
 * planned columns (null: no record had one). Each record kind has its query, for every agent and bucket ({@link CombinedFigures} runs them as one statement).
 */
record RecordSums(long records, BigDecimal[] columns) {

    /**
     * The kind's query: per agent and bucket, the count and every column, over the records of the range (dates
     * inlined: the planner then picks the period's pages by the BRIN index) within the scope.
     */
    static SqlQuery query(RecordKind kind, List<Column> columns, AggregateScope scope, MemberWindows members,
                          LocalDate from, LocalDate to, Bucketing bucketing) {
        String bucket = bucketing.sql("r.activity_date");
        StringBuilder select = new StringBuilder("SELECT r.employee_id, ").append(bucket)
                .append(" AS bucket, count(*)");
        columns.forEach(column -> select.append(", ").append(column.sql()));
        select.append(" FROM ").append(kind.table()).append(" r ");
        // a unit's agents in for the whole range and its other agents' windows: one SELECT each (MemberWindows.joins)
        SqlQuery sql = new SqlQuery();
        List<SqlQuery> joins = MemberWindows.joins(members, "r", "activity_date", from, to);
        for (int i = 0; i < joins.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append(select.toString()).append(joins.get(i))
                    .append("WHERE r.activity_date BETWEEN DATE '" + from + "' AND DATE '" + to + "' ")
                    .append(scope.agentFilter("r.employee_id"))
                    .append("GROUP BY r.employee_id" + (bucketing.constant() ? "" : ", " + bucket));
        }
        return sql;
    }

    /** The value of a column (null: no record had one). */
    BigDecimal column(int index) {
        return columns[index];
    }
}
