package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.appeal.AppealPayloads.RecordRef;
import io.perfcenter.scoring.client.MetricsClient;
import io.perfcenter.scoring.client.MetricsPayloads.QaDispute;
import io.perfcenter.scoring.client.MetricsPayloads.QaEvaluation;
import io.perfcenter.scoring.client.MetricsRejection;
import io.perfcenter.scoring.run.ScorecardRun;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The record in metrics-service a DATA_POINT appeal disputes: today a QA evaluation (kind {@code qa-evaluations},
 * issue 13: the agent disputes an evaluation through the one appeals process). Filing checks it with metrics-service
 * as the caller, through their own scope: an evaluation of theirs, dated in the scorecard's period. Then, as the
 * service (role {@code corrections-writer}, the person in {@code X-Acting-For}), scoring reports the appeal to
 * metrics-service when it is filed or reopened and its outcome when it is decided, so the evaluation shows DISPUTED
 * with the appeal's number and outcome. Each report is sent before scoring stores the step it reports, outside any
 * transaction, and reported back ({@link #reportQuietly}) when that step then fails: the evaluation never shows an
 * outcome scoring did not keep (as data corrections, {@link DataPointCorrection}).
 */
@ApplicationScoped
public class DisputedRecord {

    /** The one record kind an appeal may name so far. */
    public static final String QA_EVALUATIONS = "qa-evaluations";
    private static final int MAX_KEY = 200;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DisputedRecord.class);

    private final MetricsClient metrics;

    DisputedRecord(MetricsClient metrics) {
        this.metrics = metrics;
    }

    /**
     * The evaluation the appeal names, as the caller reads it in metrics-service: 400 naming {@code record.*} when it
     * is malformed, not one the caller sees (unknown and out of scope answer alike), another agent's, or dated
     * outside the scorecard's period. Never inside a transaction.
     */
    @Transactional(Transactional.TxType.NEVER)
    QaEvaluation check(RecordRef record, Appeal.Kind kind, Scorecard card) {
        if (kind != Appeal.Kind.DATA_POINT) {
            throw Problems.invalid("record", "only a DATA_POINT appeal names a record");
        }
        if (!QA_EVALUATIONS.equals(record.kind())) {
            throw Problems.invalid("record.kind", "must be " + QA_EVALUATIONS);
        }
        boolean byKey = record.sourceSystem() != null || record.externalId() != null;
        if ((record.id() == null) == !byKey) {
            throw Problems.invalid("record.id", "name the evaluation by its id, or by sourceSystem and externalId");
        }
        ScorecardRun run = ScorecardRun.findById(card.runId);
        QaEvaluation found;
        if (byKey) {
            String source = key("record.sourceSystem", record.sourceSystem());
            String external = key("record.externalId", record.externalId());
            found = metrics.qaEvaluations(card.employeeId, run.periodFrom, run.periodTo).stream()
                    .filter(e -> source.equals(e.sourceSystem()) && external.equals(e.externalId())).findFirst()
                    .orElseThrow(() -> Problems.invalid("record.externalId", "no QA evaluation " + source + "/"
                            + external + " of " + card.employeeId + " in " + run.period));
        } else {
            if (record.id() < 1) {
                throw Problems.invalid("record.id", "must be a positive number");
            }
            try {
                found = metrics.qaEvaluation(record.id());
            } catch (MetricsRejection rejection) {
                if (rejection.status() == 404) {
                    throw Problems.invalid("record.id", "no QA evaluation " + record.id());
                }
                throw rejection;
            }
            if (!card.employeeId.equals(found.employeeId())) {
                throw Problems.invalid("record.id", "QA evaluation " + record.id() + " is not "
                        + card.employeeId + "'s");
            }
        }
        if (found.evaluatedOn().isBefore(run.periodFrom) || found.evaluatedOn().isAfter(run.periodTo)) {
            throw Problems.invalid(byKey ? "record.externalId" : "record.id", "QA evaluation " + found.id()
                    + " is dated " + found.evaluatedOn() + ", outside " + run.period);
        }
        return found;
    }

    /** Tells metrics-service, as the service, where the appeal disputing the evaluation stands. */
    @Transactional(Transactional.TxType.NEVER)
    void report(Appeal appeal, String status, String reason) {
        try {
            metrics.reportQaDispute(appeal.recordId, new QaDispute(appeal.id, appeal.employeeId, status, reason));
        } catch (MetricsRejection rejection) {
            // another appeal still open on it, or the evaluation is gone: nothing this decision can change
            throw Problems.conflict("metrics-service refused the dispute of QA evaluation " + appeal.recordId + ": "
                    + rejection.remoteDetail());
        }
    }

    /** After a failed step: reports the state that stands instead, if metrics-service can take it now. */
    void reportQuietly(Appeal appeal, String status, RuntimeException cause) {
        try {
            metrics.reportQaDispute(appeal.recordId, new QaDispute(appeal.id, appeal.employeeId, status, null));
        } catch (RuntimeException again) {
            LOG.warnf("Could not report appeal %d as %s on QA evaluation %d after a failed step (%s, then %s)",
                    appeal.id, status, appeal.recordId, cause.getMessage(), again.getMessage());
        }
    }

    private static String key(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.invalid(field, "is required with " + (field.endsWith("sourceSystem") ? "externalId"
                    : "sourceSystem"));
        }
        if (value.length() > MAX_KEY) {
            throw Problems.invalid(field, "is longer than " + MAX_KEY + " characters");
        }
        return value.strip();
    }
}
