package io.perfcenter.incentive.section;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.statement.FiguresByMeasure;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.statement.UnitOutcome;
import io.perfcenter.incentive.web.Problems;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.incentive.section.SectionChecks.amount;
import static io.perfcenter.incentive.section.SectionChecks.measure;

/**
 * The commission line: tiered commission on the agent's sales of the period ({@link TieredCommission}). No sales
 * recorded is no commission, said as such; the team-fund contribution is named in the line and its source. For the
 * unit, the contributions of its agents make the period's team fund, which a team reward may add to its pool.
 * Configuration: {@code commission} ({@link Commission}).
 */
public final class CommissionSection extends PlanSection {

    public static final String KIND = "commission";

    public CommissionSection() {
        super("commission", 30, LineKind.paid(KIND));
    }

    @Override
    public boolean given(PlanInput in) {
        return in.commission() != null;
    }

    @Override
    public void check(PlanInput in, CheckedSections out) {
        Commission c = in.commission();
        if (c.measure() != null) {
            measure("commission.measure", c.measure());
        }
        if (c.mode() == null) {
            throw Problems.invalid("commission.mode", "is required: WHOLE or PROGRESSIVE");
        }
        if (c.brackets() == null || c.brackets().isEmpty()) {
            throw Problems.invalid("commission.brackets", "name at least one bracket");
        }
        BigDecimal previous = null;
        for (int i = 0; i < c.brackets().size(); i++) {
            String field = "commission.brackets[" + i + "]";
            Bracket b = c.brackets().get(i);
            if (b == null) {
                throw Problems.invalid(field, "is empty");
            }
            boolean last = i == c.brackets().size() - 1;
            if (last && b.upTo() != null) {
                throw Problems.invalid(field + ".upTo", "the last bracket has no upper bound; leave upTo out");
            }
            if (!last) {
                if (b.upTo() == null) {
                    throw Problems.invalid(field + ".upTo", "is required on every bracket but the last");
                }
                if (b.upTo().signum() <= 0 || (previous != null && b.upTo().compareTo(previous) <= 0)) {
                    throw Problems.invalid(field + ".upTo", "must be above 0 and above the previous bracket's upTo");
                }
                previous = b.upTo();
            }
            if (b.rate() == null) {
                throw Problems.invalid(field + ".rate", "is required");
            }
            if (b.rate().signum() < 0 || b.rate().compareTo(BigDecimal.ONE) > 0
                    || Numbers.decimals(b.rate()) > 6) {
                throw Problems.invalid(field + ".rate", "must be between 0 and 1 (0.015 is 1.5%), at most 6 decimals");
            }
            if (b.teamFund() != null) {
                if (i == 0) {
                    throw Problems.invalid(field + ".teamFund", "the first bracket is never crossed into; "
                            + "give teamFund on the brackets above it");
                }
                amount(field + ".teamFund", b.teamFund());
            }
        }
        out.commission = c;
    }

    @Override
    public List<String> measures(PlanSections sections) {
        return sections.commission() == null ? List.of() : List.of(sections.commission().measureOrDefault());
    }

    /** The team fund: what the agents' sales paid in by crossing tiers, and how many agents paid in. */
    @Override
    public UnitOutcome decide(UnitFacts facts, UnitOutcome unit) {
        Commission commission = facts.sections().commission();
        if (commission == null) {
            return unit;
        }
        BigDecimal fund = unit.teamFund();
        int contributors = unit.teamFundContributors();
        for (FiguresByMeasure f : facts.figures()) {
            BigDecimal sales = f.value(commission.measureOrDefault());
            if (sales != null) {
                BigDecimal c = TieredCommission.of(commission, sales).teamFund();
                if (c.signum() > 0) {
                    fund = fund.add(c);
                    contributors++;
                }
            }
        }
        return new UnitOutcome(unit.unitCode(), unit.period(), fund, contributors, unit.team(), unit.honors(),
                unit.points());
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
            return List.of(ComputedLine.paid(KIND, BigDecimal.ZERO, plan.currency, new Explanation("No " + measure
                    + " recorded for " + facts.unit().period() + ": no commission", facts.unit().period() + " 没有 "
                    + measure + " 记录：无提成"), source));
        }
        TieredCommission c = TieredCommission.of(commission, sales);
        source.put("tier", c.tier());
        source.put("teamFundContribution", c.teamFund());
        Explanation head = commission.mode() == CommissionMode.WHOLE ? new Explanation("Sales ", "销售额 ")
                : new Explanation("Sales by bracket: ", "分档计算销售额：");
        return List.of(ComputedLine.paid(KIND, c.amount(), plan.currency, head.plus(c.explained()), source));
    }

    @Schema(name = "PlanCommission", description = "Tiered sales commission (seed 003) with team-fund contributions")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Commission(
            @Schema(description = "Measure of the sales amount; sales_amount by default", examples = "sales_amount")
            String measure,
            @Schema(required = true, description = "WHOLE: all sales at the rate of the tier they reach; "
                    + "PROGRESSIVE: each bracket's part at its own rate") CommissionMode mode,
            @Schema(required = true, description = "Ascending; the last has no upTo") List<Bracket> brackets) {

        public String measureOrDefault() {
            return measure == null ? "sales_amount" : measure;
        }
    }

    @Schema(name = "PlanCommissionBracket")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bracket(
            @Schema(description = "Upper bound, inclusive; absent on the last bracket", examples = "100000")
            BigDecimal upTo,
            @Schema(required = true, description = "0.01 is 1%", examples = "0.015") BigDecimal rate,
            @Schema(description = "Paid into the unit's team fund when an agent's sales reach this tier (cross "
                    + "the previous upTo); not on the first bracket", examples = "200") BigDecimal teamFund) {
    }

    public enum CommissionMode { WHOLE, PROGRESSIVE }
}
