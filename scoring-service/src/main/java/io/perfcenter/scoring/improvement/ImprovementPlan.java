package io.perfcenter.scoring.improvement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An improvement plan (绩效改进计划) of an agent: goals measured by metrics between a start and a due date, its last
 * evaluation from metrics-service's figures, and whether a consequence is owed after a miss. Goals and evaluation are
 * JSON written by {@link PlanJson}.
 */
@Entity
@Table(name = "improvement_plan")
public class ImprovementPlan extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "employee_id")
    public String employeeId;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "due_date")
    public LocalDate dueDate;
    public String reason;
    @Column(name = "scorecard_id")
    public Long scorecardId;
    @JdbcTypeCode(SqlTypes.JSON)
    public String goals;
    @Enumerated(EnumType.STRING)
    public ImprovementPayloads.Status status = ImprovementPayloads.Status.IN_PROGRESS;
    @Column(name = "awaiting_consequence")
    public boolean awaitingConsequence;
    @JdbcTypeCode(SqlTypes.JSON)
    public String evaluation;
    @Column(name = "evaluated_at")
    public OffsetDateTime evaluatedAt;
    @Column(name = "evaluated_by")
    public String evaluatedBy;
    /** The due date the agent and the coach were last reminded of ({@code improvement-plan.due}); null: never. */
    @Column(name = "due_reminded_for")
    public LocalDate dueRemindedFor;
    @Column(name = "due_reminded_at")
    public OffsetDateTime dueRemindedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
