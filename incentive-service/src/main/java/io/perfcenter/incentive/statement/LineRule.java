package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.salary.Salary;

import java.util.List;
import java.util.Map;

/**
 * One kind of statement line (performance pay, target bonuses, commission, team share, perks, honors): computes its
 * lines for one agent and explains each. Implementations are CDI beans; every bean adds its lines to every
 * statement, and none when the plan does not have its section.
 */
public interface LineRule {

    /** Position of this rule's lines on a statement; lower first. */
    int order();

    /** The lines for one agent; none when the plan does not pay this kind. */
    List<ComputedLine> lines(Facts facts);

    /**
     * What a rule may compute from: the plan version, the agent's published scorecard, the salary in effect on the
     * period's last day (null when none), the agent's position in metrics-service's org directory (null when not
     * asked or unknown), the agent's figures by measure, and what was decided for the whole unit first (team fund,
     * team reward, honors).
     */
    record Facts(IncentivePlan plan, Scorecard scorecard, Salary salary, String position, Figures figures,
                 UnitOutcome unit) {

        public Facts(IncentivePlan plan, Scorecard scorecard, Salary salary) {
            this(plan, scorecard, salary, null, new Figures(scorecard, Map.of()), UnitOutcome.none());
        }

        public PlanSections sections() {
            return plan.sections();
        }
    }
}
