package io.perfcenter.metrics.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Where metrics-service says that something others care about happened: {@code outbox.emit("data-correction.stored",
 * employeeId, data)} inside the change's transaction. The event log is in this service's own schema, so the outbox
 * here is the log itself: the event is stored (and its deliveries and notifications queued) with the change, or not
 * at all. Types are {@code io.perfcenter.metrics.<type>}, the source {@code /perfcenter/metrics}.
 */
@ApplicationScoped
public class Outbox {

    static final String SOURCE = "/perfcenter/metrics";

    private final EventLog log;
    private final ObjectMapper json;

    Outbox(EventLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    /** Records an event in the caller's transaction (refused without one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(String type, String subject, Object data) {
        log.storeAll(List.of(new EventLog.Entry(SOURCE, UUID.randomUUID().toString(), "io.perfcenter.metrics." + type,
                subject, OffsetDateTime.now(ZoneOffset.UTC), json.valueToTree(data))), "metrics-service");
    }
}
