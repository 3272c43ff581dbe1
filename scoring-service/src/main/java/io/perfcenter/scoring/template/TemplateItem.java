package io.perfcenter.scoring.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.scoring.rule.ScoringRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** An item of a template as stored: which metric it scores, how (its rule) and how much it weighs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ScorecardTemplateItem")
public record TemplateItem(
        @Schema(examples = "calls") String code,
        @Schema(examples = "Calls handled 接听量") String name,
        @Schema(description = "Balanced-scorecard category", examples = "internal-operations") String category,
        @Schema(description = "None for manual ratings", examples = "calls_handled") String metricCode,
        @Schema(description = "Weighted templates: percent of the total; additive: the item's maximum points (none: "
                + "uncapped)", examples = "40") BigDecimal weight,
        ScoringRule rule,
        @Schema(description = "Fewest samples (surveys, QA evaluations …) the value must rest on; fewer is "
                + "insufficient data", examples = "20") Integer minSamples,
        @Schema(description = "Overrides the template's insufficient-data policy for this item")
        InsufficientData insufficientData) {

    public TemplateItem(String code, String name, String category, String metricCode, BigDecimal weight,
                        ScoringRule rule) {
        this(code, name, category, metricCode, weight, rule, null, null);
    }
}
