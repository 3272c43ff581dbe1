package io.perfcenter.scoring.improvement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.scoring.web.Languages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of improvement plans. */
public final class ImprovementPayloads {

    private ImprovementPayloads() {
    }

    @Schema(name = "ImprovementGoalComparison", description = "AT_MOST: the metric's value must not exceed `value` "
            + "(e.g. AHT); AT_LEAST: must reach it (e.g. CSAT)")
    public enum Comparison { AT_MOST, AT_LEAST }

    @Schema(name = "ImprovementGoalWindow", description = "WEEK: ISO weeks, Monday to Sunday, of the center's "
            + "calendar; MONTH: calendar months. Only windows wholly between the plan's start and due dates count")
    public enum Window { WEEK, MONTH }

    @Schema(name = "ImprovementPlanStatus", description = "IN_PROGRESS until the goals hold (MET) or the due date "
            + "passes without that (MISSED)")
    public enum Status { IN_PROGRESS, MET, MISSED }

    @Schema(name = "ImprovementConsequenceKind", description = "What follows a missed plan: retraining assigned, "
            + "reassignment, the plan extended to a later due date, or nothing (each with its reason)")
    public enum ConsequenceKind { RETRAINING, REASSIGNMENT, EXTENDED, NONE }

    @Schema(name = "ImprovementGoal", description = "A goal measured by a metric: e.g. aht AT_MOST 420 in 2 "
            + "consecutive WEEKs")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Goal(
            @Schema(required = true, pattern = "^[a-z][a-z0-9_]{0,63}$", examples = "aht") String metricCode,
            @Schema(required = true) Comparison comparison,
            @Schema(required = true, description = "The threshold, in the metric's unit", examples = "420")
            BigDecimal value,
            @Schema(required = true) Window window,
            @Schema(description = "How many consecutive windows must hold (default 1): weeks 1–26, months 1–12",
                    minimum = "1", maximum = "26", examples = "2") Integer consecutive) {

        int windows() {
            return consecutive == null ? 1 : consecutive;
        }
    }

    @Schema(name = "ImprovementPlanInput", description = "A plan for an agent of a unit the caller leads (hr and "
            + "admin: any unit)")
    public record PlanInput(
            @Schema(required = true, examples = "E2001") String employeeId,
            @Schema(required = true, description = "The agent's unit (the agent must belong to it on startDate); its "
                    + "leaders coach the plan", examples = "G-EAST-1") String unitCode,
            @Schema(required = true, examples = "2026-11-02") LocalDate startDate,
            @Schema(required = true, description = "On or after startDate, at most 366 days later",
                    examples = "2026-11-29") LocalDate dueDate,
            @Schema(required = true, minItems = 1, maxItems = 10) List<Goal> goals,
            @Schema(description = "Why the plan was made", maxLength = 2000,
                    examples = "AHT 480 s in October, grade fail") String reason,
            @Schema(description = "The scorecard that led to it (one of the agent's)", examples = "12")
            Long scorecardId) {
    }

    @Schema(name = "ImprovementCheckInInput")
    public record CheckInInput(
            @Schema(required = true, minLength = 1, maxLength = 4000,
                    examples = "Listened to 5 calls together; shorter holds agreed") String note) {
    }

    @Schema(name = "ImprovementConsequenceInput", description = "Recorded by the coach after a MISSED evaluation; "
            + "the agent reads it")
    public record ConsequenceInput(
            @Schema(required = true) ConsequenceKind kind,
            @Schema(required = true, minLength = 1, maxLength = 2000,
                    examples = "AHT stayed above 420 s; product retraining on 2026-12-07") String reason,
            @Schema(description = "EXTENDED only (required there): the new due date, after the current one",
                    examples = "2026-12-27") LocalDate extendedTo) {
    }

    @Schema(name = "ImprovementWindowFigure", description = "A goal's metric in one week or month")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WindowFigure(@Schema(examples = "2026-11-02") LocalDate start,
                               @Schema(examples = "2026-11-08") LocalDate end,
                               @Schema(description = "None: no data in the window", examples = "410") BigDecimal value,
                               @Schema(examples = "120") Long samples,
                               boolean holds) {
    }

    @Schema(name = "ImprovementGoalResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GoalResult(Goal goal, boolean met,
                             @Schema(description = "First window of the earliest run that met the goal")
                             LocalDate metFrom,
                             @Schema(description = "Last window's end of that run") LocalDate metTo,
                             @Schema(description = "Every window wholly between start and due that had ended when "
                                     + "evaluated, oldest first") List<WindowFigure> windows,
                             @Schema(description = "What the goal's windows said, in the language of "
                                     + "Accept-Language (any zh: Simplified Chinese, else English; Content-Language "
                                     + "says which); English for evaluations stored before the Chinese was kept",
                                     examples = "aht at most 420 in 2 consecutive ISO weeks: held 2026-11-09 to "
                                     + "2026-11-22 (410, 405)") String explanation,
                             @Schema(hidden = true, description = "Stored with the evaluation; answered as "
                                     + "explanation") String explanationZh) {

        GoalResult(Goal goal, boolean met, LocalDate metFrom, LocalDate metTo, List<WindowFigure> windows,
                   String explanation) {
            this(goal, met, metFrom, metTo, windows, explanation, null);
        }

        /** As the API answers it: the explanation in the request's language. */
        GoalResult inRequestLanguage() {
            return new GoalResult(goal, met, metFrom, metTo, windows, Languages.explain(explanation, explanationZh),
                    null);
        }
    }

    @Schema(name = "ImprovementEvaluation", description = "What the figures said when the plan was last evaluated")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evaluation(Status status,
                             @Schema(description = "The center's day the evaluation counted windows up to "
                                     + "(windows ending before it)") LocalDate asOf,
                             List<GoalResult> goals,
                             @Schema(description = "The outcome in words, in the language of Accept-Language (any "
                                     + "zh: Simplified Chinese, else English; Content-Language says which); English "
                                     + "for evaluations stored before the Chinese was kept",
                                     examples = "MET: every goal held (last on 2026-11-22)") String explanation,
                             @Schema(hidden = true, description = "Stored with the evaluation; answered as "
                                     + "explanation") String explanationZh) {

        /** As the API answers it: the explanations in the request's language. */
        Evaluation inRequestLanguage() {
            return new Evaluation(status, asOf, goals == null ? null
                    : goals.stream().map(GoalResult::inRequestLanguage).toList(),
                    Languages.explain(explanation, explanationZh), null);
        }
    }

    @Schema(name = "ImprovementCheckIn")
    public record CheckInView(long id, @Schema(examples = "COACH") String authorRole,
                              @Schema(examples = "S1") String author, String note, OffsetDateTime createdAt) {
    }

    @Schema(name = "ImprovementConsequence")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsequenceView(long id, ConsequenceKind kind, String reason, LocalDate previousDueDate,
                                  LocalDate extendedTo, String decidedBy, OffsetDateTime decidedAt) {
    }

    @Schema(name = "ImprovementPlan")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanView(long id, @Schema(examples = "E2001") String employeeId,
                           @Schema(examples = "G-EAST-1") String unitCode,
                           LocalDate startDate, LocalDate dueDate, String reason, Long scorecardId,
                           List<Goal> goals, Status status,
                           @Schema(description = "MISSED and no consequence recorded yet: the coach must record "
                                   + "one") boolean consequenceDue,
                           Evaluation evaluation, OffsetDateTime evaluatedAt, String evaluatedBy,
                           List<CheckInView> checkIns, List<ConsequenceView> consequences,
                           String createdBy, OffsetDateTime createdAt) {
    }
}
