package io.perfcenter.scoring.run;

import io.perfcenter.scoring.run.ScorecardRun.Status;
import io.perfcenter.scoring.security.Roles;
import io.perfcenter.scoring.web.Problems;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static io.perfcenter.scoring.run.ScorecardRun.Status.COMPUTED;
import static io.perfcenter.scoring.run.ScorecardRun.Status.IN_REVIEW;
import static io.perfcenter.scoring.run.ScorecardRun.Status.LOCKED;
import static io.perfcenter.scoring.run.ScorecardRun.Status.PUBLISHED;
import static io.perfcenter.scoring.run.ScorecardRun.Status.SUPERSEDED;

/**
 * The run's lifecycle as a table: which action takes a run from which status to which, who may take it, and what a
 * refused one answers (409, in the words the API has always used). A computed run starts COMPUTED
 * ({@link RunService}); every later status change goes through {@link #apply(ScorecardRun)}, and the scorecards of the
 * run follow it. Other conditions of an action (reviews missing, open appeals, a newer published revision) are checked
 * by {@link RunLifecycleService} once the table allows the step.
 *
 * <pre>
 * action       from                 to          roles      endpoint
 * OPEN_REVIEW  COMPUTED             IN_REVIEW   hr, admin  POST /runs/{id}/review
 * PUBLISH      COMPUTED, IN_REVIEW  PUBLISHED   hr, admin  POST /runs/{id}/publish
 * LOCK         PUBLISHED            LOCKED      hr, admin  POST /runs/{id}/lock
 * SUPERSEDE    PUBLISHED            SUPERSEDED  hr, admin  publishing a newer revision of the same series
 * </pre>
 */
public enum RunTransition {

    OPEN_REVIEW(EnumSet.of(COMPUTED), IN_REVIEW, "REVIEW_OPENED",
            run -> "Run " + run.id + " is " + run.status + "; only a COMPUTED run can be opened for review"),
    PUBLISH(EnumSet.of(COMPUTED, IN_REVIEW), PUBLISHED, "RUN_PUBLISHED",
            run -> run.status == SUPERSEDED ? "Run " + run.id + " was superseded by a newer revision"
                    : "Run " + run.id + " is published already"),
    LOCK(EnumSet.of(PUBLISHED), LOCKED, "RUN_LOCKED",
            run -> "Run " + run.id + " is " + run.status + "; only a PUBLISHED run can be locked"),
    /** Not an endpoint of its own: publishing a newer revision takes the published one out. */
    SUPERSEDE(EnumSet.of(PUBLISHED), SUPERSEDED, "RUN_SUPERSEDED",
            run -> run.status == LOCKED
                    ? "Run " + run.id + " of template " + run.templateCode + " for unit " + run.unitCode + " and "
                    + run.period + " is published and locked"
                    : "Run " + run.id + " is " + run.status + "; only a PUBLISHED run is superseded");

    /** Who may take each action: the same for all today, stated per action so that one can differ. */
    private static final List<String> HR_AND_ADMIN = List.of(Roles.HR, Roles.ADMIN);

    private final Set<Status> from;
    private final Status to;
    private final String auditAction;
    private final Function<ScorecardRun, String> refusal;

    RunTransition(Set<Status> from, Status to, String auditAction, Function<ScorecardRun, String> refusal) {
        this.from = from;
        this.to = to;
        this.auditAction = auditAction;
        this.refusal = refusal;
    }

    /** The statuses the action leaves from. */
    public Set<Status> from() {
        return EnumSet.copyOf(from);
    }

    public Status to() {
        return to;
    }

    /** The roles that may take the action (the endpoint's {@code @RolesAllowed}; checked by RunTransitionTests). */
    public List<String> roles() {
        return HR_AND_ADMIN;
    }

    /** The audit trail's name for the step. */
    public String auditAction() {
        return auditAction;
    }

    public boolean allows(Status status) {
        return from.contains(status);
    }

    /** Refuses, with the 409 problem of its status, a run the action does not leave from. */
    public void check(ScorecardRun run) {
        if (!allows(run.status)) {
            throw Problems.conflict(refusal.apply(run));
        }
    }

    /**
     * Moves the run to {@link #to()}, or refuses as {@link #check}. Only the run's status changes here: who and when,
     * and the scorecards, are {@link RunLifecycleService}'s.
     */
    public void apply(ScorecardRun run) {
        check(run);
        run.status = to;
    }
}
