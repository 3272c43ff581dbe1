package io.perfcenter.scoring.run;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A scoring run: one template version applied to one unit and period, computed and then published. */
@Entity
@Table(name = "scorecard_run")
public class ScorecardRun extends PanacheEntityBase {

    public enum Status { COMPUTED, PUBLISHED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "template_id")
    public Long templateId;
    @Column(name = "template_code")
    public String templateCode;
    @Column(name = "template_version")
    public int templateVersion;
    @Column(name = "unit_code")
    public String unitCode;
    public String period;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "computed_at")
    public OffsetDateTime computedAt;
    @Column(name = "computed_by")
    public String computedBy;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
}
