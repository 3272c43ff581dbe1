package io.perfcenter.scoring.improvement;

import io.perfcenter.scoring.client.MetricsClient;
import io.perfcenter.scoring.client.MetricsPayloads.AgentAggregates;
import io.perfcenter.scoring.client.MetricsPayloads.AggregateReport;
import io.perfcenter.scoring.client.MetricsPayloads.MetricAggregate;
import io.perfcenter.scoring.client.MetricsRejection;
import io.perfcenter.scoring.events.Outbox;
import io.perfcenter.scoring.improvement.ImprovementPayloads.CheckInInput;
import io.perfcenter.scoring.improvement.ImprovementPayloads.CheckInView;
import io.perfcenter.scoring.improvement.ImprovementPayloads.ConsequenceInput;
import io.perfcenter.scoring.improvement.ImprovementPayloads.ConsequenceKind;
import io.perfcenter.scoring.improvement.ImprovementPayloads.ConsequenceView;
import io.perfcenter.scoring.improvement.ImprovementPayloads.Evaluation;
import io.perfcenter.scoring.improvement.ImprovementPayloads.Goal;
import io.perfcenter.scoring.improvement.ImprovementPayloads.GoalResult;
import io.perfcenter.scoring.improvement.ImprovementPayloads.PlanInput;
import io.perfcenter.scoring.improvement.ImprovementPayloads.PlanView;
import io.perfcenter.scoring.improvement.ImprovementPayloads.Status;
import io.perfcenter.scoring.improvement.ImprovementPayloads.Window;
import io.perfcenter.scoring.improvement.ImprovementPayloads.WindowFigure;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Improvement plans (绩效改进计划): made by the agent's coach (a leader of their unit, hr or admin) with goals measured
 * by metrics, check-ins by either side, the outcome evaluated from metrics-service's figures on an explicit evaluate
 * action (stored, so reading never calls metrics-service), and after a miss the consequence the coach records with its
 * reason. The figures are read as the service itself (role service, acting for the evaluator), so the outcome is the
 * same whoever evaluates; the evaluator must read the plan.
 */
@ApplicationScoped
public class ImprovementPlanService {

    static final Pattern METRIC_CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_DAYS = 366;
    static final int MAX_GOALS = 10;
    static final int MAX_REASON = 2000;
    static final int MAX_NOTE = 4000;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    /** The data of {@code improvement-plan.met} and {@code improvement-plan.missed} (subject: the agent). */
    public record PlanEvent(long planId, String employeeId, String unitCode, LocalDate dueDate, Status status,
                            String explanation) {
    }

    private final Caller caller;
    private final PlanAccess access;
    private final MetricsClient metrics;

    ImprovementPlanService(Caller caller, PlanAccess access, MetricsClient metrics) {
        this.caller = caller;
        this.access = access;
        this.metrics = metrics;
    }

    public PlanView create(PlanInput input) {
        check(input);
        if (caller.employeeId().map(input.employeeId()::equals).orElse(false)) {
            throw Problems.outOfScope("A plan of your own is made by your own leader");
        }
        if (!access.everything() && !access.ledUnits().contains(input.unitCode())) {
            throw Problems.outOfScope("Unit " + input.unitCode() + " is not one you lead");
        }
        boolean member = metrics.members(input.unitCode(), input.startDate(), input.startDate()).stream()
                .anyMatch(m -> m.employeeId().equals(input.employeeId()));
        if (!member) {
            throw Problems.invalid("employeeId", "is not a member of unit " + input.unitCode()
                    + " (or a unit below it) on " + input.startDate());
        }
        if (input.scorecardId() != null) {
            Scorecard scorecard = Scorecard.findById(input.scorecardId());
            if (scorecard == null || !scorecard.employeeId.equals(input.employeeId())) {
                throw Problems.invalid("scorecardId", "no scorecard " + input.scorecardId() + " of "
                        + input.employeeId());
            }
        }
        // the metrics exist in the catalog: metrics-service refuses an unknown one
        figures(input.employeeId(), input.goals().stream().map(Goal::metricCode).distinct().toList(),
                input.startDate(), input.startDate());
        return QuarkusTransaction.requiringNew().call(() -> {
            ImprovementPlan plan = new ImprovementPlan();
            plan.employeeId = input.employeeId();
            plan.unitCode = input.unitCode();
            plan.startDate = input.startDate();
            plan.dueDate = input.dueDate();
            plan.reason = blankToNull(input.reason());
            plan.scorecardId = input.scorecardId();
            plan.goals = PlanJson.write(input.goals().stream().map(g -> new Goal(g.metricCode(), g.comparison(),
                    g.value(), g.window(), g.windows())).toList());
            plan.createdBy = caller.name();
            plan.createdAt = OffsetDateTime.now(clock);
            plan.persist();
            return view(plan);
        });
    }

    public PlanView get(long id) {
        return view(access.readable(id));
    }

    /** Plans in scope, oldest first, optionally of one agent, unit or status. */
    public List<PlanView> list(String employeeId, String unitCode, String status) {
        Status wanted = null;
        if (status != null) {
            try {
                wanted = Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problems.invalid("status", "must be one of IN_PROGRESS, MET, MISSED");
            }
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (employeeId != null) {
            query.append(" and employeeId = :employee");
            params.put("employee", employeeId);
        }
        if (unitCode != null) {
            query.append(" and unitCode = :unit");
            params.put("unit", unitCode);
        }
        if (wanted != null) {
            query.append(" and status = :status");
            params.put("status", wanted);
        }
        if (!access.everything()) {
            // scope fails closed: without an employee id nobody owns a plan nor leads a unit
            String own = caller.employeeId().orElse(null);
            List<String> units = access.ledUnits();
            if (own == null) {
                return List.of();
            }
            query.append(" and (employeeId = :own").append(units.isEmpty() ? ")" : " or unitCode in :units)");
            params.put("own", own);
            if (!units.isEmpty()) {
                params.put("units", units);
            }
        }
        List<ImprovementPlan> plans = ImprovementPlan.list(query + " order by id", params);
        return plans.stream().map(this::view).toList();
    }

    public PlanView checkIn(long id, CheckInInput input) {
        if (input.note() == null || input.note().isBlank()) {
            throw Problems.invalid("note", "is required");
        }
        if (input.note().length() > MAX_NOTE) {
            throw Problems.invalid("note", "at most " + MAX_NOTE + " characters");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            ImprovementPlan plan = access.readable(id);
            CheckIn checkIn = new CheckIn();
            checkIn.planId = plan.id;
            checkIn.authorRole = access.own(plan) ? "AGENT" : "COACH";
            checkIn.author = caller.name();
            checkIn.note = input.note().strip();
            checkIn.createdAt = OffsetDateTime.now(clock);
            checkIn.persist();
            return view(plan);
        });
    }

    /**
     * Evaluates the plan from the figures of the windows that have ended (their last day before today, in the
     * center's calendar): MET when every goal held in its run of windows, MISSED when the due date has passed
     * without that, IN_PROGRESS otherwise. A MET or MISSED plan is settled: evaluating it again answers it unchanged
     * (an EXTENDED consequence opens a missed plan again).
     */
    public PlanView evaluate(long id) {
        return view(settle(access.readable(id), caller.name()));
    }

    /**
     * The evaluation itself, for the explicit action (as the caller, who reads the plan) and for the scheduled check
     * ({@link ImprovementPlanCheck}, as the service): figures read, outcome stored with the evaluator's name and, when
     * the plan is settled, {@code improvement-plan.met} or {@code .missed} emitted in the same transaction. The plan's
     * row is locked while the outcome is stored, so two evaluations at the same moment (a coach's and the check's, or
     * two replicas') settle it once and emit one event: the second finds it settled and changes nothing. Answers the
     * plan as stored.
     */
    ImprovementPlan settle(ImprovementPlan plan, String evaluator) {
        long id = plan.id;
        if (plan.status != Status.IN_PROGRESS) {
            return plan;
        }
        LocalDate today = LocalDate.now(clock);
        List<Goal> goals = PlanJson.goals(plan.goals);
        Map<Window, Map<LocalDate, Map<String, MetricAggregate>>> figures = new HashMap<>();
        for (Window window : Window.values()) {
            List<String> codes = goals.stream().filter(g -> g.window() == window).map(Goal::metricCode).distinct()
                    .toList();
            if (codes.isEmpty()) {
                continue;
            }
            Map<LocalDate, Map<String, MetricAggregate>> byStart = new HashMap<>();
            for (LocalDate[] w : GoalWindows.between(window, plan.startDate, plan.dueDate)) {
                if (w[1].isBefore(today)) {
                    byStart.put(w[0], figures(plan.employeeId, codes, w[0], w[1]));
                }
            }
            figures.put(window, byStart);
        }
        List<GoalResult> results = new ArrayList<>();
        for (Goal goal : goals) {
            List<WindowFigure> windows = new ArrayList<>();
            for (LocalDate[] w : GoalWindows.between(goal.window(), plan.startDate, plan.dueDate)) {
                Map<String, MetricAggregate> values = figures.getOrDefault(goal.window(), Map.of()).get(w[0]);
                if (values == null) {
                    continue;
                }
                MetricAggregate value = values.get(goal.metricCode());
                windows.add(new WindowFigure(w[0], w[1], value == null ? null : value.value(),
                        value == null ? null : value.samples(), GoalWindows.holds(goal, value == null ? null
                        : value.value())));
            }
            results.add(GoalWindows.judge(goal, windows));
        }
        Evaluation evaluation = outcome(results, plan.dueDate, today);
        return QuarkusTransaction.requiringNew().call(() -> {
            ImprovementPlan stored = ImprovementPlan.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (stored.status != Status.IN_PROGRESS || !stored.dueDate.equals(plan.dueDate)) {
                return stored;
            }
            stored.status = evaluation.status();
            stored.awaitingConsequence = evaluation.status() == Status.MISSED;
            stored.evaluation = PlanJson.write(evaluation);
            stored.evaluatedAt = OffsetDateTime.now(clock);
            stored.evaluatedBy = evaluator;
            if (evaluation.status() != Status.IN_PROGRESS) {
                // the plan came due (MISSED: its coach owes a consequence) or was met: the agent and the coach hear
                outbox.emit("improvement-plan." + evaluation.status().name().toLowerCase(java.util.Locale.ROOT),
                        stored.employeeId, new PlanEvent(stored.id, stored.employeeId, stored.unitCode,
                                stored.dueDate, evaluation.status(), evaluation.explanation()));
            }
            return stored;
        });
    }

    static Evaluation outcome(List<GoalResult> results, LocalDate due, LocalDate today) {
        if (results.stream().allMatch(GoalResult::met)) {
            LocalDate last = results.stream().map(GoalResult::metTo).max(LocalDate::compareTo).orElse(due);
            return new Evaluation(Status.MET, today, results, "MET: every goal held (the last by " + last + ")",
                    "已达成：所有目标均已达成（最后一项于 " + last + " 达成）");
        }
        long open = results.stream().filter(r -> !r.met()).count();
        if (today.isAfter(due)) {
            return new Evaluation(Status.MISSED, today, results, "MISSED: " + open + " of " + results.size()
                    + " goals did not hold by the due date " + due + "; the coach records the consequence",
                    "未达成：截至到期日 " + due + "，" + results.size() + " 个目标中有 " + open + " 个未达成；由辅导人记录"
                    + "后续处理");
        }
        return new Evaluation(Status.IN_PROGRESS, today, results, "IN_PROGRESS: " + open + " of " + results.size()
                + " goals not yet held; due " + due, "进行中：" + results.size() + " 个目标中有 " + open
                + " 个尚未达成；到期日 " + due);
    }

    public PlanView recordConsequence(long id, ConsequenceInput input) {
        ImprovementPlan plan = access.coached(id);
        if (input.kind() == null) {
            throw Problems.invalid("kind", "is required: one of RETRAINING, REASSIGNMENT, EXTENDED, NONE");
        }
        if (input.reason() == null || input.reason().isBlank()) {
            throw Problems.invalid("reason", "is required: a consequence is never silent");
        }
        if (input.reason().length() > MAX_REASON) {
            throw Problems.invalid("reason", "at most " + MAX_REASON + " characters");
        }
        if (input.kind() == ConsequenceKind.EXTENDED) {
            if (input.extendedTo() == null) {
                throw Problems.invalid("extendedTo", "is required when the plan is EXTENDED");
            }
            if (!input.extendedTo().isAfter(plan.dueDate)) {
                throw Problems.invalid("extendedTo", "must be after the due date " + plan.dueDate);
            }
            if (input.extendedTo().isAfter(plan.startDate.plusDays(MAX_DAYS))) {
                throw Problems.invalid("extendedTo", "a plan spans at most " + MAX_DAYS + " days from its start "
                        + plan.startDate);
            }
        } else if (input.extendedTo() != null) {
            throw Problems.invalid("extendedTo", "only when the plan is EXTENDED");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            ImprovementPlan stored = ImprovementPlan.findById(id);
            if (stored.status != Status.MISSED) {
                throw Problems.conflict("Improvement plan " + id + " is " + stored.status
                        + "; a consequence follows a MISSED evaluation");
            }
            if (!stored.awaitingConsequence) {
                throw Problems.conflict("Improvement plan " + id + " has its consequence already");
            }
            Consequence consequence = new Consequence();
            consequence.planId = stored.id;
            consequence.kind = input.kind();
            consequence.reason = input.reason().strip();
            consequence.previousDue = stored.dueDate;
            consequence.extendedTo = input.extendedTo();
            consequence.decidedBy = caller.name();
            consequence.decidedAt = OffsetDateTime.now(clock);
            consequence.persist();
            stored.awaitingConsequence = false;
            if (input.kind() == ConsequenceKind.EXTENDED) {
                stored.dueDate = input.extendedTo();
                stored.status = Status.IN_PROGRESS;
            }
            return view(stored);
        });
    }

    /** The agent's figures of the metrics over the days, read as the service (acting for the caller). */
    private Map<String, MetricAggregate> figures(String employeeId, List<String> codes, LocalDate from, LocalDate to) {
        AggregateReport report;
        try {
            report = metrics.aggregatesOfAgentAsService(employeeId, codes, from, to);
        } catch (MetricsRejection rejection) {
            if (rejection.status() == 404) {
                throw Problems.invalid("employeeId", "metrics-service knows no agent " + employeeId);
            }
            if (rejection.status() == 400) {
                throw Problems.invalid("goals", "metrics-service refused the metrics " + codes + ": "
                        + rejection.remoteDetail());
            }
            throw rejection;
        }
        if (report.agents() == null || report.agents().isEmpty()) {
            return Map.of();
        }
        AgentAggregates agent = report.agents().get(0);
        return agent.values() == null ? Map.of() : agent.values();
    }

    private static void check(PlanInput input) {
        if (input.employeeId() == null || !CODE.matcher(input.employeeId()).matches()) {
            throw Problems.invalid("employeeId", "is required: an employee id (letters, digits, '.', '_', '-')");
        }
        if (input.unitCode() == null || !CODE.matcher(input.unitCode()).matches()) {
            throw Problems.invalid("unitCode", "is required: a unit code (letters, digits, '.', '_', '-')");
        }
        if (input.startDate() == null) {
            throw Problems.invalid("startDate", "is required");
        }
        if (input.startDate().getYear() < 2000 || input.startDate().getYear() > 2100) {
            throw Problems.invalid("startDate", "must lie in the years 2000 to 2100");
        }
        if (input.dueDate() == null) {
            throw Problems.invalid("dueDate", "is required");
        }
        if (input.dueDate().isBefore(input.startDate())) {
            throw Problems.invalid("dueDate", "must not be before startDate");
        }
        if (input.dueDate().isAfter(input.startDate().plusDays(MAX_DAYS))) {
            throw Problems.invalid("dueDate", "a plan spans at most " + MAX_DAYS + " days");
        }
        if (input.goals() == null || input.goals().isEmpty()) {
            throw Problems.invalid("goals", "at least one goal is required");
        }
        if (input.goals().size() > MAX_GOALS) {
            throw Problems.invalid("goals", "at most " + MAX_GOALS + " goals");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < input.goals().size(); i++) {
            Goal goal = input.goals().get(i);
            String at = "goals[" + i + "]";
            if (goal == null) {
                throw Problems.invalid(at, "is required");
            }
            if (goal.metricCode() == null || !METRIC_CODE.matcher(goal.metricCode()).matches()) {
                throw Problems.invalid(at + ".metricCode", "is required, a metric code (lower case, digits, '_')");
            }
            if (goal.comparison() == null) {
                throw Problems.invalid(at + ".comparison", "is required: one of AT_MOST, AT_LEAST");
            }
            if (goal.value() == null) {
                throw Problems.invalid(at + ".value", "is required");
            }
            if (goal.window() == null) {
                throw Problems.invalid(at + ".window", "is required: one of WEEK, MONTH");
            }
            int most = goal.window() == Window.WEEK ? 26 : 12;
            if (goal.windows() < 1 || goal.windows() > most) {
                throw Problems.invalid(at + ".consecutive", "must be between 1 and " + most);
            }
            int available = GoalWindows.between(goal.window(), input.startDate(), input.dueDate()).size();
            if (available < goal.windows()) {
                throw Problems.invalid(at + ".consecutive", "the plan from " + input.startDate() + " to "
                        + input.dueDate() + " holds " + available + " full "
                        + (goal.window() == Window.WEEK ? "ISO week(s)" : "calendar month(s)") + ", fewer than "
                        + goal.windows());
            }
            if (!seen.add(goal.metricCode() + "|" + goal.comparison() + "|" + goal.window())) {
                throw Problems.invalid(at, "repeats an earlier goal's metric, comparison and window");
            }
        }
        if (input.reason() != null && input.reason().length() > MAX_REASON) {
            throw Problems.invalid("reason", "at most " + MAX_REASON + " characters");
        }
    }

    PlanView view(ImprovementPlan plan) {
        List<CheckInView> checkIns = CheckIn.<CheckIn>list("planId = ?1 order by id", plan.id).stream()
                .map(c -> new CheckInView(c.id, c.authorRole, c.author, c.note, c.createdAt)).toList();
        List<ConsequenceView> consequences = Consequence.<Consequence>list("planId = ?1 order by id", plan.id)
                .stream().map(c -> new ConsequenceView(c.id, c.kind, c.reason, c.previousDue, c.extendedTo,
                        c.decidedBy, c.decidedAt)).toList();
        return new PlanView(plan.id, plan.employeeId, plan.unitCode, plan.startDate, plan.dueDate, plan.reason,
                plan.scorecardId, PlanJson.goals(plan.goals), plan.status, plan.awaitingConsequence,
                evaluation(plan.evaluation), plan.evaluatedAt, plan.evaluatedBy, checkIns, consequences,
                plan.createdBy, plan.createdAt);
    }

    /** The stored evaluation as the API answers it: in the request's language (English if stored before V12). */
    private static Evaluation evaluation(String stored) {
        Evaluation evaluation = PlanJson.evaluation(stored);
        return evaluation == null ? null : evaluation.inRequestLanguage();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
