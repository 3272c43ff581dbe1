package io.perfcenter.scoring.improvement;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.scoring.events.Outbox;
import io.perfcenter.scoring.improvement.ImprovementPayloads.Status;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The scheduled check of improvement plans (issue 13: "the outcome is evaluated from the metrics automatically"),
 * every {@code perfcenter.improvement.check-every} ({@code PERFCENTER_IMPROVEMENT_CHECK_EVERY}, default 1 h), in the
 * center's calendar ({@code perfcenter.time-zone}):
 * <ol>
 *     <li>every plan IN_PROGRESS whose due date has passed is evaluated, the explicit evaluation's own code
 *     ({@link ImprovementPlanService#settle}): MET or MISSED, {@code improvement-plan.met}/{@code .missed} in the
 *     outbox, so the same notifications;</li>
 *     <li>every plan IN_PROGRESS not due yet, not evaluated today and with at least one day behind it is evaluated
 *     too: the explicit evaluation settles a plan MET as soon as every goal held in its run of ended windows, before
 *     the due date, so the check does the same (once a day: windows end at midnight, a second look the same day finds
 *     nothing new);</li>
 *     <li>every plan still IN_PROGRESS whose due date is at most {@code perfcenter.improvement.due-reminder-days}
 *     ({@code PERFCENTER_IMPROVEMENT_DUE_REMINDER_DAYS}, default 3) days away and that was not reminded of that due
 *     date emits {@code improvement-plan.due} once (an EXTENDED consequence's new due date is reminded of again).</li>
 * </ol>
 * One replica checks at a time (a session-level advisory lock; the others skip the tick), and each plan's outcome and
 * reminder are stored under its row lock with a re-check, so a plan is settled and reminded exactly once even against
 * a coach evaluating it at the same moment. The check evaluates as the service ({@code evaluatedBy}
 * {@value #EVALUATOR}); a plan whose figures metrics-service cannot give now is left for the next tick.
 */
@ApplicationScoped
public class ImprovementPlanCheck {

    private static final Logger LOG = Logger.getLogger(ImprovementPlanCheck.class);
    /** The evaluator the check stores. */
    public static final String EVALUATOR = "scoring-service";

    /** What one check did: plans evaluated, those settled (MET or MISSED), reminders; skipped: another replica was at it. */
    public record Outcome(int evaluated, int settled, int reminded, boolean skipped) {
    }

    private final ImprovementPlanService plans;
    private final Outbox outbox;
    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final int reminderDays;
    private final boolean enabled;

    ImprovementPlanCheck(ImprovementPlanService plans, Outbox outbox, AgroalDataSource dataSource, Clock clock,
                         @ConfigProperty(name = "perfcenter.improvement.due-reminder-days", defaultValue = "3")
                         int reminderDays,
                         @ConfigProperty(name = "perfcenter.improvement.check.enabled", defaultValue = "true")
                         boolean enabled) {
        if (reminderDays < 0 || reminderDays > 366) {
            throw new IllegalArgumentException("perfcenter.improvement.due-reminder-days "
                    + "(PERFCENTER_IMPROVEMENT_DUE_REMINDER_DAYS) must be from 0 to 366, not " + reminderDays);
        }
        this.plans = plans;
        this.outbox = outbox;
        this.dataSource = dataSource;
        this.clock = clock;
        this.reminderDays = reminderDays;
        this.enabled = enabled;
    }

    @Scheduled(every = "${perfcenter.improvement.check-every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!enabled) {
            return;
        }
        try {
            Outcome outcome = runOnce();
            if (outcome.evaluated() + outcome.reminded() > 0) {
                LOG.infof("improvement plans: %d evaluated, %d settled, %d reminded of their due date",
                        outcome.evaluated(), outcome.settled(), outcome.reminded());
            }
        } catch (RuntimeException e) {
            LOG.warnf("the improvement plan check failed (%s); it runs again on the next tick", e.getMessage());
        }
    }

    /** One check now (what the schedule runs; tests call it without waiting). */
    public Outcome runOnce() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!lock(c, "pg_try_advisory_lock")) {
                LOG.debug("another replica is checking the improvement plans");
                return new Outcome(0, 0, 0, true);
            }
            try {
                return check(LocalDate.now(clock));
            } finally {
                lock(c, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the improvement plans", e);
        }
    }

    private Outcome check(LocalDate today) {
        int evaluated = 0;
        int settled = 0;
        OffsetDateTime startOfToday = today.atStartOfDay(clock.getZone()).toOffsetDateTime();
        // due (the due date passed) first, then those that may be met early; oldest first
        List<Long> due = ids("status = ?1 and dueDate < ?2 order by id", Status.IN_PROGRESS, today);
        List<Long> early = ids("status = ?1 and dueDate >= ?2 and startDate < ?2 and (evaluatedAt is null "
                + "or evaluatedAt < ?3) order by id", Status.IN_PROGRESS, today, startOfToday);
        for (List<Long> batch : List.of(due, early)) {
            for (long id : batch) {
                try {
                    ImprovementPlan plan = QuarkusTransaction.requiringNew().call(() -> ImprovementPlan.findById(id));
                    ImprovementPlan stored = plans.settle(plan, EVALUATOR);
                    evaluated++;
                    if (stored.status != Status.IN_PROGRESS) {
                        settled++;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("improvement plan %d could not be evaluated now (%s); tried again on the next tick",
                            id, e.getMessage());
                }
            }
        }
        int reminded = 0;
        for (long id : ids("status = ?1 and dueDate >= ?2 and dueDate <= ?3 and (dueRemindedFor is null "
                + "or dueRemindedFor <> dueDate) order by id", Status.IN_PROGRESS, today,
                today.plusDays(reminderDays))) {
            if (remind(id, today)) {
                reminded++;
            }
        }
        return new Outcome(evaluated, settled, reminded, false);
    }

    /** {@code improvement-plan.due} for the plan's due date, once: re-checked under the row lock. */
    private boolean remind(long id, LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImprovementPlan plan = ImprovementPlan.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (plan.status != Status.IN_PROGRESS || plan.dueDate.equals(plan.dueRemindedFor)
                    || plan.dueDate.isBefore(today)) {
                return false;
            }
            long days = ChronoUnit.DAYS.between(today, plan.dueDate);
            outbox.emit("improvement-plan.due", plan.employeeId, new ImprovementPlanService.PlanEvent(plan.id,
                    plan.employeeId, plan.unitCode, plan.dueDate, plan.status, "due on " + plan.dueDate
                    + (days == 0 ? ", today" : days == 1 ? ", tomorrow" : ", in " + days + " days")));
            plan.dueRemindedFor = plan.dueDate;
            plan.dueRemindedAt = OffsetDateTime.now(clock);
            return true;
        });
    }

    private static List<Long> ids(String query, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> ImprovementPlan.<ImprovementPlan>list(query, params)
                .stream().map(p -> p.id).toList());
    }

    private static boolean lock(Connection c, String function) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + function
                + "(hashtext('perfcenter.improvement_plan_check'))"); ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
