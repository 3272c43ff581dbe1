package io.perfcenter.incentive.engagement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A badge an agent earned in a contest (one per agent, badge and contest). */
@Entity
@Table(name = "badge_grant")
public class BadgeGrant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "employee_id")
    public String employeeId;
    @Column(name = "badge_code")
    public String badgeCode;
    @Column(name = "contest_id")
    public Long contestId;
    @Column(name = "contest_code")
    public String contestCode;
    public String reason;
    /** The reason in Chinese; null for a grant written before Flyway V9 (read in Chinese, the English one). */
    @Column(name = "reason_zh")
    public String reasonZh;
    @Column(name = "granted_at")
    public OffsetDateTime grantedAt;
}
