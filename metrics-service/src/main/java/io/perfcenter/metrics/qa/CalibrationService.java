package io.perfcenter.metrics.qa;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfcenter.metrics.db.NativeRows;
import io.perfcenter.metrics.ingest.RecordField;
import io.perfcenter.metrics.org.Agent;
import io.perfcenter.metrics.qa.CalibrationPayloads.EvaluatorResult;
import io.perfcenter.metrics.qa.CalibrationPayloads.ItemSpread;
import io.perfcenter.metrics.qa.CalibrationPayloads.Reference;
import io.perfcenter.metrics.qa.CalibrationPayloads.SessionInput;
import io.perfcenter.metrics.qa.CalibrationPayloads.SessionView;
import io.perfcenter.metrics.qa.CalibrationPayloads.Status;
import io.perfcenter.metrics.qa.QaEvaluationPayloads.ItemResult;
import io.perfcenter.metrics.qa.QaFormPayloads.Item;
import io.perfcenter.metrics.qa.QaFormPayloads.Section;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Calibration sessions (校准): several QA specialists score the same interaction with the same form version, each
 * answer checked and scored exactly as an uploaded evaluation ({@link QaFormScoring}); the session reports the spread
 * per item and per evaluator ({@link Spread}) and the reference the owner records. The owner (who created it) records
 * the reference and closes the session; evaluators submit only their own answers; closing freezes everything.
 */
@ApplicationScoped
public class CalibrationService {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_EVALUATORS = 20;

    private final EntityManager em;
    private final Caller caller;

    CalibrationService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    @Transactional
    public long create(SessionInput in) {
        String agent = required(in.employeeId(), "employeeId");
        if (!RecordField.CODE_FORM.matcher(agent).matches() || Agent.findById(agent) == null) {
            throw Problems.invalid("employeeId", "no agent " + agent);
        }
        String contact = required(in.contactExternalId(), "contactExternalId");
        if (contact.length() > 200 || ((Number) em.createNativeQuery("SELECT count(*) FROM call_record_key "
                + "WHERE external_id = ?1 AND employee_id = ?2").setParameter(1, contact).setParameter(2, agent)
                .getSingleResult()).longValue() == 0) {
            throw Problems.invalid("contactExternalId", "no ingested call " + contact + " of agent " + agent);
        }
        String code = required(in.formCode(), "formCode");
        if (in.formVersion() == null) {
            throw Problems.invalid("formVersion", "is required");
        }
        QaForm form = QaForm.version(code, in.formVersion()).orElseThrow(() -> QaForm.latest(code).isPresent()
                ? Problems.invalid("formVersion", "QA form " + code + " has no version " + in.formVersion())
                : Problems.invalid("formCode", "no QA form " + code));
        if (form.retiredAt != null) {
            throw Problems.invalid("formCode", "QA form " + code + " is retired");
        }
        List<String> evaluators = evaluators(in.evaluators(), agent);
        if (in.note() != null && in.note().length() > 2000) {
            throw Problems.invalid("note", "is longer than 2000 characters");
        }
        Number id = (Number) em.createNativeQuery("INSERT INTO qa_calibration_session (employee_id, "
                        + "contact_external_id, form_code, form_version, evaluators, note, owner_id) VALUES (?1, ?2, ?3, "
                        + "?4, string_to_array(?5, ','), ?6, ?7) RETURNING id")
                .setParameter(1, agent).setParameter(2, contact).setParameter(3, form.code)
                .setParameter(4, form.version).setParameter(5, String.join(",", evaluators))
                .setParameter(6, in.note() == null || in.note().isBlank() ? null : in.note().strip())
                .setParameter(7, caller.name()).getSingleResult();
        return id.longValue();
    }

    private static List<String> evaluators(List<String> named, String agent) {
        if (named == null || named.size() < 2) {
            throw Problems.invalid("evaluators", "name at least two QA specialists: a calibration compares them");
        }
        if (named.size() > MAX_EVALUATORS) {
            throw Problems.invalid("evaluators", "at most " + MAX_EVALUATORS);
        }
        Set<String> evaluators = new LinkedHashSet<>();
        for (int i = 0; i < named.size(); i++) {
            String e = named.get(i);
            if (e == null || !RecordField.CODE_FORM.matcher(e).matches()) {
                throw Problems.invalid("evaluators[" + i + "]", "must be an employee id (1-64 letters, digits, "
                        + "'_', '.' or '-')");
            }
            if (e.equals(agent)) {
                throw Problems.invalid("evaluators[" + i + "]", e + " is the agent whose interaction is scored");
            }
            if (!evaluators.add(e)) {
                throw Problems.invalid("evaluators[" + i + "]", e + " is named twice");
            }
        }
        return List.copyOf(evaluators);
    }

    /** The caller's own answers (an evaluator of the open session), scored; replaces what they sent before. */
    @Transactional
    public void answer(long id, JsonNode items) {
        Session s = open(id);
        String me = caller.employeeId().orElse(null);
        if (me == null || !s.evaluators.contains(me)) {
            throw Problems.forbidden("only the evaluators named in calibration session " + id + " submit answers, "
                    + "each their own");
        }
        QaFormScoring.Scored scored = score(s.form, items);
        em.createNativeQuery("INSERT INTO qa_calibration_answer (session_id, evaluator_id, items, score, "
                        + "item_results, critical_item) VALUES (?1, ?2, cast(?3 AS jsonb), ?4, cast(?5 AS jsonb), ?6) "
                        + "ON CONFLICT (session_id, evaluator_id) DO UPDATE SET items = EXCLUDED.items, "
                        + "score = EXCLUDED.score, item_results = EXCLUDED.item_results, "
                        + "critical_item = EXCLUDED.critical_item, submitted_at = now()")
                .setParameter(1, id).setParameter(2, me).setParameter(3, items.toString())
                .setParameter(4, scored.score()).setParameter(5, scored.itemResults())
                .setParameter(6, scored.criticalItem()).executeUpdate();
    }

    /** The owner's calibrated reference answers, scored by the same form version; replaces an earlier one. */
    @Transactional
    public void reference(long id, JsonNode items) {
        Session s = open(id);
        owner(s, "records the reference");
        QaFormScoring.Scored scored = score(s.form, items);
        em.createNativeQuery("UPDATE qa_calibration_session SET reference_items = cast(?2 AS jsonb), "
                        + "reference_score = ?3, reference_results = cast(?4 AS jsonb), reference_critical_item = ?5, "
                        + "reference_at = now() WHERE id = ?1")
                .setParameter(1, id).setParameter(2, items.toString()).setParameter(3, scored.score())
                .setParameter(4, scored.itemResults()).setParameter(5, scored.criticalItem()).executeUpdate();
    }

    /** Freezes the session: no answer or reference changes after it. */
    @Transactional
    public void close(long id) {
        Session s = open(id);
        owner(s, "closes it");
        em.createNativeQuery("UPDATE qa_calibration_session SET closed_at = now(), closed_by = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, caller.name()).executeUpdate();
    }

    private void owner(Session s, String what) {
        if (!s.owner.equals(caller.name())) {
            throw Problems.forbidden("only the owner of calibration session " + s.id + " (" + s.owner + ") " + what);
        }
    }

    private static QaFormScoring.Scored score(QaForm form, JsonNode items) {
        try {
            return QaFormScoring.score(form, items == null || items.isNull() ? null : items.toString());
        } catch (QaFormScoring.Refused r) {
            throw Problems.invalid(r.field, r.getMessage());
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Problems.invalid(field, "is required");
        }
        if (value.length() > 200) {
            throw Problems.invalid(field, "is longer than 200 characters");
        }
        return value;
    }

    /** A stored session as read: the session row, locked for writing when asked. */
    private record Session(long id, String agent, String contact, QaForm form, List<String> evaluators, String note,
                           String owner, Object createdAt, Object closedAt, String closedBy, BigDecimal referenceScore,
                           String referenceResults, String referenceCritical, Object referenceAt) {
    }

    private Session open(long id) {
        Session s = session(id, true);
        if (s.closedAt != null) {
            throw Problems.conflict("calibration session " + id + " was closed on " + NativeRows.time(s.closedAt)
                    .toLocalDate() + " by " + s.closedBy + "; it is frozen");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private Session session(long id, boolean forUpdate) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, employee_id, contact_external_id, form_code, "
                        + "form_version, array_to_string(evaluators, ','), note, owner_id, created_at, closed_at, "
                        + "closed_by, reference_score, reference_results::text, reference_critical_item, reference_at "
                        + "FROM qa_calibration_session WHERE id = ?1" + (forUpdate ? " FOR UPDATE" : ""))
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw Problems.notFound("Calibration session", id);
        }
        Object[] r = rows.get(0);
        QaForm form = QaForm.version((String) r[3], ((Number) r[4]).intValue()).orElseThrow();
        return new Session(id, (String) r[1], (String) r[2], form, Arrays.asList(((String) r[5]).split(",")),
                (String) r[6], (String) r[7], r[8], r[9], (String) r[10], (BigDecimal) r[11], (String) r[12],
                (String) r[13], r[14]);
    }

    /** The session with its answers, spread per item and per evaluator, and reference. */
    @SuppressWarnings("unchecked")
    public SessionView view(long id) {
        Session s = session(id, false);
        List<Object[]> rows = em.createNativeQuery("SELECT evaluator_id, score, item_results::text, critical_item, "
                + "submitted_at FROM qa_calibration_answer WHERE session_id = ?1").setParameter(1, id).getResultList();
        Map<String, Object[]> byEvaluator = new LinkedHashMap<>();
        rows.forEach(r -> byEvaluator.put((String) r[0], r));
        List<String> pending = s.evaluators.stream().filter(e -> !byEvaluator.containsKey(e)).toList();
        String me = caller.employeeId().orElse(null);
        // blind until one has answered: an evaluator of an open session who has not submitted yet sees nobody's
        // answers (their judgement must be their own); the owner, hr and admin see everything
        boolean blind = s.closedAt == null && pending.contains(me) && !s.owner.equals(caller.name())
                && !caller.has(Roles.HR) && !caller.has(Roles.ADMIN);
        List<String> submitted = blind ? List.of()
                : s.evaluators.stream().filter(byEvaluator::containsKey).toList();

        List<BigDecimal> scores = submitted.stream().map(e -> (BigDecimal) byEvaluator.get(e)[1]).toList();
        BigDecimal mean = Spread.mean(scores);
        Map<String, ItemResult> reference = s.referenceResults == null ? Map.of() : byCode(s.referenceResults);
        Map<String, Map<String, ItemResult>> results = new LinkedHashMap<>();
        submitted.forEach(e -> results.put(e, byCode((String) byEvaluator.get(e)[2])));

        List<EvaluatorResult> evaluators = new ArrayList<>();
        for (String e : submitted) {
            Object[] r = byEvaluator.get(e);
            BigDecimal score = (BigDecimal) r[1];
            Integer off = null;
            if (s.referenceScore != null) {
                off = (int) results.get(e).values().stream()
                        .filter(i -> !Objects.equals(i.value(), reference.get(i.code()).value())).count();
            }
            evaluators.add(new EvaluatorResult(e, score, (String) r[3], Spread.round(score.subtract(mean), 2),
                    s.referenceScore == null ? null : score.subtract(s.referenceScore), off,
                    List.copyOf(results.get(e).values()), NativeRows.time(r[4])));
        }
        List<ItemSpread> items = new ArrayList<>();
        for (Section section : s.form.sections) {
            for (Item item : section.items()) {
                Map<String, String> answers = new LinkedHashMap<>();
                List<BigDecimal> points = new ArrayList<>();
                results.forEach((e, byItem) -> {
                    ItemResult r = byItem.get(item.code());
                    answers.put(e, r.value());
                    if (!r.notApplicable()) {
                        points.add(r.points());
                    }
                });
                ItemResult ref = reference.get(item.code());
                items.add(new ItemSpread(section.code(), item.code(), answers, points.size(),
                        Spread.round(Spread.mean(points), 4), Spread.round(Spread.variance(points), 4),
                        ref == null ? null : ref.value(), ref == null ? null : ref.points()));
            }
        }
        Reference ref = s.referenceScore == null ? null : new Reference(s.referenceScore, s.referenceCritical,
                QaFormScoring.explain(s.form, read(s.referenceResults), s.referenceScore, s.referenceCritical),
                List.copyOf(reference.values()), NativeRows.time(s.referenceAt));
        return new SessionView(s.id, s.agent, s.contact, s.form.code, s.form.version, s.evaluators, s.note, s.owner,
                NativeRows.time(s.createdAt), s.closedAt == null ? Status.OPEN : Status.CLOSED, NativeRows.time(s.closedAt),
                s.closedBy, pending, blind ? "others' answers are shown once you have submitted yours" : null,
                Spread.round(mean, 2), Spread.round(Spread.variance(scores), 2), blind ? null : ref, evaluators, items);
    }

    /** Session ids, newest first; of one agent and/or status when given. */
    @SuppressWarnings("unchecked")
    public List<Long> ids(String employeeId, Status status) {
        StringBuilder sql = new StringBuilder("SELECT id FROM qa_calibration_session WHERE 1 = 1 ");
        if (employeeId != null) {
            sql.append("AND employee_id = :agent ");
        }
        if (status != null) {
            sql.append(status == Status.OPEN ? "AND closed_at IS NULL " : "AND closed_at IS NOT NULL ");
        }
        Query q = em.createNativeQuery(sql.append("ORDER BY id DESC").toString());
        if (employeeId != null) {
            q.setParameter("agent", employeeId);
        }
        return ((List<Number>) q.getResultList()).stream().map(Number::longValue).toList();
    }

    private static Map<String, ItemResult> byCode(String json) {
        List<ItemResult> list = JSON.convertValue(read(json), new TypeReference<List<ItemResult>>() {
        });
        Map<String, ItemResult> out = new LinkedHashMap<>();
        list.forEach(i -> out.put(i.code(), i));
        return out;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
