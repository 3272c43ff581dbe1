package io.perfcenter.scoring.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfcenter.scoring.rule.ScoringRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of scorecard templates. */
public final class TemplatePayloads {

    private TemplatePayloads() {
    }

    @Schema(name = "ScorecardTemplateInput", description = "A scorecard template; posting an existing code makes "
            + "its next version")
    public record TemplateInput(
            @Schema(required = true, examples = "SEAT-MONTHLY") String code,
            @Schema(required = true, examples = "Front-line seat, monthly") String name,
            @Schema(required = true, description = "Position the template scores (seat, expert-seat, group-lead …)",
                    examples = "seat") String position,
            @Schema(required = true, description = "Items; codes unique, weights summing to 100") List<ItemInput> items,
            @Schema(required = true, description = "Distinct grades and minScores, one minScore at 0")
            List<GradeBand> gradeBands) {
    }

    @Schema(name = "ScorecardTemplateItemInput")
    public record ItemInput(
            @Schema(required = true, examples = "calls") String code,
            @Schema(required = true, examples = "Calls handled 接听量") String name,
            @Schema(required = true, description = "Balanced-scorecard category", examples = "internal-operations")
            String category,
            @Schema(required = true, description = "Metric of metrics-service's catalog", examples = "calls_handled")
            String metricCode,
            @Schema(required = true, description = "Percent of the total, above 0, at most 2 decimals",
                    examples = "40") BigDecimal weight,
            // read by RuleReader so that a wrong parameter is named (items[0].rule.full), not a parse error
            @Schema(required = true, implementation = ScoringRule.class) JsonNode rule) {
    }

    @Schema(name = "ScorecardTemplate")
    public record TemplateView(
            @Schema(examples = "SEAT-MONTHLY") String code,
            @Schema(description = "1 for a new code, one more for each redefinition", examples = "1") int version,
            String name,
            String position,
            List<TemplateItem> items,
            @Schema(description = "Highest minScore first") List<GradeBand> gradeBands,
            OffsetDateTime createdAt,
            @Schema(examples = "H1001") String createdBy) {

        static TemplateView of(ScorecardTemplate t) {
            return new TemplateView(t.code, t.version, t.name, t.position, t.items, t.gradeBands, t.createdAt,
                    t.createdBy);
        }
    }
}
