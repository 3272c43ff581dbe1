package io.perfcenter.scoring.coaching;

import io.perfcenter.scoring.audit.AuditEvent;
import io.perfcenter.scoring.coaching.CoachingPayloads.AcknowledgementInput;
import io.perfcenter.scoring.coaching.CoachingPayloads.Action;
import io.perfcenter.scoring.coaching.CoachingPayloads.NotesInput;
import io.perfcenter.scoring.coaching.CoachingPayloads.OpenInput;
import io.perfcenter.scoring.rule.Explanation;
import io.perfcenter.scoring.run.ScorecardRun;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardService;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.security.DataScope;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coaching sessions (辅导, 绩效面谈) on published scorecards. Who: a supervisor or manager of the scorecard's unit (the
 * units metrics-service says they lead, as for reviews), hr or admin opens one, never on their own scorecard; the
 * coach (who opened it) writes the notes and agreed actions; the agent acknowledges their own session and the coach
 * theirs; once both acknowledged the session is CLOSED and read-only. Reading: the agent their own sessions,
 * supervisors and managers those of the units they lead and those they coach, hr and admin all; any other session
 * answers 404 exactly as an unknown id. Each step is an audit event of the scorecard.
 */
@ApplicationScoped
public class CoachingService {

    /** The center's clock (zone perfcenter.time-zone); tests may replace it. */
    @Inject
    Clock clock;

    private final Caller caller;
    private final DataScope scope;
    private final ScorecardService scorecards;

    CoachingService(Caller caller, DataScope scope, ScorecardService scorecards) {
        this.caller = caller;
        this.scope = scope;
        this.scorecards = scorecards;
    }

    @Transactional
    public CoachingSession open(OpenInput input) {
        if (input.scorecardId() == null) {
            throw Problems.invalid("scorecardId", "is required");
        }
        int size = input.agendaSize() == null ? CoachingPayloads.DEFAULT_AGENDA_SIZE : input.agendaSize();
        if (size < 1 || size > CoachingPayloads.MAX_AGENDA_SIZE) {
            throw Problems.invalid("agendaSize", "must be a whole number from 1 to " + CoachingPayloads.MAX_AGENDA_SIZE);
        }
        // a scorecard the caller does not see answers exactly as an unknown one, as for appeals
        Scorecard card = Scorecard.<Scorecard>findByIdOptional(input.scorecardId()).filter(scorecards::visible)
                .orElseThrow(() -> Problems.invalid("scorecardId", "no scorecard " + input.scorecardId()));
        if (caller.employeeId().filter(card.employeeId::equals).isPresent()) {
            throw Problems.outOfScope("Nobody coaches themselves: scorecard " + card.id + " is your own");
        }
        if (!scope.visibility().seesUnit(card.unitCode)) {
            // an agent scored by a units template reads their own scorecard but does not lead its unit
            throw Problems.outOfScope("Coaching sessions are opened by a leader of " + card.unitCode + ", hr or admin");
        }
        if (card.status != Scorecard.Status.PUBLISHED && card.status != Scorecard.Status.LOCKED) {
            throw Problems.conflict("Scorecard " + card.id + " is " + card.status + "; coaching sessions are opened on "
                    + "published results");
        }
        if (CoachingSession.count("scorecardId = ?1 and status = ?2", card.id, CoachingSession.Status.OPEN) > 0) {
            throw Problems.conflict("Scorecard " + card.id + " has a coaching session in progress");
        }
        ScorecardRun run = ScorecardRun.findById(card.runId);
        ScorecardTemplate template = ScorecardTemplate.findById(run.templateId);
        CoachingAgenda agenda = CoachingAgenda.of(card, template, size);
        CoachingSession session = new CoachingSession();
        session.scorecardId = card.id;
        session.runId = card.runId;
        session.employeeId = card.employeeId;
        session.unitCode = card.unitCode;
        session.period = card.period;
        session.templateCode = card.templateCode;
        session.coach = caller.name();
        session.status = CoachingSession.Status.OPEN;
        session.openedAt = OffsetDateTime.now(clock);
        session.agenda = agenda.items();
        session.agendaBasis = agenda.basis().en();
        session.agendaBasisZh = agenda.basis().zh();
        try {
            session.persist();
            CoachingSession.flush();
        } catch (PersistenceException e) {
            throw Problems.conflict("Scorecard " + card.id + " has a coaching session in progress");
        }
        List<String> codes = agenda.items().stream().map(CoachingPayloads.AgendaItem::itemCode).toList();
        audit(session, "COACHING_OPENED", Explanation.of("coaching session " + session.id + " by " + session.coach
                + "; agenda: " + String.join(", ", codes), "辅导面谈 " + session.id + "，由 " + session.coach
                + " 发起；议程：" + (codes.isEmpty() ? "无" : String.join("、", codes))));
        return session;
    }

    /** The sessions the caller sees, oldest first, filtered. */
    public List<CoachingSession> list(String employeeId, Long scorecardId, CoachingSession.Status status) {
        DataScope.Visibility visibility = scope.visibility();
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (employeeId != null) {
            query.append(" and employeeId = :employee");
            params.put("employee", employeeId);
        }
        if (scorecardId != null) {
            query.append(" and scorecardId = :card");
            params.put("card", scorecardId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (!visibility.everything()) {
            // their own, those they coach, those of the units they lead; nothing without an employee id
            String me = caller.employeeId().orElse("");
            query.append(" and (employeeId = :me or coach = :me");
            params.put("me", me);
            if (!visibility.units().isEmpty()) {
                query.append(" or unitCode in :led");
                params.put("led", visibility.units());
            }
            query.append(")");
        }
        return CoachingSession.list(query + " order by id", params);
    }

    /** The session if the caller sees it; 404 as for an unknown id otherwise. */
    public CoachingSession get(long id) {
        return visible(id, LockModeType.NONE);
    }

    @Transactional
    public CoachingSession recordNotes(long id, NotesInput input) {
        CoachingSession session = visible(id, LockModeType.PESSIMISTIC_WRITE);
        if (!isCoach(session)) {
            throw Problems.outOfScope("Only the coach, " + session.coach + ", writes the notes of coaching session "
                    + id);
        }
        requireOpen(session);
        if (input.notes() == null || input.notes().isBlank()) {
            throw Problems.invalid("notes", "is required");
        }
        if (input.notes().length() > CoachingPayloads.MAX_NOTES) {
            throw Problems.invalid("notes", "is longer than " + CoachingPayloads.MAX_NOTES + " characters");
        }
        List<Action> actions = input.actions() == null ? List.of() : input.actions();
        if (actions.size() > CoachingPayloads.MAX_ACTIONS) {
            throw Problems.invalid("actions", "at most " + CoachingPayloads.MAX_ACTIONS + " actions");
        }
        LocalDate opened = session.openedAt.atZoneSameInstant(clock.getZone()).toLocalDate();
        List<Action> checked = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            String at = "actions[" + i + "]";
            if (a == null) {
                throw Problems.invalid(at, "is required");
            }
            String text = text(at + ".text", a.text(), CoachingPayloads.MAX_TEXT);
            String owner = text(at + ".owner", a.owner(), 64);
            if (a.dueDate() == null) {
                throw Problems.invalid(at + ".dueDate", "is required");
            }
            if (a.dueDate().isBefore(opened)) {
                throw Problems.invalid(at + ".dueDate", "must not be before the session was opened (" + opened + ")");
            }
            checked.add(new Action(text, owner, a.dueDate()));
        }
        boolean hadAcknowledgements = session.agentAcknowledgedAt != null || session.coachAcknowledgedAt != null;
        session.notes = input.notes().strip();
        session.actions = checked;
        session.notesAt = OffsetDateTime.now(clock);
        // both parties acknowledge what is written now
        session.agentAcknowledgedAt = null;
        session.agentComment = null;
        session.coachAcknowledgedAt = null;
        session.coachComment = null;
        audit(session, "COACHING_NOTES", Explanation.of("coaching session " + id + ": notes and " + checked.size()
                + " action(s)" + (hadAcknowledgements ? "; earlier acknowledgements cleared" : ""),
                "辅导面谈 " + id + "：记录及 " + checked.size() + " 项行动" + (hadAcknowledgements ? "；此前的确认已清除" : "")));
        return session;
    }

    @Transactional
    public CoachingSession acknowledge(long id, AcknowledgementInput input) {
        CoachingSession session = visible(id, LockModeType.PESSIMISTIC_WRITE);
        boolean agent = caller.employeeId().filter(session.employeeId::equals).isPresent();
        boolean coach = isCoach(session);
        if (!agent && !coach) {
            throw Problems.outOfScope("Coaching session " + id + " is acknowledged by " + session.employeeId + " and "
                    + "by the coach, " + session.coach);
        }
        requireOpen(session);
        if (session.notes == null) {
            throw Problems.conflict("Coaching session " + id + " has no notes yet; there is nothing to acknowledge");
        }
        String comment = input == null || input.comment() == null || input.comment().isBlank() ? null
                : text("comment", input.comment(), CoachingPayloads.MAX_TEXT);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (agent && session.agentAcknowledgedAt == null) {
            session.agentAcknowledgedAt = now;
            session.agentComment = comment;
            audit(session, "COACHING_ACKNOWLEDGED", Explanation.of("coaching session " + id
                    + " acknowledged by the agent", "辅导面谈 " + id + " 已由坐席确认"));
        } else if (coach && session.coachAcknowledgedAt == null) {
            session.coachAcknowledgedAt = now;
            session.coachComment = comment;
            audit(session, "COACHING_ACKNOWLEDGED", Explanation.of("coaching session " + id
                    + " acknowledged by the coach", "辅导面谈 " + id + " 已由辅导人确认"));
        }
        if (session.agentAcknowledgedAt != null && session.coachAcknowledgedAt != null) {
            session.status = CoachingSession.Status.CLOSED;
            session.closedAt = now;
            audit(session, "COACHING_CLOSED", Explanation.of("coaching session " + id
                    + " closed: both parties acknowledged", "辅导面谈 " + id + " 已关闭：双方均已确认"));
        }
        return session;
    }

    private CoachingSession visible(long id, LockModeType lock) {
        CoachingSession session = CoachingSession.<CoachingSession>findByIdOptional(id, lock).orElse(null);
        if (session == null || !sees(session)) {
            throw Problems.notFound("Coaching session", id);
        }
        return session;
    }

    private boolean sees(CoachingSession session) {
        if (caller.employeeId().filter(me -> me.equals(session.employeeId) || me.equals(session.coach)).isPresent()) {
            return true;
        }
        return scope.visibility().seesUnit(session.unitCode);
    }

    private boolean isCoach(CoachingSession session) {
        return caller.name().equals(session.coach);
    }

    private static void requireOpen(CoachingSession session) {
        if (session.status == CoachingSession.Status.CLOSED) {
            throw Problems.conflict("Coaching session " + session.id + " was closed on " + session.closedAt
                    + " (both parties acknowledged); it is read-only");
        }
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw Problems.invalid(field, "is required");
        }
        if (value.length() > max) {
            throw Problems.invalid(field, "is longer than " + max + " characters");
        }
        return value.strip();
    }

    private void audit(CoachingSession session, String action, Explanation detail) {
        AuditEvent.record(session.runId, session.scorecardId, null, action, caller.name(), detail);
    }
}
