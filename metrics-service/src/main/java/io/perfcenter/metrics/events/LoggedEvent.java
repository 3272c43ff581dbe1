package io.perfcenter.metrics.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * One CloudEvent of the event log: metrics-service's own (written by {@link Outbox} in the change's transaction) or
 * relayed by scoring- or incentive-service from their outboxes, stored once by source and id. {@code seq} is the
 * order of the log: deliveries of one subject go out in it.
 */
@Entity
@Table(name = "event_log")
public class LoggedEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    public String source;
    @Column(name = "event_id")
    public String eventId;
    public String type;
    public String subject;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    /** The event's data, JSON. */
    public String data;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    /** Who wrote it: the relaying service's token subject, or metrics-service itself. */
    @Column(name = "received_from")
    public String receivedFrom;
}
