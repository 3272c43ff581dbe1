package io.perfcenter.metrics.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The event log: stores an event once by source and id (a relay sent again, or the same event from two replicas,
 * changes nothing), and in the same transaction queues a delivery for each active subscription of its type and writes
 * the notifications {@link NotificationRules} give for it. So an event is delivered and notified exactly when it is
 * in the log, and nothing of a rolled-back change ever reaches a receiver or a feed.
 */
@ApplicationScoped
public class EventLog {

    /** One event to store: the CloudEvents attributes and its data as JSON. */
    public record Entry(String source, String id, String type, String subject, OffsetDateTime time, JsonNode data) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final NotificationRules rules;

    EventLog(EntityManager em, ObjectMapper json, NotificationRules rules) {
        this.em = em;
        this.json = json;
        this.rules = rules;
    }

    /** Stores the entries in order, in the caller's transaction; answers how many were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int storeAll(List<Entry> entries, String receivedFrom) {
        List<WebhookSubscription> subscriptions = WebhookSubscription.list("disabledAt is null order by id");
        int stored = 0;
        for (Entry entry : entries) {
            if (store(entry, receivedFrom, subscriptions)) {
                stored++;
            }
        }
        return stored;
    }

    private boolean store(Entry entry, String receivedFrom, List<WebhookSubscription> subscriptions) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String data;
        try {
            data = json.writeValueAsString(entry.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not JSON", e);
        }
        @SuppressWarnings("unchecked")
        List<Number> seqs = em.createNativeQuery("""
                        INSERT INTO event_log (source, event_id, type, subject, occurred_at, data, received_at,
                                               received_from)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        ON CONFLICT ON CONSTRAINT event_log_once DO NOTHING
                        RETURNING seq""")
                .setParameter(1, entry.source()).setParameter(2, entry.id()).setParameter(3, entry.type())
                .setParameter(4, entry.subject()).setParameter(5, entry.time()).setParameter(6, data)
                .setParameter(7, now).setParameter(8, receivedFrom)
                .getResultList();
        if (seqs.isEmpty()) {
            return false;
        }
        long seq = seqs.get(0).longValue();
        for (WebhookSubscription s : subscriptions) {
            if (s.wants(entry.type())) {
                WebhookDelivery d = new WebhookDelivery();
                d.subscriptionId = s.id;
                d.eventSeq = seq;
                d.subject = entry.subject();
                d.status = WebhookDelivery.Status.PENDING;
                d.nextAttemptAt = now;
                d.createdAt = now;
                d.persist();
            }
        }
        for (NotificationRules.Note note : rules.notesFor(entry.type(), entry.data())) {
            Notification n = new Notification();
            n.recipient = note.recipient();
            n.eventSeq = seq;
            n.type = entry.type();
            n.subject = entry.subject();
            n.title = note.title();
            n.createdAt = now;
            n.persist();
        }
        return true;
    }
}
