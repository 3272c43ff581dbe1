package io.perfcenter.metrics.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes the month partitions of the raw record tables before records of those months arrive: the month before the
 * current one (the month being closed: its late records and corrections arrive in the first days of the next), the
 * current month and the next (of the center's calendar), for every partitioned kind; never a month the retention no
 * longer keeps. At start (in the background, so the service does not wait for it) and every six hours.
 *
 * <p>An upload still makes a missing month itself ({@link RecordPartitions#ensure}), for records of older or later
 * months; with this job the month close's uploads find their partitions made and do no DDL of their own (a table,
 * its two indexes and its trigger made and attached while the upload waits), and uploads of a new month do not
 * queue behind the one making it. Safe in every replica at once: making a partition takes an advisory lock per
 * partition and checks again under it.
 */
@ApplicationScoped
public class PartitionsAhead {

    private static final Logger LOG = Logger.getLogger(PartitionsAhead.class);
    private static final long EVERY_HOURS = 6;

    private final AgroalDataSource dataSource;
    private final RecordPartitions partitions;
    private final RawRetention retention;
    private final Clock clock;
    private ScheduledExecutorService job;

    PartitionsAhead(AgroalDataSource dataSource, RecordPartitions partitions, RawRetention retention, Clock clock) {
        this.dataSource = dataSource;
        this.partitions = partitions;
        this.retention = retention;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        job = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "partitions-ahead");
            t.setDaemon(true);
            return t;
        });
        job.scheduleWithFixedDelay(this::check, 0, EVERY_HOURS, TimeUnit.HOURS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.shutdownNow();
        }
    }

    private void check() {
        try {
            makeAround(YearMonth.now(clock));
        } catch (RuntimeException e) {
            LOG.warn("could not make the coming months' partitions; uploads make a missing one themselves, and this "
                    + "runs again later", e);
        }
    }

    /** The months made ahead around {@code current}: the one before, it and the next; none before the retention's. */
    public static Set<YearMonth> monthsAround(YearMonth current, Optional<YearMonth> firstKept) {
        Set<YearMonth> months = new TreeSet<>(List.of(current.minusMonths(1), current, current.plusMonths(1)));
        firstKept.ifPresent(first -> months.removeIf(m -> m.isBefore(first)));
        return months;
    }

    /** Makes the missing partitions of the months around {@code current} for every partitioned kind. */
    public void makeAround(YearMonth current) {
        Set<YearMonth> months = monthsAround(current, retention.firstDayKept().map(YearMonth::from));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (RecordKind kind : RecordKind.values()) {
                if (kind.partitioned()) {
                    partitions.ensure(c, kind, months);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make the partitions of " + months, e);
        }
    }
}
