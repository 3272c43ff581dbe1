package io.perfcenter.incentive.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.incentive.section.CommissionSection.Commission;
import io.perfcenter.incentive.section.OverBudgetSection.OverBudget;
import io.perfcenter.incentive.section.PerformancePaySection.ScoreBand;
import io.perfcenter.incentive.section.PerkSection.Perk;
import io.perfcenter.incentive.section.PointsConversionSection.PointsConversion;
import io.perfcenter.incentive.section.TargetBonusSection.TargetBonus;
import io.perfcenter.incentive.section.TeamRewardSection.TeamReward;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The optional sections of a plan beyond performance pay by grade, stored with the plan version as JSON. A plan
 * without any of them pays performance pay by grade only, exactly as plans did before the sections existed.
 *
 * <p>A <em>measure</em> names a figure of an agent: {@code score} (the scorecard total), {@code rank} (the
 * scorecard rank, 1 = best) or a metric code ({@code fcr}, {@code sales_amount} …), read from the scorecard item
 * of that metric when it has one, else from metrics-service's aggregates for the period.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanSections(List<ScoreBand> scoreBands, TargetBonus targets, Commission commission,
                           TeamReward teamReward, List<Perk> perks, Map<String, BigDecimal> honorPrizes,
                           OverBudget overBudget, PointsConversion pointsConversion) {

    public static final PlanSections NONE = new PlanSections(null, null, null, null, null, null, null, null);

    /** The sections before points conversion existed. */
    public PlanSections(List<ScoreBand> scoreBands, TargetBonus targets, Commission commission,
                        TeamReward teamReward, List<Perk> perks, Map<String, BigDecimal> honorPrizes,
                        OverBudget overBudget) {
        this(scoreBands, targets, commission, teamReward, perks, honorPrizes, overBudget, null);
    }

    @Schema(name = "PlanTargetDirection", description = "Whether a team target is met above (HIGHER) or below (LOWER) it")
    public enum Direction { HIGHER, LOWER }
}
