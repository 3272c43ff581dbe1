package io.perfcenter.metrics.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One POST of a delivery: when, the receiver's status code (none when it could not be reached) or the error. */
@Entity
@Table(name = "webhook_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "delivery_id")
    public Long deliveryId;
    public int attempt;
    @Column(name = "attempted_at")
    public OffsetDateTime attemptedAt;
    @Column(name = "status_code")
    public Integer statusCode;
    public String error;
    @Column(name = "duration_ms")
    public long durationMs;
}
