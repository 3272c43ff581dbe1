package io.perfcenter.incentive.run;

import io.perfcenter.incentive.definition.Versions;
import io.perfcenter.incentive.events.Outbox;
import io.perfcenter.incentive.budget.UnitBudget;
import io.perfcenter.incentive.client.MetricAggregates;
import io.perfcenter.incentive.client.MetricsClient;
import io.perfcenter.incentive.client.ReadAs;
import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.client.ScoringClient;
import io.perfcenter.incentive.engagement.PointsService;
import io.perfcenter.incentive.honor.HonorWinnerService;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.run.RunPayloads.RunInput;
import io.perfcenter.incentive.run.RunPayloads.RunSummary;
import io.perfcenter.incentive.run.RunPayloads.RunView;
import io.perfcenter.incentive.run.RunPayloads.SkippedEmployee;
import io.perfcenter.incentive.run.RunPayloads.TeamView;
import io.perfcenter.incentive.salary.Salary;
import io.perfcenter.incentive.salary.SalaryService;
import io.perfcenter.incentive.statement.ComposedStatement;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.FiguresByMeasure;
import io.perfcenter.incentive.statement.Money;
import io.perfcenter.incentive.statement.PayoutStatement;
import io.perfcenter.incentive.statement.StatementService;
import io.perfcenter.incentive.statement.StatementComposer;
import io.perfcenter.incentive.statement.StatementPayloads.StatementView;
import io.perfcenter.incentive.store.Json;
import io.perfcenter.incentive.period.Period;
import io.perfcenter.incentive.web.Problems;
import io.perfcenter.incentive.store.QueryFilters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Computes payout runs from scoring-service's published scorecards (and metrics-service's figures where a plan
 * section needs one the scorecards lack) and approves them. Everything remote is fetched before anything is
 * written; the run and all its statements are then stored in one transaction, so a failure leaves nothing behind.
 * Recomputing is idempotent: identical statements return the live run; changed ones make a new revision.
 */
@ApplicationScoped
public class PayoutRunService {

    /** The center's clock (zone perfcenter.time-zone); tests may replace it. */
    @jakarta.inject.Inject
    java.time.Clock clock;

    private static final Logger LOG = Logger.getLogger(PayoutRunService.class);

    /** A computed run, and whether it is new (201) or the unchanged live run (200). */
    public record Computed(RunView run, boolean created) {
    }

    private final ScoringClient scoring;
    private final MetricsClient metrics;
    private final StatementComposer composer;
    private final StatementService statements;
    private final StatementWriter writer;
    private final HonorWinnerService honors;
    private final SalaryService salaryRegister;
    private final EntityManager em;
    private final PayoutCounters counters;
    private final PointsService points;
    private final Outbox outbox;

    PayoutRunService(ScoringClient scoring, MetricsClient metrics, StatementComposer composer,
                     StatementService statements, StatementWriter writer, HonorWinnerService honors,
                     SalaryService salaryRegister, EntityManager em, PayoutCounters counters, PointsService points,
                     Outbox outbox) {
        this.points = points;
        this.outbox = outbox;
        this.counters = counters;
        this.salaryRegister = salaryRegister;
        this.scoring = scoring;
        this.metrics = metrics;
        this.composer = composer;
        this.statements = statements;
        this.writer = writer;
        this.honors = honors;
        this.em = em;
    }

    public Computed compute(RunInput input, String createdBy) {
        if (input == null) {
            throw Problems.invalid("body", "is required");
        }
        if (input.planCode() == null || input.planCode().isBlank()) {
            throw Problems.invalid("planCode", "is required");
        }
        Period month = Period.month(Period.parseMonth("period", input.period()));
        if (input.unitCode() == null || input.unitCode().isBlank()) {
            throw Problems.invalid("unitCode", "is required");
        }
        IncentivePlan plan = IncentivePlan.latest(input.planCode())
                .orElseThrow(() -> Problems.invalid("planCode", "no plan " + input.planCode() + " exists"));
        if (plan.retiredAt != null) {
            throw Versions.retired("Plan", plan.code, plan.retiredAt, plan.retiredBy);
        }
        // fail fast before asking scoring; checked again under the lock below
        PayoutRun.live(plan.code, input.period(), input.unitCode())
                .filter(r -> r.status == RunStatus.APPROVED).ifPresent(PayoutRunService::rejectLocked);

        long start = System.nanoTime();
        List<Scorecard> cards = published(input.period(), input.unitCode());
        long fetched = System.nanoTime();
        MetricAggregates figures = figures(plan.sections(), cards, input.unitCode(), month);
        // positions weigh target bonuses; the org directory owns them, asked only when the plan has weights
        Map<String, String> positions = plan.sections().targets() == null
                || plan.sections().targets().positionWeights() == null ? Map.of()
                : metrics.positions(ReadAs.SERVICE, input.unitCode(), month.from(), month.to());
        long metricsDone = System.nanoTime();
        Computed computed = QuarkusTransaction.requiringNew().call(() -> store(plan.id, input, month, cards,
                figures, positions, createdBy));
        counters.computed(computed);
        LOG.infof("run %d (%s, %s, %s) %s: %d statements; scorecards %d ms, metrics %d ms, compute and store %d ms",
                computed.run().id(), plan.code, input.period(), input.unitCode(),
                computed.created() ? "revision " + computed.run().revision() : "unchanged", cards.size(),
                (fetched - start) / 1_000_000, (metricsDone - fetched) / 1_000_000,
                (System.nanoTime() - metricsDone) / 1_000_000);
        return computed;
    }

    /** The unit's published (or locked) scorecards of the period, one per employee. */
    private List<Scorecard> published(String period, String unitCode) {
        // scoring was asked for exactly these; anything else it might list is left out, never paid
        Predicate<Scorecard> usable = c -> c != null && c.employeeId() != null && !c.employeeId().isBlank()
                && c.isFinal()
                && (c.period() == null || period.equals(c.period()));
        List<Scorecard> cards = scoring.publishedScorecards(ReadAs.SERVICE, period, unitCode).stream().filter(usable).toList();
        if (cards.isEmpty()) {
            throw Problems.scoresNotPublished("scoring-service has no published scorecards of unit " + unitCode
                    + " for " + period + ": scoring must publish the period's scorecards before payouts are computed");
        }
        Set<String> employees = new HashSet<>();
        for (Scorecard card : cards) {
            if (!employees.add(card.employeeId())) {
                throw Problems.conflict("scoring-service lists two published scorecards of " + card.employeeId()
                        + " for " + period + "; a payout needs exactly one");
            }
        }
        return cards;
    }

    /**
     * Asks metrics-service for the metrics the plan reads that some scorecard lacks (a team target's metric always,
     * for the unit's own value); none when the scorecards have them all, as for a plan of performance pay only.
     */
    private MetricAggregates figures(PlanSections sections, List<Scorecard> cards, String unitCode, Period period) {
        Set<String> needed = new TreeSet<>();
        for (String code : FiguresByMeasure.metricCodes(StatementComposer.measures(sections))) {
            boolean teamMeasure = sections.teamReward() != null && code.equals(sections.teamReward().measure());
            if (teamMeasure || cards.stream().anyMatch(c -> c.metricValue(code) == null)) {
                needed.add(code);
            }
        }
        if (needed.isEmpty()) {
            return MetricAggregates.none();
        }
        MetricAggregates found = metrics.ofUnit(ReadAs.SERVICE, unitCode, List.copyOf(needed), period.from(), period.to());
        return found == null ? MetricAggregates.none() : found;
    }

    private Computed store(long planId, RunInput input, Period month, List<Scorecard> published,
                           MetricAggregates figures, Map<String, String> positions, String createdBy) {
        IncentivePlan plan = IncentivePlan.findById(planId);
        List<Scorecard> cards = published;
        // one computation per plan and period at a time, whatever the unit: who another unit's run pays already
        // must not change between the check below and the commit; released at commit
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('payout_run:' || ?1))")
                .setParameter(1, plan.code + '|' + input.period()).getSingleResult();
        Optional<PayoutRun> live = PayoutRun.live(plan.code, input.period(), input.unitCode());
        if (live.isPresent() && live.get().status == RunStatus.APPROVED) {
            rejectLocked(live.get());
        }
        List<SkippedEmployee> skipped = writer.paidElsewhere(plan.code, input.period(), input.unitCode(),
                cards.stream().map(Scorecard::employeeId).toList());
        if (!skipped.isEmpty()) {
            Set<String> out = new HashSet<>();
            skipped.forEach(s -> out.add(s.employeeId()));
            cards = cards.stream().filter(c -> !out.contains(c.employeeId())).toList();
        }

        // the salary in effect on the month's last day: a later raise never changes an earlier month
        Map<String, Salary> salaries = salaryRegister.inEffect(cards.stream().map(Scorecard::employeeId).toList(),
                month.to());
        Optional<UnitBudget> budget = UnitBudget.of(input.unitCode(), input.period());
        Map<String, List<io.perfcenter.incentive.statement.UnitOutcome.HonorWin>> won =
                plan.sections().honorPrizes() == null ? Map.of()
                        : honors.winsPaidIn(month.months().get(0), input.unitCode());
        // engagement points are read only for a plan that converts them: points are not money otherwise
        Map<String, io.perfcenter.incentive.statement.UnitOutcome.PointsEarned> points =
                plan.sections().pointsConversion() == null ? Map.of()
                        : this.points.earnedIn(input.period(), cards.stream().map(Scorecard::employeeId).toList());
        long read = System.nanoTime();
        StatementComposer.Composed composed = composer.compose(new StatementComposer.Inputs(plan, input.period(),
                input.unitCode(), cards, salaries, positions, figures, won, budget.map(b -> b.amount).orElse(null),
                budget.map(b -> b.currency).orElse(null), points));
        long composedAt = System.nanoTime();
        String skippedJson = Json.write(skipped);
        String fingerprint = fingerprint(plan, composed, skippedJson);
        long hashed = System.nanoTime();
        if (live.isPresent() && fingerprint.equals(live.get().fingerprint)) {
            return new Computed(RunView.of(live.get(), statements.ofRun(live.get())), false);
        }
        live.ifPresent(previous -> previous.status = RunStatus.SUPERSEDED);
        em.flush(); // the superseded run must leave the "one live run" index before the new one enters it
        // ... and its statements the "one current statement per employee, period and plan" index
        live.ifPresent(previous -> PayoutStatement.update("current = false where run.id = ?1", previous.id));

        PayoutRun run = new PayoutRun();
        run.planId = plan.id;
        run.planCode = plan.code;
        run.planVersion = plan.version;
        run.period = input.period();
        run.unitCode = input.unitCode();
        run.status = RunStatus.COMPUTED;
        run.revision = live.map(p -> p.revision + 1).orElse(1);
        run.previousRunId = live.map(p -> p.id).orElse(null);
        run.fingerprint = fingerprint;
        run.currency = plan.currency;
        run.createdAt = OffsetDateTime.now(clock);
        run.createdBy = createdBy;
        run.statementCount = composed.statements().size();
        run.flaggedCount = (int) composed.statements().stream().filter(s -> !s.flags().isEmpty()).count();
        run.totalAmount = composed.statements().stream().map(ComposedStatement::total).filter(a -> a != null)
                .reduce(BigDecimal.ZERO.setScale(Money.SCALE), BigDecimal::add);
        run.budgetJson = composed.budget() == null ? null : Json.write(composed.budget());
        run.teamJson = Json.write(TeamView.of(composed.unit()));
        run.skippedJson = skippedJson;
        run.persist();
        em.flush();
        List<StatementView> views = writer.write(run, composed.statements());
        LOG.debugf("run %d: compose %d ms, fingerprint %d ms, write %d ms", run.id, (composedAt - read) / 1_000_000,
                (hashed - composedAt) / 1_000_000, (System.nanoTime() - hashed) / 1_000_000);
        return new Computed(RunView.of(run, views), true);
    }

    /** SHA-256 of the plan version and everything the run computed: equal fingerprints, equal statements. */
    private static String fingerprint(IncentivePlan plan, StatementComposer.Composed composed, String skipped) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        // fields separated by a byte no text contains, so that no two different runs feed the same bytes
        StringBuilder text = new StringBuilder(256);
        text.append("plan\u0000").append(plan.id).append('\u0001')
                .append(Json.write(TeamView.of(composed.unit()))).append('\u0001')
                .append(Json.write(composed.budget())).append('\u0001').append(skipped).append('\u0001');
        sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
        for (ComposedStatement s : composed.statements()) {
            text.setLength(0);
            text.append(s.employeeId()).append('\u0000').append(s.unitCode()).append('\u0000');
            List<String> sources = s.sourcesJson();
            for (int i = 0; i < s.lines().size(); i++) {
                ComputedLine l = s.lines().get(i);
                // both texts: a run stored without its Chinese ones (before V8) is not the same run
                text.append(l.kind()).append('\u0000').append(l.amount()).append('\u0000').append(l.explained().en())
                        .append('\u0000').append(l.explained().zh()).append('\u0000').append(sources.get(i))
                        .append('\u0000').append(l.monetary()).append('\u0001');
            }
            sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The data of {@code statement.approved}: the statement's total, not its lines. */
    public record StatementApproved(long statementId, long runId, String planCode, String period, String employeeId,
                                    String unitCode, String currency, java.math.BigDecimal total) {
    }

    /** The data of {@code payout-run.approved}. */
    public record RunApproved(long runId, String planCode, String period, String unitCode, String currency,
                              java.math.BigDecimal total, int statements, String approvedBy) {
    }

    /** Approval is final: the run and its statements are locked from then on. */
    @Transactional
    public RunView approve(long id, String approvedBy) {
        PayoutRun run = PayoutRun.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            throw Problems.notFound("Run", Long.toString(id));
        }
        if (run.status == RunStatus.APPROVED) {
            rejectLocked(run);
        }
        if (run.status == RunStatus.SUPERSEDED) {
            throw Problems.conflict("Run " + id + " was superseded by a later computation; approve that one");
        }
        run.status = RunStatus.APPROVED;
        run.approvedAt = OffsetDateTime.now(clock);
        run.approvedBy = approvedBy;
        List<StatementView> approved = statements.ofRun(run);
        // one event per statement (subject the employee, so each agent can be told), then the run's
        // (set-based: one insert per thousand events rather than an entity each)
        List<Outbox.Emission> events = new java.util.ArrayList<>(approved.size() + 1);
        for (StatementView s : approved) {
            events.add(new Outbox.Emission("statement.approved", s.employeeId(), new StatementApproved(s.id(), run.id,
                    run.planCode, s.period(), s.employeeId(), s.unitCode(), s.currency(), s.total())));
        }
        events.add(new Outbox.Emission("payout-run.approved", "run-" + run.id, new RunApproved(run.id, run.planCode,
                run.period, run.unitCode, run.currency, run.totalAmount, approved.size(), approvedBy)));
        outbox.emitAll(events);
        return RunView.of(run, approved);
    }

    @Transactional
    public RunView get(long id) {
        PayoutRun run = find(id);
        return RunView.of(run, statements.ofRun(run));
    }

    /** The run without its statements. */
    @Transactional
    public RunSummary summary(long id) {
        return RunSummary.of(find(id));
    }

    /** What changed per agent against the revision the run superseded. */
    @Transactional
    public RunPayloads.RunChanges changes(long id) {
        PayoutRun run = find(id);
        PayoutRun previous = run.previousRunId == null ? null : PayoutRun.findById(run.previousRunId);
        List<StatementView> before = previous == null ? List.of() : statements.ofRun(previous);
        return RunDiff.between(run, previous, before, statements.ofRun(run));
    }

    /** A payroll file: what approved runs are for. */
    public record Export(byte[] content, String mediaType, String fileName) {
    }

    @Transactional
    public Export export(long id, String format) {
        String wanted = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
        if (!wanted.equals("csv") && !wanted.equals("xlsx")) {
            throw Problems.invalid("format", "must be csv or xlsx");
        }
        PayoutRun run = find(id);
        if (run.status != RunStatus.APPROVED) {
            throw Problems.runNotApproved("Run " + id + " is " + run.status + ": only approved runs are exported "
                    + "for payroll");
        }
        RunView view = RunView.of(run, statements.forPayroll(run));
        String name = "payroll-" + run.planCode + "-" + run.period + "-" + run.unitCode + "-r" + run.revision + "."
                + wanted;
        return wanted.equals("csv") ? new Export(PayrollExport.csv(view), PayrollExport.CSV + "; charset=UTF-8", name)
                : new Export(PayrollExport.xlsx(view), PayrollExport.XLSX, name);
    }

    private static PayoutRun find(long id) {
        PayoutRun run = PayoutRun.findById(id);
        if (run == null) {
            throw Problems.notFound("Run", Long.toString(id));
        }
        return run;
    }

    /** Runs matching the filters, newest first; {@code units} limits them to those units unless null. */
    public List<RunSummary> list(String period, String unitCode, String planCode, RunStatus status,
                                 List<String> units) {
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        QueryFilters filters = new QueryFilters().and("r.period = :period", "period", period)
                .and("r.unitCode = :unit", "unit", unitCode).and("r.planCode = :plan", "plan", planCode)
                .and("r.status = :status", "status", status).and("r.unitCode IN :units", "units", units);
        return filters.bind(em.createQuery("SELECT r FROM PayoutRun r WHERE 1 = 1" + filters.conditions()
                        + " ORDER BY r.id DESC", PayoutRun.class))
                .getResultList().stream().map(RunSummary::of).toList();
    }

    static void rejectLocked(PayoutRun run) {
        throw Problems.runLocked("Run " + run.id + " (" + run.planCode + ", " + run.period + ", " + run.unitCode
                + ") was approved by " + run.approvedBy + " and is locked");
    }
}
