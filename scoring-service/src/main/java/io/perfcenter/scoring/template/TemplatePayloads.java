package io.perfcenter.scoring.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfcenter.scoring.rule.ScoringRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
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
            @Schema(required = true, description = "Position the template scores (seat, expert-seat, group-lead …): "
                    + "a run of an agents template scores only agents with this position (or one of positions)",
                    examples = "seat") String position,
            @Schema(required = true, description = "Items; codes unique, weights summing to 100") List<ItemInput> items,
            @Schema(required = true, description = "Distinct grades and minScores, one minScore at 0")
            List<GradeBand> gradeBands,
            @Schema(description = "weighted (default): each item's points scaled from its rule's scale to its "
                    + "weight (points / the rule's maximum × weight), weights summing to weightTotal; additive: item "
                    + "points added up (seed 004: volume points + error points), an item's weight being its rule's "
                    + "maximum") TemplateOptions.Scoring scoring,
            @Schema(description = "What the weights sum to: weighted templates 100 unless said otherwise; additive "
                    + "templates: the template's maximum, which the items' maximums must sum to (checked when "
                    + "given)", examples = "100") BigDecimal weightTotal,
            @Schema(description = "Categories with weights; each category's items must weigh exactly that")
            List<TemplateOptions.Category> categories,
            @Schema(description = "How items with insufficient data count; default zero (0 points, marked)")
            InsufficientData insufficientData,
            @Schema(description = "agents (default): each agent of the run's unit from their own values; units: "
                    + "each unit (its leader) from the unit's own totals — for group leads and managers")
            TemplateOptions.Subject subject,
            @Schema(description = "Forced distribution of grades by rank within the run, instead of bands")
            TemplateOptions.Distribution distribution,
            @Schema(description = "Whether publishing needs every scorecard reviewed by a supervisor")
            TemplateOptions.Review review,
            @Schema(description = "Agents templates: which one unit's run scores an agent who changed units during "
                    + "the period — MOST_DAYS (default): the unit with the most days of the period, a tie to the "
                    + "later unit; PERIOD_END: the unit on the period's last day (a leaver: their last unit)")
            MoverPolicy moverPolicy,
            @Schema(description = "Agents templates: further positions scored besides position (a run scores only "
                    + "agents whose position in the org directory is one of them)", examples = "[\"expert-seat\"]")
            List<String> positions,
            @Schema(description = "The template's label in Chinese, for pages in zh-CN (else name is shown)",
                    examples = "一线坐席月度考核", maxLength = Labels.MAX_LENGTH) String nameZh,
            @Schema(description = "The template's label in English", examples = "Front-line seat, monthly",
                    maxLength = Labels.MAX_LENGTH) String nameEn) {

        public TemplateInput(String code, String name, String position, List<ItemInput> items,
                             List<GradeBand> gradeBands) {
            this(code, name, position, items, gradeBands, null, null, null, null, null, null, null, null, null,
                    null, null);
        }
    }

    @Schema(name = "ScorecardTemplateItemInput")
    public record ItemInput(
            @Schema(required = true, examples = "calls") String code,
            @Schema(required = true, examples = "Calls handled 接听量") String name,
            @Schema(required = true, description = "Balanced-scorecard category", examples = "internal-operations")
            String category,
            @Schema(description = "Metric of metrics-service's catalog; required unless the rule is a manual rating",
                    examples = "calls_handled") String metricCode,
            @Schema(description = "Weighted templates (required): percent of the total, above 0, at most 2 decimals; "
                    + "additive: the item's maximum points, equal to its rule's maximum (default) or, for a rule "
                    + "without one, its cap", examples = "40") BigDecimal weight,
            // read by RuleReader so that a wrong parameter is named (items[0].rule.full), not a parse error
            @Schema(required = true, implementation = ScoringRule.class) JsonNode rule,
            @Schema(description = "Fewest samples the value must rest on (e.g. 20 surveys); fewer is insufficient "
                    + "data", examples = "20") Integer minSamples,
            @Schema(description = "Overrides the template's insufficient-data policy for this item")
            InsufficientData insufficientData,
            @Schema(description = "The item's label in Chinese, for pages in zh-CN (else name is shown)",
                    examples = "接听量", maxLength = Labels.MAX_LENGTH) String nameZh,
            @Schema(description = "The item's label in English", examples = "Calls handled",
                    maxLength = Labels.MAX_LENGTH) String nameEn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ScorecardTemplate")
    public record TemplateView(
            @Schema(examples = "SEAT-MONTHLY") String code,
            @Schema(description = "1 for a new code, one more for each redefinition", examples = "1") int version,
            String name,
            @Schema(description = "The template's label in Chinese, when HR gave one", examples = "一线坐席月度考核")
            String nameZh,
            @Schema(description = "The template's label in English, when HR gave one",
                    examples = "Front-line seat, monthly") String nameEn,
            String position,
            List<TemplateItem> items,
            @Schema(description = "Highest minScore first") List<GradeBand> gradeBands,
            TemplateOptions.Scoring scoring,
            BigDecimal weightTotal,
            @Schema(description = "Highest total the template can give: weighted, the weight total (more only for "
                    + "target achievement over 100%); additive, the sum of the items' maximums; none when an "
                    + "additive item has no maximum", examples = "100") BigDecimal maxTotal,
            List<TemplateOptions.Category> categories,
            InsufficientData insufficientData,
            TemplateOptions.Subject subject,
            TemplateOptions.Distribution distribution,
            TemplateOptions.Review review,
            @Schema(description = "Agents templates: how movers are placed (MOST_DAYS when not set)")
            MoverPolicy moverPolicy,
            @Schema(description = "Agents templates: further positions scored besides position")
            List<String> positions,
            OffsetDateTime createdAt,
            @Schema(examples = "H1001") String createdBy,
            @Schema(description = "When the template was retired; absent while it is in use. A retired template "
                    + "still reads (with every version), but is left out of the list and cannot be used for new runs")
            OffsetDateTime retiredAt,
            @Schema(examples = "H1001") String retiredBy) {

        public static TemplateView of(ScorecardTemplate t) {
            TemplateOptions o = t.optionsOrDefaults();
            return new TemplateView(t.code, t.version, t.name, t.nameZh, t.nameEn, t.position, t.items, t.gradeBands,
                    o.scoringOrDefault(), o.weightTotalOrDefault(), t.maxTotal(), o.categories(),
                    o.insufficientDataOrDefault(), o.subjectOrDefault(), o.distribution(), o.review(),
                    o.subjectOrDefault() == TemplateOptions.Subject.AGENTS ? o.moverPolicyOrDefault() : null,
                    o.positions(), t.createdAt, t.createdBy, t.retiredAt, t.retiredBy);
        }
    }
}
