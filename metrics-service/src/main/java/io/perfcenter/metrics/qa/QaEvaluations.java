package io.perfcenter.metrics.qa;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfcenter.metrics.aggregate.PeriodRange;
import io.perfcenter.metrics.org.Agent;
import io.perfcenter.metrics.org.OrgScope;
import io.perfcenter.metrics.qa.QaEvaluationPayloads.AgentStatus;
import io.perfcenter.metrics.qa.QaEvaluationPayloads.EvaluationView;
import io.perfcenter.metrics.qa.QaEvaluationPayloads.ItemResult;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import io.quarkiverse.resteasy.problem.HttpProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading stored QA evaluations with their per-item results, the form score's explanation and the agent's answer
 * (acknowledged, or disputed by an appeal and its outcome). Scope as for figures: the agent their own, a supervisor or
 * manager those dated on days the agent belonged to a unit they lead, QA specialists, hr and admin all; anything else
 * answers 404 as an unknown one.
 */
@ApplicationScoped
public class QaEvaluations {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The evaluation (latest revision), its number (the key's, stable across revisions) and the agent's answer. */
    private static final String SELECT = "SELECT k.id, e.source_system, e.external_id, e.revision, e.employee_id, "
            + "e.evaluator_id, e.activity_date, e.score, e.contact_external_id, e.form_code, e.form_version, "
            + "e.critical_item, e.items::text, e.item_results::text, r.acknowledged_at, r.acknowledged_revision, "
            + "r.comment, r.appeal_id, r.appeal_status, r.appeal_reason, r.disputed_at, r.appeal_updated_at "
            + "FROM qa_evaluation e JOIN qa_evaluation_key k ON k.source_system = e.source_system "
            + "AND k.external_id = e.external_id LEFT JOIN qa_evaluation_response r ON r.evaluation_id = k.id ";

    /** Where an evaluation is: its key row, which finds the partition (its day) and the agent. */
    public record Key(long id, String sourceSystem, String externalId, String employeeId, LocalDate day,
                      int revision) {
    }

    private final EntityManager em;
    private final Caller caller;
    private final OrgScope scope;

    QaEvaluations(EntityManager em, Caller caller, OrgScope scope) {
        this.em = em;
        this.caller = caller;
        this.scope = scope;
    }

    /** An agent's evaluations of a period the caller sees, by day, source system and external id. */
    @SuppressWarnings("unchecked")
    public List<EvaluationView> list(String employeeId, String period, LocalDate from, LocalDate to) {
        if (employeeId == null || employeeId.isBlank()) {
            throw Problems.invalid("employeeId", "is required");
        }
        PeriodRange range = PeriodRange.of(period, from, to);
        List<String> within = caller.has(Roles.QA) ? null
                : scope.agentFiguresWithin(employeeId, range.from(), range.to());
        if (Agent.findById(employeeId) == null) {
            throw Problems.notFound("Agent", employeeId);
        }
        String sql = SELECT + "WHERE e.employee_id = :agent AND e.activity_date BETWEEN :from AND :to "
                + (within == null ? "" : "AND EXISTS (SELECT 1 FROM membership m WHERE m.employee_id = e.employee_id "
                + "AND m.unit_code IN (:units) AND m.valid_from <= e.activity_date "
                + "AND (m.valid_to IS NULL OR m.valid_to > e.activity_date)) ")
                + "ORDER BY e.activity_date, e.source_system, e.external_id";
        Query query = em.createNativeQuery(sql).setParameter("agent", employeeId)
                .setParameter("from", range.from()).setParameter("to", range.to());
        if (within != null) {
            query.setParameter("units", within);
        }
        Map<String, QaForm> forms = new HashMap<>();
        List<EvaluationView> views = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            views.add(view(r, forms));
        }
        return views;
    }

    /** One evaluation the caller sees; 404 as for an unknown number otherwise. */
    public EvaluationView get(long id) {
        return view(visibleKey(id));
    }

    /** The evaluation as stored now, whoever asks (after a change the caller was allowed to make). */
    @SuppressWarnings("unchecked")
    public EvaluationView view(Key key) {
        List<Object[]> rows = em.createNativeQuery(SELECT + "WHERE k.id = :id AND e.activity_date = :day "
                        + "AND e.source_system = :source AND e.external_id = :external")
                .setParameter("id", key.id()).setParameter("day", key.day())
                .setParameter("source", key.sourceSystem()).setParameter("external", key.externalId())
                .getResultList();
        if (rows.isEmpty()) {
            throw Problems.notFound("QA evaluation", key.id());
        }
        return view(rows.get(0), new HashMap<>());
    }

    /** The key of an evaluation the caller sees; 404 exactly as for an unknown number otherwise. */
    public Key visibleKey(long id) {
        Key key = key(id, false);
        if (key == null || !sees(key)) {
            throw Problems.notFound("QA evaluation", id);
        }
        return key;
    }

    /** The key of an evaluation, locked for a change of the agent's answer when {@code lock}; null if unknown. */
    @SuppressWarnings("unchecked")
    public Key key(long id, boolean lock) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, source_system, external_id, employee_id, "
                + "activity_date, revision FROM qa_evaluation_key WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Key(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], day(r[4]),
                ((Number) r[5]).intValue());
    }

    private boolean sees(Key key) {
        if (caller.has(Roles.QA)) {
            return true;
        }
        try {
            scope.agentFiguresWithin(key.employeeId(), key.day(), key.day());
            return true;
        } catch (HttpProblem outOfScope) {
            return false;
        }
    }

    private static EvaluationView view(Object[] r, Map<String, QaForm> forms) {
        String formCode = (String) r[9];
        Integer formVersion = r[10] == null ? null : ((Number) r[10]).intValue();
        BigDecimal score = (BigDecimal) r[7];
        String critical = (String) r[11];
        List<ItemResult> results = null;
        String explanation = null;
        if (r[13] != null) {
            JsonNode stored = read((String) r[13]);
            results = JSON.convertValue(stored, new TypeReference<List<ItemResult>>() {
            });
            QaForm form = forms.computeIfAbsent(formCode + " " + formVersion,
                    k -> QaForm.version(formCode, formVersion).orElse(null));
            explanation = QaFormScoring.explain(form, stored, score, critical);
        }
        OffsetDateTime acknowledgedAt = time(r[14]);
        Long appealId = r[17] == null ? null : ((Number) r[17]).longValue();
        AgentStatus status = appealId != null ? AgentStatus.DISPUTED
                : acknowledgedAt != null ? AgentStatus.ACKNOWLEDGED : AgentStatus.PENDING;
        return new EvaluationView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), (String) r[4], (String) r[5], day(r[6]), score, (String) r[8], formCode,
                formVersion, critical, r[12] == null ? null : read((String) r[12]), results, explanation, status,
                acknowledgedAt, r[15] == null ? null : ((Number) r[15]).intValue(), (String) r[16], appealId,
                r[18] == null ? null : QaEvaluationPayloads.AppealOutcome.valueOf((String) r[18]), (String) r[19],
                time(r[20]), time(r[21]));
    }

    private static LocalDate day(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        Instant instant = value instanceof Timestamp t ? t.toInstant() : (Instant) value;
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
