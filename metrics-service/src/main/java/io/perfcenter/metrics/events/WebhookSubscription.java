package io.perfcenter.metrics.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** An integration client's subscription: the event types it wants, where they go, and the key they are signed with. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(name = "target_url")
    public String targetUrl;
    /** The subscribed types, separated by spaces. */
    @Column(name = "event_types")
    public String eventTypes;
    /** The HMAC-SHA256 key of the signatures; answered once, when the subscription is made. */
    public String secret;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;
    @Column(name = "disabled_by")
    public String disabledBy;
    /** The secret before the last rotation: it signs too (second signature) until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_until")
    public OffsetDateTime previousSecretUntil;
    @Column(name = "secret_rotated_at")
    public OffsetDateTime secretRotatedAt;
    @Column(name = "secret_rotated_by")
    public String secretRotatedBy;

    /** The secrets a delivery at {@code now} is signed with: the current one, and the previous one during its grace. */
    public List<String> signingSecrets(OffsetDateTime now) {
        return previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now)
                ? List.of(secret, previousSecret) : List.of(secret);
    }

    public List<String> types() {
        return Arrays.asList(eventTypes.split(" "));
    }

    public boolean wants(String type) {
        return disabledAt == null && types().contains(type);
    }
}
