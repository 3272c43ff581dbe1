package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.appeal.AppealPayloads.AppealInput;
import io.perfcenter.scoring.appeal.AppealPayloads.Correction;
import io.perfcenter.scoring.appeal.AppealPayloads.DecisionInput;
import io.perfcenter.scoring.audit.AuditEvent;
import io.perfcenter.scoring.client.MetricsClient;
import io.perfcenter.scoring.client.MetricsPayloads.AgentAggregates;
import io.perfcenter.scoring.client.MetricsPayloads.AggregateReport;
import io.perfcenter.scoring.client.MetricsPayloads.MetricAggregate;
import io.perfcenter.scoring.client.MetricsPayloads.ValueRecord;
import io.perfcenter.scoring.client.MetricsRejection;
import io.perfcenter.scoring.run.ScorecardInputs;
import io.perfcenter.scoring.run.ScorecardRecompute;
import io.perfcenter.scoring.run.ScorecardRun;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardItem;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.security.DataScope;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateItem;
import io.perfcenter.scoring.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Appeals (申诉): an agent appeals an item of their published scorecard; someone who is not their own supervisor —
 * hr, admin, or a supervisor or manager of another unit (metrics-service's my-units says which units a caller leads)
 * — accepts it with an adjustment of the item's points or with a corrected data point (sent to metrics-service as a
 * new revision, after which the scorecard is recomputed from the corrected aggregates), or rejects it. Either
 * acceptance recomputes total, grade and ranks of the run; everything is audited and the agent sees the outcome.
 */
@ApplicationScoped
public class AppealService {

    /** The center's clock (zone perfcenter.time-zone); tests may replace it. */
    @jakarta.inject.Inject
    java.time.Clock clock;

    private final Caller caller;
    private final DataScope scope;
    private final MetricsClient metrics;
    private final ScorecardRecompute recompute;

    AppealService(Caller caller, DataScope scope, MetricsClient metrics, ScorecardRecompute recompute) {
        this.caller = caller;
        this.scope = scope;
        this.metrics = metrics;
        this.recompute = recompute;
    }

    @Transactional
    public Appeal file(AppealInput input) {
        if (input.scorecardId() == null) {
            throw Problems.invalid("scorecardId", "is required");
        }
        Scorecard card = Scorecard.<Scorecard>findByIdOptional(input.scorecardId())
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

    public List<Appeal> list(Appeal.Status status, Long scorecardId) {
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
        if (!caller.seesEverything() && !caller.leadsUnits()) {
            // agents: their own appeals only
            query.append(" and employeeId = :me");
            params.put("me", caller.employeeId().orElse(""));
        }
        return Appeal.list(query + " order by id", params);
    }

    /** Agents see their own appeals; supervisors and managers all (they decide other units'), hr and admin all. */
    public Appeal get(long id) {
        Appeal appeal = Appeal.<Appeal>findByIdOptional(id).orElseThrow(() -> Problems.notFound("Appeal", id));
        boolean own = caller.employeeId().filter(appeal.employeeId::equals).isPresent();
        if (!own && !caller.seesEverything() && !caller.leadsUnits()) {
            throw Problems.outOfScope("Appeal " + id + " is not yours");
        }
        return appeal;
    }

    /** Whether the caller may decide: not the agent, and not a supervisor or manager of the agent's unit. */
    public boolean mayDecide(Appeal appeal) {
        if (caller.employeeId().filter(appeal.employeeId::equals).isPresent()) {
            return false;
        }
        if (caller.seesEverything()) {
            return true;
        }
        return caller.leadsUnits() && !scope.visibility().seesUnit(appeal.unitCode);
    }

    public Appeal decide(long id, DecisionInput input) {
        Appeal appeal = Appeal.<Appeal>findByIdOptional(id).orElseThrow(() -> Problems.notFound("Appeal", id));
        if (caller.employeeId().filter(appeal.employeeId::equals).isPresent()) {
            throw Problems.outOfScope("Nobody decides their own appeal");
        }
        if (!caller.seesEverything() && scope.visibility().seesUnit(appeal.unitCode)) {
            throw Problems.outOfScope("You lead " + appeal.unitCode + ", the unit of " + appeal.employeeId
                    + ": an appeal is decided by someone else (hr, or a supervisor or manager of another unit)");
        }
        if (appeal.status != Appeal.Status.OPEN) {
            throw Problems.conflict("Appeal " + id + " was decided already (" + appeal.status + ")");
        }
        if (input.outcome() == null || input.outcome() == Appeal.Status.OPEN) {
            throw Problems.invalid("outcome", "must be ACCEPTED or REJECTED");
        }
        if (input.reason() == null || input.reason().isBlank()) {
            throw Problems.invalid("reason", "is required");
        }
        if (input.outcome() == Appeal.Status.REJECTED) {
            if (input.adjustment() != null || input.correction() != null) {
                throw Problems.invalid("outcome", "a rejection changes nothing: leave adjustment and correction out");
            }
            return QuarkusTransaction.requiringNew().call(() -> reject(id, input.reason().strip()));
        }
        if ((input.adjustment() == null) == (input.correction() == null)) {
            throw Problems.invalid("adjustment", "accepting takes exactly one of adjustment and correction");
        }
        if (input.adjustment() != null) {
            if (input.adjustment().points() == null || input.adjustment().points().signum() < 0) {
                throw Problems.invalid("adjustment.points", "is required and must not be negative");
            }
            return QuarkusTransaction.requiringNew().call(() -> apply(id, input.reason().strip(), card -> {
                ScorecardInputs inputs = recompute.inputsOf(card.id).withAdjustment(appeal.itemCode,
                        new ScorecardInputs.Adjustment(input.adjustment().points(), id, input.reason().strip(),
                                caller.name()));
                recompute.recompute(card, inputs);
            }, Appeal.Resolution.ADJUSTMENT));
        }
        // a data correction: metrics-service first (outside any transaction), then the recomputation
        Correction c = input.correction();
        Scorecard card = Scorecard.findById(appeal.scorecardId);
        ScorecardRun run = ScorecardRun.findById(card.runId);
        ScorecardTemplate template = ScorecardTemplate.findById(run.templateId);
        if (card.subjectUnitCode != null) {
            throw Problems.invalid("correction", "a unit's scorecard is corrected by correcting its agents' data and "
                    + "computing the run again");
        }
        TemplateItem item = template.item(appeal.itemCode).orElseThrow();
        String metric = c.metricCode() != null ? c.metricCode() : item.metricCode();
        if (metric == null) {
            throw Problems.invalid("correction.metricCode", "is required: item " + item.code() + " scores no metric");
        }
        if (c.sourceSystem() == null || c.sourceSystem().isBlank()) {
            throw Problems.invalid("correction.sourceSystem", "is required");
        }
        if (c.externalId() == null || c.externalId().isBlank()) {
            throw Problems.invalid("correction.externalId", "is required");
        }
        if (c.date() == null || c.date().isBefore(run.periodFrom) || c.date().isAfter(run.periodTo)) {
            throw Problems.invalid("correction.date", "is required, a day of " + run.period);
        }
        if (c.value() == null) {
            throw Problems.invalid("correction.value", "is required");
        }
        if (c.revision() == null || c.revision() < 2) {
            throw Problems.invalid("correction.revision", "is required and above the stored revision (at least 2)");
        }
        AggregateReport report;
        try {
            metrics.ingest(List.of(new ValueRecord(c.sourceSystem(), c.externalId(), appeal.employeeId, metric,
                    c.date(), c.value(), c.revision())));
            report = metrics.aggregatesOfAgent(appeal.employeeId, template.metricCodes(), run.periodFrom, run.periodTo);
        } catch (MetricsRejection rejection) {
            if (rejection.status() == 403) {
                throw rejection;
            }
            throw Problems.invalid("correction", "metrics-service refused it: " + rejection.remoteDetail());
        }
        Map<String, MetricAggregate> values = report.agents() == null || report.agents().isEmpty() ? Map.of()
                : report.agents().stream().filter(a -> appeal.employeeId.equals(a.employeeId())).findFirst()
                .map(AgentAggregates::values).orElse(Map.of());
        Map<String, MetricAggregate> corrected = new java.util.TreeMap<>();
        values.forEach((code, v) -> {
            if (v != null && v.value() != null) {
                corrected.put(code, new MetricAggregate(
                        io.perfcenter.scoring.scorecard.ScorecardPayloads.plain(v.value()), v.samples()));
            }
        });
        return QuarkusTransaction.requiringNew().call(() -> apply(id, input.reason().strip(), locked -> {
            recompute.recompute(locked, recompute.inputsOf(locked.id).withMetrics(corrected));
            recompute.rehash(locked.runId);
        }, Appeal.Resolution.DATA_CORRECTION));
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
