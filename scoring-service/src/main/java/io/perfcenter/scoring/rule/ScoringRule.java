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
 * with a test reproducing its example from DOMAIN.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = LinearRule.class, name = LinearRule.TYPE),
        @JsonSubTypes.Type(value = TieredRateRule.class, name = TieredRateRule.TYPE)})
@Schema(name = "ScoringRule", description = "A scoring rule; `type` says which kind and which parameters apply",
        oneOf = {LinearRule.class, TieredRateRule.class}, discriminatorProperty = "type",
        discriminatorMapping = {
                @DiscriminatorMapping(value = LinearRule.TYPE, schema = LinearRule.class),
                @DiscriminatorMapping(value = TieredRateRule.TYPE, schema = TieredRateRule.class)})
public interface ScoringRule {

    /** What is wrong with the parameters, each naming the parameter (e.g. {@code full}, {@code tiers[2].rate}). */
    List<InvalidParameter> check();

    /** Points for a period value, with the explanation of how they came about. Only called on a checked rule. */
    RuleScore score(BigDecimal value);

    /** A parameter that is missing or out of range; {@code field} is relative to the rule. */
    record InvalidParameter(String field, String reason) {
    }
}
