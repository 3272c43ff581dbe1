package io.perfcenter.scoring.appeal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.scoring.web.Languages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import static io.perfcenter.scoring.rule.Figures.plain;

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
            @Schema(description = "For DATA_POINT: which record is wrong (date, id in the source system …); may be "
                    + "left out when `record` names it", examples = "complaint CRM-88231 of 2026-10-14")
            String dataPoint,
            @Schema(description = "For DATA_POINT: the record in metrics-service it disputes, checked there as the "
                    + "caller (a QA evaluation of the agent's, dated in the scorecard's period); the evaluation then "
                    + "shows the appeal and its outcome") RecordRef record) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AppealRecord", description = "A record in metrics-service an appeal disputes: its kind and "
            + "either its number there or its key in the sending system (sourceSystem and externalId)")
    public record RecordRef(
            @Schema(required = true, enumeration = {"qa-evaluations"}, examples = "qa-evaluations") String kind,
            @Schema(description = "The record's number in metrics-service", minimum = "1", examples = "17") Long id,
            @Schema(maxLength = 200, examples = "qa-tool") String sourceSystem,
            @Schema(maxLength = 200, examples = "QA-2026-10-0042") String externalId,
            @Schema(description = "The day it counts for (answered; ignored on input)", readOnly = true,
                    examples = "2026-10-09") LocalDate date) {
    }

    @Schema(name = "AppealDecisionInput", description = "Accept (with an adjustment or a data correction) or reject")
    public record DecisionInput(
            @Schema(required = true, description = "ACCEPTED or REJECTED", examples = "ACCEPTED") Appeal.Status outcome,
            @Schema(required = true, examples = "Recording checked: the complaint belongs to the courier")
            String reason,
            @Schema(description = "Accepting: the item's new points") Adjustment adjustment,
            @Schema(description = "Accepting: the agent's corrected figure of a day, stored in metrics-service where "
                    + "it overrides the day's records; the scorecard is recomputed from the corrected figures")
            Correction correction) {
    }

    @Schema(name = "AppealEscalationInput", description = "Why the appeal goes to hr")
    public record EscalationInput(@Schema(required = true, examples = "The recording is ambiguous; hr decides")
                                  String reason) {
    }

    @Schema(name = "AppealAdjustment")
    public record Adjustment(@Schema(required = true, description = "The item's points from now on", examples = "100")
                             BigDecimal points) {
    }

    @Schema(name = "AppealDataCorrection", description = "The agent's figure of a metric on one day, as it should have "
            + "been (e.g. 1 complaint instead of 2): it replaces the day's figure in every aggregate metrics-service "
            + "computes (metrics summed over the period only)")
    public record Correction(@Schema(description = "Defaults to the item's metric", examples = "complaints")
                             String metricCode,
                             @Schema(required = true, examples = "2026-10-14") LocalDate date,
                             @Schema(required = true, examples = "0") BigDecimal value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Appeal")
    public record AppealView(long id, long scorecardId, long runId, String employeeId, String unitCode,
                             String itemCode, Appeal.Kind kind, String reason,
                             @Schema(description = "Which record is disputed: as the agent wrote it, or as the "
                                     + "service names the record, then in the language of Accept-Language (any zh: "
                                     + "Simplified Chinese, else English; Content-Language says which)",
                                     examples = "QA evaluation 17 (qa-tool/QA-2026-10-0042) of 2026-10-09")
                             String dataPoint, Appeal.Status status,
                             OffsetDateTime filedAt, String decidedBy, OffsetDateTime decidedAt,
                             String decisionReason, Appeal.Resolution resolution,
                             BigDecimal pointsBefore, BigDecimal pointsAfter, BigDecimal totalBefore,
                             BigDecimal totalAfter, String gradeBefore, String gradeAfter, Integer rankBefore,
                             Integer rankAfter,
                             @Schema(description = "When it was escalated to hr (only hr or admin decide it then)")
                             OffsetDateTime escalatedAt, String escalatedBy, String escalationReason,
                             @Schema(description = "Whether the caller may decide it now (open; not the agent, not "
                                     + "their own supervisor or manager; an appeals reviewer, hr or admin)")
                             Boolean mayDecide,
                             @Schema(description = "The record a DATA_POINT appeal disputes") RecordRef record) {

        static AppealView of(Appeal a, Boolean mayDecide) {
            return new AppealView(a.id, a.scorecardId, a.runId, a.employeeId, a.unitCode, a.itemCode, a.kind,
                    a.reason, Languages.explain(a.dataPoint, a.dataPointZh), a.status, a.filedAt, a.decidedBy,
                    a.decidedAt, a.decisionReason,
                    a.resolution, plain(a.pointsBefore), plain(a.pointsAfter), plain(a.totalBefore),
                    plain(a.totalAfter), a.gradeBefore, a.gradeAfter, a.rankBefore, a.rankAfter, a.escalatedAt, a.escalatedBy,
                    a.escalationReason, mayDecide, a.recordKind == null ? null : new RecordRef(a.recordKind,
                    a.recordId, a.recordSourceSystem, a.recordExternalId, a.recordDate));
        }
    }
}
