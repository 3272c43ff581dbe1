package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.client.MetricAggregates;
import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.salary.Salary;
import io.perfcenter.incentive.section.BudgetScaling;
import io.perfcenter.incentive.section.PlanSection;
import io.perfcenter.incentive.section.SectionRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the statements of a run: first what the plan's sections decide for the whole unit (team fund, team reward),
 * then each agent's lines from every section ({@link SectionRegistry}), then the budget. Pure computation: no
 * database, no remote call.
 */
@ApplicationScoped
public class StatementComposer {

    /** Everything a run computes from, fetched and read beforehand. */
    public record Inputs(IncentivePlan plan, String period, String unitCode, List<Scorecard> cards,
                         Map<String, Salary> salaries, Map<String, String> positions, MetricAggregates metrics,
                         Map<String, List<UnitOutcome.HonorWin>> honors, BigDecimal budget, String budgetCurrency,
                         Map<String, UnitOutcome.PointsEarned> points) {

        public Inputs(IncentivePlan plan, String period, String unitCode, List<Scorecard> cards,
                      Map<String, Salary> salaries, Map<String, String> positions, MetricAggregates metrics,
                      Map<String, List<UnitOutcome.HonorWin>> honors, BigDecimal budget, String budgetCurrency) {
            this(plan, period, unitCode, cards, salaries, positions, metrics, honors, budget, budgetCurrency, Map.of());
        }
    }

    public record Composed(List<ComposedStatement> statements, UnitOutcome unit, BudgetScaling.Outcome budget) {
    }

    /** The measures a plan reads; the metric codes among them are asked of metrics-service when not on cards. */
    public static Set<String> measures(PlanSections s) {
        return SectionRegistry.measures(s);
    }

    public Composed compose(Inputs in) {
        PlanSections sections = in.plan().sections();
        Map<String, Map<String, BigDecimal>> metrics = in.metrics().byEmployee();
        List<Scorecard> cards = new ArrayList<>(in.cards());
        cards.sort(Comparator.comparing(Scorecard::employeeId));
        List<FiguresByMeasure> figures = cards.stream()
                .map(c -> new FiguresByMeasure(c, metrics.get(c.employeeId()))).toList();

        UnitOutcome unit = SectionRegistry.decide(
                new PlanSection.UnitFacts(in.plan(), in.unitCode(), cards, figures, in.metrics()),
                new UnitOutcome(in.unitCode(), in.period(), BigDecimal.ZERO.setScale(Money.SCALE), 0, null,
                        in.honors() == null ? Map.of() : in.honors(), in.points() == null ? Map.of() : in.points()));

        List<ComposedStatement> statements = new ArrayList<>(cards.size());
        for (int i = 0; i < cards.size(); i++) {
            Scorecard card = cards.get(i);
            PlanSection.Facts facts = new PlanSection.Facts(in.plan(), card, in.salaries().get(card.employeeId()),
                    in.positions().get(card.employeeId()), figures.get(i), unit);
            statements.add(new ComposedStatement(card.employeeId(),
                    card.unitCode() != null ? card.unitCode() : in.unitCode(), SectionRegistry.lines(facts)));
        }
        BudgetScaling.Outcome budget = BudgetScaling.apply(statements, in.budget(), in.budgetCurrency(),
                in.plan().currency, sections.overBudget());
        return new Composed(statements, unit, budget);
    }
}
