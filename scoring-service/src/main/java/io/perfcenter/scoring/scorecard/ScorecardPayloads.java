package io.perfcenter.scoring.scorecard;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.scoring.rule.PointRange;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateItem;
import io.perfcenter.scoring.web.Languages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import static io.perfcenter.scoring.rule.Figures.plain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Response bodies of scorecards. */
public final class ScorecardPayloads {

    private ScorecardPayloads() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Scorecard", description = "One agent's result of a scoring run")
    public record ScorecardView(
            @Schema(examples = "501") long id,
            @Schema(examples = "12") long runId,
            @Schema(examples = "E2001") String employeeId,
            @Schema(description = "Unit the run scored", examples = "G-EAST-1") String unitCode,
            @Schema(examples = "2026-10") String period,
            @Schema(examples = "SEAT-MONTHLY") String templateCode,
            @Schema(examples = "1") int templateVersion,
            @Schema(description = "Weighted templates: sum of the weighted points (re-normalised when items were "
                    + "left out); additive: sum of the points; 2 decimals half up", examples = "86.75")
            BigDecimal total,
            @Schema(description = "Final grade: by the bands, or by rank under a forced distribution",
                    examples = "good") String grade,
            @Schema(description = "1 = best within the run; ties share a rank", examples = "3") int rank,
            @Schema(description = "100 = best of the run, 0 = last; ties share it", examples = "75") BigDecimal percentile,
            @Schema(description = "The grade the bands give the total (differs from grade under a forced "
                    + "distribution)", examples = "good") String bandGrade,
            @Schema(description = "How the total came about, in the language of Accept-Language (any zh: Simplified "
                    + "Chinese, else English; Content-Language says which); English on scorecards computed before "
                    + "the Chinese was kept", examples = "Total: 35.376 + 30 + 21.33 = 86.706 → 86.71")
            String totalExplanation,
            @Schema(description = "COMPUTED, IN_REVIEW, PUBLISHED, LOCKED or SUPERSEDED; PUBLISHED and LOCKED are "
                    + "final for pay") Scorecard.Status status,
            @Schema(description = "Units templates: the unit scored (the scorecard is its leader's)",
                    examples = "G-EAST-1") String subjectUnitCode,
            ReviewView review,
            List<ItemView> items) {

        public static ScorecardView of(Scorecard s) {
            return of(s, ranges(s));
        }

        /** Views of many scorecards, reading each template version once (a run's scorecards share one). */
        public static List<ScorecardView> all(List<Scorecard> cards) {
            Map<String, Map<String, PointRange>> byTemplate = new HashMap<>();
            return cards.stream().map(s -> of(s, byTemplate.computeIfAbsent(s.templateCode + "@" + s.templateVersion,
                    key -> ranges(s)))).toList();
        }

        // the items' point ranges follow from the template version that scored them, which never changes
        private static Map<String, PointRange> ranges(Scorecard s) {
            return ScorecardTemplate.version(s.templateCode, s.templateVersion)
                    .map(t -> t.items.stream().collect(Collectors.toMap(TemplateItem::code, TemplateItem::pointRange)))
                    .orElse(Map.of());
        }

        private static ScorecardView of(Scorecard s, Map<String, PointRange> ranges) {
            return new ScorecardView(s.id, s.runId, s.employeeId, s.unitCode, s.period, s.templateCode,
                    s.templateVersion, s.total, s.grade, s.rank == null ? 0 : s.rank, s.percentile,
                    s.bandGrade, Languages.explain(s.totalExplanation, s.totalExplanationZh), s.status, s.subjectUnitCode, ReviewView.of(s),
                    s.items.stream().map(i -> ItemView.of(i, ranges.get(i.itemCode))).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ScorecardReview", description = "The agent's self-assessment and the supervisor's review")
    public record ReviewView(String selfAssessment, OffsetDateTime selfAssessedAt,
                             @Schema(description = "The supervisor's comments on the result") String comments,
                             @Schema(description = "Notes of the one-on-one feedback talk (绩效面谈)") String feedbackNotes,
                             String reviewedBy, OffsetDateTime reviewedAt) {

        static ReviewView of(Scorecard s) {
            if (s.selfAssessedAt == null && s.reviewedAt == null) {
                return null;
            }
            return new ReviewView(s.selfAssessment, s.selfAssessedAt, s.reviewComments, s.feedbackNotes,
                    s.reviewedBy, s.reviewedAt);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ScorecardItem", description = "An item's value, points, weight and how they came about")
    public record ItemView(
            @Schema(examples = "calls") String itemCode,
            @Schema(examples = "calls_handled") String metricCode,
            @Schema(description = "The period value; null without data and for manual ratings", examples = "2412")
            BigDecimal value,
            @Schema(description = "How many records the value rests on", examples = "22") Long samples,
            @Schema(description = "Points the rule gave, on its own scale (minPoints–maxPoints); null when left "
                    + "out", examples = "88.44") BigDecimal points,
            @Schema(description = "Lowest points the item's rule can give; none: open", examples = "0")
            BigDecimal minPoints,
            @Schema(description = "Highest points the item's rule can give (what `points` are out of); none: open",
                    examples = "100") BigDecimal maxPoints,
            @Schema(description = "Percent of the total (weighted) or the item's maximum (additive)", examples = "40")
            BigDecimal weight,
            @Schema(description = "What the item adds to the total", examples = "35.376") BigDecimal weightedPoints,
            @Schema(description = "How the points came about, in the language of Accept-Language (any zh: "
                    + "Simplified Chinese, e.g. \"2,412 通 × 0.55（2300–2500 档）= 1,326.6；1,326.6 / 1,500（上限）× 100 = "
                    + "88.44 分；权重 40% → 35.376\", else English; Content-Language says which); English on scorecards "
                    + "computed before the Chinese was kept", examples = "2,412 calls × 0.55 (tier 2300–2500) = 1,326.6; "
                    + "1,326.6 / 1,500 (max) × 100 = 88.44 points; weight 40% → 35.376") String explanation,
            @Schema(description = "Not enough data to score (see handling): never a silent zero")
            boolean insufficientData,
            @Schema(description = "SCORED, ZERO, NEUTRAL or EXCLUDED (insufficient data), ADJUSTED (on appeal)")
            ScorecardItem.Handling handling) {

        static ItemView of(ScorecardItem i, PointRange range) {
            return new ItemView(i.itemCode, i.metricCode, plain(i.value), i.samples, plain(i.points),
                    range == null ? null : plain(range.min()), range == null ? null : plain(range.max()),
                    plain(i.weight), plain(i.weightedPoints), Languages.explain(i.explanation, i.explanationZh),
                    i.insufficientData,
                    ScorecardItem.Handling.valueOf(i.handling));
        }
    }
}
