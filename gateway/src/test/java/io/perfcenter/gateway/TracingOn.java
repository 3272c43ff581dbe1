package io.perfcenter.gateway;

import java.util.Map;

/** All services answer, and OpenTelemetry tracing is on (no collector listens: spans are dropped). */
public class TracingOn extends AllServicesUp {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:1");
    }
}
