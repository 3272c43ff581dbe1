package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.run.PayoutRun;
import io.perfcenter.incentive.salary.Salary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Builds an employee's statement by asking every {@link LineRule} for its lines and adding them up. */
@ApplicationScoped
public class StatementComposer {

    private final List<LineRule> rules;

    StatementComposer(Instance<LineRule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparingInt(LineRule::order)).toList();
    }

    /** A new (not yet persisted) statement of the run for the scorecard's employee. */
    public PayoutStatement compose(PayoutRun run, IncentivePlan plan, Scorecard card, Salary salary) {
        PayoutStatement statement = new PayoutStatement();
        statement.run = run;
        statement.employeeId = card.employeeId();
        statement.unitCode = card.unitCode() != null ? card.unitCode() : run.unitCode;
        statement.period = run.period;
        statement.currency = plan.currency;
        Set<String> flags = new LinkedHashSet<>();
        LineRule.Facts facts = new LineRule.Facts(plan, card, salary);
        for (LineRule rule : rules) {
            for (ComputedLine computed : rule.lines(facts)) {
                PayoutLine line = new PayoutLine();
                line.statement = statement;
                line.position = statement.lines.size() + 1;
                line.kind = computed.kind();
                line.amount = computed.amount();
                line.currency = computed.currency();
                line.explanation = computed.explanation();
                line.source = computed.source();
                statement.lines.add(line);
                flags.addAll(computed.flags());
            }
        }
        statement.flags = new ArrayList<>(flags);
        boolean complete = statement.lines.stream().allMatch(l -> l.amount != null);
        statement.totalAmount = complete
                ? statement.lines.stream().map(l -> l.amount).filter(Objects::nonNull)
                        .reduce(BigDecimal.ZERO.setScale(Money.SCALE), BigDecimal::add)
                : null;
        return statement;
    }
}
