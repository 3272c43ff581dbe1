package io.perfcenter.scoring.run;

import io.perfcenter.scoring.audit.AuditEvent;
import io.perfcenter.scoring.client.MetricsRejection;
import io.perfcenter.scoring.review.Rating;
import io.perfcenter.scoring.rule.RuleContext;
import io.perfcenter.scoring.run.RunPayloads.AgentChange;
import io.perfcenter.scoring.run.RunPayloads.Reproduction;
import io.perfcenter.scoring.run.RunPayloads.RunInput;
import io.perfcenter.scoring.run.RunPayloads.RunSummary;
import io.perfcenter.scoring.run.RunPayloads.RunView;
import io.perfcenter.scoring.run.RunPayloads.SkippedAgent;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardInput;
import io.perfcenter.scoring.scorecard.ScorecardPayloads.ScorecardView;
import io.perfcenter.scoring.scorecard.ScorecardService;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.security.DataScope;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes runs and moves them through their lifecycle. A run reads everything it scores from metrics-service
 * before any transaction is open, then, in one transaction, either finds that the latest revision of the same
 * template, unit and period was computed from exactly the same inputs (and returns it unchanged) or stores the next
 * revision with all its scorecards: if metrics-service fails, nothing is stored.
 */
@ApplicationScoped
public class RunService {

    /** The center's clock (zone perfcenter.time-zone); tests may replace it. */
    @jakarta.inject.Inject
    java.time.Clock clock;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RunService.class);
    private static final Comparator<Scorecard> BEST_FIRST =
            Comparator.comparing((Scorecard s) -> s.rank).thenComparing(s -> s.employeeId);

    private final InputGathering gathering;
    private final ScorecardWriter writer;
    private final Ranking ranking;
    private final Caller caller;
    private final DataScope scope;
    private final EntityManager em;
    private final RunCounters counters;

    RunService(InputGathering gathering, ScorecardWriter writer, Ranking ranking, Caller caller, DataScope scope,
               EntityManager em, RunCounters counters) {
        this.counters = counters;
        this.gathering = gathering;
        this.writer = writer;
        this.ranking = ranking;
        this.caller = caller;
        this.scope = scope;
        this.em = em;
    }

    /** A computed run, and whether it is new (false: the same inputs gave the stored revision back). */
    public record Outcome(RunView run, boolean created) {
    }

    public Outcome compute(RunInput input) {
        return compute(input, true);
    }

    /** With {@code withScorecards} false, the answer leaves out the scorecards and changes (large units). */
    public Outcome compute(RunInput input, boolean withScorecards) {
        if (input.templateCode() == null || input.templateCode().isBlank()) {
            throw Problems.invalid("templateCode", "is required");
        }
        if (input.unitCode() == null || input.unitCode().isBlank()) {
            throw Problems.invalid("unitCode", "is required");
        }
        EvaluationPeriod period = EvaluationPeriod.parse("period", input.period());
        ScorecardTemplate template = template(input.templateCode(), input.templateVersion());
        if (template.retiredAt != null) {
            throw io.perfcenter.scoring.template.TemplateService.retired(template);
        }
        long t0 = System.nanoTime();
        InputGathering.Gathered gathered = gather(template, input.unitCode(), period, input.units());
        List<SubjectInputs> subjects = gathered.subjects();
        long t1 = System.nanoTime();
        String hash = InputsHash.of(template, subjects, gathered.skipped());
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
            CurrentScorecards.checkNoneElsewhere(em, template.code, input.unitCode(), period.code(), subjects);
            return store(template, input.unitCode(), period, subjects, gathered.skipped(), hash, false,
                    withScorecards);
        });
        counters.computed(outcome.created(), subjects.size());
        LOG.infof("%s %s for %s, %s: %d scorecards; inputs fetched in %d ms, scored and stored in %d ms",
                outcome.created() ? "computed revision " + outcome.run().revision() : "unchanged revision "
                        + outcome.run().revision(), template.code, input.unitCode(), period.code(), subjects.size(),
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        return outcome;
    }

    public ScorecardTemplate template(String code, Integer version) {
        if (version != null) {
            return ScorecardTemplate.version(code, version)
                    .orElseThrow(() -> Problems.invalid("templateVersion", "template " + code + " has no version "
                            + version));
        }
        return ScorecardTemplate.latest(code)
                .orElseThrow(() -> Problems.invalid("templateCode", "no template " + code));
    }

    /** The inputs of a run from metrics-service; its refusals named as fields of the caller's request. */
    public InputGathering.Gathered gather(ScorecardTemplate template, String unitCode, EvaluationPeriod period,
                                          List<String> units) {
        try {
            return gathering.gather(template, unitCode, period, units);
        } catch (MetricsRejection rejection) {
            throw relayed(rejection, unitCode);
        }
    }

    /**
     * Stores the next revision (or, unless {@code always}, returns the latest if its inputs hash is the same). Runs
     * in the caller's transaction; what-if previews call it in one they roll back.
     */
    public Outcome store(ScorecardTemplate template, String unitCode, EvaluationPeriod period,
                         List<SubjectInputs> subjects, List<SkippedAgent> skipped, String hash, boolean always,
                         boolean withScorecards) {
        // one computation of a template, unit and period at a time, so that revisions are numbered in order
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:series))")
                .setParameter("series", template.code + "|" + unitCode + "|" + period.code()).getSingleResult();
        ScorecardRun latest = ScorecardRun.<ScorecardRun>find("templateCode = ?1 and unitCode = ?2 and period = ?3 "
                + "order by revision desc", template.code, unitCode, period.code()).firstResult();
        if (!always && latest != null && hash.equals(latest.inputsHash)) {
            return new Outcome(RunView.of(latest, withScorecards ? views(ScorecardService.ofRun(latest.id)) : null,
                    true, null), false);
        }
        ScorecardRun run = new ScorecardRun();
        run.templateId = template.id;
        run.templateCode = template.code;
        run.templateVersion = template.version;
        run.unitCode = unitCode;
        run.period = period.code();
        run.periodFrom = period.from();
        run.periodTo = period.to();
        run.status = ScorecardRun.Status.COMPUTED;
        run.computedAt = OffsetDateTime.now(clock);
        run.computedBy = caller.name();
        run.revision = latest == null ? 1 : latest.revision + 1;
        run.previousRunId = latest == null ? null : latest.id;
        run.inputsHash = hash;
        run.subject = template.optionsOrDefaults().subjectOrDefault();
        run.skipped = skipped.isEmpty() ? null : skipped;
        run.persist();
        em.flush();
        // manual ratings given on the previous revision are inputs too: they carry over
        Map<String, Map<String, List<RuleContext.Rating>>> carried = latest == null ? Map.of()
                : ratingsOfRun(latest.id);
        // so do adjustments accepted on appeals of any earlier revision
        Map<String, Map<String, ScorecardInputs.Adjustment>> adjusted = latest == null ? Map.of()
                : io.perfcenter.scoring.appeal.AcceptedAdjustments.ofSeries(template.code, unitCode, period.code());
        List<ScorecardInputs> inputs = subjects.stream().map(s -> s.inputs().withAdjustments(adjusted.get(
                s.employeeId() + "|" + Objects.toString(s.subjectUnitCode(), "")))).toList();
        long t0 = System.nanoTime();
        // scorecards are independent of each other: computed on every core
        Scorecard[] computed = new Scorecard[subjects.size()];
        java.util.stream.IntStream.range(0, subjects.size()).parallel().forEach(i -> {
            SubjectInputs subject = subjects.get(i);
            String key = subject.employeeId() + "|" + Objects.toString(subject.subjectUnitCode(), "");
            ScorecardCalculator.Result result = ScorecardCalculator.score(template, inputs.get(i),
                    carried.getOrDefault(key, Map.of()), period.code());
            Scorecard card = new Scorecard();
            card.runId = run.id;
            card.employeeId = subject.employeeId();
            card.subjectUnitCode = subject.subjectUnitCode();
            card.unitCode = unitCode;
            card.period = period.code();
            card.templateCode = template.code;
            card.templateVersion = template.version;
            card.total = result.total();
            card.bandGrade = result.grade();
            card.grade = result.grade();
            card.totalExplanation = result.totalExplanation();
            card.status = Scorecard.Status.COMPUTED;
            card.items.addAll(result.items());
            computed[i] = card;
        });
        List<Scorecard> cards = new ArrayList<>(List.of(computed));
        long t1 = System.nanoTime();
        writer.insert(cards, inputs);
        long t2 = System.nanoTime();
        if (latest != null && !carried.isEmpty()) {
            em.createNativeQuery("""
                    INSERT INTO scorecard_rating (scorecard_id, item_code, rater_role, rater_id, scores, comment, rated_at)
                    SELECT n.id, r.item_code, r.rater_role, r.rater_id, r.scores, r.comment, r.rated_at
                    FROM scorecard_rating r
                    JOIN scorecard o ON o.id = r.scorecard_id
                    JOIN scorecard n ON n.run_id = :now AND n.employee_id = o.employee_id
                                    AND n.subject_unit_code IS NOT DISTINCT FROM o.subject_unit_code
                    WHERE o.run_id = :was""").setParameter("now", run.id).setParameter("was", latest.id)
                    .executeUpdate();
        }
        ranking.rank(run.id, template);
        readBackRanks(run.id, cards);
        long t3 = System.nanoTime();
        LOG.debugf("run %d: scored in %d ms, written in %d ms, ranked in %d ms", run.id, (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        AuditEvent.record(run.id, null, null, "RUN_COMPUTED", caller.name(), "revision " + run.revision + " of "
                + template.code + " v" + template.version + " for " + unitCode + ", " + period.code() + ": "
                + cards.size() + " scorecards" + (skipped.isEmpty() ? "" : ", " + skipped.size() + " agents skipped"));
        cards.sort(BEST_FIRST);
        List<AgentChange> changes = latest == null || !withScorecards ? null
                : RunChanges.between(ScorecardService.ofRun(latest.id), cards);
        return new Outcome(RunView.of(run, views(cards), false, changes), true);
    }

    private void readBackRanks(long runId, List<Scorecard> cards) {
        Map<Long, Object[]> ranks = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, rank, percentile, grade FROM scorecard "
                + "WHERE run_id = :run").setParameter("run", runId).getResultList();
        rows.forEach(row -> ranks.put(((Number) row[0]).longValue(), row));
        for (Scorecard card : cards) {
            Object[] row = ranks.get(card.id);
            card.rank = ((Number) row[1]).intValue();
            card.percentile = (BigDecimal) row[2];
            card.grade = (String) row[3];
        }
    }

    /** Ratings of a run's scorecards by employee|subject unit, then item. */
    public static Map<String, Map<String, List<RuleContext.Rating>>> ratingsOfRun(long runId) {
        Map<String, Map<String, List<RuleContext.Rating>>> byCard = new HashMap<>();
        List<Object[]> rows = Rating.getEntityManager().createQuery("select s.employeeId, s.subjectUnitCode, r "
                + "from Rating r, Scorecard s where r.scorecardId = s.id and s.runId = :run order by r.id",
                Object[].class).setParameter("run", runId).getResultList();
        for (Object[] row : rows) {
            Rating r = (Rating) row[2];
            byCard.computeIfAbsent(row[0] + "|" + Objects.toString(row[1], ""), k -> new HashMap<>())
                    .computeIfAbsent(r.itemCode, k -> new ArrayList<>())
                    .add(new RuleContext.Rating(r.raterRole, r.raterId, r.scores));
        }
        return byCard;
    }

    private static List<ScorecardView> views(List<Scorecard> cards) {
        return ScorecardView.all(cards);
    }

    // what metrics-service refused is a field of our request; name it as the caller knows it
    private static RuntimeException relayed(MetricsRejection rejection, String unitCode) {
        String remote = rejection.remoteField() == null ? "" : rejection.remoteField();
        if (rejection.status() == 404) {
            return Problems.invalid("unitCode", "metrics-service knows no unit " + unitCode + " ("
                    + rejection.remoteDetail() + ")");
        }
        if (rejection.status() == 400) {
            String field = switch (remote) {
                case "metric" -> "templateCode";
                case "from", "to" -> "period";
                default -> "unitCode";
            };
            return Problems.invalid(field, "metrics-service refused it: " + rejection.remoteDetail());
        }
        return rejection;
    }

    public ScorecardRun visibleRun(long id) {
        ScorecardRun run = ScorecardRun.<ScorecardRun>findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("Run", id));
        if (!scope.visibility().seesUnit(run.unitCode)) {
            // out of scope answers exactly as an unknown id, so that ids cannot be probed
            throw Problems.notFound("Run", id);
        }
        return run;
    }

    public RunView get(long id) {
        return view(visibleRun(id));
    }

    /** What changed against the previous revision (or the given run of the same template, unit and period). */
    public List<AgentChange> changes(long id, Long against) {
        ScorecardRun run = visibleRun(id);
        Long other = against != null ? against : run.previousRunId;
        if (other == null) {
            return List.of();
        }
        ScorecardRun before = ScorecardRun.<ScorecardRun>findByIdOptional(other)
                .orElseThrow(() -> Problems.invalid("against", "no run " + other));
        if (!before.templateCode.equals(run.templateCode) || !before.unitCode.equals(run.unitCode)
                || !before.period.equals(run.period)) {
            throw Problems.invalid("against", "run " + other + " is not a revision of the same template, unit and "
                    + "period");
        }
        return RunChanges.between(ScorecardService.ofRun(before.id), ScorecardService.ofRun(run.id));
    }

    /**
     * Recomputes every scorecard of the run from its stored template version, inputs and ratings, and compares:
     * results are reproducible when nothing differs. Ranks are left out of the comparison (they come from SQL over
     * the stored totals, which are compared).
     */
    public Reproduction reproduce(long id) {
        ScorecardRun run = visibleRun(id);
        ScorecardTemplate template = ScorecardTemplate.findById(run.templateId);
        List<Scorecard> stored = ScorecardService.ofRun(run.id);
        Map<Long, ScorecardInputs> inputs = new HashMap<>();
        ScorecardInput.<ScorecardInput>list("scorecardId in ?1", stored.stream().map(s -> s.id).toList())
                .forEach(i -> inputs.put(i.scorecardId, i.inputs));
        Map<String, Map<String, List<RuleContext.Rating>>> ratings = ratingsOfRun(run.id);
        List<Scorecard> again = new ArrayList<>();
        for (Scorecard s : stored) {
            ScorecardCalculator.Result result = ScorecardCalculator.score(template,
                    inputs.getOrDefault(s.id, ScorecardInputs.of(Map.of())),
                    ratings.getOrDefault(s.employeeId + "|" + Objects.toString(s.subjectUnitCode, ""), Map.of()),
                    run.period);
            Scorecard copy = new Scorecard();
            copy.employeeId = s.employeeId;
            copy.subjectUnitCode = s.subjectUnitCode;
            copy.total = result.total();
            copy.grade = s.grade;
            copy.rank = s.rank;
            copy.items.addAll(result.items());
            again.add(copy);
        }
        List<AgentChange> differences = RunChanges.between(stored, again);
        return new Reproduction(run.id, differences.isEmpty(), stored.size(), differences);
    }

    public List<RunSummary> list(String period, String unitCode, String templateCode) {
        DataScope.Visibility visibility = scope.visibility();
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (period != null) {
            params.put("period", EvaluationPeriod.parse("period", period).code());
            where.append(" and r.period = :period");
        }
        if (unitCode != null) {
            params.put("unit", unitCode);
            where.append(" and r.unitCode = :unit");
        }
        if (templateCode != null) {
            params.put("template", templateCode);
            where.append(" and r.templateCode = :template");
        }
        if (!visibility.everything()) {
            if (visibility.units().isEmpty()) {
                return List.of();
            }
            params.put("units", visibility.units());
            where.append(" and r.unitCode in :units");
        }
        var query = em.createQuery("""
                select r, (select count(s) from Scorecard s where s.runId = r.id) from ScorecardRun r
                where %s order by r.period desc, r.unitCode, r.id desc""".formatted(where), Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(row -> {
            ScorecardRun r = (ScorecardRun) row[0];
            return new RunSummary(r.id, r.templateCode, r.templateVersion, r.unitCode, r.period, r.status,
                    r.revision, r.computedAt, r.publishedAt, ((Number) row[1]).longValue());
        }).toList();
    }

    /** COMPUTED → IN_REVIEW: agents see their drafts and write self-assessments; supervisors rate and review. */
    @Transactional
    public RunView openReview(long id) {
        ScorecardRun run = locked(id);
        if (run.status != ScorecardRun.Status.COMPUTED) {
            throw Problems.conflict("Run " + id + " is " + run.status + "; only a COMPUTED run can be opened for review");
        }
        run.status = ScorecardRun.Status.IN_REVIEW;
        run.reviewOpenedAt = OffsetDateTime.now(clock);
        run.reviewOpenedBy = caller.name();
        Scorecard.update("status = ?1 where runId = ?2", Scorecard.Status.IN_REVIEW, id);
        AuditEvent.record(run.id, null, null, "REVIEW_OPENED", caller.name(), null);
        return view(run);
    }

    /**
     * Publishes the run and its scorecards (from COMPUTED or IN_REVIEW). A newer revision supersedes the published
     * one of the same template, unit and period, unless that one is locked or has open appeals; an older revision
     * never replaces a newer published one. A template that requires reviews is published only once every scorecard
     * was reviewed. No employee may have a published scorecard of the template and period from another unit's run.
     */
    @Transactional
    public RunView publish(long id) {
        ScorecardRun run = locked(id);
        if (run.status == ScorecardRun.Status.PUBLISHED || run.status == ScorecardRun.Status.LOCKED) {
            throw Problems.conflict("Run " + id + " is published already");
        }
        if (run.status == ScorecardRun.Status.SUPERSEDED) {
            throw Problems.conflict("Run " + id + " was superseded by a newer revision");
        }
        ScorecardTemplate template = ScorecardTemplate.findById(run.templateId);
        if (template.optionsOrDefaults().reviewRequired()) {
            long open = Scorecard.count("runId = ?1 and reviewedAt is null", id);
            if (open > 0) {
                throw Problems.conflict("Template " + run.templateCode + " requires a supervisor review of every "
                        + "scorecard; " + open + " of run " + id + " are not reviewed yet");
            }
        }
        ScorecardRun current = ScorecardRun.<ScorecardRun>find("templateCode = ?1 and unitCode = ?2 and period = ?3 "
                        + "and status in ?4", run.templateCode, run.unitCode, run.period,
                List.of(ScorecardRun.Status.PUBLISHED, ScorecardRun.Status.LOCKED)).firstResult();
        if (current != null) {
            if (current.status == ScorecardRun.Status.LOCKED) {
                throw Problems.conflict("Run " + current.id + " of template " + run.templateCode + " for unit "
                        + run.unitCode + " and " + run.period + " is published and locked");
            }
            if (current.revision > run.revision) {
                throw Problems.conflict("Run " + current.id + " of template " + run.templateCode + " for unit "
                        + run.unitCode + " and " + run.period + " is published already, and newer (revision "
                        + current.revision + ")");
            }
            long appeals = io.perfcenter.scoring.appeal.Appeal.count("runId = ?1 and status = ?2", current.id,
                    io.perfcenter.scoring.appeal.Appeal.Status.OPEN);
            if (appeals > 0) {
                throw Problems.conflict("Run " + current.id + ", published now, has " + appeals + " open appeals; "
                        + "decide them before publishing a new revision");
            }
            current.status = ScorecardRun.Status.SUPERSEDED;
            Scorecard.update("status = ?1 where runId = ?2", Scorecard.Status.SUPERSEDED, current.id);
            AuditEvent.record(current.id, null, null, "RUN_SUPERSEDED", caller.name(), "by run " + run.id
                    + " (revision " + run.revision + ")");
            em.flush();
        }
        CurrentScorecards.checkNonePublishedElsewhere(em, run);
        run.status = ScorecardRun.Status.PUBLISHED;
        run.publishedAt = OffsetDateTime.now(clock);
        run.publishedBy = caller.name();
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw Problems.conflict("Another run of template " + run.templateCode + " for unit " + run.unitCode
                    + " and " + run.period + " was published at the same moment");
        }
        try {
            Scorecard.update("status = ?1 where runId = ?2", Scorecard.Status.PUBLISHED, id);
        } catch (PersistenceException e) {
            // the database's one-current-scorecard index: another unit's run was published at the same moment
            throw CurrentScorecards.publishedAtTheSameMoment(run);
        }
        AuditEvent.record(run.id, null, null, "RUN_PUBLISHED", caller.name(), current == null ? null
                : "supersedes run " + current.id);
        return view(run);
    }

    /** PUBLISHED → LOCKED: closed for appeals and changes; still what incentive-service reads as published. */
    @Transactional
    public RunView lock(long id) {
        ScorecardRun run = locked(id);
        if (run.status != ScorecardRun.Status.PUBLISHED) {
            throw Problems.conflict("Run " + id + " is " + run.status + "; only a PUBLISHED run can be locked");
        }
        long appeals = io.perfcenter.scoring.appeal.Appeal.count("runId = ?1 and status = ?2", id,
                io.perfcenter.scoring.appeal.Appeal.Status.OPEN);
        if (appeals > 0) {
            throw Problems.conflict("Run " + id + " has " + appeals + " open appeals; decide them before locking");
        }
        run.status = ScorecardRun.Status.LOCKED;
        run.lockedAt = OffsetDateTime.now(clock);
        run.lockedBy = caller.name();
        Scorecard.update("status = ?1 where runId = ?2", Scorecard.Status.LOCKED, id);
        AuditEvent.record(run.id, null, null, "RUN_LOCKED", caller.name(), null);
        return view(run);
    }

    private ScorecardRun locked(long id) {
        return ScorecardRun.<ScorecardRun>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("Run", id));
    }

    private RunView view(ScorecardRun run) {
        if (em.isJoinedToTransaction()) {
            // bulk status updates bypass the persistence context: read the scorecards afresh
            em.flush();
            em.clear();
        }
        return RunView.of(run, views(ScorecardService.ofRun(run.id)));
    }
}
