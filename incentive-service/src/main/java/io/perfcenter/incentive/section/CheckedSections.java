package io.perfcenter.incentive.section;

import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.section.CommissionSection.Commission;
import io.perfcenter.incentive.section.OverBudgetSection.OverBudget;
import io.perfcenter.incentive.section.PerkSection.Perk;
import io.perfcenter.incentive.section.PerformancePaySection.ScoreBand;
import io.perfcenter.incentive.section.TargetBonusSection.TargetBonus;
import io.perfcenter.incentive.section.TeamRewardSection.TeamReward;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sections' checks make of a plan input, filled in section by section: the grade coefficients (keyed by
 * lower-case grade; empty when the plan pays by score band or pays no performance pay) and each section's checked
 * configuration, null when the plan leaves it out.
 */
public final class CheckedSections {

    Map<String, BigDecimal> coefficients = new HashMap<>();
    List<ScoreBand> scoreBands;
    TargetBonus targets;
    Commission commission;
    TeamReward teamReward;
    List<Perk> perks;
    Map<String, BigDecimal> honorPrizes;
    OverBudget overBudget;
    PointsConversionSection.PointsConversion pointsConversion;

    public Map<String, BigDecimal> coefficients() {
        return coefficients;
    }

    public PlanSections sections() {
        return new PlanSections(scoreBands, targets, commission, teamReward, perks, honorPrizes, overBudget,
                pointsConversion);
    }
}
