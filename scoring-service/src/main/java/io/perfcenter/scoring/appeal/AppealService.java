package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.appeal.AppealPayloads.AppealInput;
import io.perfcenter.scoring.appeal.AppealPayloads.AppealView;
import io.perfcenter.scoring.appeal.AppealPayloads.EscalationInput;
import io.perfcenter.scoring.appeal.AppealPayloads.DecisionInput;
import io.perfcenter.scoring.audit.AuditEvent;
import io.perfcenter.scoring.client.MetricsPayloads.QaEvaluation;
import io.perfcenter.scoring.rule.Explanation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.perfcenter.scoring.events.Outbox;
import io.perfcenter.scoring.run.ScorecardRun;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardService;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Appeals (申诉): an agent appeals an item of their published scorecard; a separate reviewer ({@link AppealAccess}:
 * an appeals reviewer who does not lead the agent's unit, or hr) decides it with one of the resolutions
 * ({@link AppealResolution}: {@link ScoreAdjustment}, {@link DataPointCorrection}, {@link Rejection}), or escalates it
 * to hr. Either acceptance recomputes total, grade and ranks of the run; everything is audited and the agent sees the
 * outcome.
 */
@ApplicationScoped
public class AppealService {

    /** The center's clock (zone perfcenter.time-zone); tests may replace it. */
    @jakarta.inject.Inject
    java.time.Clock clock;

    private final Caller caller;
    private final AppealAccess access;
    private final ScorecardService scorecards;
    private final DecisionSteps steps;
    private final DisputedRecord disputed;
    private final Outbox outbox;

    AppealService(Caller caller, AppealAccess access, ScorecardService scorecards, DecisionSteps steps,
                  DisputedRecord disputed, Outbox outbox) {
        this.outbox = outbox;
        this.scorecards = scorecards;
        this.caller = caller;
        this.access = access;
        this.steps = steps;
        this.disputed = disputed;
    }

    /**
     * Files an appeal. One naming a record (a QA evaluation) is checked with metrics-service as the caller, stored,
     * then reported to metrics-service as the service; if that report fails the appeal is removed again (nothing
     * filed, the failure answered). Never inside a transaction: the report is a write to metrics-service.
     */
    @Transactional(Transactional.TxType.NEVER)
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
        if (input.kind() == Appeal.Kind.DATA_POINT && input.record() == null
                && (input.dataPoint() == null || input.dataPoint().isBlank())) {
            throw Problems.invalid("dataPoint", "name the data point appealed (date, record id …)");
        }
        if (Appeal.count("scorecardId = ?1 and itemCode = ?2 and status = ?3", card.id, input.itemCode(),
                Appeal.Status.OPEN) > 0) {
            throw Problems.conflict("Item " + input.itemCode() + " of scorecard " + card.id + " has an open appeal");
        }
        QaEvaluation evaluation = input.record() == null ? null
                : disputed.check(input.record(), input.kind(), card);
        Appeal appeal = QuarkusTransaction.requiringNew().call(() -> store(input, card, evaluation));
        if (evaluation != null) {
            try {
                disputed.report(appeal, "OPEN", appeal.reason);
            } catch (RuntimeException failure) {
                disputed.reportQuietly(appeal, "WITHDRAWN", failure);
                QuarkusTransaction.requiringNew().run(() -> unfile(appeal.id));
                throw failure;
            }
        }
        return appeal;
    }

    private Appeal store(AppealInput input, Scorecard card, QaEvaluation evaluation) {
        Appeal appeal = new Appeal();
        appeal.scorecardId = card.id;
        appeal.runId = card.runId;
        appeal.employeeId = card.employeeId;
        appeal.unitCode = card.unitCode;
        appeal.itemCode = input.itemCode();
        appeal.kind = input.kind();
        appeal.reason = input.reason().strip();
        appeal.dataPoint = input.dataPoint() == null || input.dataPoint().isBlank() ? null : input.dataPoint().strip();
        // what the agent wrote is kept as written, the same in both languages
        appeal.dataPointZh = appeal.dataPoint;
        if (evaluation != null) {
            appeal.recordKind = DisputedRecord.QA_EVALUATIONS;
            appeal.recordId = evaluation.id();
            appeal.recordSourceSystem = evaluation.sourceSystem();
            appeal.recordExternalId = evaluation.externalId();
            appeal.recordDate = evaluation.evaluatedOn();
            if (appeal.dataPoint == null) {
                appeal.dataPoint = "QA evaluation " + evaluation.id() + " (" + evaluation.sourceSystem() + "/"
                        + evaluation.externalId() + ") of " + evaluation.evaluatedOn();
                appeal.dataPointZh = evaluation.evaluatedOn() + " 的质检评估 " + evaluation.id() + "（"
                        + evaluation.sourceSystem() + "/" + evaluation.externalId() + "）";
            }
        }
        appeal.status = Appeal.Status.OPEN;
        appeal.filedAt = OffsetDateTime.now(clock);
        try {
            appeal.persist();
            Appeal.flush();
        } catch (PersistenceException e) {
            throw Problems.conflict("Item " + input.itemCode() + " of scorecard " + card.id + " has an open appeal");
        }
        AuditEvent.record(card.runId, card.id, appeal.id, "APPEAL_FILED", caller.name(), Explanation.of(appeal.kind
                + " appeal of " + appeal.itemCode + (evaluation == null ? "" : ", disputing " + appeal.dataPoint),
                "对 " + appeal.itemCode + " 提出" + (appeal.kind == Appeal.Kind.SCORE ? "分数" : "数据") + "申诉"
                + (evaluation == null ? "" : "，争议记录：" + appeal.dataPointZh)));
        outbox.emit("appeal.filed", appeal.employeeId, AppealEvent.of(appeal));
        return appeal;
    }

    /** An appeal whose filing did not complete (metrics-service did not take the dispute) is removed, if still open. */
    private static void unfile(long id) {
        Appeal.<Appeal>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(a -> a.status == Appeal.Status.OPEN && a.decidedAt == null).ifPresent(a -> {
                    AuditEvent.delete("appealId", a.id);
                    a.delete();
                });
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
    @Transactional(Transactional.TxType.NEVER)
    public Appeal escalate(long id, EscalationInput input) {
        AppealAccess.Standing standing = access.standing();
        Appeal seen = access.visible(standing, id);
        if (input == null || input.reason() == null || input.reason().isBlank()) {
            throw Problems.invalid("reason", "is required");
        }
        // the agent reopening a rejected appeal that disputes a record: the record shows it open again first
        boolean reopens = seen.recordId != null && seen.status == Appeal.Status.REJECTED && seen.escalatedAt == null
                && standing.me().filter(seen.employeeId::equals).isPresent();
        if (reopens) {
            disputed.report(seen, "OPEN", input.reason().strip());
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> escalateStored(standing, id, input));
        } catch (RuntimeException failure) {
            if (reopens) {
                disputed.reportQuietly(seen, "REJECTED", failure);
            }
            throw failure;
        }
    }

    private Appeal escalateStored(AppealAccess.Standing standing, long id, EscalationInput input) {
        Appeal appeal = Appeal.<Appeal>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
        if (appeal.escalatedAt != null) {
            throw Problems.conflict("Appeal " + id + " was escalated already");
        }
        if (standing.hr()) {
            throw Problems.conflict("hr decides appeal " + id + " directly; there is nobody to escalate it to");
        }
        Explanation detail;
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
            detail = Explanation.of("rejected by " + appeal.decidedBy + " (" + appeal.decisionReason + "); reopened "
                    + "for hr: " + input.reason().strip(), "已由 " + appeal.decidedBy + " 驳回（" + appeal.decisionReason
                    + "）；重新开启，交由人力资源处理：" + input.reason().strip());
            appeal.status = Appeal.Status.OPEN;
            appeal.decidedBy = null;
            appeal.decidedAt = null;
            appeal.decisionReason = null;
        } else {
            access.requireDecider(standing, appeal);
            if (appeal.status != Appeal.Status.OPEN) {
                throw Problems.conflict("Appeal " + id + " was decided already (" + appeal.status + ")");
            }
            detail = Explanation.same(input.reason().strip());
        }
        appeal.escalatedAt = OffsetDateTime.now(clock);
        appeal.escalatedBy = caller.name();
        appeal.escalationReason = input.reason().strip();
        AuditEvent.record(appeal.runId, appeal.scorecardId, appeal.id, "APPEAL_ESCALATED", caller.name(), detail);
        outbox.emit("appeal.escalated", appeal.employeeId, AppealEvent.of(appeal));
        return appeal;
    }

    public AppealView view(Appeal appeal) {
        return AppealView.of(appeal, false);
    }

    /**
     * Decides an open appeal with the resolution the request asks for ({@link AppealResolutions}): checked, then
     * carried out. Runs with no transaction open, and refuses to run inside one ({@code NEVER}): a resolution writes to
     * metrics-service, and a write made inside a transaction that then rolled back would leave metrics-service changed
     * without scoring knowing; each resolution opens its own transactions around the remote steps instead.
     */
    @Transactional(Transactional.TxType.NEVER)
    public Appeal decide(long id, DecisionInput input) {
        AppealAccess.Standing standing = access.standing();
        Appeal appeal = access.visible(standing, id);
        access.requireDecider(standing, appeal);
        if (appeal.status != Appeal.Status.OPEN) {
            throw Problems.conflict("Appeal " + id + " was decided already (" + appeal.status + ")");
        }
        AppealResolution resolution = AppealResolutions.of(input);
        AppealDecision decision = AppealDecision.of(appeal, input.reason().strip(), caller.name());
        resolution.check(decision);
        if (appeal.recordId == null) {
            return resolution.apply(decision, steps);
        }
        // the disputed record shows the outcome only if the decision is kept: reported first, taken back on failure
        disputed.report(appeal, resolution.outcome().name(), decision.reason());
        try {
            return resolution.apply(decision, steps);
        } catch (RuntimeException failure) {
            disputed.reportQuietly(appeal, Appeal.Status.OPEN.name(), failure);
            throw failure;
        }
    }
}
