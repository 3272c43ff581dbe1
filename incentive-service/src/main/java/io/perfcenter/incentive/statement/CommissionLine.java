package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.plan.PlanSections.Commission;
import io.perfcenter.incentive.plan.PlanSections.CommissionMode;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commission line: tiered commission on the agent's sales of the period ({@link TieredCommission}). No sales
 * recorded is no commission, said as such; the team-fund contribution is named in the line and its source.
 */
@ApplicationScoped
public class CommissionLine implements LineRule {

    public static final String KIND = "commission";

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<ComputedLine> lines(Facts facts) {
        Commission commission = facts.sections().commission();
        if (commission == null) {
            return List.of();
        }
        IncentivePlan plan = facts.plan();
        String measure = commission.measureOrDefault();
        BigDecimal sales = facts.figures().value(measure);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("measure", measure);
        source.put("sales", sales);
        source.put("mode", commission.mode().name());
        source.put("planVersion", plan.version);
        if (sales == null) {
            return List.of(ComputedLine.paid(KIND, BigDecimal.ZERO, plan.currency, "No " + measure
                    + " recorded for " + facts.unit().period() + ": no commission", source));
        }
        TieredCommission c = TieredCommission.of(commission, sales);
        source.put("tier", c.tier());
        source.put("teamFundContribution", c.teamFund());
        return List.of(ComputedLine.paid(KIND, c.amount(), plan.currency,
                commission.mode() == CommissionMode.WHOLE
                        ? "Sales " + c.explanation() : "Sales by bracket: " + c.explanation(), source));
    }
}
