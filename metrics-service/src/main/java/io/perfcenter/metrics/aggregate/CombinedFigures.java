package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.ingest.RecordKind;

import org.postgresql.PGStatement;

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
    private static final String AGENT = "agent";
    /**
     * Sent with one agent's statement, in the same round trip and its own transaction: plan the statement once per
     * connection for any agent (a generic plan) rather than for each agent anew. Planning the branches (five
     * partitioned tables, the pushed values' raw days) cost several times what executing them costs for one agent's
     * few hundred rows, and PostgreSQL's own choice (plan_cache_mode auto) plans the first five executions of a
     * prepared statement on each pooled connection anew, then a generic plan, which the pool's idle connections
     * being closed and opened again brings back. The plan for one agent does not depend on who the agent is: the
     * period is in the text (its partitions pruned at planning), the agent's rows come through the index by agent.
     */
    static final String GENERIC_PLAN = "SET LOCAL plan_cache_mode = force_generic_plan; ";

    /**
     * What the branches read, as the separate queries did; {@code agentFound}: whether the agent of an
     * {@code agent} branch is in the directory (true without such a branch).
     */
    record Figures(Map<RecordKind, Map<Cell, RecordSums>> records, Map<Cell, Map<String, PushedFigures>> pushed,
                   List<DayCorrection> fixes, boolean agentFound) {

        Figures(Map<RecordKind, Map<Cell, RecordSums>> records, Map<Cell, Map<String, PushedFigures>> pushed,
                List<DayCorrection> fixes) {
            this(records, pushed, fixes, true);
        }
    }

    private CombinedFigures() {
    }

    /**
     * The statement: one branch per planned record kind ({@code kinds}: each kind's query and its column count), the
     * pushed values of {@code codes} (null: no branch), and the corrections (null: no branch).
     */
    static SqlQuery query(Map<RecordKind, SqlQuery> kinds, Map<RecordKind, Integer> columns, List<String> codes,
                          SqlQuery pushed, SqlQuery fixes, LocalDate from, LocalDate to) {
        return query(kinds, columns, codes, pushed, fixes, from, to, null);
    }

    /**
     * The statement, with {@code agent} (not null) a branch answering one row when that agent is in the directory:
     * one agent's read asks whether the agent exists in the same round trip as the figures (before, a Hibernate
     * look-up of its own).
     */
    static SqlQuery query(Map<RecordKind, SqlQuery> kinds, Map<RecordKind, Integer> columns, List<String> codes,
                          SqlQuery pushed, SqlQuery fixes, LocalDate from, LocalDate to, String agent) {
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
        if (agent != null) {
            branches.add(branch("'" + AGENT + "'", "q.e", "NULL", "NULL::text", "NULL::date", "NULL::bigint",
                    List.of(), width, new SqlQuery().append("SELECT a.employee_id FROM agent a WHERE a.employee_id = ?",
                            agent), "q(e)", null));
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
        try (PreparedStatement st = query.prepare(c); ResultSet rs = st.executeQuery()) {
            return read(rs, columns, false);
        }
    }

    /**
     * Reads one agent's statement with a generic plan ({@link #GENERIC_PLAN}, sent in the same round trip), prepared
     * on the server from its first use on a connection so that the plan is kept; {@code c} must be in a transaction
     * (the setting ends with it).
     */
    static Figures readGeneric(Connection c, SqlQuery query, Map<RecordKind, Integer> columns, boolean agentBranch)
            throws SQLException {
        try (PreparedStatement st = new SqlQuery().append(GENERIC_PLAN).append(query).prepare(c)) {
            st.unwrap(PGStatement.class).setPrepareThreshold(1);
            boolean results = st.execute();
            // the SET's update count first, then the rows
            while (!results && st.getUpdateCount() != -1) {
                results = st.getMoreResults();
            }
            try (ResultSet rs = st.getResultSet()) {
                return read(rs, columns, agentBranch);
            }
        }
    }

    private static Figures read(ResultSet rs, Map<RecordKind, Integer> columns, boolean agentBranch)
            throws SQLException {
        Map<RecordKind, Map<Cell, RecordSums>> records = new EnumMap<>(RecordKind.class);
        columns.keySet().forEach(kind -> records.put(kind, new HashMap<>()));
        Map<Cell, Map<String, PushedFigures>> pushed = new HashMap<>();
        List<DayCorrection> fixes = new ArrayList<>();
        boolean agentFound = !agentBranch;
        while (rs.next()) {
            String part = rs.getString(1);
            if (AGENT.equals(part)) {
                agentFound = true;
                continue;
            }
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
        return new Figures(records, pushed, fixes, agentFound);
    }
}
