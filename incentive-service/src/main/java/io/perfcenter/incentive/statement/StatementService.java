package io.perfcenter.incentive.statement;

import com.fasterxml.jackson.core.type.TypeReference;
import io.perfcenter.incentive.run.PayoutRun;
import io.perfcenter.incentive.run.RunStatus;
import io.perfcenter.incentive.statement.StatementPayloads.LineView;
import io.perfcenter.incentive.statement.StatementPayloads.StatementView;
import io.perfcenter.incentive.statement.StatementPayloads.UnitTotals;
import io.perfcenter.incentive.store.Json;
import io.perfcenter.incentive.store.QueryFilters;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads statements; a superseded run's statements are left out unless its run is asked for by id. */
@ApplicationScoped
public class StatementService {

    private final EntityManager em;

    StatementService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<StatementView> list(String period, String employeeId, Long runId, StatementScope.Visible scope) {
        QueryFilters filters = new QueryFilters().and("s.period = :period", "period", period)
                .and("s.employeeId = :employee", "employee", employeeId).and("r.id = :run", "run", runId)
                .and("r.status <> :superseded", "superseded", runId == null ? RunStatus.SUPERSEDED : null);
        if (!scope.everything()) {
            if (scope.self() == null && scope.units().isEmpty()) {
                return List.of();
            }
            // an empty IN list is not valid everywhere; no employee or unit has an empty code
            filters.and("(s.employeeId = :self OR s.unitCode IN :units)", Map.of(
                    "self", scope.self() == null ? "" : scope.self(),
                    "units", scope.units().isEmpty() ? List.of("") : scope.units()));
        }
        return filters.bind(em.createQuery("SELECT s FROM PayoutStatement s JOIN FETCH s.run r WHERE 1 = 1"
                        + filters.conditions() + " ORDER BY s.period DESC, r.id DESC, s.employeeId",
                        PayoutStatement.class))
                .getResultList().stream().map(StatementView::of).toList();
    }

    /**
     * Totals of the live (computed or approved) runs per unit, with sums per line kind over the statements that
     * have a total; {@code units} limits them to those units unless null.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UnitTotals> totals(String period, String unitCode, List<String> units) {
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                SELECT r.id, r.plan_code, r.plan_version, r.period, r.unit_code, r.status, r.revision, r.currency,
                       r.statement_count, r.flagged_count, r.total_amount, l.kind, sum(l.amount)
                  FROM payout_run r
                  LEFT JOIN payout_statement s ON s.run_id = r.id AND s.total_amount IS NOT NULL
                  LEFT JOIN payout_line l ON l.statement_id = s.id AND l.monetary
                 WHERE r.status <> 'SUPERSEDED'""");
        QueryFilters filters = new QueryFilters().and("r.period = :period", "period", period)
                .and("r.unit_code = :unit", "unit", unitCode).and("r.unit_code IN (:units)", "units", units);
        sql.append(filters.conditions())
                .append(" GROUP BY r.id, l.kind ORDER BY r.period DESC, r.unit_code, r.id DESC, l.kind");
        var query = filters.bind(em.createNativeQuery(sql.toString()));
        Map<Long, UnitTotals> byRun = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            long runId = ((Number) row[0]).longValue();
            UnitTotals totals = byRun.computeIfAbsent(runId, id -> new UnitTotals(id, (String) row[1],
                    ((Number) row[2]).intValue(), (String) row[3], (String) row[4], RunStatus.valueOf((String) row[5]),
                    ((Number) row[6]).intValue(), (String) row[7], ((Number) row[8]).intValue(),
                    ((Number) row[9]).intValue(), (BigDecimal) row[10], new LinkedHashMap<>()));
            if (row[11] != null) {
                totals.byKind().put((String) row[11], (BigDecimal) row[12]);
            }
        }
        return List.copyOf(byRun.values());
    }

    @Transactional
    public StatementView get(long id) {
        PayoutStatement statement = PayoutStatement.findById(id);
        if (statement == null) {
            throw Problems.notFound("Statement", Long.toString(id));
        }
        return StatementView.of(statement);
    }

    /**
     * The statements of a run with their lines, by employee; to be called inside a transaction (the run's own
     * fields, status included, are taken from {@code run} as the transaction sees it).
     * <p>
     * One SQL statement on the transaction's connection, mapped straight to the views: a run's views are answers,
     * never changed here, so no statement or line becomes an entity (ten thousand statements were 10,000 + 75,000
     * entities hydrated, snapshotted and batch-loaded in 50 queries of lines). The columns are those the entities
     * mapped and read the same way (jsonb as its text, parsed by {@link Json}), so the views are equal.
     */
    public List<StatementView> ofRun(PayoutRun run) {
        return read(run, false);
    }

    /**
     * The statements of a run for its payroll file: the same rows as {@link #ofRun} without the explanations, and
     * with a line's {@code source} only where the file reads it (lines without money: perks, honors without prize).
     */
    public List<StatementView> forPayroll(PayoutRun run) {
        return read(run, true);
    }

    /**
     * A run's statements with their lines, one row a line (a statement without lines: one row, its line columns
     * null); every column named as {@link Columns} reads it. Every persistent field of {@link PayoutStatement} and
     * {@link PayoutLine} that a view shows; StatementColumnsTests fails when a field is added to them and not here.
     */
    private static final String OF_RUN = """
            SELECT s.id, s.employee_id, s.unit_code, s.period, s.currency, s.total_amount, s.flags::text AS flags,
                   l.kind, l.amount, l.currency AS line_currency, %s, l.monetary
              FROM payout_statement s LEFT JOIN payout_line l ON l.statement_id = s.id
             WHERE s.run_id = ?
             ORDER BY s.employee_id, s.id, l.position""";
    private static final String TEXTS = "l.explanation, l.explanation_zh, l.source::text AS source";
    private static final String PAYROLL = "NULL AS explanation, NULL AS explanation_zh, "
            + "CASE WHEN l.monetary THEN NULL ELSE l.source::text END AS source";
    private static final TypeReference<List<String>> FLAGS = new TypeReference<>() {
    };
    /** The stored flags of a statement without any (most of them): no parse needed. */
    private static final String NO_FLAGS = "[]";

    private List<StatementView> read(PayoutRun run, boolean payroll) {
        String sql = OF_RUN.formatted(payroll ? PAYROLL : TEXTS);
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<StatementView> views = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, run.id);
                st.setFetchSize(2000);
                try (ResultSet rs = st.executeQuery()) {
                    Columns columns = Columns.of(rs);
                    StatementView statement = null;
                    List<LineView> lines = null;
                    while (rs.next()) {
                        long id = rs.getLong(columns.id);
                        if (statement == null || id != statement.id()) {
                            if (statement != null) {
                                views.add(withLines(statement, lines));
                            }
                            statement = columns.statement(rs, run);
                            lines = new ArrayList<>(8);
                        }
                        String kind = rs.getString(columns.kind);
                        if (kind != null) { // a statement without lines has one row of nulls here
                            lines.add(columns.line(rs, kind));
                        }
                    }
                    if (statement != null) {
                        views.add(withLines(statement, lines));
                    }
                }
            }
            return views;
        });
    }

    private static StatementView withLines(StatementView s, List<LineView> lines) {
        return new StatementView(s.id(), s.runId(), s.runStatus(), s.planCode(), s.planVersion(), s.period(),
                s.employeeId(), s.unitCode(), s.currency(), s.total(), s.flags(), List.copyOf(lines));
    }

    /** Where the columns of {@link #OF_RUN} are in its result set, found by name once per result set. */
    private record Columns(int id, int employeeId, int unitCode, int period, int currency, int totalAmount, int flags,
                           int kind, int amount, int lineCurrency, int explanation, int explanationZh, int source,
                           int monetary) {

        static Columns of(ResultSet rs) throws SQLException {
            return new Columns(rs.findColumn("id"), rs.findColumn("employee_id"), rs.findColumn("unit_code"),
                    rs.findColumn("period"), rs.findColumn("currency"), rs.findColumn("total_amount"),
                    rs.findColumn("flags"), rs.findColumn("kind"), rs.findColumn("amount"),
                    rs.findColumn("line_currency"), rs.findColumn("explanation"), rs.findColumn("explanation_zh"),
                    rs.findColumn("source"), rs.findColumn("monetary"));
        }

        /** The statement of the row, without its lines yet; the run's own fields from {@code run}. */
        StatementView statement(ResultSet rs, PayoutRun run) throws SQLException {
            String stored = rs.getString(flags);
            return new StatementView(rs.getLong(id), run.id, run.status, run.planCode, run.planVersion,
                    rs.getString(period), rs.getString(employeeId), rs.getString(unitCode), rs.getString(currency),
                    rs.getBigDecimal(totalAmount), stored == null || NO_FLAGS.equals(stored) ? List.of()
                    : List.copyOf(Json.read(stored, FLAGS)), List.of());
        }

        LineView line(ResultSet rs, String kind) throws SQLException {
            return new LineView(kind, rs.getBigDecimal(amount), rs.getString(lineCurrency),
                    rs.getString(explanation), Json.readMap(rs.getString(source)), rs.getBoolean(monetary),
                    rs.getString(explanationZh));
        }
    }
}
