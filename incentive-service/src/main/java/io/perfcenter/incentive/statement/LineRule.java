package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.salary.Salary;

import java.util.List;

/**
 * One kind of statement line (performance pay now; commission, honors, team rewards later): computes its lines
 * for one agent and explains each. Implementations are CDI beans; every bean becomes part of every statement.
 */
public interface LineRule {

    /** Position of this rule's lines on a statement; lower first. */
    int order();

    /** The lines for one agent; none when the plan does not pay this kind. */
    List<ComputedLine> lines(Facts facts);

    /** What a rule may compute from: the plan version, the agent's published scorecard and salary on file. */
    record Facts(IncentivePlan plan, Scorecard scorecard, Salary salary) {
    }
}
