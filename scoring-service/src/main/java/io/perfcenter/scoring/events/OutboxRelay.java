package io.perfcenter.scoring.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Hands the outbox on to metrics-service's event log, oldest first, in batches ({@code perfcenter.events.relay.batch},
 * default 200), every {@code perfcenter.events.relay.every} (default 2 s). At least once: a batch is marked relayed
 * only after metrics-service stored it, and metrics-service stores an event once by source and id, so a batch sent
 * again after a lost answer changes nothing. One replica relays at a time (a transaction-level advisory lock), and a
 * batch that fails is tried again on the next tick, before anything newer.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EventsRestClient log;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final EntityManager em;
    private final int batch;
    private final boolean enabled;

    OutboxRelay(@RestClient EventsRestClient log, Outbox outbox, ObjectMapper json, EntityManager em,
                @ConfigProperty(name = "perfcenter.events.relay.batch", defaultValue = "200") int batch,
                @ConfigProperty(name = "perfcenter.events.relay.enabled", defaultValue = "true") boolean enabled) {
        this.log = log;
        this.outbox = outbox;
        this.json = json;
        this.em = em;
        this.batch = batch;
        this.enabled = enabled;
    }

    @Scheduled(every = "${perfcenter.events.relay.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!enabled) {
            return;
        }
        try {
            relayAll();
        } catch (RuntimeException e) {
            LOG.warnf("relaying events to metrics-service failed (%s); tried again in a moment", e.getMessage());
        }
    }

    /** Relays batches until the outbox is empty; answers how many events were relayed. */
    public int relayAll() {
        int total = 0;
        int relayed;
        do {
            relayed = relayBatch();
            total += relayed;
        } while (relayed == batch);
        return total;
    }

    /** One batch: the oldest events not relayed yet, sent and marked in one transaction. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object mine = em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('outbox_relay'))")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(mine)) {
                return 0;
            }
            List<OutboxEvent> events = OutboxEvent.<OutboxEvent>find("relayedAt is null order by seq")
                    .page(0, batch).list();
            if (events.isEmpty()) {
                return 0;
            }
            log.relay(events.stream().map(this::cloudEvent).toList());
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            events.forEach(e -> e.relayedAt = now);
            return events.size();
        });
    }

    private CloudEvent cloudEvent(OutboxEvent event) {
        try {
            return new CloudEvent(CloudEvent.SPEC_VERSION, event.eventId, outbox.source(), event.type, event.subject,
                    event.occurredAt, CloudEvent.JSON, json.readTree(event.data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox event " + event.seq + " holds no JSON", e);
        }
    }
}
