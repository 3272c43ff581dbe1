package io.perfcenter.metrics.qa;

import io.perfcenter.metrics.qa.QaEvaluationPayloads.AcknowledgementInput;
import io.perfcenter.metrics.qa.QaEvaluationPayloads.DisputeInput;
import io.perfcenter.metrics.qa.QaEvaluationPayloads.DisputeStatus;
import io.perfcenter.metrics.qa.QaEvaluationPayloads.EvaluationView;
import io.perfcenter.metrics.qa.QaEvaluations.Key;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The evaluated agent's answer to a QA evaluation. An acknowledgement is the agent's own (nobody acknowledges for
 * them). A dispute is an appeal in scoring-service (kind DATA_POINT naming the evaluation), filed and decided there
 * through the one appeals process; scoring-service, as itself (role {@code corrections-writer}, the person it acts
 * for in {@code X-Acting-For}), reports the appeal here when it is filed and each time its outcome changes, so the
 * evaluation shows DISPUTED with the appeal's number and outcome. An accepted appeal's correction of the figures is a
 * data correction as for any other appeal ({@code correction/}).
 */
@ApplicationScoped
public class QaEvaluationResponses {

    static final int MAX_COMMENT = 1000;
    static final int MAX_REASON = 2000;

    private final EntityManager em;
    private final Caller caller;
    private final QaEvaluations evaluations;
    private final Clock clock;

    QaEvaluationResponses(EntityManager em, Caller caller, QaEvaluations evaluations, Clock clock) {
        this.em = em;
        this.caller = caller;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    @Transactional
    public EvaluationView acknowledge(long id, AcknowledgementInput input) {
        evaluations.visibleKey(id);
        Key key = evaluations.key(id, true);
        if (caller.employeeId().filter(key.employeeId()::equals).isEmpty()) {
            throw Problems.outOfScope("Only " + key.employeeId() + ", the evaluated agent, acknowledges QA evaluation "
                    + id);
        }
        String comment = input == null || input.comment() == null || input.comment().isBlank() ? null
                : input.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw Problems.invalid("comment", "is longer than " + MAX_COMMENT + " characters");
        }
        Object open = single("SELECT appeal_id FROM qa_evaluation_response WHERE evaluation_id = :id "
                + "AND appeal_status = 'OPEN'", id);
        if (open != null) {
            throw Problems.conflict("QA evaluation " + id + " is disputed by appeal " + open + ", still open; it is "
                    + "acknowledged once the appeal is decided");
        }
        em.createNativeQuery("INSERT INTO qa_evaluation_response (evaluation_id, employee_id, acknowledged_at, "
                        + "acknowledged_revision, comment) VALUES (:id, :agent, :at, :revision, :comment) "
                        + "ON CONFLICT (evaluation_id) DO UPDATE SET acknowledged_at = EXCLUDED.acknowledged_at, "
                        + "acknowledged_revision = EXCLUDED.acknowledged_revision, comment = EXCLUDED.comment")
                .setParameter("id", id).setParameter("agent", key.employeeId())
                .setParameter("at", OffsetDateTime.now(clock)).setParameter("revision", key.revision())
                .setParameter("comment", comment).executeUpdate();
        return evaluations.view(key);
    }

    /**
     * Records what scoring-service says about the appeal disputing the evaluation. Idempotent: the same report again
     * changes nothing but the time; a report of another appeal while one is open is a 409; WITHDRAWN removes the
     * dispute of that appeal (its filing did not complete) and is a no-op for any other.
     */
    @Transactional
    public EvaluationView dispute(long id, DisputeInput input, String actingFor) {
        if (input.appealId() == null || input.appealId() < 1) {
            throw Problems.invalid("appealId", "is required, a positive number");
        }
        if (input.employeeId() == null || input.employeeId().isBlank()) {
            throw Problems.invalid("employeeId", "is required");
        }
        if (input.status() == null) {
            throw Problems.invalid("status", "is required: one of OPEN, ACCEPTED, REJECTED, WITHDRAWN");
        }
        String reason = input.reason() == null || input.reason().isBlank() ? null : input.reason().strip();
        if (reason != null && reason.length() > MAX_REASON) {
            throw Problems.invalid("reason", "is longer than " + MAX_REASON + " characters");
        }
        Key key = evaluations.key(id, true);
        if (key == null) {
            throw Problems.notFound("QA evaluation", id);
        }
        if (!key.employeeId().equals(input.employeeId())) {
            throw Problems.invalid("employeeId", "QA evaluation " + id + " evaluated " + key.employeeId() + ", not "
                    + input.employeeId());
        }
        Object[] current = row("SELECT appeal_id, appeal_status FROM qa_evaluation_response WHERE evaluation_id = :id",
                id);
        Long currentAppeal = current == null || current[0] == null ? null : ((Number) current[0]).longValue();
        if (input.status() == DisputeStatus.WITHDRAWN) {
            if (input.appealId().equals(currentAppeal)) {
                em.createNativeQuery("UPDATE qa_evaluation_response SET appeal_id = NULL, appeal_status = NULL, "
                        + "appeal_reason = NULL, disputed_at = NULL, appeal_updated_at = NULL, appeal_updated_by = NULL, "
                        + "appeal_acting_for = NULL WHERE evaluation_id = :id").setParameter("id", id).executeUpdate();
            }
            return evaluations.view(key);
        }
        if (currentAppeal != null && !currentAppeal.equals(input.appealId()) && "OPEN".equals(current[1])) {
            throw Problems.conflict("QA evaluation " + id + " is disputed by appeal " + currentAppeal
                    + ", still open");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("INSERT INTO qa_evaluation_response (evaluation_id, employee_id, appeal_id, appeal_status, "
                        + "appeal_reason, disputed_at, appeal_updated_at, appeal_updated_by, appeal_acting_for) "
                        + "VALUES (:id, :agent, :appeal, :status, :reason, :at, :at, :by, :for) "
                        + "ON CONFLICT (evaluation_id) DO UPDATE SET "
                        + "disputed_at = CASE WHEN qa_evaluation_response.appeal_id IS NOT DISTINCT FROM "
                        + "EXCLUDED.appeal_id THEN qa_evaluation_response.disputed_at ELSE EXCLUDED.disputed_at END, "
                        + "appeal_id = EXCLUDED.appeal_id, appeal_status = EXCLUDED.appeal_status, "
                        + "appeal_reason = COALESCE(EXCLUDED.appeal_reason, qa_evaluation_response.appeal_reason), "
                        + "appeal_updated_at = EXCLUDED.appeal_updated_at, "
                        + "appeal_updated_by = EXCLUDED.appeal_updated_by, "
                        + "appeal_acting_for = EXCLUDED.appeal_acting_for")
                .setParameter("id", id).setParameter("agent", key.employeeId())
                .setParameter("appeal", input.appealId()).setParameter("status", input.status().name())
                .setParameter("reason", reason).setParameter("at", now).setParameter("by", caller.name())
                .setParameter("for", actingFor == null || actingFor.isBlank() ? null : actingFor.strip())
                .executeUpdate();
        return evaluations.view(key);
    }

    private Object single(String sql, long id) {
        List<?> rows = em.createNativeQuery(sql).setParameter("id", id).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Object[] row(String sql, long id) {
        List<?> rows = em.createNativeQuery(sql).setParameter("id", id).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }
}
