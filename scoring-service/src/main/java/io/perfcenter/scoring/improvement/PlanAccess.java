package io.perfcenter.scoring.improvement;

import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.security.DataScope;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;

/**
 * Who reads and coaches an improvement plan: the agent reads their own (and adds check-ins); the leaders of the plan's
 * unit and the units above it (metrics-service's my-units, asked with the caller's token), hr and admin read and
 * coach every plan in their scope. Anything else answers 404 exactly as an unknown id. Scope fails closed: a token
 * without employee id leads nothing and owns nothing.
 */
@RequestScoped
public class PlanAccess {

    private final Caller caller;
    private final DataScope scope;
    private List<String> led;

    PlanAccess(Caller caller, DataScope scope) {
        this.caller = caller;
        this.scope = scope;
    }

    boolean everything() {
        return caller.seesEverything();
    }

    boolean own(ImprovementPlan plan) {
        return caller.employeeId().map(plan.employeeId::equals).orElse(false);
    }

    /** Units the caller leads (and those below), asked once per request. */
    List<String> ledUnits() {
        if (led == null) {
            led = caller.leadsUnits() && caller.employeeId().isPresent() ? scope.visibility().units() : List.of();
        }
        return led;
    }

    boolean coaches(ImprovementPlan plan) {
        return !own(plan) && (everything() || ledUnits().contains(plan.unitCode));
    }

    /** The plan, if the caller reads it; otherwise the answer an unknown id gets. */
    ImprovementPlan readable(long id) {
        ImprovementPlan plan = ImprovementPlan.findById(id);
        if (plan == null || !(everything() || own(plan) || coaches(plan))) {
            throw Problems.notFound("Improvement plan", id);
        }
        return plan;
    }

    /** The plan, if the caller coaches it: 404 when they do not read it, 403 when they read it as its agent. */
    ImprovementPlan coached(long id) {
        ImprovementPlan plan = readable(id);
        if (!coaches(plan)) {
            throw Problems.outOfScope("Improvement plan " + id + " is yours; its coach records this");
        }
        return plan;
    }
}
