package io.perfcenter.incentive.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/** A CloudEvents 1.0 event in JSON (structured) form, as relayed to metrics-service's event log. */
public record CloudEvent(String specversion, String id, String source, String type, String subject,
                         OffsetDateTime time, String datacontenttype, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
