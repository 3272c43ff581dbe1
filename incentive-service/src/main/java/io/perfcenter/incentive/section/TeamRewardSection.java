package io.perfcenter.incentive.section;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.incentive.client.MetricAggregates;
import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.plan.PlanSections.Direction;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.FiguresByMeasure;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.statement.UnitOutcome;
import io.perfcenter.incentive.web.Problems;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.incentive.section.SectionChecks.amount;
import static io.perfcenter.incentive.section.SectionChecks.measure;

/**
 * Team reward (seeds 000, 002): when the unit meets its target, a pool (plus the team fund the commission tiers fed,
 * if the plan says so) is split among the unit's agents; {@link TeamPool} decides it once for the unit, and each
 * agent's {@code team-share} line is their part. Configuration: {@code teamReward} ({@link TeamReward}).
 */
public final class TeamRewardSection extends PlanSection {

    public static final String KIND = "team-share";

    public TeamRewardSection() {
        super("teamReward", 40, LineKind.paid(KIND));
    }

    @Override
    public boolean given(PlanInput in) {
        return in.teamReward() != null;
    }

    @Override
    public void check(PlanInput in, CheckedSections out) {
        TeamReward t = in.teamReward();
        measure("teamReward.measure", t.measure());
        if (t.target() == null) {
            throw Problems.invalid("teamReward.target", "is required");
        }
        amount("teamReward.pool", t.pool());
        if (t.split() == null) {
            throw Problems.invalid("teamReward.split", "is required: EQUAL, BY_SCORE or BY_HOURS");
        }
        if (t.split() == Split.BY_HOURS) {
            if (t.hoursMeasure() == null) {
                throw Problems.invalid("teamReward.hoursMeasure", "is required to split BY_HOURS");
            }
            measure("teamReward.hoursMeasure", t.hoursMeasure());
        } else if (t.hoursMeasure() != null) {
            throw Problems.invalid("teamReward.hoursMeasure", "is used only to split BY_HOURS");
        }
        if (Boolean.TRUE.equals(t.includeTeamFund()) && in.commission() == null) {
            throw Problems.invalid("teamReward.includeTeamFund", "needs a commission section with team funds");
        }
        out.teamReward = new TeamReward(t.measure(), t.direction() == null ? Direction.HIGHER : t.direction(),
                t.target(), t.pool(), t.split(), t.hoursMeasure(), t.includeTeamFund());
    }

    @Override
    public List<String> measures(PlanSections sections) {
        TeamReward reward = sections.teamReward();
        if (reward == null) {
            return List.of();
        }
        return reward.hoursMeasure() == null ? List.of(reward.measure())
                : List.of(reward.measure(), reward.hoursMeasure());
    }

    /** Whether the unit met its target and each agent's share; runs after the commission's team fund. */
    @Override
    public UnitOutcome decide(UnitFacts facts, UnitOutcome unit) {
        TeamReward reward = facts.sections().teamReward();
        if (reward == null) {
            return unit;
        }
        List<TeamPool.Member> members = new ArrayList<>();
        for (int i = 0; i < facts.cards().size(); i++) {
            members.add(new TeamPool.Member(facts.cards().get(i).employeeId(), facts.cards().get(i).total(),
                    reward.hoursMeasure() == null ? null : facts.figures().get(i).value(reward.hoursMeasure())));
        }
        TeamPool.Outcome team = TeamPool.decide(reward, facts.unitCode(),
                unitValue(reward.measure(), facts.metrics(), facts.figures()), unit.teamFund(), members);
        return new UnitOutcome(unit.unitCode(), unit.period(), unit.teamFund(), unit.teamFundContributors(), team,
                unit.honors(), unit.points());
    }

    /**
     * The unit's figure for a team target: the mean of the scorecard totals for {@code score}; for a metric the
     * unit's own value from metrics-service (ratios of the unit's sums), else the mean of its agents' values.
     */
    static BigDecimal unitValue(String measure, MetricAggregates metrics, List<FiguresByMeasure> figures) {
        if (FiguresByMeasure.isMetric(measure)) {
            BigDecimal own = metrics.unitValue(measure);
            if (own != null) {
                return own;
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (FiguresByMeasure f : figures) {
            BigDecimal v = f.value(measure);
            if (v != null) {
                sum = sum.add(v);
                n++;
            }
        }
        return n == 0 ? null : Numbers.plainValue(sum.divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP));
    }

    @Override
    public List<ComputedLine> lines(Facts facts) {
        TeamReward reward = facts.sections().teamReward();
        TeamPool.Outcome team = facts.unit().team();
        if (reward == null || team == null) {
            return List.of();
        }
        TeamPool.Share share = team.shares().get(facts.scorecard().employeeId());
        if (share == null) {
            return List.of();
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("unitCode", facts.unit().unitCode());
        source.put("measure", team.measure());
        source.put("unitValue", team.unitValue());
        source.put("target", team.target());
        source.put("met", team.met());
        source.put("pool", team.pool());
        source.put("teamFund", team.teamFund());
        source.put("split", team.split().name());
        source.put("weight", share.weight());
        source.put("totalWeight", share.totalWeight());
        source.put("planVersion", facts.plan().version);
        String currency = facts.plan().currency;
        return List.of(share.flag() != null
                ? ComputedLine.notComputed(KIND, currency, share.explained(), source, share.flag())
                : ComputedLine.paid(KIND, share.amount(), currency, share.explained(), source));
    }

    @Schema(name = "PlanTeamReward", description = "When the unit meets its target, a pool split among its agents")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TeamReward(
            @Schema(required = true, description = "score: mean of the scorecard totals; a metric: the unit's "
                    + "value from metrics-service (else the mean of the agents' values)", examples = "csat")
            String measure,
            Direction direction,
            @Schema(required = true, examples = "4.5") BigDecimal target,
            @Schema(required = true, description = "Amount split when the target is met", examples = "10000")
            BigDecimal pool,
            @Schema(required = true, description = "EQUAL, BY_SCORE (scorecard total) or BY_HOURS") Split split,
            @Schema(description = "Metric of hours worked, for BY_HOURS", examples = "login_hours")
            String hoursMeasure,
            @Schema(description = "Add the period's team fund (commission tiers crossed) to the pool")
            Boolean includeTeamFund) {
    }

    @Schema(name = "TeamFundSplit", description = "How a team fund is split among the team's agents")
    public enum Split { EQUAL, BY_SCORE, BY_HOURS }
}
