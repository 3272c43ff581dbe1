package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.plan.PlanSections.TeamReward;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The team-share line: the agent's part of the unit's team reward, as {@link TeamPool} decided it. */
@ApplicationScoped
public class TeamShareLine implements LineRule {

    public static final String KIND = "team-share";

    @Override
    public int order() {
        return 40;
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
                ? ComputedLine.notComputed(KIND, currency, share.explanation(), source, share.flag())
                : ComputedLine.paid(KIND, share.amount(), currency, share.explanation(), source));
    }
}
