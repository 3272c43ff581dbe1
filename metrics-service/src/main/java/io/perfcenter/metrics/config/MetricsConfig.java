package io.perfcenter.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** Typed settings of metrics-service ({@code perfcenter.metrics.*}). */
@ConfigMapping(prefix = "perfcenter.metrics")
public interface MetricsConfig {

    /**
     * The center's time zone: every timestamp counts for its date in this zone (whatever offset the sender used),
     * timestamps without an offset are local to it, and "today" is today here. One setting for the whole suite,
     * {@code perfcenter.time-zone} ({@code PERFCENTER_TIME_ZONE}).
     */
    @WithDefault("${perfcenter.time-zone:Asia/Shanghai}")
    ZoneId timeZone();

    Ingest ingest();

    Anomaly anomaly();

    RawRetention rawRetention();

    Sampling sampling();

    /** QA sampling plans (metrics-service README, "QA sampling plans"). */
    interface Sampling {
        /**
         * How many days after a plan's period its plan may still be topped up with late calls
         * ({@code PERFCENTER_QA_TOP_UP_DAYS}); after that the plan is closed to top-ups.
         */
        @WithDefault("31")
        int topUpDays();
    }

    /**
     * How long raw records are kept: whole months, dropped as month partitions (metrics-service README, "Retention").
     */
    interface RawRetention {
        /**
         * Keep the current month and this many months before it; 0 (the default) keeps everything. Otherwise at
         * least 3, so the month just closed, its appeals and corrections never lose their records
         * ({@code PERFCENTER_RAW_RETENTION_MONTHS}).
         */
        @WithDefault("0")
        int months();

        /** How often a replica looks for months past the bound (the first time a minute after start). */
        @WithDefault("6h")
        java.time.Duration checkEvery();
    }

    interface Ingest {
        /**
         * Rows staged before they are merged into the record table. Larger chunks merge faster; the bound keeps
         * the staging table and the in-memory set of keys seen in a chunk small for any upload size.
         */
        @WithDefault("100000")
        int chunkRows();

        /** Row errors listed in a report; the counts always cover every row. */
        @WithDefault("1000")
        int maxListedErrors();
    }

    interface Anomaly {
        /** Share of change against the baseline beyond which a value is flagged (0.2 = 20%). */
        @WithDefault("0.2")
        double threshold();

        /** How many periods of the same length before the asked one make the agent's baseline. */
        @WithDefault("3")
        int baselinePeriods();

        /**
         * How often the anomaly scan job stores new flags of the current and the previous month
         * ({@code PERFCENTER_ANOMALY_SCAN_EVERY}; a Quarkus duration such as 6h, or {@code off}). The job's
         * {@code @Scheduled} reads the same key; the job leaves a month whose last whole scan finished less than
         * half of it ago alone (other replicas run the job at other phases).
         */
        @WithDefault("6h")
        String scanEvery();
    }
}
