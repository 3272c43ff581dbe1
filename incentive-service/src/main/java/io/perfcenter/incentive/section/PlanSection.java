package io.perfcenter.incentive.section;

import io.perfcenter.incentive.client.MetricAggregates;
import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.salary.Salary;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.FiguresByMeasure;
import io.perfcenter.incentive.statement.UnitOutcome;

import java.util.List;
import java.util.Map;

/**
 * One section of an incentive plan (performance pay, targets, commission, team reward, perks, honor prizes, points
 * conversion, the over-budget policy), in one class: how its configuration is checked, which measures it reads, what it decides for
 * the whole unit, the statement lines it writes with their explanations, and the line kinds it adds to statements
 * and the payroll export. Its configuration is a record of {@link PlanSections} (the JSON a plan stores); the
 * arithmetic a section needs beyond a few lines sits beside it in this package ({@link PerformancePay},
 * {@link ScoreRange}, {@link TieredCommission}, {@link TeamPool}, {@link BudgetScaling}), each unit-tested alone.
 * {@link SectionRegistry} lists every section; to add one, see the incentive-service README.
 */
public abstract class PlanSection {

    private final String field;
    private final int order;
    private final List<LineKind> lineKinds;

    /**
     * @param field     the section's field in a plan
     * @param order     position of the section's lines on a statement, lower first
     * @param lineKinds the kinds of line it writes, in the order it writes them
     */
    protected PlanSection(String field, int order, LineKind... lineKinds) {
        this.field = field;
        this.order = order;
        this.lineKinds = List.of(lineKinds);
    }

    /** The section's field in a plan ({@code targets}, {@code commission} …). */
    public final String field() {
        return field;
    }

    /** Position of this section's lines on a statement; lower first. */
    public final int order() {
        return order;
    }

    /** The kinds of line this section writes, in the order it writes them; none for a policy such as overBudget. */
    public final List<LineKind> lineKinds() {
        return lineKinds;
    }

    /** Whether the plan input gives this section (an empty list or map is a section left out). */
    public abstract boolean given(PlanInput in);

    /**
     * Checks this section of the input field by field and puts its checked configuration into {@code out}; the first
     * invalid field throws a 400 problem naming it by its path ({@code commission.brackets[1].upTo}). Called only
     * when the input {@link #given gives} the section.
     */
    public abstract void check(PlanInput in, CheckedSections out);

    /** The measures this section reads of a plan's sections; metric codes among them are fetched for a run. */
    public List<String> measures(PlanSections sections) {
        return List.of();
    }

    /** What this section decides for the whole unit before any statement (team fund, team reward). */
    public UnitOutcome decide(UnitFacts facts, UnitOutcome unit) {
        return unit;
    }

    /** The lines for one agent, each explained; none when the plan does not have this section. */
    public List<ComputedLine> lines(Facts facts) {
        return List.of();
    }

    /** How a line of this section that carries no money reads in the payroll export; null for the kind's name. */
    public String entitlement(String kind, Map<String, Object> source) {
        return null;
    }

    /**
     * What a section may compute an agent's lines from: the plan version, the agent's published scorecard, the
     * salary in effect on the period's last day (null when none), the agent's position in metrics-service's org
     * directory (null when not asked or unknown), the agent's figures by measure, and what was decided for the whole
     * unit first (team fund, team reward, honors).
     */
    public record Facts(IncentivePlan plan, Scorecard scorecard, Salary salary, String position,
                        FiguresByMeasure figures, UnitOutcome unit) {

        public Facts(IncentivePlan plan, Scorecard scorecard, Salary salary) {
            this(plan, scorecard, salary, null, new FiguresByMeasure(scorecard, Map.of()), UnitOutcome.none());
        }

        public PlanSections sections() {
            return plan.sections();
        }
    }

    /** What a section may decide the unit's outcome from: the unit's scorecards by employee id, with their figures. */
    public record UnitFacts(IncentivePlan plan, String unitCode, List<Scorecard> cards,
                            List<FiguresByMeasure> figures, MetricAggregates metrics) {

        public PlanSections sections() {
            return plan.sections();
        }
    }
}
