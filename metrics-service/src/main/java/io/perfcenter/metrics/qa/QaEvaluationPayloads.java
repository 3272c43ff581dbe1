package io.perfcenter.metrics.qa;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** How a stored QA evaluation reads: as sent, and for a form-scored one its per-item results and explanation. */
public final class QaEvaluationPayloads {

    private QaEvaluationPayloads() {
    }

    @Schema(name = "QaItemResult", description = "How one item of a form-scored evaluation was answered and scored")
    public record ItemResult(
            @Schema(examples = "opening") String section,
            @Schema(examples = "greeting") String code,
            @Schema(description = "The answer: 0..scaleMax, yes, no or n/a", examples = "2") String value,
            @Schema(examples = "false") boolean notApplicable,
            @Schema(description = "Absent for n/a", examples = "true") Boolean passed,
            @Schema(examples = "false") boolean critical,
            @Schema(description = "weight × value / scaleMax (4 decimals, half-up); absent for n/a", examples = "10")
            BigDecimal points,
            @Schema(description = "The item's weight; absent for n/a", examples = "10") BigDecimal maxPoints) {
    }

    @Schema(name = "QaEvaluationAgentStatus", description = "The evaluated agent's answer: PENDING (none yet), "
            + "ACKNOWLEDGED, or DISPUTED (an appeal in scoring-service names the evaluation; see appealOutcome)")
    public enum AgentStatus { PENDING, ACKNOWLEDGED, DISPUTED }

    @Schema(name = "QaEvaluationAppealOutcome", description = "Where the appeal disputing the evaluation stands, as "
            + "scoring-service reports it: OPEN, ACCEPTED or REJECTED")
    public enum AppealOutcome { OPEN, ACCEPTED, REJECTED }

    @Schema(name = "QaEvaluationDisputeStatus", description = "What scoring-service reports about the appeal: OPEN "
            + "(filed, or reopened), ACCEPTED, REJECTED, or WITHDRAWN (the filing did not complete: the dispute is "
            + "removed)")
    public enum DisputeStatus { OPEN, ACCEPTED, REJECTED, WITHDRAWN }

    @Schema(name = "QaEvaluationAcknowledgementInput", description = "The evaluated agent acknowledges the "
            + "evaluation, optionally with a comment")
    public record AcknowledgementInput(
            @Schema(maxLength = 1000, examples = "Understood; I will disclose the risks on every loan call")
            String comment) {
    }

    @Schema(name = "QaEvaluationDisputeInput", description = "scoring-service reports the appeal disputing the "
            + "evaluation (an appeal of kind DATA_POINT naming it) and, later, its outcome")
    public record DisputeInput(
            @Schema(required = true, minimum = "1", examples = "42") Long appealId,
            @Schema(required = true, description = "The appealing agent: must be the evaluated one",
                    examples = "E3001") String employeeId,
            @Schema(required = true, examples = "ACCEPTED") DisputeStatus status,
            @Schema(maxLength = 2000, description = "The appeal's reason, or the decision's", examples = "The customer "
                    + "hung up before the disclosure was due") String reason) {
    }

    @Schema(name = "QaEvaluation", description = "A stored QA evaluation (latest revision)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvaluationView(
            @Schema(description = "The evaluation's number, stable across its revisions", examples = "17") long id,
            @Schema(examples = "qa-tool") String sourceSystem,
            @Schema(examples = "QA-2026-10-0042") String externalId,
            @Schema(examples = "1") int revision,
            @Schema(examples = "E2001") String employeeId,
            @Schema(examples = "Q1") String evaluatorId,
            @Schema(examples = "2026-10-09") LocalDate evaluatedOn,
            @Schema(description = "0-100, 2 decimals; the form's score for a form-scored evaluation",
                    examples = "75.00") BigDecimal score,
            @Schema(examples = "call-778812") String contactExternalId,
            @Schema(description = "The form that scored it; absent for an evaluation sent with its own score",
                    examples = "CALL_QA") String formCode,
            @Schema(examples = "1") Integer formVersion,
            @Schema(description = "The critical item that zeroed or capped the score", examples = "risk_disclosure")
            String criticalItem,
            @Schema(description = "The items as sent") JsonNode items,
            @Schema(description = "Per item, in form order (form-scored evaluations)") List<ItemResult> itemResults,
            @Schema(description = "How the form's score came about", examples = "greeting 2/2: 10 of 10; "
                    + "risk_disclosure no: 0 of 20 (failed, critical) → zeroed by critical item risk_disclosure: 0.00")
            String explanation,
            @Schema(description = "The evaluated agent's answer", examples = "DISPUTED") AgentStatus agentStatus,
            OffsetDateTime acknowledgedAt,
            @Schema(description = "The revision the agent acknowledged (a later revision is not acknowledged yet)",
                    examples = "1") Integer acknowledgedRevision,
            @Schema(description = "The agent's comment with the acknowledgement") String agentComment,
            @Schema(description = "The scoring-service appeal disputing it", examples = "42") Long appealId,
            @Schema(description = "Where that appeal stands", examples = "ACCEPTED") AppealOutcome appealOutcome,
            @Schema(description = "The appeal's reason, then the decision's") String appealReason,
            OffsetDateTime disputedAt,
            @Schema(description = "When scoring-service last reported the appeal") OffsetDateTime appealUpdatedAt) {
    }
}
