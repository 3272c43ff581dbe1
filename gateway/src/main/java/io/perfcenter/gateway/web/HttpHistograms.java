package io.perfcenter.gateway.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * HTTP request timers (served and sent) publish histogram buckets, so that any percentile (p95, p99) can be computed
 * over any window and across replicas, e.g. {@code histogram_quantile(0.99, sum by (le, uri)
 * (rate(http_server_requests_seconds_bucket[5m])))}. Buckets from 1 ms to 2 minutes.
 */
public class HttpHistograms {

    @Produces
    @Singleton
    MeterFilter percentileHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().startsWith("http.server.requests") && !id.getName().startsWith("http.client.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofMinutes(2).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
