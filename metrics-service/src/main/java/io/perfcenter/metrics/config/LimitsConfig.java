package io.perfcenter.metrics.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * What one request or one caller may take of the service ({@code perfcenter.metrics.limits.*}): body sizes per kind
 * of endpoint, rows of a JSON request, how long an upload may pause, and how many uploads run at once.
 */
@ConfigMapping(prefix = "perfcenter.metrics.limits")
public interface LimitsConfig {

    /** Body of an ordinary JSON request (org, catalog, bulk org sync). */
    @WithDefault("1M")
    MemorySize jsonBody();

    /** Body of POST /api/v1/metrics/values (a JSON array read whole into memory). */
    @WithDefault("16M")
    MemorySize valuesBody();

    /** Rows of POST /api/v1/metrics/values; more go to the streaming upload endpoints. */
    @WithDefault("100000")
    int valuesRows();

    /** Body of an upload to /api/v1/metrics/records/* (received into a temporary file, never into memory). */
    @WithDefault("2G")
    MemorySize uploadBody();

    /** An upload that sends no byte for this long is cut (408) and nothing of it is stored. */
    @WithDefault("30s")
    Duration uploadIdleTimeout();

    /** Uploads (both kinds above) one caller (token subject) may run at once; more are answered 429. */
    @WithDefault("4")
    int uploadsPerCaller();

    /**
     * Uploads stored at once, over all callers. Each holds a database connection while it is stored, so this
     * stays well below the connection pool (20), leaving connections for everything else.
     */
    @WithDefault("6")
    int concurrentStores();

    /** How long a received upload waits for a store slot before it is answered 503. */
    @WithDefault("60s")
    Duration storeWait();

    /** The Retry-After of a 429 or 503 answer. */
    @WithDefault("10s")
    Duration retryAfter();
}
