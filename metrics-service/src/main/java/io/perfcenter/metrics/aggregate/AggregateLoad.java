package io.perfcenter.metrics.aggregate;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Who goes first on the database. Foreground: work someone waits for — a read of a whole unit's figures (a scoring
 * run's inputs, a leader's board), an upload of records being stored (every records upload, {@code BulkIngestion}:
 * what an HR or operations team waits for in a month close), a scan asked for by hr. Background: the scheduled
 * anomaly scan. The scan computes the same kind of aggregate over every agent (the month and its baseline months),
 * so it used to compete with a running month close for both cores (issue 11: it ran, one minute after start, during
 * the center's scoring run, and in another close beside the uploads).
 *
 * <p>In the background a computation uses no parallel workers (one core; the foreground keeps PostgreSQL's parallel
 * workers), and the scan reads in pieces (a bounded batch of agents each, {@link AnomalyFlags}) and waits before each
 * piece's reads until no foreground work is in progress. Its waits add up to at most a budget ({@code budget} of
 * {@link #yieldToForeground}: what is left of it is handed to the next wait), then it goes on anyway: a busy service
 * defers its flags, it never skips them. Foreground work never waits for anything here.
 *
 * <p>Foreground work is seen in two ways. In this JVM, a counter ({@link #inForeground}: an atomic increment and
 * decrement). Across replicas (the service runs with several behind one database, and an upload or a scoring run's
 * unit read served by another replica must hold this one's scan back too), a <b>shared</b> advisory lock on
 * {@link #FOREGROUND_KEY} that foreground work holds while it runs: on its own transaction where it has one (an
 * upload, a unit read: {@link #holdForeground}, one statement each, released at commit or rollback), or on a
 * connection held for the purpose where it spans several transactions (a scan asked for:
 * {@link #inForegroundAcrossReplicas}). Shared holders never conflict with each other, and the scan only ever
 * <i>tries</i> the lock exclusively and gives it back in the same statement ({@link #foregroundInDatabase}): it never
 * queues, so a foreground taker waits at most for that one statement, never for the scan. The counter stays although
 * the lock covers this JVM's foreground work too: it is marked before the work's connection is even taken, costs no
 * round trip to look at, spares the scan a query while it is known to be busy here, and is what the plain tests of
 * this class (no database) rely on.
 */
@ApplicationScoped
public class AggregateLoad {

    private static final Logger LOG = Logger.getLogger(AggregateLoad.class);
    private static final ThreadLocal<Boolean> BACKGROUND = new ThreadLocal<>();
    private static final long POLL_MS = 250;
    /** The advisory lock key that foreground work holds shared in every replica (any key: the same everywhere). */
    public static final String FOREGROUND_KEY = "hashtext('perfcenter.foreground')";
    private static final String HOLD = "SELECT pg_advisory_xact_lock_shared(" + FOREGROUND_KEY + ")";
    /**
     * True when nobody holds the foreground lock: tried exclusively and, when got, given back in the same statement
     * (CASE evaluates its branches in order). Whatever the connection's transaction state, nothing is held after it.
     */
    private static final String FREE = "SELECT CASE WHEN pg_try_advisory_lock(" + FOREGROUND_KEY
            + ") THEN pg_advisory_unlock(" + FOREGROUND_KEY + ") ELSE false END";

    private final AtomicInteger foreground = new AtomicInteger();
    /** Where foreground work of every replica holds its lock; null: this JVM's counter only (plain unit tests). */
    private final AgroalDataSource dataSource;

    @Inject
    AggregateLoad(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Foreground work of this JVM only, as the counter sees it: for tests without a database. */
    AggregateLoad() {
        this(null);
    }

    /** Runs {@code work} as background work on this thread. */
    public <T> T inBackground(Supplier<T> work) {
        Boolean was = BACKGROUND.get();
        BACKGROUND.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (was == null) {
                BACKGROUND.remove();
            } else {
                BACKGROUND.set(was);
            }
        }
    }

    /**
     * Runs {@code work} that someone waits for (an upload being stored, a unit read) as foreground: while it runs,
     * the background scan of this JVM waits between its pieces; for the scans of other replicas, the work also holds
     * the foreground lock on its transaction ({@link #holdForeground}). It never waits itself; on a thread doing
     * background work it is just run (background work does not hold back other background work).
     */
    public <T> T inForeground(Supplier<T> work) {
        if (background()) {
            return work.get();
        }
        enterForeground();
        try {
            return work.get();
        } finally {
            exitForeground();
        }
    }

    /**
     * On the transaction of foreground work (autocommit off; an upload's, a unit read's): takes the foreground lock
     * shared until the transaction ends (commit or rollback), so that the background scan of every replica waits
     * between its pieces while it runs. One statement; it waits for nothing but a scan's try of the lock in progress
     * (one statement). Nothing on a thread doing background work.
     */
    public void holdForeground(Connection transaction) throws SQLException {
        if (background()) {
            return;
        }
        try (Statement st = transaction.createStatement()) {
            st.execute(HOLD);
        }
    }

    /**
     * {@link #inForeground} for work that spans several transactions and connections (a scan asked for): the
     * foreground lock is held shared, at session level, on a connection of the pool taken for the work's duration
     * and unlocked after it (a connection lost meanwhile releases it with its session). Without a database (plain
     * tests), the counter only.
     */
    public <T> T inForegroundAcrossReplicas(Supplier<T> work) {
        if (background() || dataSource == null) {
            return inForeground(work);
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_lock_shared(" + FOREGROUND_KEY + ")");
            try {
                return inForeground(work);
            } finally {
                st.execute("SELECT pg_advisory_unlock_shared(" + FOREGROUND_KEY + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark foreground work", e);
        }
    }

    /** Whether this thread is doing background work. */
    public boolean background() {
        return Boolean.TRUE.equals(BACKGROUND.get());
    }

    /** Foreground work in progress in this JVM (unit reads, uploads, scans asked for). */
    public int foreground() {
        return foreground.get();
    }

    void enterForeground() {
        foreground.incrementAndGet();
    }

    void exitForeground() {
        foreground.decrementAndGet();
    }

    /**
     * Whether foreground work of any replica (this one's included) holds the foreground lock now: one statement on a
     * connection of the pool, run only by the background scan before its pieces and while it waits. A look that
     * fails (no connection within the pool's timeout, the database unreachable) counts as foreground work: the scan
     * waits, within its budget, as it would for a busy service.
     */
    boolean foregroundInDatabase() {
        if (dataSource == null) {
            return false;
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(FREE)) {
            return !(rs.next() && rs.getBoolean(1));
        } catch (SQLException e) {
            LOG.debugf("could not look for foreground work in the database (%s): counted as some", e.getMessage());
            return true;
        }
    }

    /**
     * In the background: waits while foreground work is in progress — in this JVM (the counter) or in any replica
     * (the foreground lock, looked at only when the counter is 0) — at most {@code budget} (what is left of it is
     * answered, so that a scan's waits add up to at most its budget). Elsewhere it returns at once.
     */
    public Duration yieldToForeground(Duration budget) {
        if (!background()) {
            return budget;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline && (foreground() > 0 || foregroundInDatabase())) {
            try {
                Thread.sleep(Math.max(1, Math.min(POLL_MS, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
