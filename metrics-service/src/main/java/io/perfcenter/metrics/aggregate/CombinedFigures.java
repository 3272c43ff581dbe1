package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.ingest.RecordKind;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an aggregate reads after its member windows, as one statement (issue 11): each record kind's
 * {@link RecordSums} query, the {@link PushedFigures} query and the {@link DayCorrection} query, unchanged, each
 * wrapped as a branch of one {@code UNION ALL} whose rows carry the branch's name. One agent's month of six metrics
 * took about ten round trips (one per record kind, whether any value was pushed, the pushed values, the
 * corrections, the transaction); it now takes one, in one snapshot without a transaction of its own.
 *
 * <p>Every branch answers the same row: {@code part} (the record kind's name, {@code pushed} or {@code fix}),
 * employee id, bucket, metric code, day, a count and {@code width} numbers (each branch's numbers cast to numeric,
 * the values unchanged: an integer sum keeps its scale 0, and it still accumulates as an integer), nulls where a
 * branch has no such column. The pushed branch runs only when one of the metrics has a pushed value in the range
 * (an uncorrelated {@code EXISTS}, which PostgreSQL evaluates once and which skips the branch's scans when false),
 * as the separate check before it did.
 */
final class CombinedFigures {

    private static final String PUSHED = "pushed";
    private static final String FIX = "fix";

    /** What the branches read, as the separate queries did. */
    record Figures(Map<RecordKind, Map<Cell, RecordSums>> records, Map<Cell, Map<String, PushedFigures>> pushed,
                   List<DayCorrection> fixes) {
    }

    private CombinedFigures() {
    }

    /**
     * The statement: one branch per planned record kind ({@code kinds}: each kind's query and its column count), the
     * pushed values of {@code codes} (null: no branch), and the corrections (null: no branch).
     */
    static SqlQuery query(Map<RecordKind, SqlQuery> kinds, Map<RecordKind, Integer> columns, List<String> codes,
                          SqlQuery pushed, SqlQuery fixes, LocalDate from, LocalDate to) {
        int width = Math.max(pushed == null ? 0 : 6, fixes == null ? 0 : 1);
        for (int n : columns.values()) {
            width = Math.max(width, n);
        }
        List<SqlQuery> branches = new ArrayList<>();
        for (Map.Entry<RecordKind, SqlQuery> kind : kinds.entrySet()) {
            int n = columns.get(kind.getKey());
            StringBuilder alias = new StringBuilder("q(e, b, n");
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                alias.append(", v").append(i);
                values.add("q.v" + i + "::numeric");
            }
            branches.add(branch("'" + kind.getKey().name() + "'", "q.e", "q.b", "NULL::text", "NULL::date", "q.n",
                    values, width, kind.getValue(), alias.append(')').toString(), null));
        }
        if (pushed != null) {
            List<String> values = List.of("q.v1::numeric", "q.v2::numeric", "q.v3::numeric", "q.v4::numeric",
                    "q.v5::numeric", "q.v6::numeric");
            SqlQuery gate = new SqlQuery().append("WHERE EXISTS (SELECT 1 FROM metric_value WHERE metric_code "
                    + "= ANY(?) AND value_date BETWEEN ? AND ?)", SqlQuery.texts(codes), from, to);
            branches.add(branch("'" + PUSHED + "'", "q.e", "q.b", "q.m", "NULL::date", "q.n", values, width, pushed,
                    "q(e, b, m, v1, v2, v3, v4, v5, v6, n)", gate));
        }
        if (fixes != null) {
            branches.add(branch("'" + FIX + "'", "q.e", "q.b", "q.m", "q.d", "NULL::bigint",
                    List.of("q.v1::numeric"), width, fixes, "q(e, m, d, b, v1)", null));
        }
        SqlQuery sql = new SqlQuery();
        for (int i = 0; i < branches.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append(branches.get(i));
        }
        return sql;
    }

    private static SqlQuery branch(String part, String employee, String bucket, String metric, String day,
                                   String count, List<String> values, int width, SqlQuery inner, String alias,
                                   SqlQuery where) {
        StringBuilder select = new StringBuilder("SELECT ").append(part).append("::text AS part, ").append(employee)
                .append("::text AS employee_id, ").append(bucket).append("::text AS bucket, ").append(metric)
                .append(" AS metric_code, ").append(day).append(" AS day, ").append(count).append("::bigint AS n");
        for (int i = 0; i < width; i++) {
            select.append(", ").append(i < values.size() ? values.get(i) : "NULL::numeric");
        }
        SqlQuery branch = new SqlQuery().append(select.append(" FROM (").toString()).append(inner)
                .append(") AS " + alias + " ");
        return where == null ? branch : branch.append(where);
    }

    /** Reads the statement's rows back into what each separate query read. */
    static Figures read(Connection c, SqlQuery query, Map<RecordKind, Integer> columns) throws SQLException {
        Map<RecordKind, Map<Cell, RecordSums>> records = new EnumMap<>(RecordKind.class);
        columns.keySet().forEach(kind -> records.put(kind, new HashMap<>()));
        Map<Cell, Map<String, PushedFigures>> pushed = new HashMap<>();
        List<DayCorrection> fixes = new ArrayList<>();
        try (PreparedStatement st = query.prepare(c); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String part = rs.getString(1);
                Cell cell = new Cell(rs.getString(2), rs.getString(3));
                if (PUSHED.equals(part)) {
                    pushed.computeIfAbsent(cell, k -> new HashMap<>()).put(rs.getString(4), new PushedFigures(
                            rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                            rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getLong(6)));
                } else if (FIX.equals(part)) {
                    // a day outside every window has no bucket and corrects nothing
                    if (rs.getString(3) != null) {
                        fixes.add(new DayCorrection(rs.getString(2), rs.getString(4),
                                rs.getObject(5, LocalDate.class), rs.getString(3), rs.getBigDecimal(7)));
                    }
                } else {
                    RecordKind kind = RecordKind.valueOf(part);
                    BigDecimal[] sums = new BigDecimal[columns.get(kind)];
                    for (int i = 0; i < sums.length; i++) {
                        sums[i] = rs.getBigDecimal(7 + i);
                    }
                    records.get(kind).put(cell, new RecordSums(rs.getLong(6), sums));
                }
            }
        }
        return new Figures(records, pushed, fixes);
    }
}
