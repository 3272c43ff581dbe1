package io.perfcenter.incentive.run;

import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.client.ScoringClient;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.run.RunPayloads.RunInput;
import io.perfcenter.incentive.run.RunPayloads.RunSummary;
import io.perfcenter.incentive.run.RunPayloads.RunView;
import io.perfcenter.incentive.salary.Salary;
import io.perfcenter.incentive.statement.Money;
import io.perfcenter.incentive.statement.PayoutStatement;
import io.perfcenter.incentive.statement.StatementBook;
import io.perfcenter.incentive.statement.StatementComposer;
import io.perfcenter.incentive.web.Periods;
import io.perfcenter.incentive.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Computes payout runs from scoring-service's published scorecards and approves them. Scorecards are fetched before
 * anything is written; the run and all its statements are then stored in one transaction, so a failure of scoring
 * (or of anything else) leaves nothing behind.
 */
@ApplicationScoped
public class PayoutRuns {

    private final ScoringClient scoring;
    private final StatementComposer composer;
    private final StatementBook statements;
    private final EntityManager em;

    PayoutRuns(ScoringClient scoring, StatementComposer composer, StatementBook statements, EntityManager em) {
        this.scoring = scoring;
        this.composer = composer;
        this.statements = statements;
        this.em = em;
    }

    public RunView compute(RunInput input, String createdBy) {
        if (input == null) {
            throw Problems.invalid("body", "is required");
        }
        if (input.planCode() == null || input.planCode().isBlank()) {
            throw Problems.invalid("planCode", "is required");
        }
        Periods.check("period", input.period());
        if (input.unitCode() == null || input.unitCode().isBlank()) {
            throw Problems.invalid("unitCode", "is required");
        }
        IncentivePlan plan = IncentivePlan.latest(input.planCode())
                .orElseThrow(() -> Problems.invalid("planCode", "no plan " + input.planCode() + " exists"));
        // fail fast before asking scoring; checked again under the lock below
        PayoutRun.live(plan.code, input.period(), input.unitCode())
                .filter(r -> r.status == RunStatus.APPROVED).ifPresent(PayoutRuns::rejectLocked);

        List<Scorecard> cards = published(input.period(), input.unitCode());
        return QuarkusTransaction.requiringNew().call(() -> store(plan.id, input, cards, createdBy));
    }

    /** The unit's published scorecards of the period, one per employee. */
    private List<Scorecard> published(String period, String unitCode) {
        // scoring was asked for exactly these; anything else it might list is left out, never paid
        Predicate<Scorecard> usable = c -> c != null && c.employeeId() != null && !c.employeeId().isBlank()
                && (c.status() == null || Scorecard.PUBLISHED.equalsIgnoreCase(c.status()))
                && (c.period() == null || period.equals(c.period()));
        List<Scorecard> cards = scoring.publishedScorecards(period, unitCode).stream().filter(usable).toList();
        if (cards.isEmpty()) {
            throw Problems.scoresNotPublished("scoring-service has no published scorecards of unit " + unitCode
                    + " for " + period + ": scoring must publish the period's scorecards before payouts are computed");
        }
        Set<String> employees = new HashSet<>();
        for (Scorecard card : cards) {
            if (!employees.add(card.employeeId())) {
                throw Problems.conflict("scoring-service lists two published scorecards of " + card.employeeId()
                        + " for " + period + "; a payout needs exactly one");
            }
        }
        return cards;
    }

    private RunView store(long planId, RunInput input, List<Scorecard> cards, String createdBy) {
        IncentivePlan plan = IncentivePlan.findById(planId);
        // one computation per plan, period and unit at a time; released at commit
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('payout_run:' || ?1))")
                .setParameter(1, plan.code + '|' + input.period() + '|' + input.unitCode()).getSingleResult();
        PayoutRun.live(plan.code, input.period(), input.unitCode()).ifPresent(previous -> {
            if (previous.status == RunStatus.APPROVED) {
                rejectLocked(previous);
            }
            previous.status = RunStatus.SUPERSEDED;
        });
        em.flush(); // the superseded run must leave the "one live run" index before the new one enters it

        PayoutRun run = new PayoutRun();
        run.planId = plan.id;
        run.planCode = plan.code;
        run.planVersion = plan.version;
        run.period = input.period();
        run.unitCode = input.unitCode();
        run.status = RunStatus.COMPUTED;
        run.currency = plan.currency;
        run.createdAt = OffsetDateTime.now();
        run.createdBy = createdBy;
        run.totalAmount = BigDecimal.ZERO.setScale(Money.SCALE);
        run.persist();

        Map<String, Salary> salaries = Salary.byEmployee(cards.stream().map(Scorecard::employeeId).toList());
        List<PayoutStatement> made = new ArrayList<>();
        for (Scorecard card : cards) {
            PayoutStatement statement = composer.compose(run, plan, card, salaries.get(card.employeeId()));
            statement.persist();
            made.add(statement);
        }
        run.statementCount = made.size();
        run.flaggedCount = (int) made.stream().filter(s -> !s.flags.isEmpty()).count();
        run.totalAmount = made.stream().map(s -> s.totalAmount).filter(a -> a != null)
                .reduce(run.totalAmount, BigDecimal::add);
        em.flush();
        return RunView.of(run, statements.ofRun(run.id));
    }

    /** Approval is final: the run and its statements are locked from then on. */
    @Transactional
    public RunView approve(long id, String approvedBy) {
        PayoutRun run = PayoutRun.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            throw Problems.notFound("Run", Long.toString(id));
        }
        if (run.status == RunStatus.APPROVED) {
            rejectLocked(run);
        }
        if (run.status == RunStatus.SUPERSEDED) {
            throw Problems.conflict("Run " + id + " was superseded by a later computation; approve that one");
        }
        run.status = RunStatus.APPROVED;
        run.approvedAt = OffsetDateTime.now();
        run.approvedBy = approvedBy;
        return RunView.of(run, statements.ofRun(run.id));
    }

    @Transactional
    public RunView get(long id) {
        PayoutRun run = PayoutRun.findById(id);
        if (run == null) {
            throw Problems.notFound("Run", Long.toString(id));
        }
        return RunView.of(run, statements.ofRun(run.id));
    }

    /** Runs matching the filters, newest first; {@code units} limits them to those units unless null. */
    public List<RunSummary> list(String period, String unitCode, String planCode, RunStatus status,
                                 List<String> units) {
        StringBuilder jpql = new StringBuilder("SELECT r FROM PayoutRun r WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (period != null) {
            jpql.append(" AND r.period = :period");
            params.put("period", period);
        }
        if (unitCode != null) {
            jpql.append(" AND r.unitCode = :unit");
            params.put("unit", unitCode);
        }
        if (planCode != null) {
            jpql.append(" AND r.planCode = :plan");
            params.put("plan", planCode);
        }
        if (status != null) {
            jpql.append(" AND r.status = :status");
            params.put("status", status);
        }
        if (units != null) {
            if (units.isEmpty()) {
                return List.of();
            }
            jpql.append(" AND r.unitCode IN :units");
            params.put("units", units);
        }
        jpql.append(" ORDER BY r.id DESC");
        TypedQuery<PayoutRun> query = em.createQuery(jpql.toString(), PayoutRun.class);
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(RunSummary::of).toList();
    }

    private static void rejectLocked(PayoutRun run) {
        throw Problems.runLocked("Run " + run.id + " (" + run.planCode + ", " + run.period + ", " + run.unitCode
                + ") was approved by " + run.approvedBy + " and is locked");
    }
}
