package io.perfcenter.metrics.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One line of a person's in-app feed, made from an event by {@link NotificationRules}; read only by its recipient. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** The person's employee id. */
    public String recipient;
    @Column(name = "event_seq")
    public Long eventSeq;
    public String type;
    public String subject;
    public String title;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "read_at")
    public OffsetDateTime readAt;
}
