package io.perfcenter.scoring.scorecard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** Response bodies of scorecards. */
public final class ScorecardPayloads {

    private ScorecardPayloads() {
    }

    @Schema(name = "Scorecard", description = "One agent's result of a scoring run")
    public record ScorecardView(
            @Schema(examples = "501") long id,
            @Schema(examples = "12") long runId,
            @Schema(examples = "E2001") String employeeId,
            @Schema(description = "Unit the run scored", examples = "G-EAST-1") String unitCode,
            @Schema(examples = "2026-10") String period,
            @Schema(examples = "SEAT-MONTHLY") String templateCode,
            @Schema(examples = "1") int templateVersion,
            @Schema(description = "Sum of the weighted points, 2 decimals half up", examples = "86.75")
            BigDecimal total,
            @Schema(examples = "good") String grade,
            @Schema(description = "1 = best within the run; ties share a rank", examples = "3") int rank,
            Scorecard.Status status,
            List<ItemView> items) {

        public static ScorecardView of(Scorecard s) {
            return new ScorecardView(s.id, s.runId, s.employeeId, s.unitCode, s.period, s.templateCode,
                    s.templateVersion, s.total, s.grade, s.rank == null ? 0 : s.rank, s.status,
                    s.items.stream().map(ItemView::of).toList());
        }
    }

    @Schema(name = "ScorecardItem", description = "An item's value, points, weight and how they came about")
    public record ItemView(
            @Schema(examples = "calls") String itemCode,
            @Schema(examples = "calls_handled") String metricCode,
            @Schema(description = "The period value; null when insufficientData", examples = "2412") BigDecimal value,
            @Schema(description = "Points the rule gave (0–100 unless the rule counts raw points)", examples = "88.44")
            BigDecimal points,
            @Schema(description = "Percent of the total", examples = "40") BigDecimal weight,
            @Schema(description = "points × weight / 100", examples = "35.376") BigDecimal weightedPoints,
            @Schema(examples = "2,412 calls × 0.55 (tier 2300–2500) = 1,326.6; 1,326.6 / 1,500 (max) × 100 = 88.44 "
                    + "points; weight 40% → 35.376") String explanation,
            @Schema(description = "No value for the period: 0 points, not a real score") boolean insufficientData) {

        static ItemView of(ScorecardItem i) {
            return new ItemView(i.itemCode, i.metricCode, plain(i.value), plain(i.points), plain(i.weight),
                    plain(i.weightedPoints), i.explanation, i.insufficientData);
        }
    }

    // 40.00 -> 40, 1326.60 -> 1326.6, never 4E+1
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
