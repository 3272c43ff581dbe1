package io.perfcenter.metrics.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Stores the entries in order, in the caller's transaction; answers how many were new. Set-based: one statement
     * for the events (each gets its {@code seq} in the order of the list), one for their notifications, one for their
     * webhook deliveries, however many events a relayed batch holds (one insert per row and per notification before:
     * 2 round trips an event, 20,000 for a 10,000-agent center's published scorecards).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int storeAll(List<Entry> entries, String receivedFrom) {
        if (entries.isEmpty()) {
            return 0;
        }
        List<WebhookSubscription> subscriptions = WebhookSubscription.list("disabledAt is null order by id");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = entries.size();
        String[] sources = new String[n];
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] subjects = new String[n];
        String[] times = new String[n];
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            Entry entry = entries.get(i);
            sources[i] = entry.source();
            ids[i] = entry.id();
            types[i] = entry.type();
            subjects[i] = entry.subject();
            times[i] = entry.time().toString();
            try {
                data[i] = json.writeValueAsString(entry.data());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("event data is not JSON", e);
            }
        }
        // changes of the caller's transaction go first, as a native query would have flushed them
        em.flush();
        Session session = em.unwrap(Session.class);
        Map<String, Long> seqs = session.doReturningWork(connection -> {
            Map<String, Long> stored = new HashMap<>();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO event_log (source, event_id, type, subject, occurred_at, data, received_at, received_from)
                    SELECT e.source, e.event_id, e.type, e.subject, e.occurred_at::timestamptz, e.data, ?, ?
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                         AS e (source, event_id, type, subject, occurred_at, data, ord)
                    ORDER BY e.ord
                    ON CONFLICT ON CONSTRAINT event_log_once DO NOTHING
                    RETURNING seq, source, event_id""")) {
                insert.setObject(1, now);
                insert.setString(2, receivedFrom);
                insert.setArray(3, connection.createArrayOf("text", sources));
                insert.setArray(4, connection.createArrayOf("text", ids));
                insert.setArray(5, connection.createArrayOf("text", types));
                insert.setArray(6, connection.createArrayOf("text", subjects));
                insert.setArray(7, connection.createArrayOf("text", times));
                insert.setArray(8, connection.createArrayOf("text", data));
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(2) + "\n" + rs.getString(3), rs.getLong(1));
                    }
                }
            }
            return stored;
        });
        int stored = seqs.size();
        List<Long> noteSeqs = new ArrayList<>();
        List<String> noteRecipients = new ArrayList<>();
        List<String> noteTypes = new ArrayList<>();
        List<String> noteSubjects = new ArrayList<>();
        List<String> noteTitles = new ArrayList<>();
        List<Long> deliverySubscriptions = new ArrayList<>();
        List<Long> deliverySeqs = new ArrayList<>();
        List<String> deliverySubjects = new ArrayList<>();
        for (Entry entry : entries) {
            // a duplicate (stored before, or twice in this list) has no seq, or the first one's: told once
            Long seq = seqs.remove(entry.source() + "\n" + entry.id());
            if (seq == null) {
                continue;
            }
            for (WebhookSubscription s : subscriptions) {
                if (s.wants(entry.type())) {
                    deliverySubscriptions.add(s.id);
                    deliverySeqs.add(seq);
                    deliverySubjects.add(entry.subject());
                }
            }
            for (NotificationRules.Note note : rules.notesFor(entry.type(), entry.data())) {
                noteSeqs.add(seq);
                noteRecipients.add(note.recipient());
                noteTypes.add(entry.type());
                noteSubjects.add(entry.subject());
                noteTitles.add(note.title());
            }
        }
        session.doWork(connection -> {
            if (!deliverySeqs.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO webhook_delivery (subscription_id, event_seq, subject, status, next_attempt_at,
                                                      created_at)
                        SELECT d.subscription_id, d.event_seq, d.subject, 'PENDING', ?, ?
                        FROM unnest(?::bigint[], ?::bigint[], ?::text[]) WITH ORDINALITY
                             AS d (subscription_id, event_seq, subject, ord)
                        ORDER BY d.ord""")) {
                    insert.setObject(1, now);
                    insert.setObject(2, now);
                    insert.setArray(3, connection.createArrayOf("bigint", deliverySubscriptions.toArray(new Long[0])));
                    insert.setArray(4, connection.createArrayOf("bigint", deliverySeqs.toArray(new Long[0])));
                    insert.setArray(5, connection.createArrayOf("text", deliverySubjects.toArray(new String[0])));
                    insert.executeUpdate();
                }
            }
            if (!noteSeqs.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO notification (recipient, event_seq, type, subject, title, created_at)
                        SELECT n.recipient, n.event_seq, n.type, n.subject, n.title, ?
                        FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                             AS n (recipient, event_seq, type, subject, title, ord)
                        ORDER BY n.ord""")) {
                    insert.setObject(1, now);
                    insert.setArray(2, connection.createArrayOf("text", noteRecipients.toArray(new String[0])));
                    insert.setArray(3, connection.createArrayOf("bigint", noteSeqs.toArray(new Long[0])));
                    insert.setArray(4, connection.createArrayOf("text", noteTypes.toArray(new String[0])));
                    insert.setArray(5, connection.createArrayOf("text", noteSubjects.toArray(new String[0])));
                    insert.setArray(6, connection.createArrayOf("text", noteTitles.toArray(new String[0])));
                    insert.executeUpdate();
                }
            }
        });
        return stored;
    }
}
