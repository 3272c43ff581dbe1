package io.perfcenter.scoring.coaching;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.scoring.web.Languages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import static io.perfcenter.scoring.rule.Figures.plain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of coaching sessions. */
public final class CoachingPayloads {

    /** How many of the weakest items the agenda proposes when the request does not say. */
    public static final int DEFAULT_AGENDA_SIZE = 3;
    public static final int MAX_AGENDA_SIZE = 10;
    public static final int MAX_NOTES = 10_000;
    public static final int MAX_TEXT = 1_000;
    public static final int MAX_ACTIONS = 20;

    private CoachingPayloads() {
    }

    @Schema(name = "CoachingSessionInput", description = "Open a coaching session on a published scorecard")
    public record OpenInput(
            @Schema(required = true, examples = "501") Long scorecardId,
            @Schema(description = "How many of the weakest items the agenda proposes (default 3)", minimum = "1",
                    maximum = "10", examples = "3") Integer agendaSize) {
    }

    @Schema(name = "CoachingAction", description = "An action agreed in the session")
    public record Action(
            @Schema(required = true, maxLength = MAX_TEXT, examples = "Read the risk disclosure script aloud at "
                    + "every loan call") String text,
            @Schema(required = true, maxLength = 64, description = "Who carries it out (employee id)",
                    examples = "E3001") String owner,
            @Schema(required = true, format = "date", examples = "2026-11-30") LocalDate dueDate) {
    }

    @Schema(name = "CoachingNotesInput", description = "The coach's notes and the actions agreed; replaces earlier "
            + "notes and clears acknowledgements given so far (both parties acknowledge what is written)")
    public record NotesInput(
            @Schema(required = true, maxLength = MAX_NOTES, examples = "Went through two calls of 14 October: the "
                    + "risk disclosure was skipped when the customer was in a hurry") String notes,
            @Schema(maxItems = MAX_ACTIONS) List<Action> actions) {
    }

    @Schema(name = "CoachingAcknowledgementInput", description = "The agent or the coach acknowledges the notes")
    public record AcknowledgementInput(
            @Schema(maxLength = MAX_TEXT, examples = "Agreed; I will ask QA for a re-check in December")
            String comment) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CoachingAgendaItem", description = "A scorecard item proposed for the agenda, weakest first")
    public record AgendaItem(
            @Schema(description = "1 = the weakest", examples = "1") int position,
            @Schema(examples = "qa") String itemCode,
            @Schema(examples = "Call quality 质检") String name,
            @Schema(examples = "qa_score") String metricCode,
            @Schema(examples = "40") BigDecimal points,
            @Schema(description = "What the item's rule can give at most (points are out of it)", examples = "100")
            BigDecimal maxPoints,
            @Schema(description = "points ÷ maxPoints, 4 decimals half-up", examples = "0.4") BigDecimal attainment,
            @Schema(examples = "30") BigDecimal weight,
            @Schema(description = "The scorecard item's explanation, in the language of Accept-Language (any zh: "
                    + "Simplified Chinese, else English; Content-Language says which); English for sessions opened "
                    + "before the Chinese was kept") String explanation,
            @Schema(hidden = true, description = "Stored with the agenda; answered as explanation")
            String explanationZh) {

        /** As the API answers it: plain figures, the explanation in the request's language. */
        AgendaItem plainFigures() {
            return new AgendaItem(position, itemCode, name, metricCode, plain(points), plain(maxPoints),
                    plain(attainment), plain(weight), Languages.explain(explanation, explanationZh), null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CoachingSession")
    public record SessionView(
            long id, long scorecardId, long runId, String employeeId, String unitCode, String period,
            String templateCode,
            @Schema(examples = "E2001") String coach,
            CoachingSession.Status status, OffsetDateTime openedAt,
            @Schema(description = "The scorecard's weakest items when the session was opened") List<AgendaItem> agenda,
            @Schema(description = "How many items the agenda holds and why, in the language of Accept-Language (any "
                    + "zh: Simplified Chinese, else English; Content-Language says which); English for sessions "
                    + "opened before the Chinese was kept", examples = "The 3 weakest of 4 scored "
                    + "items by points ÷ maximum points (lowest first; ties: the heavier item first, then by code)")
            String agendaBasis,
            String notes, List<Action> actions, OffsetDateTime notesAt,
            OffsetDateTime agentAcknowledgedAt, String agentComment,
            OffsetDateTime coachAcknowledgedAt, String coachComment, OffsetDateTime closedAt) {

        static SessionView of(CoachingSession s) {
            return new SessionView(s.id, s.scorecardId, s.runId, s.employeeId, s.unitCode, s.period, s.templateCode,
                    s.coach, s.status, s.openedAt, s.agenda.stream().map(AgendaItem::plainFigures).toList(),
                    Languages.explain(s.agendaBasis, s.agendaBasisZh), s.notes, s.actions, s.notesAt,
                    s.agentAcknowledgedAt, s.agentComment, s.coachAcknowledgedAt, s.coachComment, s.closedAt);
        }
    }
}
