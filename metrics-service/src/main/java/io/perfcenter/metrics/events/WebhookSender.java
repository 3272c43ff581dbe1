package io.perfcenter.metrics.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Sends the due deliveries (a scheduled job, every {@code perfcenter.events.delivery.every}): a POST of the event in
 * CloudEvents <b>structured</b> mode ({@code Content-Type: application/cloudevents+json}, the whole event as the
 * body), signed ({@link WebhookSignature}). A 2xx answer delivers it; anything else (another status, no answer within
 * {@code timeout}) is an attempt that failed: the next one waits {@code initial-backoff} × 2^(attempts − 1), at most
 * {@code max-backoff}; after {@code max-attempts} the delivery is dead-lettered (DEAD) until replayed.
 * <p>
 * Order per subject: a delivery waits while an earlier event (lower log seq) of the same subject and subscription is
 * still PENDING, so a receiver sees a subject's events in the order of the log; a dead letter no longer holds the
 * ones after it. One replica sends at a time (a transaction-level advisory lock; the pass is one transaction with at
 * most {@code batch} deliveries).
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private final EntityManager em;
    private final ObjectMapper json;
    private final HttpClient http;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration timeout;
    private final int batch;

    WebhookSender(EntityManager em, ObjectMapper json,
                  @ConfigProperty(name = "perfcenter.events.delivery.max-attempts", defaultValue = "8") int maxAttempts,
                  @ConfigProperty(name = "perfcenter.events.delivery.initial-backoff", defaultValue = "10s")
                  Duration initialBackoff,
                  @ConfigProperty(name = "perfcenter.events.delivery.max-backoff", defaultValue = "1h")
                  Duration maxBackoff,
                  @ConfigProperty(name = "perfcenter.events.delivery.timeout", defaultValue = "10s") Duration timeout,
                  @ConfigProperty(name = "perfcenter.events.delivery.batch", defaultValue = "50") int batch) {
        this.em = em;
        this.json = json;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.timeout = timeout;
        this.batch = batch;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("perfcenter.events.delivery.max-attempts must be at least 1");
        }
    }

    @Scheduled(every = "${perfcenter.events.delivery.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warnf("webhook deliveries failed (%s); tried again in a moment", e.getMessage());
        }
    }

    /** One pass over the due deliveries; answers how many were attempted. */
    public int sendDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object mine = em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('webhook_delivery'))")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(mine)) {
                return 0;
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            @SuppressWarnings("unchecked")
            List<WebhookDelivery> due = em.createNativeQuery("""
                            SELECT d.* FROM webhook_delivery d
                            JOIN webhook_subscription s ON s.id = d.subscription_id AND s.disabled_at IS NULL
                            WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?1
                              AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                                              WHERE e.subscription_id = d.subscription_id AND e.subject = d.subject
                                                AND e.status = 'PENDING' AND e.event_seq < d.event_seq)
                            ORDER BY d.event_seq, d.id
                            LIMIT ?2""", WebhookDelivery.class)
                    .setParameter(1, now).setParameter(2, batch).getResultList();
            for (WebhookDelivery d : due) {
                attempt(d);
            }
            return due.size();
        });
    }

    private void attempt(WebhookDelivery d) {
        WebhookSubscription s = WebhookSubscription.findById(d.subscriptionId);
        LoggedEvent event = LoggedEvent.findById(d.eventSeq);
        byte[] body = body(event);
        long timestamp = OffsetDateTime.now(ZoneOffset.UTC).toEpochSecond();
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = d.id;
        attempt.attempt = d.attempts + 1;
        attempt.attemptedAt = OffsetDateTime.now(ZoneOffset.UTC);
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(s.targetUrl)).timeout(timeout)
                    .header("Content-Type", CONTENT_TYPE)
                    .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE, WebhookSignature.signAll(
                            s.signingSecrets(OffsetDateTime.now(ZoneOffset.UTC)), timestamp, body))
                    .header("X-PerfCenter-Delivery", d.id.toString())
                    .header("User-Agent", "PerfCenter-Webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            attempt.statusCode = response.statusCode();
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                attempt.error = "answered " + response.statusCode();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.error = "interrupted";
        } catch (java.io.IOException | RuntimeException e) {
            attempt.error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        attempt.durationMs = (System.nanoTime() - started) / 1_000_000;
        if (attempt.error != null && attempt.error.length() > 500) {
            attempt.error = attempt.error.substring(0, 500);
        }
        attempt.persist();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        d.attempts = attempt.attempt;
        d.lastStatusCode = attempt.statusCode;
        d.lastError = attempt.error;
        if (attempt.error == null) {
            d.status = WebhookDelivery.Status.DELIVERED;
            d.deliveredAt = now;
            d.nextAttemptAt = null;
        } else if (d.attempts >= maxAttempts) {
            d.status = WebhookDelivery.Status.DEAD;
            d.deadAt = now;
            d.nextAttemptAt = null;
            LOG.warnf("webhook delivery %d (%s to subscription %d) dead-lettered after %d attempts: %s", d.id,
                    event.type, s.id, d.attempts, attempt.error);
        } else {
            d.nextAttemptAt = now.plus(backoff(d.attempts));
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: initial × 2^(attempts − 1), at most the maximum. */
    Duration backoff(int attempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** The event as a CloudEvents 1.0 structured JSON body. */
    byte[] body(LoggedEvent event) {
        try {
            ObjectNode node = json.createObjectNode();
            node.put("specversion", "1.0");
            node.put("id", event.eventId);
            node.put("source", event.source);
            node.put("type", event.type);
            node.put("subject", event.subject);
            node.put("time", event.occurredAt.withOffsetSameInstant(ZoneOffset.UTC).toString());
            node.put("datacontenttype", "application/json");
            node.set("data", json.readTree(event.data));
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.seq + " holds no JSON", e);
        }
    }
}
