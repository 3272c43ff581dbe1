package io.perfcenter.metrics.qa;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON shapes of QA forms: what HR or QA define, and how a form version reads. */
public final class QaFormPayloads {

    private QaFormPayloads() {
    }

    @Schema(name = "QaAnswerType", description = "SCALE: a whole number 0..scaleMax; YES_NO: yes or no")
    public enum AnswerType { SCALE, YES_NO }

    @Schema(name = "QaCriticalEffect", description = "What a failed critical item does to the evaluation's score: "
            + "ZERO sets it to 0, CAP limits it to capAt")
    public enum CriticalEffect { ZERO, CAP }

    @Schema(name = "QaFormItem", description = "One checked point of a form, e.g. greeting, risk disclosure")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @Schema(required = true, description = "Unique in the form; evaluations name items by it",
                    examples = "greeting") String code,
            @Schema(required = true, examples = "Greeting with name and company") String name,
            @Schema(required = true, description = "Share of the score (0-1000, any total above 0): an item's "
                    + "points are weight × value / scaleMax, or weight for yes", examples = "10") BigDecimal weight,
            @Schema(required = true, examples = "SCALE") AnswerType answer,
            @Schema(description = "SCALE only: the top of the scale 0..scaleMax (1-100)", examples = "2")
            Integer scaleMax,
            @Schema(description = "SCALE only: the value from which the item passes (default scaleMax)",
                    examples = "2") Integer passMark,
            @Schema(description = "Whether the evaluator may answer n/a (the item then counts for nothing)",
                    examples = "false") Boolean allowNotApplicable,
            @Schema(description = "Set on critical items: what failing it (no, or below passMark) does to the score",
                    examples = "ZERO") CriticalEffect critical,
            @Schema(description = "CAP only: the highest score the evaluation keeps when the item fails (0-100)",
                    examples = "60") BigDecimal capAt) {

        boolean notApplicableAllowed() {
            return Boolean.TRUE.equals(allowNotApplicable);
        }

        int passValue() {
            return passMark == null ? scaleMax : passMark;
        }
    }

    @Schema(name = "QaFormSection", description = "A group of items, e.g. opening, compliance")
    public record Section(
            @Schema(required = true, examples = "opening") String code,
            @Schema(required = true, examples = "Opening") String name,
            @Schema(required = true) List<Item> items) {
    }

    @Schema(name = "QaFormInput", description = "A QA form, or the next version of one (same code)")
    public record FormInput(
            @Schema(required = true, description = "1-64 letters, digits, '_', '.' or '-'", examples = "CALL_QA")
            String code,
            @Schema(required = true, examples = "Inbound call quality") String name,
            @Schema(examples = "Monthly call sampling form of the hotline") String description,
            @Schema(required = true) List<Section> sections) {
    }

    @Schema(name = "QaForm", description = "One version of a QA form")
    public record FormView(
            @Schema(examples = "CALL_QA") String code,
            @Schema(examples = "2") int version,
            @Schema(examples = "Inbound call quality") String name,
            String description,
            List<Section> sections,
            OffsetDateTime createdAt,
            @Schema(examples = "H1") String createdBy,
            @Schema(description = "When the form was retired (every version); absent while it is in use")
            OffsetDateTime retiredAt,
            @Schema(examples = "H1") String retiredBy) {

        static FormView of(QaForm f) {
            return new FormView(f.code, f.version, f.name, f.description, f.sections, f.createdAt, f.createdBy,
                    f.retiredAt, f.retiredBy);
        }
    }
}
