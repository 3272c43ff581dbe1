package io.perfcenter.scoring.run;

import io.perfcenter.scoring.client.MetricsClient;
import io.perfcenter.scoring.client.MetricsPayloads.AgentAggregates;
import io.perfcenter.scoring.client.MetricsPayloads.AggregateReport;
import io.perfcenter.scoring.client.MetricsRejection;
import io.perfcenter.scoring.run.RunPayloads.RunInput;
import io.perfcenter.scoring.run.RunPayloads.RunSummary;
import io.perfcenter.scoring.run.RunPayloads.RunView;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardPayloads.ScorecardView;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.security.DataScope;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes runs and publishes them. A run reads every agent's values from metrics-service in one call, before any
 * transaction is open, then stores the run and all its scorecards in one transaction: if metrics-service fails,
 * nothing is stored.
 */
@ApplicationScoped
public class RunService {

    private static final String RANK = """
            UPDATE scorecard s SET rank = r.rank
            FROM (SELECT id, rank() OVER (ORDER BY total DESC) AS rank FROM scorecard WHERE run_id = :run) r
            WHERE s.id = r.id""";
    private static final Comparator<Scorecard> BEST_FIRST =
            Comparator.comparing((Scorecard s) -> s.rank).thenComparing(s -> s.employeeId);

    private final MetricsClient metrics;
    private final Caller caller;
    private final DataScope scope;
    private final EntityManager em;

    RunService(MetricsClient metrics, Caller caller, DataScope scope, EntityManager em) {
        this.metrics = metrics;
        this.caller = caller;
        this.scope = scope;
        this.em = em;
    }

    public RunView compute(RunInput input) {
        if (input.templateCode() == null || input.templateCode().isBlank()) {
            throw Problems.invalid("templateCode", "is required");
        }
        if (input.unitCode() == null || input.unitCode().isBlank()) {
            throw Problems.invalid("unitCode", "is required");
        }
        EvaluationPeriod period = EvaluationPeriod.parse("period", input.period());
        ScorecardTemplate template = ScorecardTemplate.latest(input.templateCode())
                .orElseThrow(() -> Problems.invalid("templateCode", "no template " + input.templateCode()));
        AggregateReport report;
        try {
            report = metrics.aggregates(input.unitCode(), template.metricCodes(), period.from(), period.to());
        } catch (MetricsRejection rejection) {
            throw relayed(rejection, input);
        }
        List<AgentAggregates> agents = report.agents() == null ? List.of() : report.agents();
        return QuarkusTransaction.requiringNew().call(() -> store(template, input.unitCode(), period, agents));
    }

    private RunView store(ScorecardTemplate template, String unitCode, EvaluationPeriod period,
                          List<AgentAggregates> agents) {
        ScorecardRun run = new ScorecardRun();
        run.templateId = template.id;
        run.templateCode = template.code;
        run.templateVersion = template.version;
        run.unitCode = unitCode;
        run.period = period.code();
        run.periodFrom = period.from();
        run.periodTo = period.to();
        run.status = ScorecardRun.Status.COMPUTED;
        run.computedAt = OffsetDateTime.now();
        run.computedBy = caller.name();
        run.persist();
        List<Scorecard> cards = new ArrayList<>();
        for (AgentAggregates agent : agents) {
            ScorecardCalculator.Result result = ScorecardCalculator.score(template, agent.values(), period.code());
            Scorecard card = new Scorecard();
            card.runId = run.id;
            card.employeeId = agent.employeeId();
            card.unitCode = unitCode;
            card.period = period.code();
            card.templateCode = template.code;
            card.templateVersion = template.version;
            card.total = result.total();
            card.grade = result.grade();
            card.status = Scorecard.Status.COMPUTED;
            card.items.addAll(result.items());
            card.persist();
            cards.add(card);
        }
        em.flush();
        // ranking is SQL's job; the rank column is not written by Hibernate, so the entities only take the result
        em.createNativeQuery(RANK).setParameter("run", run.id).executeUpdate();
        Map<Long, Integer> ranks = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, rank FROM scorecard WHERE run_id = :run")
                .setParameter("run", run.id).getResultList();
        for (Object[] row : rows) {
            ranks.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
        }
        cards.forEach(c -> c.rank = ranks.get(c.id));
        return RunView.of(run, cards.stream().sorted(BEST_FIRST).map(ScorecardView::of).toList());
    }

    // what metrics-service refused is a field of our request; name it as the caller knows it
    private static RuntimeException relayed(MetricsRejection rejection, RunInput input) {
        String remote = rejection.remoteField() == null ? "" : rejection.remoteField();
        if (rejection.status() == 404) {
            return Problems.invalid("unitCode", "metrics-service knows no unit " + input.unitCode() + " ("
                    + rejection.remoteDetail() + ")");
        }
        if (rejection.status() == 400) {
            String field = switch (remote) {
                case "metric" -> "templateCode";
                case "from", "to" -> "period";
                default -> "unitCode";
            };
            return Problems.invalid(field, "metrics-service refused it: " + rejection.remoteDetail());
        }
        return rejection;
    }

    public RunView get(long id) {
        ScorecardRun run = ScorecardRun.<ScorecardRun>findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("Run", id));
        if (!scope.visibility().seesUnit(run.unitCode)) {
            throw Problems.outOfScope("Run " + id + " scores unit " + run.unitCode + ", outside your scope");
        }
        return view(run);
    }

    public List<RunSummary> list(String period, String unitCode, String templateCode) {
        DataScope.Visibility visibility = scope.visibility();
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (period != null) {
            params.put("period", EvaluationPeriod.parse("period", period).code());
            where.append(" and r.period = :period");
        }
        if (unitCode != null) {
            params.put("unit", unitCode);
            where.append(" and r.unitCode = :unit");
        }
        if (templateCode != null) {
            params.put("template", templateCode);
            where.append(" and r.templateCode = :template");
        }
        if (!visibility.everything()) {
            if (visibility.units().isEmpty()) {
                return List.of();
            }
            params.put("units", visibility.units());
            where.append(" and r.unitCode in :units");
        }
        var query = em.createQuery("""
                select r, (select count(s) from Scorecard s where s.runId = r.id) from ScorecardRun r
                where %s order by r.period desc, r.unitCode, r.id desc""".formatted(where), Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(row -> {
            ScorecardRun r = (ScorecardRun) row[0];
            return new RunSummary(r.id, r.templateCode, r.templateVersion, r.unitCode, r.period, r.status,
                    r.computedAt, r.publishedAt, ((Number) row[1]).longValue());
        }).toList();
    }

    /**
     * Publishes the run and its scorecards. At most one run per template, unit and period is published: publishing
     * a second one is refused (a later issue adds superseding a published run).
     */
    @Transactional
    public RunView publish(long id) {
        ScorecardRun run = ScorecardRun.<ScorecardRun>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("Run", id));
        if (run.status == ScorecardRun.Status.PUBLISHED) {
            throw Problems.conflict("Run " + id + " is published already");
        }
        ScorecardRun.<ScorecardRun>find("templateCode = ?1 and unitCode = ?2 and period = ?3 and status = ?4",
                        run.templateCode, run.unitCode, run.period, ScorecardRun.Status.PUBLISHED)
                .firstResultOptional().ifPresent(other -> {
                    throw Problems.conflict("Run " + other.id + " of template " + run.templateCode + " for unit "
                            + run.unitCode + " and " + run.period + " is published already");
                });
        run.status = ScorecardRun.Status.PUBLISHED;
        run.publishedAt = OffsetDateTime.now();
        run.publishedBy = caller.name();
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw Problems.conflict("Another run of template " + run.templateCode + " for unit " + run.unitCode
                    + " and " + run.period + " was published at the same moment");
        }
        Scorecard.update("status = ?1 where runId = ?2", Scorecard.Status.PUBLISHED, id);
        return view(run);
    }

    private RunView view(ScorecardRun run) {
        List<ScorecardView> cards = Scorecard.<Scorecard>list("runId = ?1 order by rank, employeeId", run.id)
                .stream().map(ScorecardView::of).toList();
        return RunView.of(run, cards);
    }
}
