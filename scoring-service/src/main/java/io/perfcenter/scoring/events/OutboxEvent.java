package io.perfcenter.scoring.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A state change others care about, written by {@link Outbox} in the same transaction as the change (the
 * transactional outbox): a rolled-back change leaves no row. {@link OutboxRelay} sends the rows to metrics-service's
 * event log in {@code seq} order and stamps {@code relayedAt}; the row stays as the service's own record of what it
 * told others.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    public Long seq;
    /** The CloudEvents {@code id}: a UUID, the same on every relay attempt. */
    @Column(name = "event_id")
    public String eventId;
    /** The full CloudEvents {@code type}, e.g. {@code io.perfcenter.<source>.<what>.<happened>}. */
    public String type;
    public String subject;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    /** The event's {@code data}, JSON. */
    public String data;
    @Column(name = "relayed_at")
    public OffsetDateTime relayedAt;
}
