package io.perfcenter.scoring.template;

import io.perfcenter.scoring.rule.ScoringRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** An item of a template as stored: which metric it scores, how (its rule) and how much it weighs. */
@Schema(name = "ScorecardTemplateItem")
public record TemplateItem(
        @Schema(examples = "calls") String code,
        @Schema(examples = "Calls handled 接听量") String name,
        @Schema(description = "Balanced-scorecard category", examples = "internal-operations") String category,
        @Schema(examples = "calls_handled") String metricCode,
        @Schema(description = "Share of the total in percent; the items' weights sum to 100", examples = "40")
        BigDecimal weight,
        ScoringRule rule) {
}
