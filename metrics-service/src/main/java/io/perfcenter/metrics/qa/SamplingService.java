package io.perfcenter.metrics.qa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfcenter.metrics.aggregate.PeriodRange;
import io.perfcenter.metrics.config.MetricsConfig;
import io.perfcenter.metrics.ingest.RawRetention;
import io.perfcenter.metrics.db.NativeRows;
import io.perfcenter.metrics.ingest.RecordField;
import io.perfcenter.metrics.org.OrgUnit;
import io.perfcenter.metrics.qa.SamplingPayloads.Assignment;
import io.perfcenter.metrics.qa.SamplingPayloads.ChecklistItem;
import io.perfcenter.metrics.qa.SamplingPayloads.Filters;
import io.perfcenter.metrics.qa.SamplingPayloads.PlanInput;
import io.perfcenter.metrics.qa.SamplingPayloads.PlanView;
import io.perfcenter.metrics.qa.SamplingPayloads.Progress;
import io.perfcenter.metrics.qa.SamplingPayloads.Round;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Draws a unit's calls for QA evaluation, reproducibly.
 *
 * <p>The draw: the unit's agents (every agent who belonged to it or a unit below it on some day of the period), by
 * employee id, are shuffled with {@code java.util.Random(seed)} (Fisher–Yates from the last position down, each
 * swap with {@code nextInt(i + 1)}), and the first ⌈agentShare × agents⌉ are sampled. Then, for each sampled agent in
 * employee-id order, the agent's calls of the period dated while they belonged to the unit and matching the filters,
 * ordered by (sourceSystem, externalId), are shuffled the same way with the same generator and the first
 * evaluationsPerAgent taken. {@code java.util.Random}'s sequence is fixed by its specification, so the same seed over
 * the same records gives the same calls on any JVM. Each drawn call, in that order, goes to the evaluator with the
 * fewest calls so far (ties: the first in the plan's list), never to the agent themself: the load differs by at
 * most one between evaluators.
 */
@ApplicationScoped
public class SamplingService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CHANNELS = Set.of("PHONE", "CHAT", "EMAIL", "VIDEO", "SOCIAL", "OTHER");
    private static final SecureRandom SEEDS = new SecureRandom();

    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;
    private final RawRetention retention;
    private final int topUpDays;

    SamplingService(EntityManager em, Caller caller, Clock clock, RawRetention retention, MetricsConfig config) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
        this.retention = retention;
        this.topUpDays = config.sampling().topUpDays();
    }

    @Transactional
    public long create(PlanInput input) {
        Checked in = check(input);
        List<String> agents = agents(in);
        long seed = input.seed() != null ? input.seed() : SEEDS.nextLong();
        Random random = new Random(seed);
        List<String> drawn = new ArrayList<>(agents);
        shuffle(drawn, random);
        int count = in.share.multiply(BigDecimal.valueOf(agents.size())).setScale(0, RoundingMode.CEILING).intValue();
        List<String> sampled = new ArrayList<>(drawn.subList(0, Math.min(count, drawn.size())));
        sampled.sort(null);
        Map<String, Integer> load = new LinkedHashMap<>();
        in.evaluators.forEach(e -> load.put(e, 0));
        List<Object[]> assignments = new ArrayList<>();
        for (String agent : sampled) {
            List<Object[]> calls = calls(in, agent);
            shuffle(calls, random);
            for (Object[] call : calls.subList(0, Math.min(in.perAgent, calls.size()))) {
                String evaluator = leastLoaded(load, agent);
                if (evaluator == null) {
                    throw Problems.invalid("evaluators", "agent " + agent + " is the only evaluator named; a QA "
                            + "specialist does not evaluate their own calls");
                }
                load.merge(evaluator, 1, Integer::sum);
                assignments.add(new Object[]{agent, call[0], call[1], call[2], evaluator});
            }
        }
        Number id = (Number) em.createNativeQuery("INSERT INTO qa_sampling_plan (unit_code, period_from, period_to, "
                        + "agent_share, evaluations_per_agent, filters, evaluators, seed, form_code, agents_eligible, "
                        + "agents_sampled, created_by, form_version, sampled_agents) VALUES (?1, ?2, ?3, ?4, ?5, "
                        + "cast(?6 AS jsonb), string_to_array(?7, ','), ?8, ?9, ?10, ?11, ?12, ?13, "
                        + "string_to_array(?14, ',')) RETURNING id")
                .setParameter(1, in.unit).setParameter(2, in.range.from()).setParameter(3, in.range.to())
                .setParameter(4, in.share).setParameter(5, in.perAgent).setParameter(6, json(in.filters))
                .setParameter(7, String.join(",", in.evaluators)).setParameter(8, seed)
                .setParameter(9, in.form == null ? null : in.form.code).setParameter(10, agents.size())
                .setParameter(11, sampled.size()).setParameter(12, caller.name())
                .setParameter(13, in.form == null ? null : in.form.version)
                .setParameter(14, String.join(",", sampled)).getSingleResult();
        int position = 0;
        for (Object[] a : assignments) {
            em.createNativeQuery("INSERT INTO qa_sampling_assignment (plan_id, position, employee_id, source_system, "
                            + "external_id, activity_date, evaluator_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, id.longValue()).setParameter(2, ++position).setParameter(3, a[0])
                    .setParameter(4, a[1]).setParameter(5, a[2]).setParameter(6, a[3]).setParameter(7, a[4])
                    .executeUpdate();
        }
        return id.longValue();
    }

    /**
     * Tops the plan up with late calls (round r = 1, 2, …): for each sampled agent still short of evaluationsPerAgent,
     * in employee-id order, the agent's calls matching the plan (period, unit, filters) that are not in the plan yet,
     * ordered by (sourceSystem, externalId), are shuffled with one {@code java.util.Random(seed + r)} for the round,
     * as the draw shuffles, and the first as many as the agent is short are taken. As the agent was short, every
     * call that matched at the draw is in the plan already: these are the calls ingested (or revised or attributed
     * to the unit) since. Each goes to the evaluator with the fewest calls of the whole plan so far (ties: the first in
     * the plan's list), never to the agent themself; the plan's calls so far are left as they are. A round that adds
     * calls is recorded (who, when, how many agents were short, how many calls it added); one that finds none records
     * nothing. Refused (409) once the period ended more than {@code perfcenter.metrics.sampling.top-up-days} days ago
     * (the plan is closed) or when the period begins before the raw-record retention's first kept day (its records
     * are gone). Top-ups of one plan run one at a time (the plan's row is locked).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public long topUp(long id) {
        List<Object[]> plans = em.createNativeQuery("SELECT unit_code, period_from, period_to, evaluations_per_agent, "
                + "filters::text, array_to_string(evaluators, ','), seed, array_to_string(sampled_agents, ','), "
                + "sampled_agents IS NULL FROM qa_sampling_plan WHERE id = ?1 FOR UPDATE").setParameter(1, id)
                .getResultList();
        if (plans.isEmpty()) {
            throw Problems.notFound("Sampling plan", id);
        }
        Object[] p = plans.get(0);
        LocalDate from = NativeRows.day(p[1]);
        LocalDate to = NativeRows.day(p[2]);
        LocalDate today = LocalDate.now(clock);
        if (today.isAfter(to.plusDays(topUpDays))) {
            throw Problems.conflict("Sampling plan " + id + " is closed: its period " + from + " to " + to
                    + " ended more than " + topUpDays + " days ago, so late calls no longer top it up");
        }
        retention.firstDayKept().filter(from::isBefore).ifPresent(first -> {
            throw Problems.conflict("Sampling plan " + id + " covers " + from + " to " + to + ", before the first day "
                    + "whose raw records are kept (" + first + "): its calls are gone");
        });
        Filters filters;
        try {
            filters = JSON.readValue((String) p[4], Filters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sampling plan " + id + " has unreadable filters", e);
        }
        int perAgent = ((Number) p[3]).intValue();
        List<String> evaluators = Arrays.asList(((String) p[5]).split(","));
        Checked in = new Checked((String) p[0], new PeriodRange(from, to), null, perAgent, filters, evaluators, null);
        List<Object[]> existing = em.createNativeQuery("SELECT employee_id, source_system, external_id, evaluator_id "
                + "FROM qa_sampling_assignment WHERE plan_id = ?1 ORDER BY position").setParameter(1, id)
                .getResultList();
        Map<String, Integer> load = new LinkedHashMap<>();
        evaluators.forEach(e -> load.put(e, 0));
        Map<String, Integer> have = new HashMap<>();
        Set<List<String>> inPlan = new HashSet<>();
        for (Object[] a : existing) {
            have.merge((String) a[0], 1, Integer::sum);
            inPlan.add(List.of((String) a[1], (String) a[2]));
            load.merge((String) a[3], 1, Integer::sum);
        }
        // plans drawn before the draw recorded its agents: those it assigned calls to
        List<String> sampled = new ArrayList<>(Boolean.TRUE.equals(p[8]) ? new java.util.TreeSet<>(have.keySet())
                : p[7] == null || ((String) p[7]).isEmpty() ? List.of() : Arrays.asList(((String) p[7]).split(",")));
        sampled.sort(null);
        int round = ((Number) em.createNativeQuery("SELECT coalesce(max(round), 0) + 1 FROM qa_sampling_round "
                + "WHERE plan_id = ?1").setParameter(1, id).getSingleResult()).intValue();
        Random random = new Random(((Number) p[6]).longValue() + round);
        int agentsShort = 0;
        List<Object[]> added = new ArrayList<>();
        for (String agent : sampled) {
            int missing = perAgent - have.getOrDefault(agent, 0);
            if (missing <= 0) {
                continue;
            }
            agentsShort++;
            List<Object[]> calls = new ArrayList<>(calls(in, agent));
            calls.removeIf(c -> inPlan.contains(List.of((String) c[0], (String) c[1])));
            shuffle(calls, random);
            for (Object[] call : calls.subList(0, Math.min(missing, calls.size()))) {
                String evaluator = leastLoaded(load, agent);
                if (evaluator == null) {
                    throw Problems.conflict("Agent " + agent + " is the only evaluator of sampling plan " + id
                            + "; a QA specialist does not evaluate their own calls");
                }
                load.merge(evaluator, 1, Integer::sum);
                added.add(new Object[]{agent, call[0], call[1], call[2], evaluator});
            }
        }
        if (added.isEmpty()) {
            return id;
        }
        em.createNativeQuery("INSERT INTO qa_sampling_round (plan_id, round, drawn_by, agents_short, added) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, id).setParameter(2, round)
                .setParameter(3, caller.name()).setParameter(4, agentsShort).setParameter(5, added.size())
                .executeUpdate();
        int position = ((Number) em.createNativeQuery("SELECT coalesce(max(position), 0) FROM qa_sampling_assignment "
                + "WHERE plan_id = ?1").setParameter(1, id).getSingleResult()).intValue();
        for (Object[] a : added) {
            em.createNativeQuery("INSERT INTO qa_sampling_assignment (plan_id, position, employee_id, source_system, "
                            + "external_id, activity_date, evaluator_id, round) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, id).setParameter(2, ++position).setParameter(3, a[0])
                    .setParameter(4, a[1]).setParameter(5, a[2]).setParameter(6, a[3]).setParameter(7, a[4])
                    .setParameter(8, round).executeUpdate();
        }
        return id;
    }

    /** The shuffle the plan's description states: Fisher–Yates from the last position down. */
    static <T> void shuffle(List<T> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static String leastLoaded(Map<String, Integer> load, String agent) {
        String best = null;
        for (Map.Entry<String, Integer> e : load.entrySet()) {
            if (!e.getKey().equals(agent) && (best == null || e.getValue() < load.get(best))) {
                best = e.getKey();
            }
        }
        return best;
    }

    private record Checked(String unit, PeriodRange range, BigDecimal share, int perAgent, Filters filters,
                           List<String> evaluators, QaForm form) {
    }

    private static Checked check(PlanInput input) {
        if (input.unitCode() == null || input.unitCode().isBlank()) {
            throw Problems.invalid("unitCode", "is required");
        }
        if (OrgUnit.findById(input.unitCode()) == null) {
            throw Problems.invalid("unitCode", "no unit " + input.unitCode());
        }
        if (input.period() == null || input.period().isBlank()) {
            throw Problems.invalid("period", "is required, e.g. 2026-10");
        }
        PeriodRange range = PeriodRange.of(input.period(), null, null);
        BigDecimal share = input.agentShare();
        if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0
                || share.stripTrailingZeros().scale() > 4) {
            throw Problems.invalid("agentShare", "must be above 0 and at most 1, with at most 4 decimals");
        }
        if (input.evaluationsPerAgent() == null || input.evaluationsPerAgent() < 1
                || input.evaluationsPerAgent() > 100) {
            throw Problems.invalid("evaluationsPerAgent", "must be from 1 to 100");
        }
        if (input.evaluators() == null || input.evaluators().isEmpty()) {
            throw Problems.invalid("evaluators", "name at least one QA specialist");
        }
        if (input.evaluators().size() > 100) {
            throw Problems.invalid("evaluators", "at most 100");
        }
        Set<String> evaluators = new LinkedHashSet<>();
        for (int i = 0; i < input.evaluators().size(); i++) {
            String e = input.evaluators().get(i);
            if (e == null || !RecordField.CODE_FORM.matcher(e).matches()) {
                throw Problems.invalid("evaluators[" + i + "]", "must be an employee id (1-64 letters, digits, "
                        + "'_', '.' or '-')");
            }
            if (!evaluators.add(e)) {
                throw Problems.invalid("evaluators[" + i + "]", e + " is named twice");
            }
        }
        Filters f = input.filters() == null ? Filters.NONE : input.filters();
        if (f.minHandleSeconds() != null && (f.minHandleSeconds() < 0 || f.minHandleSeconds() > 86_400)) {
            throw Problems.invalid("filters.minHandleSeconds", "must be from 0 to 86400");
        }
        if (f.channel() != null && !CHANNELS.contains(f.channel().toUpperCase(Locale.ROOT))) {
            throw Problems.invalid("filters.channel", "must be one of PHONE, CHAT, EMAIL, VIDEO, SOCIAL, OTHER");
        }
        QaForm form = null;
        if (input.formCode() != null) {
            form = QaForm.latest(input.formCode()).orElseThrow(() ->
                    Problems.invalid("formCode", "no QA form " + input.formCode()));
            if (form.retiredAt != null) {
                throw Problems.invalid("formCode", "QA form " + input.formCode() + " is retired");
            }
            if (input.formVersion() != null) {
                int latest = form.version;
                form = QaForm.version(input.formCode(), input.formVersion()).orElseThrow(() -> Problems.invalid(
                        "formVersion", "QA form " + input.formCode() + " has versions 1 to " + latest));
            }
        } else if (input.formVersion() != null) {
            throw Problems.invalid("formCode", "is required with formVersion");
        }
        Filters filters = new Filters(f.minHandleSeconds(), f.channel() == null ? null
                : f.channel().toUpperCase(Locale.ROOT), f.complaintDaysOnly(), f.repeatContactsOnly(),
                f.transferredOnly());
        return new Checked(input.unitCode(), range, share, input.evaluationsPerAgent(), filters,
                List.copyOf(evaluators), form);
    }

    private static final String UNITS = "WITH RECURSIVE units AS (SELECT code FROM org_unit WHERE code = :unit "
            + "UNION SELECT u.code FROM org_unit u JOIN units ON u.parent_code = units.code) ";

    @SuppressWarnings("unchecked")
    private List<String> agents(Checked in) {
        return em.createNativeQuery(UNITS + "SELECT DISTINCT m.employee_id FROM membership m JOIN units "
                        + "ON m.unit_code = units.code WHERE m.valid_from <= :to AND (m.valid_to IS NULL "
                        + "OR m.valid_to > :from) ORDER BY m.employee_id")
                .setParameter("unit", in.unit).setParameter("from", in.range.from())
                .setParameter("to", in.range.to()).getResultList();
    }

    /** The agent's matching calls dated while they belonged to the unit: [source, external id, date]. */
    @SuppressWarnings("unchecked")
    private List<Object[]> calls(Checked in, String agent) {
        Filters f = in.filters;
        StringBuilder sql = new StringBuilder(UNITS).append("SELECT c.source_system, c.external_id, c.activity_date "
                + "FROM call_record c WHERE c.employee_id = :agent AND c.activity_date BETWEEN :from AND :to "
                + "AND EXISTS (SELECT 1 FROM membership m JOIN units ON m.unit_code = units.code "
                + "WHERE m.employee_id = c.employee_id AND m.valid_from <= c.activity_date "
                + "AND (m.valid_to IS NULL OR m.valid_to > c.activity_date)) ");
        if (f.minHandleSeconds() != null) {
            sql.append("AND c.talk_seconds + c.hold_seconds + c.wrap_seconds >= :minHandle ");
        }
        if (f.channel() != null) {
            sql.append("AND c.channel = :channel ");
        }
        if (Boolean.TRUE.equals(f.repeatContactsOnly())) {
            sql.append("AND c.repeat_contact ");
        }
        if (Boolean.TRUE.equals(f.transferredOnly())) {
            sql.append("AND c.transferred ");
        }
        if (Boolean.TRUE.equals(f.complaintDaysOnly())) {
            sql.append("AND EXISTS (SELECT 1 FROM incident_record i WHERE i.employee_id = c.employee_id "
                    + "AND i.activity_date = c.activity_date AND i.kind = 'COMPLAINT') ");
        }
        sql.append("ORDER BY c.source_system, c.external_id");
        Query q = em.createNativeQuery(sql.toString()).setParameter("unit", in.unit).setParameter("agent", agent)
                .setParameter("from", in.range.from()).setParameter("to", in.range.to());
        if (f.minHandleSeconds() != null) {
            q.setParameter("minHandle", f.minHandleSeconds());
        }
        if (f.channel() != null) {
            q.setParameter("channel", f.channel());
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            rows.add(new Object[]{r[0], r[1], NativeRows.day(r[2])});
        }
        return rows;
    }

    /** A stored plan with its assignments and progress (an assignment is done once an evaluation names its call). */
    @SuppressWarnings("unchecked")
    public PlanView view(long id) {
        List<Object[]> plans = em.createNativeQuery("SELECT id, unit_code, period_from, period_to, agent_share, "
                + "evaluations_per_agent, filters::text, array_to_string(evaluators, ','), seed, form_code, "
                + "agents_eligible, agents_sampled, created_at, created_by, form_version FROM qa_sampling_plan "
                + "WHERE id = ?1").setParameter(1, id).getResultList();
        if (plans.isEmpty()) {
            throw Problems.notFound("Sampling plan", id);
        }
        Object[] p = plans.get(0);
        String formCode = (String) p[9];
        Integer formVersion = p[14] == null ? null : ((Number) p[14]).intValue();
        // with a form: only an evaluation scored by the plan's form version counts (any form before V11 named none)
        String counted = "e.employee_id = a.employee_id AND e.contact_external_id = a.external_id";
        Query rowsQuery = em.createNativeQuery("SELECT a.employee_id, a.source_system, a.external_id, "
                + "a.activity_date, a.evaluator_id, EXISTS (SELECT 1 FROM qa_evaluation e WHERE " + counted
                + (formVersion == null ? "" : " AND e.form_code = ?2 AND e.form_version = ?3") + "), "
                + "EXISTS (SELECT 1 FROM qa_evaluation e WHERE " + counted + "), a.round "
                + "FROM qa_sampling_assignment a WHERE a.plan_id = ?1 ORDER BY a.position").setParameter(1, id);
        if (formVersion != null) {
            rowsQuery.setParameter(2, formCode).setParameter(3, formVersion);
        }
        List<Object[]> rows = rowsQuery.getResultList();
        List<ChecklistItem> checklist = formVersion == null ? null
                : QaForm.version(formCode, formVersion).map(ChecklistItem::of).orElse(null);
        String notCounted = formVersion == null ? null
                : "evaluated without the plan's form " + formCode + " v" + formVersion + ": not counted";
        List<String> evaluators = Arrays.asList(((String) p[7]).split(","));
        Map<String, int[]> byEvaluator = new LinkedHashMap<>();
        evaluators.forEach(e -> byEvaluator.put(e, new int[2]));
        List<Assignment> assignments = new ArrayList<>();
        int done = 0;
        for (Object[] r : rows) {
            boolean evaluated = (Boolean) r[5];
            boolean other = !evaluated && (Boolean) r[6];
            assignments.add(new Assignment((String) r[0], (String) r[1], (String) r[2], NativeRows.day(r[3]), (String) r[4],
                    evaluated, other ? notCounted : null, checklist, ((Number) r[7]).intValue()));
            int[] counts = byEvaluator.computeIfAbsent((String) r[4], k -> new int[2]);
            counts[0]++;
            if (evaluated) {
                counts[1]++;
                done++;
            }
        }
        List<Progress> progress = new ArrayList<>();
        byEvaluator.forEach((e, c) -> progress.add(new Progress(e, c[0], c[1])));
        Filters filters;
        try {
            filters = JSON.readValue((String) p[6], Filters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sampling plan " + id + " has unreadable filters", e);
        }
        OffsetDateTime created = NativeRows.time(p[12]);
        List<Round> rounds = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT round, drawn_at, drawn_by, agents_short, added "
                + "FROM qa_sampling_round WHERE plan_id = ?1 ORDER BY round").setParameter(1, id).getResultList()) {
            rounds.add(new Round(((Number) r[0]).intValue(), NativeRows.time(r[1]), (String) r[2],
                    ((Number) r[3]).intValue(), ((Number) r[4]).intValue()));
        }
        return new PlanView(((Number) p[0]).longValue(), (String) p[1], NativeRows.day(p[2]), NativeRows.day(p[3]), (BigDecimal) p[4],
                ((Number) p[5]).intValue(), filters, evaluators, ((Number) p[8]).longValue(), formCode, formVersion,
                ((Number) p[10]).intValue(), ((Number) p[11]).intValue(), rows.size(), done, progress, assignments,
                rounds, created, (String) p[13]);
    }

    /** Plan ids of a unit (and optionally a period), newest first. */
    @SuppressWarnings("unchecked")
    public List<Long> ids(String unit, PeriodRange range) {
        StringBuilder sql = new StringBuilder("SELECT id FROM qa_sampling_plan WHERE 1 = 1 ");
        if (unit != null) {
            sql.append("AND unit_code = :unit ");
        }
        if (range != null) {
            sql.append("AND period_from <= :to AND period_to >= :from ");
        }
        Query q = em.createNativeQuery(sql.append("ORDER BY id DESC").toString());
        if (unit != null) {
            q.setParameter("unit", unit);
        }
        if (range != null) {
            q.setParameter("from", range.from()).setParameter("to", range.to());
        }
        return ((List<Number>) q.getResultList()).stream().map(Number::longValue).toList();
    }

    private static String json(Filters f) {
        try {
            return JSON.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
