package io.perfcenter.metrics.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The clock of the center: "now", "today" and the current month in the center's time zone
 * ({@code perfcenter.time-zone}, default Asia/Shanghai), whatever the server's zone; tests replace it to fix the date.
 */
public class CenterClock {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "perfcenter.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        return Clock.system(zone);
    }
}
