package io.perfcenter.scoring.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Where this service says that something others care about happened: {@code outbox.emit("appeal.decided",
 * employeeId, data)} inside the transaction of the change. The event is a row of this service's schema written with
 * the change, so it exists exactly when the change committed; {@link OutboxRelay} hands it on. Types are named
 * {@code io.perfcenter.<source>.<type>} and the source is {@code /perfcenter/<source>}
 * ({@code perfcenter.events.source}).
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final String source;

    Outbox(ObjectMapper json, @ConfigProperty(name = "perfcenter.events.source") String source) {
        this.json = json;
        this.source = source;
    }

    /**
     * Records an event in the caller's transaction (refused without one: an event outside the change's transaction
     * could outlive a rollback). {@code type} without the prefix, e.g. {@code scorecard.published}; {@code subject}
     * what it is about (an employee id, a run id); {@code data} any JSON-serialisable value.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(String type, String subject, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID().toString();
        event.type = typeName(type);
        event.subject = subject;
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            event.data = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of " + type + " is not JSON", e);
        }
        event.persist();
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
