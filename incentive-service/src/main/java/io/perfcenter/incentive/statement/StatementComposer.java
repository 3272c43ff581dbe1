package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.client.MetricAggregates;
import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.plan.PlanSections.Commission;
import io.perfcenter.incentive.plan.PlanSections.TeamReward;
import io.perfcenter.incentive.salary.Salary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the statements of a run: first what is decided for the whole unit (team fund, team reward), then each
 * agent's lines from every {@link LineRule}, then the budget. Pure computation: no database, no remote call.
 */
@ApplicationScoped
public class StatementComposer {

    private final List<LineRule> rules;

    StatementComposer(Instance<LineRule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparingInt(LineRule::order)).toList();
    }

    /** Everything a run computes from, fetched and read beforehand. */
    public record Inputs(IncentivePlan plan, String period, String unitCode, List<Scorecard> cards,
                         Map<String, Salary> salaries, Map<String, String> positions, MetricAggregates metrics,
                         Map<String, List<UnitOutcome.HonorWin>> honors, BigDecimal budget, String budgetCurrency) {
    }

    public record Composed(List<ComposedStatement> statements, UnitOutcome unit, BudgetScaling.Outcome budget) {
    }

    /** The measures a plan reads; the metric codes among them are asked of metrics-service when not on cards. */
    public static Set<String> measures(PlanSections s) {
        Set<String> measures = new LinkedHashSet<>();
        if (s.targets() != null) {
            measures.add(s.targets().measure());
        }
        if (s.commission() != null) {
            measures.add(s.commission().measureOrDefault());
        }
        if (s.teamReward() != null) {
            measures.add(s.teamReward().measure());
            if (s.teamReward().hoursMeasure() != null) {
                measures.add(s.teamReward().hoursMeasure());
            }
        }
        return measures;
    }

    public Composed compose(Inputs in) {
        PlanSections sections = in.plan().sections();
        Map<String, Map<String, BigDecimal>> metrics = in.metrics().byEmployee();
        List<Scorecard> cards = new ArrayList<>(in.cards());
        cards.sort(Comparator.comparing(Scorecard::employeeId));
        List<Figures> figures = cards.stream().map(c -> new Figures(c, metrics.get(c.employeeId()))).toList();

        BigDecimal fund = BigDecimal.ZERO.setScale(Money.SCALE);
        int contributors = 0;
        Commission commission = sections.commission();
        if (commission != null) {
            for (Figures f : figures) {
                BigDecimal sales = f.value(commission.measureOrDefault());
                if (sales != null) {
                    BigDecimal c = TieredCommission.of(commission, sales).teamFund();
                    if (c.signum() > 0) {
                        fund = fund.add(c);
                        contributors++;
                    }
                }
            }
        }
        TeamPool.Outcome team = null;
        TeamReward reward = sections.teamReward();
        if (reward != null) {
            List<TeamPool.Member> members = new ArrayList<>();
            for (int i = 0; i < cards.size(); i++) {
                members.add(new TeamPool.Member(cards.get(i).employeeId(), cards.get(i).total(),
                        reward.hoursMeasure() == null ? null : figures.get(i).value(reward.hoursMeasure())));
            }
            team = TeamPool.decide(reward, in.unitCode(), unitValue(reward.measure(), in.metrics(), figures),
                    fund, members);
        }
        UnitOutcome unit = new UnitOutcome(in.unitCode(), in.period(), fund, contributors, team,
                in.honors() == null ? Map.of() : in.honors());

        List<ComposedStatement> statements = new ArrayList<>(cards.size());
        for (int i = 0; i < cards.size(); i++) {
            Scorecard card = cards.get(i);
            LineRule.Facts facts = new LineRule.Facts(in.plan(), card, in.salaries().get(card.employeeId()),
                    in.positions().get(card.employeeId()), figures.get(i), unit);
            List<ComputedLine> lines = new ArrayList<>();
            for (LineRule rule : rules) {
                lines.addAll(rule.lines(facts));
            }
            statements.add(new ComposedStatement(card.employeeId(),
                    card.unitCode() != null ? card.unitCode() : in.unitCode(), lines));
        }
        BudgetScaling.Outcome budget = BudgetScaling.apply(statements, in.budget(), in.budgetCurrency(),
                in.plan().currency, sections.overBudget());
        return new Composed(statements, unit, budget);
    }

    /**
     * The unit's figure for a team target: the mean of the scorecard totals for {@code score}; for a metric the
     * unit's own value from metrics-service (ratios of the unit's sums), else the mean of its agents' values.
     */
    static BigDecimal unitValue(String measure, MetricAggregates metrics, List<Figures> figures) {
        if (Figures.isMetric(measure)) {
            BigDecimal own = metrics.unitValue(measure);
            if (own != null) {
                return own;
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (Figures f : figures) {
            BigDecimal v = f.value(measure);
            if (v != null) {
                sum = sum.add(v);
                n++;
            }
        }
        return n == 0 ? null : Money.plainValue(sum.divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP));
    }
}
