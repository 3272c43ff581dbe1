package io.perfcenter.scoring.appeal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Request and response bodies of appeals. */
public final class AppealPayloads {

    private AppealPayloads() {
    }

    @Schema(name = "AppealInput", description = "An agent's appeal against an item of their published scorecard")
    public record AppealInput(
            @Schema(required = true, examples = "501") Long scorecardId,
            @Schema(required = true, examples = "complaints") String itemCode,
            @Schema(required = true, description = "SCORE: the score itself; DATA_POINT: a data point behind it",
                    examples = "DATA_POINT") Appeal.Kind kind,
            @Schema(required = true, examples = "The complaint of 2026-10-14 was about the courier, not my call")
            String reason,
            @Schema(description = "For DATA_POINT: which record is wrong (date, id in the source system …)",
                    examples = "complaint CRM-88231 of 2026-10-14") String dataPoint) {
    }

    @Schema(name = "AppealDecisionInput", description = "Accept (with an adjustment or a data correction) or reject")
    public record DecisionInput(
            @Schema(required = true, description = "ACCEPTED or REJECTED", examples = "ACCEPTED") Appeal.Status outcome,
            @Schema(required = true, examples = "Recording checked: the complaint belongs to the courier")
            String reason,
            @Schema(description = "Accepting: the item's new points") Adjustment adjustment,
            @Schema(description = "Accepting: a corrected value sent to metrics-service as a new revision of the "
                    + "record; the scorecard is recomputed from the corrected aggregates") Correction correction) {
    }

    @Schema(name = "AppealAdjustment")
    public record Adjustment(@Schema(required = true, description = "The item's points from now on", examples = "100")
                             BigDecimal points) {
    }

    @Schema(name = "AppealDataCorrection", description = "A daily value of metrics-service replaced by a higher "
            + "revision of the same source record")
    public record Correction(@Schema(required = true, examples = "crm") String sourceSystem,
                             @Schema(required = true, examples = "complaints-E2001-2026-10-14") String externalId,
                             @Schema(description = "Defaults to the item's metric", examples = "complaints")
                             String metricCode,
                             @Schema(required = true, examples = "2026-10-14") LocalDate date,
                             @Schema(required = true, examples = "0") BigDecimal value,
                             @Schema(required = true, description = "Higher than the stored one", examples = "2")
                             Integer revision) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Appeal")
    public record AppealView(long id, long scorecardId, long runId, String employeeId, String unitCode,
                             String itemCode, Appeal.Kind kind, String reason, String dataPoint, Appeal.Status status,
                             OffsetDateTime filedAt, String decidedBy, OffsetDateTime decidedAt,
                             String decisionReason, Appeal.Resolution resolution,
                             BigDecimal pointsBefore, BigDecimal pointsAfter, BigDecimal totalBefore,
                             BigDecimal totalAfter, String gradeBefore, String gradeAfter, Integer rankBefore,
                             Integer rankAfter,
                             @Schema(description = "Whether the caller may decide it (not the agent, not their own "
                                     + "supervisor)") Boolean mayDecide) {

        static AppealView of(Appeal a, Boolean mayDecide) {
            return new AppealView(a.id, a.scorecardId, a.runId, a.employeeId, a.unitCode, a.itemCode, a.kind,
                    a.reason, a.dataPoint, a.status, a.filedAt, a.decidedBy, a.decidedAt, a.decisionReason,
                    a.resolution, plain(a.pointsBefore), plain(a.pointsAfter), plain(a.totalBefore),
                    plain(a.totalAfter), a.gradeBefore, a.gradeAfter, a.rankBefore, a.rankAfter, mayDecide);
        }

        private static BigDecimal plain(BigDecimal v) {
            return io.perfcenter.scoring.scorecard.ScorecardPayloads.plain(v);
        }
    }
}
