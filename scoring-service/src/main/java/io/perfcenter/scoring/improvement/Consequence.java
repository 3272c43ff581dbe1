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

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What followed a missed improvement plan, with its reason; the agent reads it on their plan. */
@Entity
@Table(name = "improvement_consequence")
public class Consequence extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "plan_id")
    public Long planId;
    @Enumerated(EnumType.STRING)
    public ImprovementPayloads.ConsequenceKind kind;
    public String reason;
    @Column(name = "previous_due")
    public LocalDate previousDue;
    @Column(name = "extended_to")
    public LocalDate extendedTo;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
}
