package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.run.RunStatus;
import io.perfcenter.incentive.statement.StatementPayloads.StatementView;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads statements; a superseded run's statements are left out unless its run is asked for by id. */
@ApplicationScoped
public class StatementBook {

    private final EntityManager em;

    StatementBook(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<StatementView> list(String period, String employeeId, Long runId, StatementScope.Visible scope) {
        StringBuilder jpql = new StringBuilder("SELECT s FROM PayoutStatement s JOIN FETCH s.run r WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (period != null) {
            jpql.append(" AND s.period = :period");
            params.put("period", period);
        }
        if (employeeId != null) {
            jpql.append(" AND s.employeeId = :employee");
            params.put("employee", employeeId);
        }
        if (runId != null) {
            jpql.append(" AND r.id = :run");
            params.put("run", runId);
        } else {
            jpql.append(" AND r.status <> :superseded");
            params.put("superseded", RunStatus.SUPERSEDED);
        }
        if (!scope.everything()) {
            if (scope.self() == null && scope.units().isEmpty()) {
                return List.of();
            }
            jpql.append(" AND (s.employeeId = :self OR s.unitCode IN :units)");
            params.put("self", scope.self() == null ? "" : scope.self());
            // an empty IN list is not valid everywhere; no unit has an empty code
            params.put("units", scope.units().isEmpty() ? List.of("") : scope.units());
        }
        jpql.append(" ORDER BY s.period DESC, r.id DESC, s.employeeId");
        TypedQuery<PayoutStatement> query = em.createQuery(jpql.toString(), PayoutStatement.class);
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(StatementView::of).toList();
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
        return em.createQuery("SELECT s FROM PayoutStatement s JOIN FETCH s.run r WHERE r.id = :run "
                        + "ORDER BY s.employeeId", PayoutStatement.class)
                .setParameter("run", runId).getResultList().stream().map(StatementView::of).toList();
    }
}
