package io.perfcenter.metrics;

import io.perfcenter.metrics.config.MetricsConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The service's clock in tests: the real time in the center's zone unless a test fixes "now". */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private static volatile Instant fixed;
    private final ZoneId zone;

    TestClock(MetricsConfig config) {
        this.zone = config.timeZone();
    }

    /** From now on the service's "now" is this instant (ISO-8601 with an offset). */
    static void fix(String instant) {
        fixed = java.time.OffsetDateTime.parse(instant).toInstant();
    }

    static void release() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        Instant at = fixed;
        return at == null ? Clock.system(other) : Clock.fixed(at, other);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }
}
