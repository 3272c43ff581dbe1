package io.perfcenter.scoring.appeal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An agent's appeal (申诉) against an item of their published scorecard, and how it was decided. */
@Entity
@Table(name = "appeal")
public class Appeal extends PanacheEntityBase {

    @Schema(name = "AppealStatus", description = "Where an appeal stands")
    public enum Status { OPEN, ACCEPTED, REJECTED }

    /** What is appealed: the score itself, or a data point behind it (a complaint wrongly attributed …). */
    @Schema(name = "AppealKind", description = "What an appeal disputes: a score, or a data point behind it")
    public enum Kind { SCORE, DATA_POINT }

    /** How an accepted appeal changed the scorecard. */
    @Schema(name = "AppealResolution", description = "How an accepted appeal was resolved")
    public enum Resolution { ADJUSTMENT, DATA_CORRECTION }

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
    @Column(name = "item_code")
    public String itemCode;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String reason;
    @Column(name = "data_point")
    public String dataPoint;
    /**
     * The data point in Simplified Chinese: as the agent wrote it, or as the service names the disputed record; null
     * for appeals filed before it was kept (V12), which answer the English.
     */
    @Column(name = "data_point_zh")
    public String dataPointZh;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "filed_at")
    public OffsetDateTime filedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Enumerated(EnumType.STRING)
    public Resolution resolution;
    @Column(name = "points_before")
    public BigDecimal pointsBefore;
    @Column(name = "points_after")
    public BigDecimal pointsAfter;
    @Column(name = "total_before")
    public BigDecimal totalBefore;
    @Column(name = "total_after")
    public BigDecimal totalAfter;
    @Column(name = "grade_before")
    public String gradeBefore;
    @Column(name = "grade_after")
    public String gradeAfter;
    @Column(name = "rank_before")
    public Integer rankBefore;
    @Column(name = "rank_after")
    public Integer rankAfter;
    @Column(name = "escalated_at")
    public OffsetDateTime escalatedAt;
    @Column(name = "escalated_by")
    public String escalatedBy;
    @Column(name = "escalation_reason")
    public String escalationReason;
    /** Set before a data correction is sent to metrics-service: a later decision withdraws it unless it takes it. */
    @Column(name = "correction_sent_at")
    public OffsetDateTime correctionSentAt;

    /** The record a DATA_POINT appeal names in metrics-service ({@link AppealRecord#QA_EVALUATIONS}), or null. */
    @Column(name = "record_kind")
    public String recordKind;
    @Column(name = "record_id")
    public Long recordId;
    @Column(name = "record_source_system")
    public String recordSourceSystem;
    @Column(name = "record_external_id")
    public String recordExternalId;
    @Column(name = "record_date")
    public java.time.LocalDate recordDate;

    /** The key of the appeal's data correction in metrics-service: one per appeal, so sending it again is harmless. */
    public String correctionKey() {
        return "scoring-appeal-" + id;
    }
}
