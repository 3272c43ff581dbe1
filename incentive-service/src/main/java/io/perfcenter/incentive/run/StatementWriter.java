package io.perfcenter.incentive.run;

import io.perfcenter.incentive.statement.ComposedStatement;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.statement.StatementPayloads.StatementView;
import io.perfcenter.incentive.store.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a run's statements and lines with PostgreSQL's COPY in the run's transaction, rather than one insert per
 * row: 10,000 statements of eight lines each go in as two streams. Statement ids are taken from the sequence first,
 * so the answer is built without reading anything back.
 */
@ApplicationScoped
class StatementWriter {

    private static final String IDS = "SELECT nextval('payout_statement_id_seq') FROM generate_series(1, ?)";
    private static final String COPY_STATEMENTS = "COPY payout_statement (id, run_id, employee_id, unit_code, period, "
            + "plan_code, currency, total_amount, flags) FROM STDIN";
    private static final String COPY_LINES = "COPY payout_line (statement_id, position, kind, amount, currency, "
            + "explanation, explanation_zh, source, monetary) FROM STDIN";
    /** The flags of a statement without any, as Json writes an empty list (and jsonb gives it back). */
    private static final String NO_FLAGS = "[]";
    /** Bytes gathered before they are handed to the server. */
    private static final int FLUSH_AT = 1 << 20;

    private final EntityManager em;

    StatementWriter(EntityManager em) {
        this.em = em;
    }

    private static final String PAID_ELSEWHERE = """
            SELECT s.employee_id, r.id, r.unit_code, r.status
              FROM payout_statement s JOIN payout_run r ON r.id = s.run_id
             WHERE s.current AND s.plan_code = ? AND s.period = ? AND r.unit_code <> ? AND s.employee_id = ANY (?)
             ORDER BY s.employee_id""";

    /**
     * Of the given employees, those whom a live run of another unit pays for the plan and period already (an agent
     * who moved unit mid-period), with the reason they are left out of this unit's run.
     */
    List<RunPayloads.SkippedEmployee> paidElsewhere(String planCode, String period, String unitCode,
                                                    List<String> employeeIds) {
        if (employeeIds.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<RunPayloads.SkippedEmployee> found = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(PAID_ELSEWHERE)) {
                st.setString(1, planCode);
                st.setString(2, period);
                st.setString(3, unitCode);
                st.setArray(4, c.createArrayOf("text", employeeIds.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String employee = rs.getString(1);
                        long runId = rs.getLong(2);
                        String unit = rs.getString(3);
                        String status = rs.getString(4);
                        found.add(new RunPayloads.SkippedEmployee(employee, "already paid for " + planCode + " "
                                + period + " by run " + runId + " of unit " + unit + " (" + status
                                + "): one statement per employee, period and plan", runId, unit,
                                "已由单元 " + unit + " 的运行 " + runId + "（" + status + "）发放 " + planCode + " "
                                        + period + "：每名员工每期每个方案只有一份结算单"));
                    }
                }
            }
            return found;
        });
    }

    /** Writes the statements of a persisted run and returns them as the API shows them. */
    List<StatementView> write(PayoutRun run, List<ComposedStatement> statements) {
        return em.unwrap(Session.class).doReturningWork(c -> write(c, run, statements));
    }

    private List<StatementView> write(Connection c, PayoutRun run, List<ComposedStatement> statements)
            throws SQLException {
        int n = statements.size();
        long[] ids = new long[n];
        try (PreparedStatement st = c.prepareStatement(IDS)) {
            st.setInt(1, n);
            try (ResultSet rs = st.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        Rows rows = new Rows(pg.getCopyAPI().copyIn(COPY_STATEMENTS));
        try {
            for (int i = 0; i < n; i++) {
                ComposedStatement s = statements.get(i);
                List<String> flags = s.flags();
                // most statements have no flag: "[]" is what Json writes for them, without a writer each
                rows.field(ids[i]).field(run.id).field(s.employeeId()).field(s.unitCode()).field(run.period)
                        .field(run.planCode).field(run.currency).field(s.total())
                        .last(flags.isEmpty() ? NO_FLAGS : Json.write(flags));
            }
            rows.end();
        } catch (SQLException | RuntimeException e) {
            rows.cancel();
            throw e;
        }
        List<StatementView> views = new ArrayList<>(n);
        rows = new Rows(pg.getCopyAPI().copyIn(COPY_LINES));
        try {
            for (int i = 0; i < n; i++) {
                ComposedStatement s = statements.get(i);
                List<String> sources = s.sourcesJson();
                for (int p = 0; p < s.lines().size(); p++) {
                    ComputedLine l = s.lines().get(p);
                    rows.field(ids[i]).field(p + 1).field(l.kind()).field(l.amount()).field(l.currency())
                            .field(l.explained().en()).field(l.explained().zh()).field(sources.get(p))
                            .last(l.monetary() ? "t" : "f");
                }
                views.add(StatementView.of(ids[i], run.id, run.status, run.planCode, run.planVersion, run.period,
                        run.currency, s));
            }
            rows.end();
        } catch (SQLException | RuntimeException e) {
            rows.cancel();
            throw e;
        }
        return views;
    }

    /** Rows in COPY's text format: tab between fields, \N for null, backslash escapes. */
    private static final class Rows {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

        Rows(CopyIn copy) {
            this.copy = copy;
        }

        Rows field(Object value) {
            append(value);
            buffer.append('\t');
            return this;
        }

        Rows last(Object value) throws SQLException {
            append(value);
            buffer.append('\n');
            if (buffer.length() >= FLUSH_AT) {
                flush();
            }
            return this;
        }

        private void append(Object value) {
            if (value == null) {
                buffer.append("\\N");
            } else if (value instanceof BigDecimal d) {
                buffer.append(Numbers.asGiven(d));
            } else if (value instanceof Number || value instanceof Boolean) {
                buffer.append(value);
            } else {
                String s = value.toString();
                for (int i = 0; i < s.length(); i++) {
                    char ch = s.charAt(i);
                    switch (ch) {
                        case '\\' -> buffer.append("\\\\");
                        case '\t' -> buffer.append("\\t");
                        case '\n' -> buffer.append("\\n");
                        case '\r' -> buffer.append("\\r");
                        default -> buffer.append(ch);
                    }
                }
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        void end() throws SQLException {
            flush();
            copy.endCopy();
        }

        /** Leaves the connection usable after a failure; the transaction then rolls back. */
        void cancel() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
