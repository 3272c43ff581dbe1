package io.perfcenter.scoring.run;

import io.perfcenter.scoring.appeal.Appeal;
import io.perfcenter.scoring.audit.AuditEvent;
import io.perfcenter.scoring.events.Outbox;
import io.perfcenter.scoring.rule.Explanation;
import io.perfcenter.scoring.run.RunPayloads.RunView;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Moves runs through review, publishing and locking by the table of {@link RunTransition}: the table says which status
 * an action leaves from and goes to; this class adds the conditions that depend on more than the status (reviews
 * required, open appeals, the published revision of the series), stamps who and when, moves the run's scorecards with
 * it and writes the audit trail. Each action is one transaction on the run's row, locked.
 */
@ApplicationScoped
public class RunLifecycleService {

    /** The center's clock (zone perfcenter.time-zone); tests may replace it. */
    @Inject
    Clock clock;

    private final Caller caller;
    private final Outbox outbox;

    RunLifecycleService(Caller caller, Outbox outbox) {
        this.caller = caller;
        this.outbox = outbox;
    }

    /** COMPUTED → IN_REVIEW: agents see their drafts and write self-assessments; supervisors rate and review. */
    @Transactional
    public RunView openReview(long id) {
        ScorecardRun run = locked(id);
        move(run, RunTransition.OPEN_REVIEW, null);
        run.reviewOpenedAt = OffsetDateTime.now(clock);
        run.reviewOpenedBy = caller.name();
        return RunQueryService.view(run);
    }

    /**
     * Publishes the run and its scorecards (from COMPUTED or IN_REVIEW). A newer revision supersedes the published
     * one of the same template, unit and period, unless that one is locked or has open appeals; an older revision
     * never replaces a newer published one. A template that requires reviews is published only once every scorecard
     * was reviewed. No employee may have a published scorecard of the template and period from another unit's run.
     * Answers the run with its scorecards, or without them ({@code withScorecards} false).
     */
    @Transactional
    public RunView publish(long id, boolean withScorecards) {
        ScorecardRun run = locked(id);
        RunTransition.PUBLISH.check(run);
        ScorecardTemplate template = ScorecardTemplate.findById(run.templateId);
        if (template.optionsOrDefaults().reviewRequired()) {
            long open = Scorecard.count("runId = ?1 and reviewedAt is null", id);
            if (open > 0) {
                throw Problems.conflict("Template " + run.templateCode + " requires a supervisor review of every "
                        + "scorecard; " + open + " of run " + id + " are not reviewed yet");
            }
        }
        ScorecardRun current = ScorecardRun.<ScorecardRun>find("templateCode = ?1 and unitCode = ?2 and period = ?3 "
                        + "and status in ?4", run.templateCode, run.unitCode, run.period,
                List.of(ScorecardRun.Status.PUBLISHED, ScorecardRun.Status.LOCKED)).firstResult();
        if (current != null) {
            supersede(current, run);
        }
        CurrentScorecards.checkNonePublishedElsewhere(ScorecardRun.getEntityManager(), run);
        RunTransition.PUBLISH.apply(run);
        run.publishedAt = OffsetDateTime.now(clock);
        run.publishedBy = caller.name();
        try {
            ScorecardRun.flush();
        } catch (PersistenceException e) {
            throw Problems.conflict("Another run of template " + run.templateCode + " for unit " + run.unitCode
                    + " and " + run.period + " was published at the same moment");
        }
        try {
            Scorecard.update("status = ?1 where runId = ?2", Scorecard.Status.PUBLISHED, id);
        } catch (PersistenceException e) {
            // the database's one-current-scorecard index: another unit's run was published at the same moment
            throw CurrentScorecards.publishedAtTheSameMoment(run);
        }
        AuditEvent.record(run.id, null, null, RunTransition.PUBLISH.auditAction(), caller.name(),
                current == null ? null : Explanation.of("supersedes run " + current.id, "取代考核批次 " + current.id));
        emitForRun(run, "published");
        return withScorecards ? RunQueryService.view(run) : RunQueryService.summary(run);
    }

    // the published revision of the series makes way for a newer one: never for an older one, never while locked or
    // while appeals against it are open
    private void supersede(ScorecardRun current, ScorecardRun newer) {
        RunTransition.SUPERSEDE.check(current);
        if (current.revision > newer.revision) {
            throw Problems.conflict("Run " + current.id + " of template " + newer.templateCode + " for unit "
                    + newer.unitCode + " and " + newer.period + " is published already, and newer (revision "
                    + current.revision + ")");
        }
        long appeals = openAppeals(current.id);
        if (appeals > 0) {
            throw Problems.conflict("Run " + current.id + ", published now, has " + appeals + " open appeals; "
                    + "decide them before publishing a new revision");
        }
        move(current, RunTransition.SUPERSEDE, Explanation.of("by run " + newer.id + " (revision " + newer.revision
                + ")", "被考核批次 " + newer.id + "（第 " + newer.revision + " 次修订）取代"));
        ScorecardRun.flush();
    }

    /**
     * PUBLISHED → LOCKED: closed for appeals and changes; still what incentive-service reads as published. Answers
     * the run with its scorecards, or without them ({@code withScorecards} false).
     */
    @Transactional
    public RunView lock(long id, boolean withScorecards) {
        ScorecardRun run = locked(id);
        RunTransition.LOCK.check(run);
        long appeals = openAppeals(id);
        if (appeals > 0) {
            throw Problems.conflict("Run " + id + " has " + appeals + " open appeals; decide them before locking");
        }
        move(run, RunTransition.LOCK, null);
        run.lockedAt = OffsetDateTime.now(clock);
        run.lockedBy = caller.name();
        emitForRun(run, "locked");
        return withScorecards ? RunQueryService.view(run) : RunQueryService.summary(run);
    }

    // the run, its scorecards and the audit trail take the step together
    private void move(ScorecardRun run, RunTransition transition, Explanation detail) {
        transition.apply(run);
        Scorecard.update("status = ?1 where runId = ?2", Scorecard.Status.of(transition.to()), run.id);
        AuditEvent.record(run.id, null, null, transition.auditAction(), caller.name(), detail);
    }

    /**
     * Events of a run's step, in its transaction: one per scorecard ({@code scorecard.<step>}, subject the employee
     * id, or the unit code of a units template's scorecard), so that each agent can be told, then one for the run
     * ({@code run.<step>}, subject {@code run-<id>}).
     */
    private void emitForRun(ScorecardRun run, String step) {
        List<Object[]> cards = Scorecard.getEntityManager().createQuery("select c.id, c.employeeId, "
                + "c.subjectUnitCode, c.total, c.grade, c.rank from Scorecard c where c.runId = ?1 order by c.id",
                Object[].class).setParameter(1, run.id).getResultList();
        List<Outbox.Emission> events = new java.util.ArrayList<>(cards.size() + 1);
        for (Object[] c : cards) {
            String subject = c[1] != null ? (String) c[1] : (String) c[2];
            events.add(new Outbox.Emission("scorecard." + step, subject, new ScorecardEvent((Long) c[0], run.id,
                    run.templateCode, run.unitCode, run.period, (String) c[1], (String) c[2],
                    (java.math.BigDecimal) c[3], (String) c[4], (Integer) c[5])));
        }
        events.add(new Outbox.Emission("run." + step, "run-" + run.id, new RunEvent(run.id, run.templateCode,
                run.unitCode, run.period, run.revision, cards.size(), caller.name())));
        // set-based: one insert per thousand events rather than an entity each (ten thousand at a center's close)
        outbox.emitAll(events);
    }

    /** The data of {@code scorecard.published} and {@code scorecard.locked}. */
    public record ScorecardEvent(long scorecardId, long runId, String templateCode, String unitCode, String period,
                          String employeeId, String subjectUnitCode, java.math.BigDecimal total, String grade,
                          Integer rank) {
    }

    /** The data of {@code run.published} and {@code run.locked}. */
    public record RunEvent(long runId, String templateCode, String unitCode, String period, int revision, int scorecards,
                    String by) {
    }

    private static long openAppeals(long runId) {
        return Appeal.count("runId = ?1 and status = ?2", runId, Appeal.Status.OPEN);
    }

    private ScorecardRun locked(long id) {
        return ScorecardRun.<ScorecardRun>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("Run", id));
    }
}
