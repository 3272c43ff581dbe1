package io.perfcenter.metrics.qa;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
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

    @Schema(name = "QaEvaluation", description = "A stored QA evaluation (latest revision)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvaluationView(
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
            String explanation) {
    }
}
