package io.perfcenter.metrics.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The clock of the center: "now" and "today" in the center's time zone; tests replace it to fix the date. */
public class CenterClock {

    @Produces
    @Singleton
    Clock clock(MetricsConfig config) {
        return Clock.system(config.timeZone());
    }
}
