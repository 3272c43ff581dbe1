package io.perfcenter.incentive.section;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.perfcenter.incentive.section.OverBudgetSection.OverBudget;
import io.perfcenter.incentive.section.OverBudgetSection.OverBudgetPolicy;
import io.perfcenter.incentive.statement.ComposedStatement;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.statement.Money;
import io.perfcenter.incentive.web.InLanguage;
import io.perfcenter.incentive.web.Language;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.incentive.statement.Numbers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Holds a run's cost (the sum of its statements' totals) against the unit's budget for the period. Over budget, a
 * plan with policy SCALE shrinks the scaled kinds by one factor, budget left after the other kinds ÷ cost of the
 * scaled kinds, cut down to 6 decimals; each scaled line is then cut down to the cent, so the run never ends over
 * budget. Policy FLAG (the default) only says so.
 */
public final class BudgetScaling {

    private BudgetScaling() {
    }

    /**
     * The run's position against its budget, as the run shows it and stores it (as JSON): {@code explanation} in
     * English, {@code explanationZh} in Chinese (absent from runs computed before V8); an answer shows
     * {@code explanation} in the caller's language and leaves {@code explanationZh} out.
     */
    @Schema(name = "BudgetOutcome", description = "What the budget did to a run's payouts")
    public record Outcome(BigDecimal amount, String currency, BigDecimal requested, BigDecimal cost,
                          boolean overBudget, OverBudgetPolicy policy, BigDecimal scaleFactor,
                          @Schema(description = "In the language of Accept-Language (zh-CN or en)",
                                  examples = "Cost 8,440.00 within budget 9,000.00 (560.00 left)") String explanation,
                          @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) String explanationZh)
            implements InLanguage<Outcome> {

        Outcome(BigDecimal amount, String currency, BigDecimal requested, BigDecimal cost, boolean overBudget,
                OverBudgetPolicy policy, BigDecimal scaleFactor, Explanation explained) {
            this(amount, currency, requested, cost, overBudget, policy, scaleFactor, explained.en(), explained.zh());
        }

        @Override
        public Outcome in(Language language) {
            return new Outcome(amount, currency, requested, cost, overBudget, policy, scaleFactor,
                    language.pick(explanation, explanationZh), null);
        }
    }

    /** Null when there is no budget on file; scales the statements' lines in place when the policy says so. */
    public static Outcome apply(List<ComposedStatement> statements, BigDecimal budget, String budgetCurrency,
                                String planCurrency, OverBudget overBudget) {
        if (budget == null) {
            return null;
        }
        OverBudgetPolicy policy = overBudget == null ? OverBudgetPolicy.FLAG : overBudget.policy();
        BigDecimal requested = cost(statements);
        if (!budgetCurrency.equals(planCurrency)) {
            return new Outcome(budget, budgetCurrency, requested, requested, false, policy, null, new Explanation(
                    "The budget is in " + budgetCurrency + " but the plan pays in " + planCurrency
                            + ": cost not compared", "预算币种为 " + budgetCurrency + "，但方案以 " + planCurrency
                    + " 发放：未比较成本"));
        }
        BigDecimal over = requested.subtract(budget);
        if (over.signum() <= 0) {
            String left = Numbers.money(budget.subtract(requested));
            return new Outcome(budget, budgetCurrency, requested, requested, false, policy, null, new Explanation(
                    "Cost " + Numbers.money(requested) + " within budget " + Numbers.money(budget) + " (" + left
                            + " left)", "成本 " + Numbers.money(requested) + " 未超出预算 " + Numbers.money(budget)
                    + "（剩余 " + left + "）"));
        }
        Explanation overText = new Explanation("Cost " + Numbers.money(requested) + " over budget "
                + Numbers.money(budget) + " by " + Numbers.money(over), "成本 " + Numbers.money(requested)
                + " 超出预算 " + Numbers.money(budget) + "，超出 " + Numbers.money(over));
        if (policy == OverBudgetPolicy.FLAG) {
            return new Outcome(budget, budgetCurrency, requested, requested, true, policy, null,
                    overText.plus(": flagged, nothing scaled", "：已标记，未缩放"));
        }
        Set<String> kinds = overBudget.scaledKinds() == null ? Set.copyOf(SectionRegistry.PAID_KINDS)
                : Set.copyOf(overBudget.scaledKinds());
        BigDecimal scalable = BigDecimal.ZERO;
        for (ComposedStatement s : statements) {
            if (s.total() != null) {
                for (ComputedLine l : s.lines()) {
                    if (l.monetary() && l.amount() != null && kinds.contains(l.kind())) {
                        scalable = scalable.add(l.amount());
                    }
                }
            }
        }
        BigDecimal available = budget.subtract(requested.subtract(scalable));
        BigDecimal factor = available.signum() <= 0 || scalable.signum() == 0 ? BigDecimal.ZERO
                : available.divide(scalable, 6, RoundingMode.DOWN).min(BigDecimal.ONE);
        String factorText = Numbers.asGiven(factor);
        for (ComposedStatement s : statements) {
            ListIterator<ComputedLine> it = s.lines().listIterator();
            while (it.hasNext()) {
                ComputedLine l = it.next();
                if (l.monetary() && l.amount() != null && l.amount().signum() > 0 && kinds.contains(l.kind())) {
                    BigDecimal scaled = Money.floor(l.amount().multiply(factor));
                    Map<String, Object> source = new LinkedHashMap<>(l.source());
                    source.put("unscaledAmount", l.amount());
                    source.put("scaleFactor", factor);
                    it.set(l.withAmount(scaled, l.explained().plus("; scaled × " + factorText
                            + " to fit the budget = " + Numbers.money(scaled), "；为符合预算按 × " + factorText
                            + " 缩放 = " + Numbers.money(scaled)), source));
                }
            }
        }
        BigDecimal cost = cost(statements);
        String scaledKinds = String.join(", ", new TreeSet<>(kinds));
        return new Outcome(budget, budgetCurrency, requested, cost, true, policy, factor, overText.plus(": "
                + scaledKinds + " scaled × " + factorText + " → cost " + Numbers.money(cost), "：" + scaledKinds
                + " 按 × " + factorText + " 缩放 → 成本 " + Numbers.money(cost)));
    }

    private static BigDecimal cost(List<ComposedStatement> statements) {
        BigDecimal cost = BigDecimal.ZERO.setScale(Money.SCALE);
        for (ComposedStatement s : statements) {
            BigDecimal total = s.total();
            if (total != null) {
                cost = cost.add(total);
            }
        }
        return cost;
    }
}
