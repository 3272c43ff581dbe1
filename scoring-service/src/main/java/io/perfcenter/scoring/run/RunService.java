package io.perfcenter.scoring.run;

import io.perfcenter.scoring.audit.AuditEvent;
import io.perfcenter.scoring.client.MetricsRejection;
import io.perfcenter.scoring.rule.Explanation;
import io.perfcenter.scoring.rule.RuleContext;
import io.perfcenter.scoring.run.RunPayloads.AgentChange;
import io.perfcenter.scoring.run.RunPayloads.Reproduction;
import io.perfcenter.scoring.run.RunPayloads.RunInput;
import io.perfcenter.scoring.run.RunPayloads.RunView;
import io.perfcenter.scoring.run.RunPayloads.SkippedAgent;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardInput;
import io.perfcenter.scoring.scorecard.ScorecardPayloads.ScorecardView;
import io.perfcenter.scoring.scorecard.ScorecardService;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes runs: a run reads everything it scores from metrics-service before any transaction is open, then, in one
 * transaction, either finds that the latest revision of the same template, unit and period was computed from exactly
 * the same inputs (and returns it unchanged) or stores the next revision with all its scorecards, carrying over the
 * manual ratings and appeal adjustments of the series: if metrics-service fails, nothing is stored. Also reproduces a
 * stored run from its inputs. The run's lifecycle after that is {@link RunLifecycleService}'s, reading runs
 * {@link RunQueryService}'s.
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
    private final Caller caller;
    private final EntityManager em;
    private final RunCounters counters;
    private final RunQueryService queries;

    RunService(InputGathering gathering, ScorecardWriter writer, Caller caller, EntityManager em,
               RunCounters counters, RunQueryService queries) {
        this.counters = counters;
        this.gathering = gathering;
        this.writer = writer;
        this.caller = caller;
        this.em = em;
        this.queries = queries;
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
            List<ScorecardView> cards = withScorecards ? ScorecardView.all(ScorecardService.ofRun(latest.id)) : null;
            return new Outcome(RunView.of(latest, cards, true, null), false);
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
                : CarriedRatings.ofRun(latest.id);
        // so do adjustments accepted on appeals of any earlier revision
        Map<String, Map<String, ScorecardInputs.Adjustment>> adjusted = latest == null ? Map.of()
                : io.perfcenter.scoring.appeal.AcceptedAdjustments.ofSeries(template.code, unitCode, period.code());
        List<ScorecardInputs> inputs = subjects.stream().map(s -> s.inputs().withAdjustments(adjusted.get(
                CarriedRatings.key(s.employeeId(), s.subjectUnitCode())))).toList();
        long t0 = System.nanoTime();
        // scorecards are independent of each other: computed on every core
        Scorecard[] computed = new Scorecard[subjects.size()];
        java.util.stream.IntStream.range(0, subjects.size()).parallel().forEach(i -> {
            SubjectInputs subject = subjects.get(i);
            String key = CarriedRatings.key(subject.employeeId(), subject.subjectUnitCode());
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
            card.totalExplanation = result.totalExplanation().en();
            card.totalExplanationZh = result.totalExplanation().zh();
            card.status = Scorecard.Status.COMPUTED;
            card.items.addAll(result.items());
            computed[i] = card;
        });
        List<Scorecard> cards = new ArrayList<>(List.of(computed));
        // ranked before they are written (the same code re-ranks a stored run after a change): each row written once
        Ranking.assign(cards, template);
        long t1 = System.nanoTime();
        writer.insert(cards, inputs);
        long t2 = System.nanoTime();
        if (latest != null && !carried.isEmpty()) {
            CarriedRatings.copy(em, latest.id, run.id);
        }
        LOG.debugf("run %d: scored and ranked in %d ms, written in %d ms", run.id, (Object) ((t1 - t0) / 1_000_000),
                (Object) ((t2 - t1) / 1_000_000));
        AuditEvent.record(run.id, null, null, "RUN_COMPUTED", caller.name(), Explanation.of("revision "
                + run.revision + " of " + template.code + " v" + template.version + " for " + unitCode + ", "
                + period.code() + ": " + cards.size() + " scorecards"
                + (skipped.isEmpty() ? "" : ", " + skipped.size() + " agents skipped"),
                template.code + " v" + template.version + " 第 " + run.revision + " 次修订，" + unitCode + "，"
                + period.code() + "：" + cards.size() + " 张考核表" + (skipped.isEmpty() ? "" : "，跳过 "
                + skipped.size() + " 名坐席")));
        if (!withScorecards) {
            // the answer leaves them out: no views of ten thousand scorecards made only to be dropped
            return new Outcome(RunView.of(run, null, false, null), true);
        }
        cards.sort(BEST_FIRST);
        List<AgentChange> changes = latest == null ? null
                : RunChanges.between(ScorecardService.ofRun(latest.id), cards);
        return new Outcome(RunView.of(run, ScorecardView.all(cards), false, changes), true);
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

    /**
     * Recomputes every scorecard of the run from its stored template version, inputs and ratings, and compares:
     * results are reproducible when nothing differs. Ranks are left out of the comparison (they come from SQL over
     * the stored totals, which are compared).
     */
    public Reproduction reproduce(long id) {
        ScorecardRun run = queries.visibleRun(id);
        ScorecardTemplate template = ScorecardTemplate.findById(run.templateId);
        List<Scorecard> stored = ScorecardService.ofRun(run.id);
        Map<Long, ScorecardInputs> inputs = new HashMap<>();
        ScorecardInput.<ScorecardInput>list("scorecardId in ?1", stored.stream().map(s -> s.id).toList())
                .forEach(i -> inputs.put(i.scorecardId, i.inputs));
        Map<String, Map<String, List<RuleContext.Rating>>> ratings = CarriedRatings.ofRun(run.id);
        List<Scorecard> again = new ArrayList<>();
        for (Scorecard s : stored) {
            ScorecardCalculator.Result result = ScorecardCalculator.score(template,
                    inputs.getOrDefault(s.id, ScorecardInputs.of(Map.of())),
                    ratings.getOrDefault(CarriedRatings.key(s.employeeId, s.subjectUnitCode), Map.of()),
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
}
