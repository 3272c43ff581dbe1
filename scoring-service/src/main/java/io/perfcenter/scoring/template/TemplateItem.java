package io.perfcenter.scoring.template;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.perfcenter.scoring.rule.Figures;
import io.perfcenter.scoring.rule.PointRange;
import io.perfcenter.scoring.rule.ScoringRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** An item of a template as stored: which metric it scores, how (its rule) and how much it weighs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
// minPoints and maxPoints follow from the rule: written for readers, never read back
@JsonIgnoreProperties(value = {"minPoints", "maxPoints"}, allowGetters = true)
@Schema(name = "ScorecardTemplateItem")
public record TemplateItem(
        @Schema(examples = "calls") String code,
        @Schema(examples = "Calls handled 接听量") String name,
        @Schema(description = "Balanced-scorecard category", examples = "internal-operations") String category,
        @Schema(description = "None for manual ratings", examples = "calls_handled") String metricCode,
        @Schema(description = "Weighted templates: percent of the total; additive: the item's maximum points, its "
                + "rule's maximum (none: the rule's points have no maximum and are uncapped)", examples = "40")
        BigDecimal weight,
        ScoringRule rule,
        @Schema(description = "Fewest samples (surveys, QA evaluations …) the value must rest on; fewer is "
                + "insufficient data", examples = "20") Integer minSamples,
        @Schema(description = "Overrides the template's insufficient-data policy for this item")
        InsufficientData insufficientData,
        @Schema(description = "The item's label in Chinese, for pages in zh-CN", examples = "接听量") String nameZh,
        @Schema(description = "The item's label in English", examples = "Calls handled") String nameEn) {

    public TemplateItem(String code, String name, String category, String metricCode, BigDecimal weight,
                        ScoringRule rule) {
        this(code, name, category, metricCode, weight, rule, null, null);
    }

    public TemplateItem(String code, String name, String category, String metricCode, BigDecimal weight,
                        ScoringRule rule, Integer minSamples, InsufficientData insufficientData) {
        this(code, name, category, metricCode, weight, rule, minSamples, insufficientData, null, null);
    }

    /** The points the item's rule can give, on its own scale; appeal adjustments stay within it. */
    public PointRange pointRange() {
        return rule.pointRange();
    }

    @JsonProperty(value = "minPoints", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = "Lowest points the item's rule can give, on its own scale; none: open",
            readOnly = true, examples = "0")
    public BigDecimal minPoints() {
        return Figures.plain(pointRange().min());
    }

    @JsonProperty(value = "maxPoints", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = "Highest points the item's rule can give, on its own scale (the item's `points` are out "
            + "of it); none: open", readOnly = true, examples = "10")
    public BigDecimal maxPoints() {
        return Figures.plain(pointRange().max());
    }
}
