package io.perfcenter.metrics.events;

import io.perfcenter.metrics.events.EventPayloads.AttemptView;
import io.perfcenter.metrics.events.EventPayloads.CreatedSubscription;
import io.perfcenter.metrics.events.EventPayloads.DeliveryView;
import io.perfcenter.metrics.events.EventPayloads.SubscriptionInput;
import io.perfcenter.metrics.events.EventPayloads.SubscriptionView;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Webhook subscriptions (hr and admin make them for integration clients), the delivery log and replays. A
 * subscription receives the events of its types stored in the log from its creation on; a disabled one receives
 * nothing more (it is kept, with its deliveries, for the log).
 */
@ApplicationScoped
public class WebhookService {

    private static final Pattern TYPE = Pattern.compile("io\\.perfcenter\\.[a-z]+\\.[a-z0-9.-]{1,150}");

    private final Caller caller;
    private final java.time.Duration rotationGrace;

    WebhookService(Caller caller, @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "perfcenter.events.delivery.rotation-grace", defaultValue = "24h") java.time.Duration rotationGrace) {
        this.caller = caller;
        this.rotationGrace = rotationGrace;
    }

    /**
     * Gives the subscription a new secret, answered this once. The old one keeps signing beside it (the second
     * signature of each delivery) for the grace period (the input's graceMinutes, else
     * perfcenter.events.delivery.rotation-grace), then stops; a secret older than that (a rotation during a grace)
     * stops at once. The old secret is never answered.
     */
    @Transactional
    public EventPayloads.RotatedSecret rotate(long id, EventPayloads.RotationInput input) {
        Integer minutes = input == null ? null : input.graceMinutes();
        if (minutes != null && (minutes < 0 || minutes > 10080)) {
            throw Problems.invalid("graceMinutes", "must be 0 to 10080 (7 days)");
        }
        WebhookSubscription s = WebhookSubscription.<WebhookSubscription>findByIdOptional(id,
                LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> Problems.notFound("Webhook subscription", id));
        if (s.disabledAt != null) {
            throw Problems.conflict("Webhook subscription " + s.id + " is disabled; its secret is not rotated");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        java.time.Duration grace = minutes == null ? rotationGrace : java.time.Duration.ofMinutes(minutes);
        s.previousSecret = grace.isZero() ? null : s.secret;
        s.previousSecretUntil = grace.isZero() ? null : now.plus(grace);
        s.secret = WebhookSignature.newSecret();
        s.secretRotatedAt = now;
        s.secretRotatedBy = caller.name();
        return new EventPayloads.RotatedSecret(s.id, s.secret, now, s.secretRotatedBy, s.previousSecretUntil);
    }

    @Transactional
    public CreatedSubscription create(SubscriptionInput input) {
        if (input == null) {
            throw Problems.invalid("body", "is required");
        }
        if (input.name() == null || input.name().isBlank() || input.name().length() > 200) {
            throw Problems.invalid("name", "is required: 1 to 200 characters");
        }
        String url = checkedUrl(input.url());
        if (input.eventTypes() == null || input.eventTypes().isEmpty() || input.eventTypes().size() > 50) {
            throw Problems.invalid("eventTypes", "name 1 to 50 event types");
        }
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < input.eventTypes().size(); i++) {
            String type = input.eventTypes().get(i);
            if (type == null || !TYPE.matcher(type).matches()) {
                throw Problems.invalid("eventTypes[" + i + "]", "must be an event type such as "
                        + "io.perfcenter.scoring.scorecard.published");
            }
            types.add(type);
        }
        WebhookSubscription s = new WebhookSubscription();
        s.name = input.name().strip();
        s.targetUrl = url;
        s.eventTypes = String.join(" ", types);
        s.secret = WebhookSignature.newSecret();
        s.createdBy = caller.name();
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.persist();
        return new CreatedSubscription(s.id, s.name, s.targetUrl, s.types(), true, s.createdBy, s.createdAt,
                s.secret);
    }

    private static String checkedUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            throw Problems.invalid("url", "is required: an http or https URL");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || uri.getUserInfo() != null || uri.getFragment() != null) {
                throw Problems.invalid("url", "must be an absolute http or https URL without user info or fragment");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw Problems.invalid("url", "is not a URL: " + e.getReason());
        }
    }

    public List<SubscriptionView> list() {
        return WebhookSubscription.<WebhookSubscription>list("order by id").stream().map(SubscriptionView::of)
                .toList();
    }

    public SubscriptionView get(long id) {
        return SubscriptionView.of(subscription(id));
    }

    /** Stops the subscription (idempotent); its deliveries stay in the log, pending ones are not sent. */
    @Transactional
    public SubscriptionView disable(long id) {
        WebhookSubscription s = WebhookSubscription.<WebhookSubscription>findByIdOptional(id,
                LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> Problems.notFound("Webhook subscription", id));
        if (s.disabledAt == null) {
            s.disabledAt = OffsetDateTime.now(ZoneOffset.UTC);
            s.disabledBy = caller.name();
        }
        return SubscriptionView.of(s);
    }

    private static WebhookSubscription subscription(long id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("Webhook subscription", id));
    }

    /** The delivery log, newest first, filtered by subscription, status and event id. */
    public List<DeliveryView> deliveries(Long subscriptionId, WebhookDelivery.Status status, String eventId,
                                         int offset, int limit) {
        List<Object[]> rows = DeliveryQuery.rows(subscriptionId, status, eventId, offset, limit);
        List<DeliveryView> views = new ArrayList<>();
        for (Object[] row : rows) {
            views.add(view((WebhookDelivery) row[0], (LoggedEvent) row[1], false));
        }
        return views;
    }

    public long countDeliveries(Long subscriptionId, WebhookDelivery.Status status, String eventId) {
        return DeliveryQuery.count(subscriptionId, status, eventId);
    }

    public DeliveryView delivery(long id) {
        WebhookDelivery d = WebhookDelivery.<WebhookDelivery>findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("Webhook delivery", id));
        return view(d, LoggedEvent.findById(d.eventSeq), true);
    }

    /**
     * Sends a delivery again (a dead letter, or a delivered event the receiver lost): PENDING from now, with a fresh
     * count of attempts; the attempts before stay in its log.
     */
    @Transactional
    public DeliveryView replay(long id) {
        WebhookDelivery d = WebhookDelivery.<WebhookDelivery>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("Webhook delivery", id));
        WebhookSubscription s = subscription(d.subscriptionId);
        if (s.disabledAt != null) {
            throw Problems.conflict("Webhook subscription " + s.id + " is disabled; its deliveries are not sent");
        }
        if (d.status != WebhookDelivery.Status.PENDING) {
            d.status = WebhookDelivery.Status.PENDING;
            d.attempts = 0;
            d.deadAt = null;
            d.deliveredAt = null;
        }
        d.nextAttemptAt = OffsetDateTime.now(ZoneOffset.UTC);
        return view(d, LoggedEvent.findById(d.eventSeq), true);
    }

    private static DeliveryView view(WebhookDelivery d, LoggedEvent e, boolean withAttempts) {
        List<AttemptView> attempts = withAttempts
                ? DeliveryAttempt.<DeliveryAttempt>list("deliveryId = ?1 order by id", d.id).stream()
                .map(AttemptView::of).toList()
                : null;
        return new DeliveryView(d.id, d.subscriptionId, e.eventId, e.type, d.subject, d.status.name(), d.attempts,
                d.lastStatusCode, d.lastError, d.nextAttemptAt, d.deliveredAt, d.deadAt, attempts);
    }
}
