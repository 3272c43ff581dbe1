package io.perfcenter.scoring.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import io.perfcenter.support.OutboxRows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Where this service says that something others care about happened: {@code outbox.emit("appeal.decided",
 * employeeId, data)} inside the transaction of the change. The event is a row of this service's schema written with
 * the change, so it exists exactly when the change committed; {@link OutboxRelay} hands it on. Types are named
 * {@code io.perfcenter.<source>.<type>} and the source is {@code /perfcenter/<source>}
 * ({@code perfcenter.events.source}).
 * <p>
 * Rows are written set-based, straight on the transaction's connection: {@link #emitAll} writes a step's events
 * (ten thousand scorecards or statements) with one {@code INSERT … SELECT FROM unnest(…)} per {@value OutboxRows#PAGE} events
 * instead of an entity each ({@link OutboxRows}, shared with the other service that has an outbox). Every row takes its {@code seq} from the sequence as it is inserted, also for
 * {@link #emit}, so that {@code seq} keeps the order in which this service wrote its events (an entity's id from
 * Hibernate's pool of 50 could be lower than rows written before it); the sequence counts in steps of 50, so
 * {@code seq} has gaps, which nothing reads.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final String source;
    private final EntityManager em;
    private final Event<Written> written;

    Outbox(ObjectMapper json, @ConfigProperty(name = "perfcenter.events.source") String source, EntityManager em,
           Event<Written> written) {
        this.json = json;
        this.source = source;
        this.em = em;
        this.written = written;
    }

    /**
     * Fired in the transaction that wrote events; {@link OutboxRelay} observes it after that transaction committed
     * and relays them at once instead of at its next tick.
     */
    public record Written(int events) {
    }

    /** One event of a change: {@code type} without the prefix, {@code subject}, {@code data} as for {@link #emit}. */
    public record Emission(String type, String subject, Object data) {
    }

    /**
     * Records an event in the caller's transaction (refused without one: an event outside the change's transaction
     * could outlive a rollback). {@code type} without the prefix, e.g. {@code scorecard.published}; {@code subject}
     * what it is about (an employee id, a run id); {@code data} any JSON-serialisable value.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(String type, String subject, Object data) {
        emitAll(List.of(new Emission(type, subject, data)));
    }

    /**
     * Records the events of one change in the caller's transaction, in this order (their {@code seq} ascending), as
     * {@link #emit} would one by one: one statement per {@value OutboxRows#PAGE} events.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emitAll(List<Emission> events) {
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        String[] types = new String[n];
        String[] subjects = new String[n];
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            Emission e = events.get(i);
            types[i] = typeName(e.type());
            subjects[i] = e.subject();
            try {
                data[i] = json.writeValueAsString(e.data());
            } catch (JsonProcessingException x) {
                throw new IllegalArgumentException("event data of " + e.type() + " is not JSON", x);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.unwrap(Session.class).doWork(connection -> OutboxRows.insert(connection, now, types, subjects, data));
        written.fire(new Written(n));
    }

    /** The full CloudEvents type of a short one. */
    public String typeName(String type) {
        return "io.perfcenter." + source + "." + type;
    }

    /** The CloudEvents source of this service's events. */
    public String source() {
        return "/perfcenter/" + source;
    }
}
