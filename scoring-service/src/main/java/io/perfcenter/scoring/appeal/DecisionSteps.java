package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.audit.AuditEvent;
import io.perfcenter.scoring.client.MetricsClient;
import io.perfcenter.scoring.client.MetricsPayloads.DataCorrection;
import io.perfcenter.scoring.client.MetricsPayloads.MetricAggregate;
import io.perfcenter.scoring.events.Outbox;
import io.perfcenter.scoring.rule.Explanation;
import io.perfcenter.scoring.run.InputGathering;
import io.perfcenter.scoring.run.ScorecardInputs;
import io.perfcenter.scoring.run.ScorecardRecompute;
import io.perfcenter.scoring.run.ScorecardRun;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardItem;
import io.perfcenter.scoring.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What the resolutions of an appeal are carried out with: the remote steps (sending, reading back and withdrawing a
 * data correction), which run outside any transaction, and the transactions that store a decision, each
 * {@code requiringNew}, committed or rolled back before the next remote step, and each checking again, on the locked
 * row, that the appeal is still open.
 */
@ApplicationScoped
public class DecisionSteps {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DecisionSteps.class);

    /** The center's clock (zone perfcenter.time-zone); tests may replace it. */
    @Inject
    Clock clock;

    private final MetricsClient metrics;
    private final ScorecardRecompute recompute;
    private final InputGathering gathering;
    private final Outbox outbox;

    DecisionSteps(MetricsClient metrics, ScorecardRecompute recompute, InputGathering gathering, Outbox outbox) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.recompute = recompute;
        this.gathering = gathering;
    }

    /**
     * Stores a data correction in metrics-service as the service, for the decider. Refused inside a transaction
     * ({@code NEVER}): one that rolled back afterwards would leave metrics-service changed without scoring knowing.
     */
    @Transactional(Transactional.TxType.NEVER)
    void sendCorrection(String key, DataCorrection correction) {
        metrics.correct(key, correction);
    }

    /** The agent's figures of the run's period as a run reads them, after a correction: never inside a transaction. */
    Map<String, MetricAggregate> figuresOf(AppealDecision decision) {
        return gathering.figuresOfAgentAsService(decision.appeal().employeeId, decision.template(),
                decision.run().periodFrom, decision.run().periodTo);
    }

    /** Recomputes the scorecard from its stored inputs as {@code change} alters them, and ranks its run again. */
    void recompute(Scorecard card, UnaryOperator<ScorecardInputs> change) {
        recompute.recompute(card, change.apply(recompute.inputsOf(card.id)));
    }

    /** After a data correction: the run's inputs hash is what its scorecards now rest on. */
    void rehash(long runId) {
        recompute.rehash(runId);
    }

    /** A correction sent on an earlier attempt that did not end in a decision is withdrawn before deciding otherwise. */
    @Transactional(Transactional.TxType.NEVER)
    void withdrawEarlierCorrection(Appeal appeal) {
        if (appeal.correctionSentAt != null) {
            metrics.withdrawCorrection(appeal.correctionKey());
        }
    }

    /** After a failed decision: the correction is withdrawn if metrics-service can; else the appeal's mark stays. */
    void withdrawQuietly(String key, RuntimeException cause) {
        try {
            metrics.withdrawCorrection(key);
        } catch (RuntimeException again) {
            LOG.warnf("Could not withdraw data correction %s after a failed decision (%s, then %s); the appeal stays "
                    + "open and its next decision replaces or withdraws it", key, cause.getMessage(), again.getMessage());
        }
    }

    /**
     * Notes, committed before a correction is sent, that one is on its way: a later decision withdraws it unless it
     * takes it. Refuses (409, nothing sent) an appeal decided meanwhile or a run no longer published.
     */
    void noteCorrectionSent(long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            Appeal noted = openAppeal(id);
            publishedRun(noted.runId, LockModeType.NONE);
            noted.correctionSentAt = OffsetDateTime.now(clock);
        });
    }

    /** Records a rejection: one transaction. */
    Appeal reject(AppealDecision decision, AppealResolution rejection) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Appeal appeal = openAppeal(decision.appeal().id);
            appeal.status = rejection.outcome();
            decided(appeal, decision);
            appeal.correctionSentAt = null;
            audit(appeal, decision, rejection.auditAction(), rejection.explain(appeal));
            outbox.emit("appeal.decided", appeal.employeeId, AppealEvent.of(appeal));
            return appeal;
        });
    }

    /**
     * Records an acceptance in one transaction: {@code change} recomputes the scorecard (and may refuse, rolling it all
     * back); the points, total, grade and rank before and after are kept on the appeal.
     */
    Appeal accept(AppealDecision decision, AppealResolution resolution, Consumer<Scorecard> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Appeal appeal = openAppeal(decision.appeal().id);
            publishedRun(appeal.runId, LockModeType.PESSIMISTIC_WRITE);
            Scorecard card = Scorecard.findById(appeal.scorecardId);
            ScorecardItem item = card.item(appeal.itemCode);
            appeal.pointsBefore = item.points;
            appeal.totalBefore = card.total;
            appeal.gradeBefore = card.grade;
            appeal.rankBefore = card.rank;
            change.accept(card);
            // the recompute replaced the items: the appealed one is read again
            appeal.pointsAfter = card.item(appeal.itemCode).points;
            appeal.totalAfter = card.total;
            appeal.gradeAfter = card.grade;
            appeal.rankAfter = card.rank;
            appeal.status = resolution.outcome();
            appeal.resolution = resolution.resolution();
            if (!resolution.keepsCorrection()) {
                appeal.correctionSentAt = null;
            }
            decided(appeal, decision);
            audit(appeal, decision, "APPEAL_ACCEPTED", Explanation.same(decision.reason()));
            audit(appeal, decision, resolution.auditAction(), resolution.explain(appeal));
            outbox.emit("appeal.decided", appeal.employeeId, AppealEvent.of(appeal));
            return appeal;
        });
    }

    private static void audit(Appeal appeal, AppealDecision decision, String action, Explanation detail) {
        AuditEvent.record(appeal.runId, appeal.scorecardId, appeal.id, action, decision.decidedBy(), detail);
    }

    private void decided(Appeal appeal, AppealDecision decision) {
        appeal.decidedBy = decision.decidedBy();
        appeal.decidedAt = OffsetDateTime.now(clock);
        appeal.decisionReason = decision.reason();
    }

    private static Appeal openAppeal(long id) {
        Appeal appeal = Appeal.<Appeal>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
        if (appeal.status != Appeal.Status.OPEN) {
            throw Problems.conflict("Appeal " + id + " was decided already (" + appeal.status + ")");
        }
        return appeal;
    }

    private static void publishedRun(long runId, LockModeType lock) {
        ScorecardRun run = ScorecardRun.findById(runId, lock);
        if (run.status != ScorecardRun.Status.PUBLISHED) {
            throw Problems.conflict("Run " + run.id + " is " + run.status + "; appeals change published results "
                    + "only");
        }
    }
}
