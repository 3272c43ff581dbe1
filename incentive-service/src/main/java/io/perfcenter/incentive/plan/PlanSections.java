package io.perfcenter.incentive.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
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
                           OverBudget overBudget) {

    public static final PlanSections NONE = new PlanSections(null, null, null, null, null, null, null);

    @Schema(name = "PlanTargetDirection", description = "Whether a team target is met above (HIGHER) or below (LOWER) it")
    public enum Direction { HIGHER, LOWER }

    public enum CommissionMode { WHOLE, PROGRESSIVE }

    @Schema(name = "TeamFundSplit", description = "How a team fund is split among the team's agents")
    public enum Split { EQUAL, BY_SCORE, BY_HOURS }

    @Schema(name = "PerkConditionMatch", description = "Whether ANY or ALL conditions of a perk must hold")
    public enum Match { ANY, ALL }

    public enum OverBudgetPolicy { SCALE, FLAG }

    @Schema(name = "PlanScoreBand", description = "Performance pay coefficient for scorecard totals in a range")
    public record ScoreBand(
            @Schema(required = true, description = "Interval in math notation: ( or [ , lower, upper, ) or ]; "
                    + "an empty bound is open-ended", examples = "(95,100]") String range,
            @Schema(required = true, examples = "1.1") BigDecimal coefficient,
            @Schema(description = "Shown in explanations", examples = "A") String label) {
    }

    @Schema(name = "PlanTargetBonus", description = "Basic + challenge targets (seed 003): a bonus for reaching "
            + "the basic target and an extra one for the challenge target, times the agent's position weight")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetBonus(
            @Schema(required = true, examples = "fcr") String measure,
            @Schema(description = "HIGHER (default): reaching means ≥ threshold; LOWER: ≤ threshold")
            Direction direction,
            @Schema(required = true) Target basic,
            Target challenge,
            @Schema(description = "Multiplier of both bonuses per position in the org directory (hard roles weigh "
                    + "more); 1 for positions not listed", examples = "{\"expert-seat\": 1.2, \"seat\": 1.0}")
            Map<String, BigDecimal> positionWeights) {
    }

    @Schema(name = "PlanTarget")
    public record Target(@Schema(required = true, examples = "0.80") BigDecimal threshold,
                         @Schema(required = true, description = "Bonus in the plan's currency", examples = "500")
                         BigDecimal amount) {
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

    @Schema(name = "PlanPerk", description = "A non-monetary entitlement granted by rule, listed on the statement")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Perk(
            @Schema(required = true, examples = "FLEX-SHIFTS") String code,
            @Schema(required = true, examples = "self-chosen shifts") String name,
            @Schema(required = true, examples = "2") BigDecimal quantity,
            @Schema(description = "What the quantity counts", examples = "shifts a month") String unit,
            @Schema(required = true) PerkCondition when) {
    }

    @Schema(name = "PlanPerkCondition", description = "Who gets the perk; at least one condition")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PerkCondition(
            @Schema(description = "Scorecard rank at most this (1 = best)", examples = "3") Integer rankAtMost,
            @Schema(description = "Scorecard grade is one of these (case ignored)", examples = "[\"excellent\"]")
            List<String> grades,
            @Schema(examples = "95") BigDecimal scoreAtLeast,
            @Schema(description = "ANY (default): one condition suffices; ALL: every condition") Match match) {
    }

    @Schema(name = "PlanOverBudget", description = "What a run does when its cost exceeds the unit's budget")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OverBudget(
            @Schema(required = true, description = "SCALE: the scaled kinds shrink proportionally to fit; "
                    + "FLAG: the run only says it is over budget") OverBudgetPolicy policy,
            @Schema(description = "Line kinds that are scaled; all paid kinds when absent",
                    examples = "[\"performance-pay\", \"target-bonus\", \"challenge-bonus\", \"team-share\"]")
            List<String> scaledKinds) {
    }
}
