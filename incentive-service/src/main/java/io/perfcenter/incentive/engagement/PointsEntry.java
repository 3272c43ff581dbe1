package io.perfcenter.incentive.engagement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One entry of the points ledger: append-only (the database refuses updates and deletes). */
@Entity
@Table(name = "points_entry")
public class PointsEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "employee_id")
    public String employeeId;
    public int points;
    public String reason;
    /** The reason in Chinese; null for an entry written before Flyway V9 (read in Chinese, the English one). */
    @Column(name = "reason_zh")
    public String reasonZh;
    @Column(name = "contest_id")
    public Long contestId;
    @Column(name = "contest_code")
    public String contestCode;
    @Column(name = "rule_index")
    public Integer ruleIndex;
    @Column(name = "unit_code")
    public String unitCode;
    /** The month the points count in: the contest's last day's. */
    public String period;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    EngagementPayloads.LedgerEntryView view() {
        return new EngagementPayloads.LedgerEntryView(id, employeeId, points, reason, contestCode, unitCode, period,
                createdAt, createdBy, reasonZh);
    }
}
