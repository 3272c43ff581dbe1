package io.perfcenter.scoring.rule;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a template item turns a metric's period value into points. A rule is data (its JSON parameters, stored with
 * the template) and one class per rule type; the class that computes the points also writes the explanation an
 * agent reads. To add a rule type: a record implementing this interface, registered in {@link JsonSubTypes} below,
 * with a test reproducing its example from docs/domain.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = LinearRule.class, name = LinearRule.TYPE),
        @JsonSubTypes.Type(value = TieredRateRule.class, name = TieredRateRule.TYPE),
        @JsonSubTypes.Type(value = LookupTableRule.class, name = LookupTableRule.TYPE),
        @JsonSubTypes.Type(value = BandedDeductionRule.class, name = BandedDeductionRule.TYPE),
        @JsonSubTypes.Type(value = PerIncidentRule.class, name = PerIncidentRule.TYPE),
        @JsonSubTypes.Type(value = TargetAchievementRule.class, name = TargetAchievementRule.TYPE),
        @JsonSubTypes.Type(value = ManualRatingRule.class, name = ManualRatingRule.TYPE),
        @JsonSubTypes.Type(value = ExpressionRule.class, name = ExpressionRule.TYPE)})
@Schema(name = "ScoringRule", description = "A scoring rule; `type` says which kind and which parameters apply",
        oneOf = {LinearRule.class, TieredRateRule.class, LookupTableRule.class, BandedDeductionRule.class,
                PerIncidentRule.class, TargetAchievementRule.class, ManualRatingRule.class, ExpressionRule.class},
        discriminatorProperty = "type",
        discriminatorMapping = {
                @DiscriminatorMapping(value = LinearRule.TYPE, schema = LinearRule.class),
                @DiscriminatorMapping(value = TieredRateRule.TYPE, schema = TieredRateRule.class),
                @DiscriminatorMapping(value = LookupTableRule.TYPE, schema = LookupTableRule.class),
                @DiscriminatorMapping(value = BandedDeductionRule.TYPE, schema = BandedDeductionRule.class),
                @DiscriminatorMapping(value = PerIncidentRule.TYPE, schema = PerIncidentRule.class),
                @DiscriminatorMapping(value = TargetAchievementRule.TYPE, schema = TargetAchievementRule.class),
                @DiscriminatorMapping(value = ManualRatingRule.TYPE, schema = ManualRatingRule.class),
                @DiscriminatorMapping(value = ExpressionRule.TYPE, schema = ExpressionRule.class)})
public interface ScoringRule {

    /** What is wrong with the parameters, each naming the parameter (e.g. {@code full}, {@code tiers[2].rate}). */
    List<InvalidParameter> check();

    /**
     * The points the rule can give, on its own scale, derived from its parameters: a lookup table's worst and best row,
     * a deduction's floor and base, a linear rule's 0 and {@code points}. Appeal adjustments stay within it; an
     * additive template's item is worth its maximum.
     */
    PointRange pointRange();

    /**
     * The points that earn an item its whole weight in a weighted template: the top of {@link #pointRange()}, unless
     * the rule pays beyond it (target achievement over 100%). Null when the range is open: the points then count as
     * on a 0–100 scale, as they always did.
     */
    default BigDecimal fullPoints() {
        return pointRange().max();
    }

    /** Points for a period value, with the explanation of how they came about. Only called on a checked rule. */
    default RuleScore score(BigDecimal value) {
        return score(RuleContext.of(value));
    }

    /**
     * Points for what the context holds. Rules that need no more than the item's value implement
     * {@link #score(BigDecimal)}; the others (targets, ratings, expressions over several metrics) this one.
     */
    default RuleScore score(RuleContext context) {
        return score(context.value());
    }

    /** False for rules that score something else than the item's metric (manual ratings): no metric to fetch. */
    default boolean scoresMetric() {
        return true;
    }

    /** Metrics the rule reads besides the item's own (an expression's variables), fetched with the others. */
    default List<String> otherMetrics() {
        return List.of();
    }

    /** A parameter that is missing or out of range; {@code field} is relative to the rule. */
    record InvalidParameter(String field, String reason) {
    }
}
