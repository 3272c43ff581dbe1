package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.audit.AuditEvent;
import io.perfcenter.scoring.client.MetricsClient;
import io.perfcenter.scoring.run.InputGathering;
import io.perfcenter.scoring.run.ScorecardRecompute;
import io.perfcenter.scoring.run.ScorecardRun;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardItem;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

/**
 * What the resolutions of an appeal are carried out with: the remote steps (withdrawing a data correction, which
 * run outside any transaction) and the transactions that store a decision, each {@code requiringNew} and each
 * checking again, on the locked row, that the appeal is still open.
 */
@ApplicationScoped
public class DecisionSteps {

    /** The center's clock (zone perfcenter.time-zone); tests may replace it. */
    @Inject
    Clock clock;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DecisionSteps.class);

    private final Caller caller;
    private final MetricsClient metrics;
    private final ScorecardRecompute recompute;
    private final InputGathering gathering;

    DecisionSteps(Caller caller, MetricsClient metrics, ScorecardRecompute recompute, InputGathering gathering) {
        this.caller = caller;
        this.metrics = metrics;
        this.recompute = recompute;
        this.gathering = gathering;
    }

    String actor() {
        return caller.name();
    }

    MetricsClient metrics() {
        return metrics;
    }

    ScorecardRecompute recompute() {
        return recompute;
    }

    InputGathering gathering() {
        return gathering;
    }

    /** A correction sent on an earlier attempt that did not end in a decision is withdrawn before deciding otherwise. */
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
            decided(appeal, decision.reason());
            appeal.correctionSentAt = null;
            AuditEvent.record(appeal.runId, appeal.scorecardId, appeal.id, rejection.auditAction(), caller.name(),
                    rejection.explain(appeal));
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
            ScorecardItem before = card.item(appeal.itemCode);
            appeal.pointsBefore = before.points;
            appeal.totalBefore = card.total;
            appeal.gradeBefore = card.grade;
            appeal.rankBefore = card.rank;
            change.accept(card);
            ScorecardItem after = card.item(appeal.itemCode);
            appeal.pointsAfter = after.points;
            appeal.totalAfter = card.total;
            appeal.gradeAfter = card.grade;
            appeal.rankAfter = card.rank;
            appeal.status = resolution.outcome();
            appeal.resolution = resolution.resolution();
            if (!resolution.keepsCorrection()) {
                appeal.correctionSentAt = null;
            }
            decided(appeal, decision.reason());
            AuditEvent.record(appeal.runId, appeal.scorecardId, appeal.id, "APPEAL_ACCEPTED", caller.name(),
                    decision.reason());
            AuditEvent.record(appeal.runId, appeal.scorecardId, appeal.id, resolution.auditAction(), caller.name(),
                    resolution.explain(appeal));
            return appeal;
        });
    }

    private void decided(Appeal appeal, String reason) {
        appeal.decidedBy = caller.name();
        appeal.decidedAt = OffsetDateTime.now(clock);
        appeal.decisionReason = reason;
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
