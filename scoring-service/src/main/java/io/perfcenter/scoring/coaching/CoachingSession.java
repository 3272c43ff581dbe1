package io.perfcenter.scoring.coaching;

import io.perfcenter.scoring.coaching.CoachingPayloads.Action;
import io.perfcenter.scoring.coaching.CoachingPayloads.AgendaItem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A coaching session (辅导, 绩效面谈) on a published scorecard: the agenda proposed from its weakest items (as proposed
 * when the session was opened), the coach's notes and agreed actions, and both parties' acknowledgement, which closes
 * it.
 */
@Entity
@Table(name = "coaching_session")
public class CoachingSession extends PanacheEntityBase {

    @Schema(name = "CoachingSessionStatus", description = "OPEN until both parties acknowledged; then CLOSED and "
            + "read-only")
    public enum Status { OPEN, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "scorecard_id")
    public Long scorecardId;
    @Column(name = "run_id")
    public Long runId;
    @Column(name = "employee_id")
    public String employeeId;
    @Column(name = "unit_code")
    public String unitCode;
    public String period;
    @Column(name = "template_code")
    public String templateCode;
    /** Who opened it and coaches: their employee id (or the token's name without one). */
    public String coach;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<AgendaItem> agenda;
    @Column(name = "agenda_basis")
    public String agendaBasis;
    /** The basis in Simplified Chinese; null for sessions opened before it was kept (V12): the English is answered. */
    @Column(name = "agenda_basis_zh")
    public String agendaBasisZh;
    public String notes;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Action> actions;
    @Column(name = "notes_at")
    public OffsetDateTime notesAt;
    @Column(name = "agent_acknowledged_at")
    public OffsetDateTime agentAcknowledgedAt;
    @Column(name = "agent_comment")
    public String agentComment;
    @Column(name = "coach_acknowledged_at")
    public OffsetDateTime coachAcknowledgedAt;
    @Column(name = "coach_comment")
    public String coachComment;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
}
