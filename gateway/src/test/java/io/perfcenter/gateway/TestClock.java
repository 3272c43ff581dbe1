package io.perfcenter.gateway;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The gateway's clock in tests: the real time in the center's zone unless a test fixes "now". */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private static volatile Instant fixed;
    private final ZoneId zone;

    TestClock(@ConfigProperty(name = "perfcenter.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        this.zone = zone;
    }

    /** From now on the gateway's "now" is this instant (ISO-8601 with an offset). */
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
