package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.appeal.AppealPayloads.AppealInput;
import io.perfcenter.scoring.appeal.AppealPayloads.AppealView;
import io.perfcenter.scoring.appeal.AppealPayloads.EscalationInput;
import io.perfcenter.scoring.client.MetricsPayloads.MetricAggregate;
import io.perfcenter.scoring.rule.Figures;
import io.perfcenter.scoring.appeal.AppealPayloads.Correction;
import io.perfcenter.scoring.appeal.AppealPayloads.DecisionInput;
import io.perfcenter.scoring.audit.AuditEvent;
import io.perfcenter.scoring.client.MetricsClient;
import io.perfcenter.scoring.client.MetricsPayloads.MetricAggregate;
import io.perfcenter.scoring.client.MetricsPayloads.DataCorrection;
import io.perfcenter.scoring.client.MetricsRejection;
import io.perfcenter.scoring.run.ScorecardInputs;
import io.perfcenter.scoring.run.ScorecardRecompute;
import io.perfcenter.scoring.run.ScorecardRun;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardService;
import io.perfcenter.scoring.scorecard.ScorecardItem;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateItem;
import io.perfcenter.scoring.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Appeals (申诉): an agent appeals an item of their published scorecard; a separate reviewer ({@link AppealAccess}:
 * an appeals reviewer who does not lead the agent's unit, or hr) accepts it with an adjustment of the item's points
 * (within what the item can be worth, {@link AdjustmentBounds}) or with a data correction (stored in
 * metrics-service under the appeal's key, by the service's own identity, after which the scorecard is recomputed
 * from the corrected figures), rejects it, or escalates it to hr. Either acceptance recomputes total, grade and ranks
 * of the run; everything is audited and the agent sees the outcome.
 */
@ApplicationScoped
public class AppealService {

    /** The center's clock (zone perfcenter.time-zone); tests may replace it. */
    @jakarta.inject.Inject
    java.time.Clock clock;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AppealService.class);

    private final Caller caller;
    private final AppealAccess access;
    private final ScorecardService scorecards;
    private final MetricsClient metrics;
    private final ScorecardRecompute recompute;

    AppealService(Caller caller, AppealAccess access, MetricsClient metrics, ScorecardRecompute recompute,
                  ScorecardService scorecards) {
        this.scorecards = scorecards;
        this.caller = caller;
        this.access = access;
        this.metrics = metrics;
        this.recompute = recompute;
    }

    @Transactional
    public Appeal file(AppealInput input) {
        if (input.scorecardId() == null) {
            throw Problems.invalid("scorecardId", "is required");
        }
        // a scorecard the caller does not see answers exactly as an unknown id, so that ids cannot be probed
        Scorecard card = Scorecard.<Scorecard>findByIdOptional(input.scorecardId()).filter(scorecards::visible)
                .orElseThrow(() -> Problems.invalid("scorecardId", "no scorecard " + input.scorecardId()));
        if (caller.employeeId().filter(card.employeeId::equals).isEmpty()) {
            throw Problems.outOfScope("Only " + card.employeeId + " appeals scorecard " + card.id);
        }
        if (card.status == Scorecard.Status.LOCKED) {
            throw Problems.conflict("Scorecard " + card.id + " is locked; appeals are closed");
        }
        if (card.status != Scorecard.Status.PUBLISHED) {
            throw Problems.conflict("Scorecard " + card.id + " is " + card.status + "; only published results are "
                    + "appealed");
        }
        if (input.itemCode() == null || card.item(input.itemCode()) == null) {
            throw Problems.invalid("itemCode", "scorecard " + card.id + " has no item " + input.itemCode());
        }
        if (input.kind() == null) {
            throw Problems.invalid("kind", "is required: SCORE or DATA_POINT");
        }
        if (input.reason() == null || input.reason().isBlank()) {
            throw Problems.invalid("reason", "is required");
        }
        if (input.kind() == Appeal.Kind.DATA_POINT && (input.dataPoint() == null || input.dataPoint().isBlank())) {
            throw Problems.invalid("dataPoint", "name the data point appealed (date, record id …)");
        }
        if (Appeal.count("scorecardId = ?1 and itemCode = ?2 and status = ?3", card.id, input.itemCode(),
                Appeal.Status.OPEN) > 0) {
            throw Problems.conflict("Item " + input.itemCode() + " of scorecard " + card.id + " has an open appeal");
        }
        Appeal appeal = new Appeal();
        appeal.scorecardId = card.id;
        appeal.runId = card.runId;
        appeal.employeeId = card.employeeId;
        appeal.unitCode = card.unitCode;
        appeal.itemCode = input.itemCode();
        appeal.kind = input.kind();
        appeal.reason = input.reason().strip();
        appeal.dataPoint = input.dataPoint();
        appeal.status = Appeal.Status.OPEN;
        appeal.filedAt = OffsetDateTime.now(clock);
        try {
            appeal.persist();
            Appeal.flush();
        } catch (PersistenceException e) {
            throw Problems.conflict("Item " + input.itemCode() + " of scorecard " + card.id + " has an open appeal");
        }
        AuditEvent.record(card.runId, card.id, appeal.id, "APPEAL_FILED", caller.name(), appeal.kind + " appeal of "
                + appeal.itemCode);
        return appeal;
    }

    static Appeal.Status status(String status) {
        try {
            return Appeal.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("status", "must be one of OPEN, ACCEPTED, REJECTED");
        }
    }

    /** The appeals the caller sees ({@link AppealAccess}), with whether they may decide each. */
    public List<AppealView> list(Appeal.Status status, Long scorecardId) {
        AppealAccess.Standing standing = access.standing();
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (scorecardId != null) {
            query.append(" and scorecardId = :card");
            params.put("card", scorecardId);
        }
        if (!standing.hr() && !standing.reviewer()) {
            // their own, and those of the units they lead; nothing without an employee id
            query.append(" and (employeeId = :me");
            params.put("me", standing.me().orElse(""));
            if (!standing.led().isEmpty()) {
                query.append(" or unitCode in :led");
                params.put("led", standing.led());
            }
            query.append(")");
        }
        return Appeal.<Appeal>list(query + " order by id", params).stream()
                .filter(standing::sees).map(a -> AppealView.of(a, standing.mayDecide(a))).toList();
    }

    public AppealView get(long id) {
        AppealAccess.Standing standing = access.standing();
        Appeal appeal = access.visible(standing, id);
        return AppealView.of(appeal, standing.mayDecide(appeal));
    }

    /**
     * Hands the appeal to hr. The reviewer who may decide it escalates an open appeal; the agent escalates their
     * appeal a reviewer rejected, which opens it again. Once escalated, only hr or admin decide it.
     */
    @Transactional
    public Appeal escalate(long id, EscalationInput input) {
        AppealAccess.Standing standing = access.standing();
        access.visible(standing, id);
        if (input == null || input.reason() == null || input.reason().isBlank()) {
            throw Problems.invalid("reason", "is required");
        }
        Appeal appeal = Appeal.<Appeal>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
        if (appeal.escalatedAt != null) {
            throw Problems.conflict("Appeal " + id + " was escalated already");
        }
        if (standing.hr()) {
            throw Problems.conflict("hr decides appeal " + id + " directly; there is nobody to escalate it to");
        }
        String detail;
        if (standing.me().filter(appeal.employeeId::equals).isPresent()) {
            if (appeal.status != Appeal.Status.REJECTED) {
                throw Problems.conflict("Appeal " + id + " is " + appeal.status + "; an agent escalates an appeal a "
                        + "reviewer rejected");
            }
            ScorecardRun run = ScorecardRun.findById(appeal.runId);
            if (run.status != ScorecardRun.Status.PUBLISHED) {
                throw Problems.conflict("Run " + run.id + " is " + run.status + "; appeals are closed");
            }
            if (Appeal.count("scorecardId = ?1 and itemCode = ?2 and status = ?3", appeal.scorecardId,
                    appeal.itemCode, Appeal.Status.OPEN) > 0) {
                throw Problems.conflict("Item " + appeal.itemCode + " of scorecard " + appeal.scorecardId
                        + " has an open appeal");
            }
            detail = "rejected by " + appeal.decidedBy + " (" + appeal.decisionReason + "); reopened for hr: "
                    + input.reason().strip();
            appeal.status = Appeal.Status.OPEN;
            appeal.decidedBy = null;
            appeal.decidedAt = null;
            appeal.decisionReason = null;
        } else {
            access.requireDecider(standing, appeal);
            if (appeal.status != Appeal.Status.OPEN) {
                throw Problems.conflict("Appeal " + id + " was decided already (" + appeal.status + ")");
            }
            detail = input.reason().strip();
        }
        appeal.escalatedAt = OffsetDateTime.now(clock);
        appeal.escalatedBy = caller.name();
        appeal.escalationReason = input.reason().strip();
        AuditEvent.record(appeal.runId, appeal.scorecardId, appeal.id, "APPEAL_ESCALATED", caller.name(), detail);
        return appeal;
    }

    public AppealView view(Appeal appeal) {
        return AppealView.of(appeal, false);
    }

    public Appeal decide(long id, DecisionInput input) {
        AppealAccess.Standing standing = access.standing();
        Appeal appeal = access.visible(standing, id);
        access.requireDecider(standing, appeal);
        if (appeal.status != Appeal.Status.OPEN) {
            throw Problems.conflict("Appeal " + id + " was decided already (" + appeal.status + ")");
        }
        if (input.outcome() == null || input.outcome() == Appeal.Status.OPEN) {
            throw Problems.invalid("outcome", "must be ACCEPTED or REJECTED");
        }
        if (input.reason() == null || input.reason().isBlank()) {
            throw Problems.invalid("reason", "is required");
        }
        String reason = input.reason().strip();
        if (input.outcome() == Appeal.Status.REJECTED) {
            if (input.adjustment() != null || input.correction() != null) {
                throw Problems.invalid("outcome", "a rejection changes nothing: leave adjustment and correction out");
            }
            withdrawEarlierCorrection(appeal);
            return QuarkusTransaction.requiringNew().call(() -> reject(id, reason));
        }
        if ((input.adjustment() == null) == (input.correction() == null)) {
            throw Problems.invalid("adjustment", "accepting takes exactly one of adjustment and correction");
        }
        Scorecard card = Scorecard.findById(appeal.scorecardId);
        ScorecardRun run = ScorecardRun.findById(card.runId);
        ScorecardTemplate template = ScorecardTemplate.findById(run.templateId);
        TemplateItem item = template.item(appeal.itemCode).orElseThrow();
        if (input.adjustment() != null) {
            BigDecimal points = input.adjustment().points();
            if (points == null) {
                throw Problems.invalid("adjustment.points", "is required");
            }
            AdjustmentBounds.Range range = AdjustmentBounds.of(template, item);
            if (!range.holds(points)) {
                throw AdjustmentBounds.outOfRange("adjustment.points", "item " + item.code() + " can be worth "
                        + range.text() + "; " + Figures.format(points) + " is outside");
            }
            withdrawEarlierCorrection(appeal);
            BigDecimal maxTotal = AdjustmentBounds.maxTotal(template);
            return QuarkusTransaction.requiringNew().call(() -> apply(id, reason, locked -> {
                ScorecardInputs inputs = recompute.inputsOf(locked.id).withAdjustment(appeal.itemCode,
                        new ScorecardInputs.Adjustment(points, id, reason, caller.name()));
                recompute.recompute(locked, inputs);
                if (maxTotal != null && locked.total.compareTo(maxTotal) > 0) {
                    // rolls the transaction back: nothing is stored
                    throw AdjustmentBounds.outOfRange("adjustment.points", "the total would be "
                            + Figures.format(locked.total) + ", above the template's maximum "
                            + Figures.format(maxTotal));
                }
            }, Appeal.Resolution.ADJUSTMENT));
        }
        return correct(appeal, card, run, template, item, input.correction(), reason);
    }

    /**
     * A data correction, so that no correction outlives a decision that did not take it: (1) the appeal notes that
     * a correction is on its way; (2) metrics-service stores it under the appeal's key (sending it again replaces
     * it); (3) the agent's figures are read again, the way a run reads them; (4) one transaction recomputes the
     * scorecard and records the decision, if the appeal is still open and the run still published. If (2)–(4)
     * fail, the correction is withdrawn and the appeal stays OPEN; if even the withdrawal fails, the next decision
     * on the appeal replaces the correction (accepting) or withdraws it first (rejecting, adjusting).
     */
    private Appeal correct(Appeal appeal, Scorecard card, ScorecardRun run, ScorecardTemplate template,
                           TemplateItem item, Correction c, String reason) {
        if (card.subjectUnitCode != null) {
            throw Problems.invalid("correction", "a unit's scorecard is corrected by correcting its agents' data and "
                    + "computing the run again");
        }
        String metric = c.metricCode() != null ? c.metricCode() : item.metricCode();
        if (metric == null) {
            throw Problems.invalid("correction.metricCode", "is required: item " + item.code() + " scores no metric");
        }
        if (!template.metricCodes().contains(metric)) {
            throw Problems.invalid("correction.metricCode", "template " + template.code + " reads no " + metric);
        }
        if (c.date() == null || c.date().isBefore(run.periodFrom) || c.date().isAfter(run.periodTo)) {
            throw Problems.invalid("correction.date", "is required, a day of " + run.period);
        }
        if (c.value() == null) {
            throw Problems.invalid("correction.value", "is required");
        }
        long id = appeal.id;
        QuarkusTransaction.requiringNew().run(() -> {
            Appeal noted = Appeal.<Appeal>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
            if (noted.status != Appeal.Status.OPEN) {
                throw Problems.conflict("Appeal " + id + " was decided already (" + noted.status + ")");
            }
            noted.correctionSentAt = OffsetDateTime.now(clock);
        });
        String key = appeal.correctionKey();
        try {
            metrics.correct(key, new DataCorrection(appeal.employeeId, metric, c.date(), c.value(),
                    "appeal " + id + ": " + reason));
        } catch (MetricsRejection rejection) {
            throw Problems.invalid("correction" + (rejection.remoteField() == null ? ""
                    : "." + rejection.remoteField()), "metrics-service refused it: " + rejection.remoteDetail());
        } catch (RuntimeException failure) {
            // it may have been stored before the answer was lost
            withdrawQuietly(key, failure);
            throw failure;
        }
        try {
            Map<String, MetricAggregate> corrected = AgentFigures.of(metrics, appeal.employeeId, template, run);
            return QuarkusTransaction.requiringNew().call(() -> apply(id, reason, locked -> {
                recompute.recompute(locked, recompute.inputsOf(locked.id).withMetrics(corrected));
                recompute.rehash(locked.runId);
            }, Appeal.Resolution.DATA_CORRECTION));
        } catch (RuntimeException failure) {
            withdrawQuietly(key, failure);
            throw failure;
        }
    }

    // a correction sent on an earlier attempt that did not end in a decision is withdrawn before deciding otherwise
    private void withdrawEarlierCorrection(Appeal appeal) {
        if (appeal.correctionSentAt != null) {
            metrics.withdrawCorrection(appeal.correctionKey());
        }
    }

    private void withdrawQuietly(String key, RuntimeException cause) {
        try {
            metrics.withdrawCorrection(key);
        } catch (RuntimeException again) {
            LOG.warnf("Could not withdraw data correction %s after a failed decision (%s, then %s); the appeal stays "
                    + "open and its next decision replaces or withdraws it", key, cause.getMessage(), again.getMessage());
        }
    }

    private Appeal reject(long id, String reason) {
        Appeal appeal = Appeal.<Appeal>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
        if (appeal.status != Appeal.Status.OPEN) {
            throw Problems.conflict("Appeal " + id + " was decided already (" + appeal.status + ")");
        }
        appeal.status = Appeal.Status.REJECTED;
        appeal.decidedBy = caller.name();
        appeal.decidedAt = OffsetDateTime.now(clock);
        appeal.decisionReason = reason;
        appeal.correctionSentAt = null;
        AuditEvent.record(appeal.runId, appeal.scorecardId, appeal.id, "APPEAL_REJECTED", caller.name(), reason);
        return appeal;
    }

    private Appeal apply(long id, String reason, java.util.function.Consumer<Scorecard> change,
                         Appeal.Resolution resolution) {
        Appeal appeal = Appeal.<Appeal>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
        if (appeal.status != Appeal.Status.OPEN) {
            throw Problems.conflict("Appeal " + id + " was decided already (" + appeal.status + ")");
        }
        ScorecardRun run = ScorecardRun.findById(appeal.runId, LockModeType.PESSIMISTIC_WRITE);
        if (run.status != ScorecardRun.Status.PUBLISHED) {
            throw Problems.conflict("Run " + run.id + " is " + run.status + "; appeals change published results "
                    + "only");
        }
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
        appeal.status = Appeal.Status.ACCEPTED;
        appeal.resolution = resolution;
        if (resolution == Appeal.Resolution.ADJUSTMENT) {
            appeal.correctionSentAt = null;
        }
        appeal.decidedBy = caller.name();
        appeal.decidedAt = OffsetDateTime.now(clock);
        appeal.decisionReason = reason;
        AuditEvent.record(appeal.runId, appeal.scorecardId, appeal.id, "APPEAL_ACCEPTED", caller.name(), reason);
        AuditEvent.record(appeal.runId, appeal.scorecardId, appeal.id, resolution == Appeal.Resolution.ADJUSTMENT
                ? "SCORECARD_ADJUSTED" : "SCORECARD_RECOMPUTED", caller.name(), appeal.itemCode + ": "
                + plain(appeal.pointsBefore) + " → " + plain(appeal.pointsAfter) + " points; total "
                + plain(appeal.totalBefore) + " → " + plain(appeal.totalAfter) + ", grade " + appeal.gradeBefore
                + " → " + appeal.gradeAfter + ", rank " + appeal.rankBefore + " → " + appeal.rankAfter);
        return appeal;
    }

    private static String plain(java.math.BigDecimal v) {
        return v == null ? "none" : io.perfcenter.scoring.scorecard.ScorecardPayloads.plain(v).toPlainString();
    }
}
