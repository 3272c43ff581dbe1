package io.perfcenter.metrics.qa;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON shapes of QA sampling plans. */
public final class SamplingPayloads {

    private SamplingPayloads() {
    }

    @Schema(name = "QaSamplingFilters", description = "Which calls may be drawn; all given conditions must hold")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filters(
            @Schema(description = "Long calls: talk + hold + wrap seconds at least this", examples = "600")
            Integer minHandleSeconds,
            @Schema(description = "Only calls of this channel", examples = "PHONE") String channel,
            @Schema(description = "Only calls on a day the agent received a complaint (incidents do not name the "
                    + "call, so the day is what links them)", examples = "false") Boolean complaintDaysOnly,
            @Schema(description = "Only calls marked as a repeat contact", examples = "false") Boolean repeatContactsOnly,
            @Schema(description = "Only transferred calls", examples = "false") Boolean transferredOnly) {

        static final Filters NONE = new Filters(null, null, null, null, null);
    }

    @Schema(name = "QaSamplingPlanInput", description = "What to sample: a unit's calls of a period")
    public record PlanInput(
            @Schema(required = true, description = "The unit; its agents are those who belonged to it (or a unit "
                    + "below it) on some day of the period", examples = "G-HOTLINE-1") String unitCode,
            @Schema(required = true, description = "A month, quarter, week, year or day", examples = "2026-10")
            String period,
            @Schema(required = true, description = "Share of the unit's agents sampled, above 0 and at most 1; the "
                    + "number of agents is rounded up", examples = "0.3") BigDecimal agentShare,
            @Schema(required = true, description = "Calls drawn per sampled agent (1-100; fewer when the agent "
                    + "has fewer matching calls)", examples = "2") Integer evaluationsPerAgent,
            Filters filters,
            @Schema(required = true, description = "Employee ids of the QA specialists (qa role) who evaluate; "
                    + "calls are spread evenly over them, never to the agent themself", examples = "[\"Q1\", \"Q2\"]")
            List<String> evaluators,
            @Schema(description = "The random seed; drawn and recorded when absent. The same seed over the same "
                    + "records draws the same calls", examples = "20261001") Long seed,
            @Schema(description = "The QA form the evaluations are to use: each assignment then carries its items as "
                    + "a checklist, and only an evaluation scored by this form version counts as done",
                    examples = "CALL_QA") String formCode,
            @Schema(description = "With formCode: the version (default: the latest when the plan is drawn)",
                    examples = "1", minimum = "1") Integer formVersion) {
    }

    @Schema(name = "QaChecklistItem", description = "An item of the plan's form to check on the call")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChecklistItem(
            @Schema(examples = "opening") String section,
            @Schema(examples = "greeting") String code,
            @Schema(examples = "Greeting with name and company") String name,
            @Schema(examples = "10") BigDecimal weight,
            @Schema(examples = "SCALE") QaFormPayloads.AnswerType answer,
            @Schema(examples = "2") Integer scaleMax,
            @Schema(examples = "false") Boolean allowNotApplicable,
            @Schema(examples = "ZERO") QaFormPayloads.CriticalEffect critical) {

        static List<ChecklistItem> of(QaForm form) {
            return form.sections.stream().flatMap(s -> s.items().stream().map(i -> new ChecklistItem(s.code(),
                    i.code(), i.name(), i.weight(), i.answer(), i.scaleMax(), i.allowNotApplicable(), i.critical())))
                    .toList();
        }
    }

    @Schema(name = "QaSamplingAssignment", description = "A drawn call and who evaluates it")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Assignment(
            @Schema(examples = "E2001") String employeeId,
            @Schema(examples = "acd") String sourceSystem,
            @Schema(description = "The call's externalId; an evaluation of it names it as contactExternalId",
                    examples = "call-778812") String externalId,
            @Schema(examples = "2026-10-08") LocalDate date,
            @Schema(examples = "Q1") String evaluatorId,
            @Schema(description = "Whether an evaluation of the call by anyone is stored (scored by the plan's form "
                    + "version when the plan names one)", examples = "false")
            boolean evaluated,
            @Schema(description = "Why a stored evaluation of the call does not count: it was not scored by the "
                    + "plan's form version", examples = "evaluated without the plan's form CALL_QA v1: not counted")
            String notCounted,
            @Schema(description = "The plan's form items to check on this call (plans naming a form)")
            List<ChecklistItem> checklist,
            @Schema(description = "0: drawn with the plan; 1, 2, …: added by that top-up round", examples = "0")
            int round) {
    }

    @Schema(name = "QaSamplingRound", description = "A top-up of the plan with late calls")
    public record Round(
            @Schema(description = "Its number; the round drew with java.util.Random(seed + round)", examples = "1")
            int round,
            @Schema(examples = "2026-11-03T09:30:00+08:00") OffsetDateTime drawnAt,
            @Schema(examples = "Q1") String drawnBy,
            @Schema(description = "Sampled agents below evaluationsPerAgent before the round", examples = "2")
            int agentsShort,
            @Schema(description = "Calls the round added", examples = "3") int added) {
    }

    @Schema(name = "QaSamplingProgress", description = "Evaluations done against those planned")
    public record Progress(
            @Schema(examples = "Q1") String evaluatorId,
            @Schema(examples = "3") int planned,
            @Schema(examples = "1") int done) {
    }

    @Schema(name = "QaSamplingPlan", description = "A sampling plan with its drawn calls and progress")
    public record PlanView(
            @Schema(examples = "7") long id,
            @Schema(examples = "G-HOTLINE-1") String unitCode,
            @Schema(examples = "2026-10-01") LocalDate from,
            @Schema(examples = "2026-10-31") LocalDate to,
            @Schema(examples = "0.3") BigDecimal agentShare,
            @Schema(examples = "2") int evaluationsPerAgent,
            Filters filters,
            List<String> evaluators,
            @Schema(examples = "20261001") long seed,
            @Schema(examples = "CALL_QA") String formCode,
            @Schema(examples = "1") Integer formVersion,
            @Schema(description = "Agents of the unit in the period", examples = "10") int agentsEligible,
            @Schema(description = "Agents drawn", examples = "3") int agentsSampled,
            @Schema(examples = "6") int planned,
            @Schema(examples = "2") int done,
            @Schema(description = "Per evaluator, in the plan's order") List<Progress> progress,
            List<Assignment> assignments,
            @Schema(description = "Top-up rounds that added calls, oldest first") List<Round> rounds,
            OffsetDateTime createdAt,
            @Schema(examples = "Q1") String createdBy) {
    }
}
