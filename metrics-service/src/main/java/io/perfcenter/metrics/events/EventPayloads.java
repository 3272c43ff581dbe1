package io.perfcenter.metrics.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** JSON shapes of the event log, webhooks and notifications. */
public final class EventPayloads {

    private EventPayloads() {
    }

    /** A CloudEvents 1.0 event in structured JSON, as scoring- and incentive-service relay it. */
    @Schema(name = "RelayedEvent", requiredProperties = {"specversion", "id", "source", "type", "subject", "time",
            "data"})
    public record EventInput(
            @Schema(enumeration = {"1.0"}, examples = "1.0") String specversion,
            @Schema(description = "Unique per source; the same on every relay of the event", minLength = 1,
                    maxLength = 200, examples = "0b7c9a51-3f0e-4c47-9d7e-25f1c1a4e0d2") String id,
            @Schema(enumeration = {"/perfcenter/scoring", "/perfcenter/incentive"},
                    examples = "/perfcenter/scoring") String source,
            @Schema(description = "io.perfcenter.<source's service>.<what>.<happened>", minLength = 1,
                    maxLength = 200, pattern = "^io\\.perfcenter\\.[a-z]+\\.[a-z0-9.-]+$",
                    examples = "io.perfcenter.scoring.scorecard.published") String type,
            @Schema(description = "What it is about: an employee id, run-<id>", minLength = 1, maxLength = 200,
                    examples = "E3001") String subject,
            @Schema(format = "date-time", examples = "2026-11-03T02:15:00Z") OffsetDateTime time,
            @Schema(enumeration = {"application/json"}, examples = "application/json") String datacontenttype,
            @Schema(type = SchemaType.OBJECT, description = "The event's data (a JSON object)") JsonNode data) {
    }

    public record RelayReceipt(@Schema(description = "Events stored now", examples = "2") int stored,
                               @Schema(description = "Events stored before (same source and id): ignored",
                                       examples = "0") int duplicates) {
    }

    public record EventView(long seq, String id, String source, String type, String subject, OffsetDateTime time,
                            @Schema(type = SchemaType.OBJECT) JsonNode data, OffsetDateTime receivedAt) {
    }

    @Schema(name = "WebhookSubscriptionInput", requiredProperties = {"name", "url", "eventTypes"})
    public record SubscriptionInput(
            @Schema(minLength = 1, maxLength = 200, examples = "CRM agent profile sync") String name,
            @Schema(description = "http or https URL the events are POSTed to", format = "uri", maxLength = 2000,
                    examples = "https://crm.example.com/hooks/perfcenter") String url,
            @Schema(description = "CloudEvents types wanted (see README, Events)", minItems = 1, maxItems = 50,
                    examples = "[\"io.perfcenter.scoring.scorecard.published\"]") List<String> eventTypes) {
    }

    public record SubscriptionView(long id, String name, String url, List<String> eventTypes, boolean active,
                                   String createdBy, OffsetDateTime createdAt, OffsetDateTime disabledAt,
                                   @Schema(description = "When the secret was last rotated (null: never)")
                                   OffsetDateTime secretRotatedAt,
                                   @Schema(description = "Until when deliveries also carry the signature of the "
                                           + "secret before the last rotation (null: only the current secret signs)")
                                   OffsetDateTime previousSecretValidUntil) {

        static SubscriptionView of(WebhookSubscription s) {
            return new SubscriptionView(s.id, s.name, s.targetUrl, s.types(), s.disabledAt == null, s.createdBy,
                    s.createdAt, s.disabledAt, s.secretRotatedAt,
                    s.previousSecretUntil != null && s.previousSecretUntil.isAfter(OffsetDateTime.now())
                            ? s.previousSecretUntil : null);
        }
    }

    @Schema(name = "WebhookSecretRotationInput", description = "Optional: without a body the configured grace "
            + "period applies (perfcenter.events.delivery.rotation-grace, default 24 h)")
    public record RotationInput(
            @Schema(description = "How long deliveries are also signed with the old secret, in minutes (0: the old "
                    + "secret stops at once)", minimum = "0", maximum = "10080", examples = "1440")
            Integer graceMinutes) {
    }

    /** The new secret, shown in this answer only; the old one is never shown again. */
    @Schema(name = "WebhookSecretRotation")
    public record RotatedSecret(@Schema(examples = "3") long id,
                                @Schema(description = "The new HMAC-SHA256 key; shown once", examples = "whsec_9fQ…")
                                String secret,
                                OffsetDateTime rotatedAt, @Schema(examples = "H1") String rotatedBy,
                                @Schema(description = "Until then each delivery carries two signatures, the new "
                                        + "secret's first and the old one's second; null when the old secret stopped "
                                        + "at once") OffsetDateTime previousSecretValidUntil) {
    }

    /** The subscription as made, with its signing secret: the only answer that shows it. */
    public record CreatedSubscription(long id, String name, String url, List<String> eventTypes, boolean active,
                                      String createdBy, OffsetDateTime createdAt,
                                      @Schema(description = "HMAC-SHA256 key of X-PerfCenter-Signature; shown once",
                                              examples = "whsec_3q2-7wEAAAB…") String secret) {
    }

    public record AttemptView(int attempt, OffsetDateTime at,
                              @Schema(description = "The receiver's status; null when it could not be reached")
                              Integer statusCode, String error, long durationMs) {

        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.attempt, a.attemptedAt, a.statusCode, a.error, a.durationMs);
        }
    }

    public record DeliveryView(long id, long subscriptionId, String eventId, String eventType, String subject,
                               @Schema(enumeration = {"PENDING", "DELIVERED", "DEAD"}) String status, int attempts,
                               Integer lastStatusCode, String lastError, OffsetDateTime nextAttemptAt,
                               OffsetDateTime deliveredAt, OffsetDateTime deadAt, List<AttemptView> attemptLog) {
    }

    public record NotificationView(long id, String type, String subject,
                                   @Schema(examples = "Your scorecard for 2026-10 (SEAT) is published: total 87.50, "
                                           + "grade GOOD") String title,
                                   OffsetDateTime createdAt, OffsetDateTime readAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.id, n.type, n.subject, n.title, n.createdAt, n.readAt);
        }
    }
}
