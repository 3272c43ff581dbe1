package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.run.RunStatus;
import io.perfcenter.incentive.statement.StatementPayloads.StatementView;
import io.perfcenter.incentive.statement.StatementPayloads.UnitTotals;
import io.perfcenter.incentive.web.Problems;
import io.perfcenter.incentive.store.QueryFilters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
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

    /** The statements of a run, by employee; to be called inside a transaction. */
    public List<StatementView> ofRun(long runId) {
        // read-only (the statements and their lines, loaded while mapping): a run's views are answers, never changed
        // here, so the transaction neither snapshots ten thousand statements nor dirty-checks them at commit (an
        // approval's transaction); the run itself, already loaded by an approval, keeps its pending change
        org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
        boolean readOnly = session.isDefaultReadOnly();
        session.setDefaultReadOnly(true);
        try {
            return em.createQuery("SELECT s FROM PayoutStatement s JOIN FETCH s.run r WHERE r.id = :run "
                            + "ORDER BY s.employeeId", PayoutStatement.class)
                    .setParameter("run", runId).getResultList().stream().map(StatementView::of).toList();
        } finally {
            session.setDefaultReadOnly(readOnly);
        }
    }
}
