package io.perfcenter.metrics.events;

import io.perfcenter.metrics.events.EventPayloads.EventInput;
import io.perfcenter.metrics.events.EventPayloads.EventView;
import io.perfcenter.metrics.events.EventPayloads.RelayReceipt;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The relay's way into the event log, and the log as hr and admin read it. A relayed batch is checked whole before
 * anything is stored (a bad event refuses the batch, naming it), then stored in order in one transaction.
 */
@ApplicationScoped
public class EventService {

    static final int MAX_BATCH = 1000;
    private static final Set<String> RELAYED_SOURCES = Set.of("/perfcenter/scoring", "/perfcenter/incentive");
    private static final Pattern TYPE = Pattern.compile("io\\.perfcenter\\.[a-z]+\\.[a-z0-9.-]{1,150}");

    private final EventLog log;
    private final Caller caller;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    EventService(EventLog log, Caller caller, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.log = log;
        this.caller = caller;
        this.json = json;
    }

    @Transactional
    public RelayReceipt relay(List<EventInput> events) {
        if (events == null) {
            throw Problems.invalid("body", "is required: a JSON array of CloudEvents");
        }
        if (events.size() > MAX_BATCH) {
            throw Problems.invalid("body", "at most " + MAX_BATCH + " events a request, not " + events.size());
        }
        List<EventLog.Entry> entries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            entries.add(checked("[" + i + "].", events.get(i)));
        }
        int stored = log.storeAll(entries, caller.subject());
        return new RelayReceipt(stored, entries.size() - stored);
    }

    private static EventLog.Entry checked(String at, EventInput e) {
        if (e == null) {
            throw Problems.invalid(at.substring(0, at.length() - 1), "must be an event, not null");
        }
        if (!"1.0".equals(e.specversion())) {
            throw Problems.invalid(at + "specversion", "must be 1.0");
        }
        requireText(at + "id", e.id());
        if (e.source() == null || !RELAYED_SOURCES.contains(e.source())) {
            throw Problems.invalid(at + "source", "must be one of " + String.join(", ", new java.util.TreeSet<>(
                    RELAYED_SOURCES)));
        }
        String service = e.source().substring("/perfcenter/".length());
        if (e.type() == null || !TYPE.matcher(e.type()).matches()
                || !e.type().startsWith("io.perfcenter." + service + ".")) {
            throw Problems.invalid(at + "type", "must be io.perfcenter." + service + ".<what>.<happened>");
        }
        requireText(at + "subject", e.subject());
        if (e.time() == null) {
            throw Problems.invalid(at + "time", "is required (RFC 3339)");
        }
        if (e.datacontenttype() != null && !e.datacontenttype().equals("application/json")) {
            throw Problems.invalid(at + "datacontenttype", "must be application/json");
        }
        if (e.data() == null || !e.data().isObject()) {
            throw Problems.invalid(at + "data", "is required: a JSON object");
        }
        return new EventLog.Entry(e.source(), e.id(), e.type(), e.subject(), e.time(), e.data());
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw Problems.invalid(field, "is required: 1 to 200 characters");
        }
    }

    /** The log, oldest first (its order), filtered by type and subject. */
    public List<EventView> list(String type, String subject, int offset, int limit) {
        return LoggedEvent.<LoggedEvent>find(query(type, subject) + " order by seq", params(type, subject))
                .range(offset, offset + limit - 1).list().stream().map(this::view).toList();
    }

    public long count(String type, String subject) {
        return LoggedEvent.count(query(type, subject), params(type, subject));
    }

    private static String query(String type, String subject) {
        return "(?1 is null or type = ?1) and (?2 is null or subject = ?2)";
    }

    private static Object[] params(String type, String subject) {
        return new Object[]{blankToNull(type), blankToNull(subject)};
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    EventView view(LoggedEvent e) {
        try {
            return new EventView(e.seq, e.eventId, e.source, e.type, e.subject, e.occurredAt, json.readTree(e.data),
                    e.receivedAt);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
