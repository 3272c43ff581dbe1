package io.perfcenter.scoring.run;

import io.perfcenter.scoring.scorecard.ScorecardPayloads.ScorecardView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of scoring runs. */
public final class RunPayloads {

    private RunPayloads() {
    }

    @Schema(name = "ScoringRunInput", description = "Score every agent of a unit for a period with a template's "
            + "latest version")
    public record RunInput(
            @Schema(required = true, examples = "SEAT-MONTHLY") String templateCode,
            @Schema(required = true, description = "Unit of metrics-service's org directory (sub-units included)",
                    examples = "G-EAST-1") String unitCode,
            @Schema(required = true, description = "Month as YYYY-MM", examples = "2026-10") String period) {
    }

    @Schema(name = "ScoringRun", description = "A run with its scorecards, best rank first")
    public record RunView(
            @Schema(examples = "12") long id,
            @Schema(examples = "SEAT-MONTHLY") String templateCode,
            @Schema(examples = "1") int templateVersion,
            @Schema(examples = "G-EAST-1") String unitCode,
            @Schema(examples = "2026-10") String period,
            @Schema(description = "First day of the period", examples = "2026-10-01") LocalDate from,
            @Schema(description = "Last day of the period", examples = "2026-10-31") LocalDate to,
            ScorecardRun.Status status,
            OffsetDateTime computedAt,
            @Schema(examples = "H1001") String computedBy,
            OffsetDateTime publishedAt,
            String publishedBy,
            List<ScorecardView> scorecards) {

        static RunView of(ScorecardRun r, List<ScorecardView> scorecards) {
            return new RunView(r.id, r.templateCode, r.templateVersion, r.unitCode, r.period, r.periodFrom,
                    r.periodTo, r.status, r.computedAt, r.computedBy, r.publishedAt, r.publishedBy, scorecards);
        }
    }

    @Schema(name = "ScoringRunSummary", description = "A run without its scorecards")
    public record RunSummary(long id, String templateCode, int templateVersion, String unitCode, String period,
                             ScorecardRun.Status status, OffsetDateTime computedAt, OffsetDateTime publishedAt,
                             @Schema(description = "How many agents were scored") long scorecardCount) {
    }
}
