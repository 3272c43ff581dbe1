package io.perfcenter.incentive.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands the outbox on to metrics-service's event log, oldest first, in batches of at most
 * {@code perfcenter.events.relay.batch} events (default 1,000, what metrics-service takes in one request) and about
 * {@value #BATCH_BYTES} bytes of event data (its JSON body limit is 1 MB), as soon as a transaction that wrote events
 * has committed ({@link Outbox.Written}), and every {@code perfcenter.events.relay.every} (default 2 s) for whatever
 * an earlier attempt left. At least once: a batch is marked relayed (one {@code UPDATE}) only after metrics-service
 * stored it, and metrics-service stores an event once by source and id, so a batch sent again after a lost answer
 * changes nothing. One replica relays at a time (a transaction-level advisory lock), within a replica one thread at a
 * time, and a batch that fails is tried again on the next tick, before anything newer.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Event data per batch, well below metrics-service's 1 MB JSON body with the envelopes around it. */
    static final int BATCH_BYTES = 512 * 1024;

    private final EventsRestClient log;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final EntityManager em;
    private final int batch;
    private final boolean enabled;
    /** Where a relay asked for after a commit runs: one daemon thread, so the committing request does not wait. */
    private final ExecutorService soon = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean relaying = new AtomicBoolean();
    private final AtomicBoolean asked = new AtomicBoolean();

    OutboxRelay(@RestClient EventsRestClient log, Outbox outbox, ObjectMapper json, EntityManager em,
                @ConfigProperty(name = "perfcenter.events.relay.batch", defaultValue = "1000") int batch,
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
        if (enabled) {
            drain();
        }
    }

    /** A transaction that wrote events has committed: relay them now rather than at the next tick. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        if (!enabled) {
            return;
        }
        try {
            soon.execute(this::drain);
        } catch (RejectedExecutionException stopping) {
            // shutting down: the next start's tick relays them
        }
    }

    @PreDestroy
    void stop() {
        soon.shutdownNow();
    }

    /**
     * Relays until the outbox is empty, unless this replica is relaying already; then that one goes round once more,
     * so an event committed while a batch was on its way is not left for the next tick.
     */
    private void drain() {
        asked.set(true);
        while (asked.get() && relaying.compareAndSet(false, true)) {
            try {
                asked.set(false);
                relayAll();
            } catch (RuntimeException e) {
                LOG.warnf("relaying events to metrics-service failed (%s); tried again in a moment", e.getMessage());
            } finally {
                relaying.set(false);
            }
        }
    }

    /** Relays batches until the outbox is empty; answers how many events were relayed. */
    public int relayAll() {
        int total = 0;
        int relayed;
        do {
            relayed = relayBatch();
            total += relayed;
        } while (relayed > 0);
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
            List<OutboxEvent> oldest = OutboxEvent.<OutboxEvent>find("relayedAt is null order by seq")
                    .withHint(HibernateHints.HINT_READ_ONLY, true).page(0, batch).list();
            List<OutboxEvent> events = new ArrayList<>();
            long bytes = 0;
            for (OutboxEvent e : oldest) {
                bytes += e.data.getBytes(StandardCharsets.UTF_8).length;
                if (!events.isEmpty() && bytes > BATCH_BYTES) {
                    break;
                }
                events.add(e);
            }
            if (events.isEmpty()) {
                return 0;
            }
            log.relay(events.stream().map(this::cloudEvent).toList());
            OutboxEvent.update("relayedAt = ?1 where seq in ?2", OffsetDateTime.now(ZoneOffset.UTC),
                    events.stream().map(e -> e.seq).toList());
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
