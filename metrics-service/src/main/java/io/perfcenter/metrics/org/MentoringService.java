package io.perfcenter.metrics.org;

import io.perfcenter.metrics.aggregate.AggregatePayloads.MetricAggregate;
import io.perfcenter.metrics.aggregate.AggregateService;
import io.perfcenter.metrics.aggregate.PlainNumbers;
import io.perfcenter.metrics.catalog.MetricDefinition;
import io.perfcenter.metrics.catalog.NumberLimits;
import io.perfcenter.metrics.db.NativeRows;
import io.perfcenter.metrics.org.MentoringPayloads.Criterion;
import io.perfcenter.metrics.org.MentoringPayloads.EndInput;
import io.perfcenter.metrics.org.MentoringPayloads.MenteesView;
import io.perfcenter.metrics.org.MentoringPayloads.MentorshipInput;
import io.perfcenter.metrics.org.MentoringPayloads.MentorshipView;
import io.perfcenter.metrics.org.MentoringPayloads.Status;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Mentoring (新人帮扶, seed 003): HR assigns a promotion candidate as mentor to a new hire for a window, with the
 * criterion the mentee is judged by. Ending a mentorship judges the mentee on their figures over the window as the
 * aggregates compute them ({@link AggregateService}, never a pushed verdict) and stores the verdict with its reason;
 * the stored rows are the record kind {@code mentorships}, from which the catalog derives mentoring_pass_rate for the
 * mentor (passed / finished in the period).
 */
@ApplicationScoped
public class MentoringService {

    private static final String COLUMNS = "id, employee_id, mentee_id, starts_on, ends_on, metric_code, at_least, "
            + "at_most, note, activity_date, withdrawn, passed, value, samples, reason, ended_at, ended_by, end_note, "
            + "created_at, created_by";

    private final EntityManager em;
    private final Caller caller;
    private final AggregateService aggregates;
    private final Clock clock;

    MentoringService(EntityManager em, Caller caller, AggregateService aggregates, Clock clock) {
        this.em = em;
        this.caller = caller;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    @Transactional
    public long create(MentorshipInput in) {
        String mentor = agent(in.mentorId(), "mentorId");
        String mentee = agent(in.menteeId(), "menteeId");
        if (mentor.equals(mentee)) {
            throw Problems.invalid("menteeId", "a mentor does not mentor themself");
        }
        if (in.from() == null) {
            throw Problems.invalid("from", "is required");
        }
        if (in.to() == null) {
            throw Problems.invalid("to", "is required");
        }
        if (in.to().isBefore(in.from())) {
            throw Problems.invalid("to", "must not be before from");
        }
        Criterion c = criterion(in.criterion());
        if (in.note() != null && in.note().length() > 2000) {
            throw Problems.invalid("note", "is longer than 2000 characters");
        }
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('mentee:' || ?1))")
                .setParameter(1, mentee).getSingleResult();
        Number overlapping = (Number) em.createNativeQuery("SELECT count(*) FROM mentorship WHERE mentee_id = ?1 "
                        + "AND activity_date IS NULL AND starts_on <= ?3 AND ends_on >= ?2")
                .setParameter(1, mentee).setParameter(2, in.from()).setParameter(3, in.to()).getSingleResult();
        if (overlapping.longValue() > 0) {
            throw Problems.conflict(mentee + " already has a running mentorship overlapping " + in.from() + " to "
                    + in.to() + "; end it first");
        }
        Number id = (Number) em.createNativeQuery("INSERT INTO mentorship (employee_id, mentee_id, starts_on, ends_on, "
                        + "metric_code, at_least, at_most, note, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                        + "RETURNING id")
                .setParameter(1, mentor).setParameter(2, mentee).setParameter(3, in.from()).setParameter(4, in.to())
                .setParameter(5, c.metricCode()).setParameter(6, c.atLeast()).setParameter(7, c.atMost())
                .setParameter(8, in.note() == null || in.note().isBlank() ? null : in.note().strip())
                .setParameter(9, caller.name()).getSingleResult();
        return id.longValue();
    }

    private static String agent(String id, String field) {
        if (id == null || id.isBlank()) {
            throw Problems.invalid(field, "is required");
        }
        if (id.length() > 64 || Agent.findById(id) == null) {
            throw Problems.invalid(field, "no agent " + id);
        }
        return id;
    }

    private static Criterion criterion(Criterion c) {
        if (c == null) {
            throw Problems.invalid("criterion", "is required: a metric with atLeast and/or atMost");
        }
        if (c.metricCode() == null || c.metricCode().isBlank()) {
            throw Problems.invalid("criterion.metricCode", "is required");
        }
        MetricDefinition d = c.metricCode().length() > 64 ? null : MetricDefinition.findById(c.metricCode());
        if (d == null) {
            throw Problems.invalid("criterion.metricCode", "no metric " + c.metricCode() + " in the catalog");
        }
        if (d.retiredAt != null) {
            throw Problems.invalid("criterion.metricCode", "metric " + c.metricCode() + " is retired");
        }
        if (c.atLeast() == null && c.atMost() == null) {
            throw Problems.invalid("criterion.atLeast", "give atLeast and/or atMost");
        }
        for (String field : List.of("atLeast", "atMost")) {
            BigDecimal v = field.equals("atLeast") ? c.atLeast() : c.atMost();
            String problem = v == null ? null : NumberLimits.problem(v);
            if (problem != null) {
                throw Problems.invalid("criterion." + field, problem);
            }
        }
        if (c.atLeast() != null && c.atMost() != null && c.atLeast().compareTo(c.atMost()) > 0) {
            throw Problems.invalid("criterion.atMost", "must not be below atLeast");
        }
        return c;
    }

    /**
     * Ends a running mentorship: judges the mentee over [from, endedOn] and stores the verdict (or a withdrawal). Not
     * one transaction: the figure is computed by the aggregates in a transaction of their own; the verdict is then
     * stored only if the mentorship is still running (two ends at once: the second answers 409).
     */
    public void end(long id, EndInput in) {
        Object[] r = row(id);
        if (r[9] != null) {
            throw Problems.conflict("mentorship " + id + " ended on " + NativeRows.day(r[9]) + "; its verdict stands");
        }
        LocalDate from = NativeRows.day(r[3]);
        LocalDate to = NativeRows.day(r[4]);
        LocalDate endedOn = in == null || in.endedOn() == null ? to : in.endedOn();
        LocalDate today = LocalDate.now(clock);
        if (endedOn.isBefore(from) || endedOn.isAfter(to)) {
            throw Problems.invalid("endedOn", "must be within the window " + from + " to " + to);
        }
        if (endedOn.isAfter(today)) {
            throw Problems.invalid("endedOn", "is after today (" + today + "): a mentee is judged on a window that "
                    + "is over; end it on " + today + " or later");
        }
        boolean withdrawn = in != null && Boolean.TRUE.equals(in.withdrawn());
        String note = in == null || in.note() == null || in.note().isBlank() ? null : in.note().strip();
        if (note != null && note.length() > 2000) {
            throw Problems.invalid("note", "is longer than 2000 characters");
        }
        if (withdrawn && note == null) {
            throw Problems.invalid("note", "say why the mentorship is withdrawn");
        }
        Criterion c = new Criterion((String) r[5], (BigDecimal) r[6], (BigDecimal) r[7]);
        MetricAggregate figure = figure((String) r[2], c.metricCode(), from, endedOn);
        MentoringVerdict verdict = MentoringVerdict.of(c, figure == null ? null : figure.value(),
                figure == null ? 0 : figure.samples(), from, endedOn);
        String by = caller.name();
        int stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("UPDATE mentorship SET "
                        + "activity_date = ?2, withdrawn = ?3, passed = ?4, value = ?5, samples = ?6, reason = ?7, "
                        + "ended_at = now(), ended_by = ?8, end_note = ?9 WHERE id = ?1 AND activity_date IS NULL")
                .setParameter(1, id).setParameter(2, endedOn).setParameter(3, withdrawn)
                .setParameter(4, withdrawn ? null : verdict.passed())
                .setParameter(5, figure == null ? null : figure.value())
                .setParameter(6, figure == null ? 0L : figure.samples())
                .setParameter(7, withdrawn ? "withdrawn: " + note + " (" + verdict.reason() + ")" : verdict.reason())
                .setParameter(8, by).setParameter(9, note).executeUpdate());
        if (stored == 0) {
            throw Problems.conflict("mentorship " + id + " was ended meanwhile; its verdict stands");
        }
    }

    /** The mentee's figure of the metric over the days, as every aggregate computes it; null without one. */
    private MetricAggregate figure(String mentee, String metric, LocalDate from, LocalDate to) {
        MetricAggregate a = aggregates.forAgent(mentee, null, List.of(metric), from, to).values().get(metric);
        return a == null || a.value() == null ? null : a;
    }

    public MentorshipView view(long id) {
        return view(row(id));
    }

    /** Mentorships, newest first, of a mentor and/or mentee when given. */
    @SuppressWarnings("unchecked")
    public List<MentorshipView> list(String mentorId, String menteeId) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM mentorship WHERE 1 = 1 ");
        if (mentorId != null) {
            sql.append("AND employee_id = :mentor ");
        }
        if (menteeId != null) {
            sql.append("AND mentee_id = :mentee ");
        }
        Query q = em.createNativeQuery(sql.append("ORDER BY id DESC").toString());
        if (mentorId != null) {
            q.setParameter("mentor", mentorId);
        }
        if (menteeId != null) {
            q.setParameter("mentee", menteeId);
        }
        List<MentorshipView> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            out.add(view(r));
        }
        return out;
    }

    /** The mentor's mentees, oldest first, each with their result; the pass rate over the ended ones. */
    public MenteesView mentees(String mentorId) {
        List<MentorshipView> all = new ArrayList<>(list(mentorId, null));
        java.util.Collections.reverse(all);
        int finished = 0;
        int passed = 0;
        for (MentorshipView m : all) {
            if (m.status() == Status.PASSED || m.status() == Status.FAILED) {
                finished++;
                passed += m.status() == Status.PASSED ? 1 : 0;
            }
        }
        BigDecimal rate = finished == 0 ? null : BigDecimal.valueOf(passed)
                .divide(BigDecimal.valueOf(finished), 4, RoundingMode.HALF_UP).stripTrailingZeros();
        return new MenteesView(mentorId, finished, passed, rate, all);
    }

    @SuppressWarnings("unchecked")
    private Object[] row(long id) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM mentorship WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw Problems.notFound("Mentorship", id);
        }
        return rows.get(0);
    }

    /** A stored mentorship; a running or due one with its figure so far (not stored: the verdict comes at the end). */
    private MentorshipView view(Object[] r) {
        LocalDate from = NativeRows.day(r[3]);
        LocalDate to = NativeRows.day(r[4]);
        LocalDate endedOn = NativeRows.day(r[9]);
        Criterion c = new Criterion((String) r[5], (BigDecimal) r[6], (BigDecimal) r[7]);
        Status status;
        BigDecimal value;
        Long samples;
        Boolean passed;
        String reason;
        if (endedOn != null) {
            boolean withdrawn = Boolean.TRUE.equals(r[10]);
            passed = withdrawn ? null : (Boolean) r[11];
            status = withdrawn ? Status.WITHDRAWN : Boolean.TRUE.equals(passed) ? Status.PASSED : Status.FAILED;
            value = PlainNumbers.plain((BigDecimal) r[12]);
            samples = r[13] == null ? null : ((Number) r[13]).longValue();
            reason = (String) r[14];
        } else {
            LocalDate today = LocalDate.now(clock);
            status = today.isAfter(to) ? Status.DUE : Status.RUNNING;
            LocalDate until = to.isBefore(today) ? to : today;
            if (until.isBefore(from)) {
                value = null;
                samples = null;
                passed = null;
                reason = "the window starts on " + from;
            } else {
                MetricAggregate figure = figure((String) r[2], c.metricCode(), from, until);
                MentoringVerdict so = MentoringVerdict.of(c, figure == null ? null : figure.value(),
                        figure == null ? 0 : figure.samples(), from, until);
                value = figure == null ? null : PlainNumbers.plain(figure.value());
                samples = figure == null ? 0L : figure.samples();
                passed = so.passed();
                reason = "so far: " + so.reason() + (status == Status.DUE ? "; the window is over, end the "
                        + "mentorship to record the verdict" : "");
            }
        }
        return new MentorshipView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], from, to, c,
                (String) r[8], status, value, samples, passed, reason, endedOn, NativeRows.time(r[15]), (String) r[16],
                (String) r[17], NativeRows.time(r[18]), (String) r[19]);
    }
}
