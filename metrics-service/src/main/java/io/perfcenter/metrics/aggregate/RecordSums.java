package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.aggregate.AggregatePlan.Column;
import io.perfcenter.metrics.ingest.RecordKind;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one record kind's records add up to in a cell: how many there are, and the value of each of the kind's
 * planned columns (null: no record had one). One query per record kind reads them for every agent and bucket.
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
        return new SqlQuery().append(select.toString())
                .append(MemberWindows.join(members, "r", "activity_date"))
                .append("WHERE r.activity_date BETWEEN DATE '" + from + "' AND DATE '" + to + "' ")
                .append(scope.agentFilter("r.employee_id"))
                .append("GROUP BY r.employee_id" + (bucketing.constant() ? "" : ", " + bucket));
    }

    static Map<Cell, RecordSums> read(Connection c, SqlQuery query, int columns) throws SQLException {
        Map<Cell, RecordSums> out = new HashMap<>();
        try (PreparedStatement st = query.prepare(c); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                BigDecimal[] sums = new BigDecimal[columns];
                for (int i = 0; i < sums.length; i++) {
                    sums[i] = rs.getBigDecimal(4 + i);
                }
                out.put(new Cell(rs.getString(1), rs.getString(2)), new RecordSums(rs.getLong(3), sums));
            }
        }
        return out;
    }

    /** The value of a column (null: no record had one). */
    BigDecimal column(int index) {
        return columns[index];
    }
}
