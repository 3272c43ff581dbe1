package io.perfcenter.metrics.qa;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.perfcenter.metrics.qa.QaEvaluationPayloads.ItemResult;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The JSON shapes of QA calibration sessions. */
public final class CalibrationPayloads {

    private CalibrationPayloads() {
    }

    @Schema(name = "QaCalibrationInput", description = "A calibration session: who scores which interaction with "
            + "which form version")
    public record SessionInput(
            @Schema(required = true, description = "The agent whose interaction is scored", examples = "E2001",
                    minLength = 1, maxLength = 64) String employeeId,
            @Schema(required = true, description = "The interaction: the externalId of one of the agent's ingested "
                    + "calls (contacts of any channel)", examples = "call-778812", minLength = 1, maxLength = 200)
            String contactExternalId,
            @Schema(required = true, examples = "CALL_QA", minLength = 1, maxLength = 64) String formCode,
            @Schema(required = true, examples = "1", minimum = "1") Integer formVersion,
            @Schema(required = true, description = "Employee ids of the QA specialists taking part (2-20, the "
                    + "agent not among them); each submits their own answers", examples = "[\"Q1\", \"Q2\", \"Q3\"]",
                    minItems = 2, maxItems = 20) List<String> evaluators,
            @Schema(description = "What the session is about", examples = "Monthly calibration, hotline",
                    maxLength = 2000) String note) {
    }

    @Schema(name = "QaCalibrationAnswers", description = "Answers to every item of the session's form, as an "
            + "evaluation's items: an object by item code (0..scaleMax, yes/no, n/a where allowed)")
    public record AnswersInput(
            @Schema(required = true, type = SchemaType.OBJECT, description = "By item code",
                    examples = "{\"greeting\": 2, \"info_accuracy\": \"yes\", \"risk_disclosure\": \"n/a\"}")
            JsonNode items) {
    }

    @Schema(name = "QaCalibrationEvaluator", description = "One evaluator's submitted answers and how far their score "
            + "is from the others'")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvaluatorResult(
            @Schema(examples = "Q1") String evaluatorId,
            @Schema(description = "Scored by the session's form version (2 decimals)", examples = "80.00")
            BigDecimal score,
            @Schema(examples = "risk_disclosure") String criticalItem,
            @Schema(description = "score − the session's mean score, half-up to 2 decimals", examples = "-10.00")
            BigDecimal deviationFromMean,
            @Schema(description = "score − the reference score, once recorded", examples = "-10.00")
            BigDecimal deviationFromReference,
            @Schema(description = "Items answered otherwise than the reference, once recorded", examples = "3")
            Integer itemsOffReference,
            List<ItemResult> itemResults,
            OffsetDateTime submittedAt) {
    }

    @Schema(name = "QaCalibrationItem", description = "One item of the form across the evaluators: their answers and "
            + "the spread of the points they gave")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemSpread(
            @Schema(examples = "opening") String section,
            @Schema(examples = "greeting") String code,
            @Schema(description = "Each evaluator's answer by evaluator id (0..scaleMax, yes, no, n/a)",
                    examples = "{\"Q1\": \"1\", \"Q2\": \"2\", \"Q3\": \"2\"}") Map<String, String> answers,
            @Schema(description = "Evaluators who answered it other than n/a", examples = "3") int answered,
            @Schema(description = "Mean of the item's points over those answers, half-up to 4 decimals",
                    examples = "16.6667") BigDecimal meanPoints,
            @Schema(description = "Population variance of the points (Σ(points − mean)² / answered), half-up to 4 "
                    + "decimals", examples = "22.2222") BigDecimal variancePoints,
            @Schema(description = "The reference answer, once recorded", examples = "2") String referenceValue,
            @Schema(examples = "20") BigDecimal referencePoints) {
    }

    @Schema(name = "QaCalibrationReference", description = "The calibrated reference answers recorded by the session's "
            + "owner, scored by the same form version")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reference(
            @Schema(examples = "90.00") BigDecimal score,
            @Schema(examples = "risk_disclosure") String criticalItem,
            @Schema(examples = "greeting 2/2: 20 of 20; … → earned points / weights of the items answered × 100 = 90.00")
            String explanation,
            List<ItemResult> itemResults,
            OffsetDateTime recordedAt) {
    }

    @Schema(name = "QaCalibrationStatus", description = "OPEN: answers and the reference may be (re)submitted; "
            + "CLOSED: frozen")
    public enum Status { OPEN, CLOSED }

    @Schema(name = "QaCalibration", description = "A calibration session with its answers, spread and reference")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionView(
            @Schema(examples = "12") long id,
            @Schema(examples = "E2001") String employeeId,
            @Schema(examples = "call-778812") String contactExternalId,
            @Schema(examples = "CALL_QA") String formCode,
            @Schema(examples = "1") int formVersion,
            List<String> evaluators,
            String note,
            @Schema(description = "Who created it; only they record the reference and close it", examples = "Q9")
            String ownerId,
            OffsetDateTime createdAt,
            Status status,
            OffsetDateTime closedAt,
            String closedBy,
            @Schema(description = "Evaluators who have not submitted yet", examples = "[]") List<String> pending,
            @Schema(description = "Set while the caller is an evaluator of the open session who has not submitted: "
                    + "answers, spread and reference are withheld so that their judgement stays their own",
                    examples = "others' answers are shown once you have submitted yours") String withheld,
            @Schema(description = "Mean of the submitted scores, half-up to 2 decimals", examples = "90.00")
            BigDecimal meanScore,
            @Schema(description = "Population variance of the submitted scores (Σ(score − mean)² / evaluators who "
                    + "submitted), half-up to 2 decimals", examples = "66.67") BigDecimal scoreVariance,
            Reference reference,
            @Schema(description = "Per evaluator who submitted, in the session's order") List<EvaluatorResult> scores,
            @Schema(description = "Per item, in form order") List<ItemSpread> items) {
    }
}
