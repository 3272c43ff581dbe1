package io.perfcenter.metrics.ingest;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.metrics.config.MetricsConfig;
import io.perfcenter.metrics.db.SessionLock;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The retention of raw records ({@code PERFCENTER_RAW_RETENTION_MONTHS}): the current month (of the center's
 * calendar) and the N months before it are kept; older months are dropped whole, as month partitions, with the keys
 * of their records. Uploads refuse records of a month before the bound (row errors), so a dropped month is not filled
 * again. 0, the default, keeps everything and runs nothing.
 *
 * <p>A job of the service rather than an admin operation: the bound is a deployment decision (like the time zone),
 * not something to click, and a job needs no role, no API and runs the same in every replica. Each replica looks
 * every {@code check-every} (first a minute after start); a session-level advisory lock lets one replica do it at a
 * time, and a month that is gone already is simply not found.
 *
 * <p>Scorecards are stored in scoring-service with their figures, so dropping a month never changes a locked (or
 * published) scorecard; it does make a recompute, an appeal's recompute or new aggregates of that month find no
 * records. Hence at least 3 months: the month closed last, and the appeals and corrections of the weeks after it.
 */
@ApplicationScoped
public class RawRetention {

    private static final Logger LOG = Logger.getLogger(RawRetention.class);
    static final int MINIMUM_MONTHS = 3;
    /** One replica at a time applies the retention. */
    private static final SessionLock LOCK = new SessionLock("perfcenter.raw_retention");
    private static final long LOCK_TIMEOUT_MS = 2000;

    private final AgroalDataSource dataSource;
    private final RecordPartitions partitions;
    private final Clock clock;
    private final int months;
    private final java.time.Duration checkEvery;
    private ScheduledExecutorService job;

    RawRetention(AgroalDataSource dataSource, RecordPartitions partitions, Clock clock, MetricsConfig config) {
        this.dataSource = dataSource;
        this.partitions = partitions;
        this.clock = clock;
        this.months = config.rawRetention().months();
        this.checkEvery = config.rawRetention().checkEvery();
        if (months < 0 || months > 0 && months < MINIMUM_MONTHS) {
            throw new IllegalArgumentException("perfcenter.metrics.raw-retention.months (PERFCENTER_RAW_RETENTION_MONTHS)"
                    + " must be 0 (keep everything) or at least " + MINIMUM_MONTHS + ", not " + months);
        }
    }

    /** The first month kept for a bound of {@code months} (0: none, everything is kept). */
    public static Optional<YearMonth> firstKept(YearMonth current, int months) {
        return months == 0 ? Optional.empty() : Optional.of(current.minusMonths(months));
    }

    /** The first day whose records are kept today, or empty when everything is kept. */
    public Optional<LocalDate> firstDayKept() {
        return firstKept(YearMonth.now(clock), months).map(m -> m.atDay(1));
    }

    void start(@Observes StartupEvent event) {
        if (months == 0) {
            return;
        }
        job = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "raw-retention");
            t.setDaemon(true);
            return t;
        });
        job.scheduleWithFixedDelay(this::check, 60, Math.max(60, checkEvery.toSeconds()), TimeUnit.SECONDS);
        LOG.infof("raw records are kept for the current month and the %d before it (checked every %s)", months,
                checkEvery);
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.shutdownNow();
        }
    }

    private void check() {
        try {
            firstKept(YearMonth.now(clock), months).ifPresent(this::dropBefore);
        } catch (RuntimeException e) {
            LOG.warn("the retention check failed; it runs again later", e);
        }
    }

    /**
     * Drops every month partition (and its records' keys) of every raw record table whose month is before
     * {@code firstKept}; answers the partitions dropped. A month whose table is busy past the lock timeout is left
     * for the next check. Nothing happens while another replica is at it.
     */
    public List<String> dropBefore(YearMonth firstKept) {
        List<String> dropped = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!LOCK.tryLock(c)) {
                LOG.debug("another replica is applying the retention");
                return dropped;
            }
            try {
                for (RecordKind kind : RecordKind.values()) {
                    if (!kind.partitioned()) {
                        continue;
                    }
                    for (YearMonth month : partitions.months(c, kind)) {
                        if (!month.isBefore(firstKept)) {
                            break;
                        }
                        try {
                            partitions.drop(c, kind, month, LOCK_TIMEOUT_MS);
                            dropped.add(RecordPartitions.name(kind, month));
                            LOG.infof("retention: dropped the %s of %s (before %s)", kind.path(), month, firstKept);
                        } catch (SQLException e) {
                            LOG.warnf("retention: could not drop the %s of %s now (%s); tried again later",
                                    kind.path(), month, e.getMessage());
                        }
                    }
                }
            } finally {
                LOCK.unlock(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply the retention of raw records", e);
        }
        return dropped;
    }
}
