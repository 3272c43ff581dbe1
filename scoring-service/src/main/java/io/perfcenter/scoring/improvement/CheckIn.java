package io.perfcenter.scoring.improvement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A check-in note on an improvement plan, by the coach or the agent. */
@Entity
@Table(name = "improvement_check_in")
public class CheckIn extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "plan_id")
    public Long planId;
    /** COACH or AGENT. */
    @Column(name = "author_role")
    public String authorRole;
    public String author;
    public String note;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
