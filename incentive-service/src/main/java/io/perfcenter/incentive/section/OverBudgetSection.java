package io.perfcenter.incentive.section;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.web.Problems;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

import static io.perfcenter.incentive.section.SectionChecks.absentIfEmpty;

/**
 * What a run does when its cost exceeds the unit's budget: a policy, not a payout, so it writes no line. The run
 * applies it after every statement is composed ({@link BudgetScaling}); the kinds it may scale are the paid line
 * kinds of the other sections ({@link SectionRegistry#PAID_KINDS}). Configuration: {@code overBudget}
 * ({@link OverBudget}).
 */
public final class OverBudgetSection extends PlanSection {

    public OverBudgetSection() {
        super("overBudget", 100);
    }

    @Override
    public boolean given(PlanInput in) {
        return in.overBudget() != null;
    }

    @Override
    public void check(PlanInput in, CheckedSections out) {
        OverBudget o = in.overBudget();
        if (o.policy() == null) {
            throw Problems.invalid("overBudget.policy", "is required: SCALE or FLAG");
        }
        if (absentIfEmpty(o.scaledKinds()) == null) {
            out.overBudget = new OverBudget(o.policy(), null);
            return;
        }
        if (o.policy() != OverBudgetSection.OverBudgetPolicy.SCALE) {
            throw Problems.invalid("overBudget.scaledKinds", "is used only with policy SCALE");
        }
        for (int i = 0; i < o.scaledKinds().size(); i++) {
            if (!SectionRegistry.PAID_KINDS.contains(o.scaledKinds().get(i))) {
                throw Problems.invalid("overBudget.scaledKinds[" + i + "]",
                        "must be one of " + SectionRegistry.PAID_KINDS);
            }
        }
        out.overBudget = o;
    }

    @Schema(name = "PlanOverBudget", description = "What a run does when its cost exceeds the unit's budget")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OverBudget(
            @Schema(required = true, description = "SCALE: the scaled kinds shrink proportionally to fit; "
                    + "FLAG: the run only says it is over budget") OverBudgetPolicy policy,
            @Schema(description = "Line kinds that are scaled; all paid kinds when absent",
                    examples = "[\"performance-pay\", \"target-bonus\", \"challenge-bonus\", \"team-share\"]")
            List<String> scaledKinds) {
    }

    public enum OverBudgetPolicy { SCALE, FLAG }
}
