package io.perfcenter.metrics.aggregate;

import jakarta.enterprise.context.ApplicationScoped;

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
 * defers its flags, it never skips them. Foreground work never waits for anything here; marking it costs one atomic
 * increment and decrement.
 */
@ApplicationScoped
public class AggregateLoad {

    private static final ThreadLocal<Boolean> BACKGROUND = new ThreadLocal<>();
    private static final long POLL_MS = 250;

    private final AtomicInteger foreground = new AtomicInteger();

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
     * the background scan waits between its pieces. It never waits itself; on a thread doing background work it is
     * just run (background work does not hold back other background work).
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

    /** Whether this thread is doing background work. */
    public boolean background() {
        return Boolean.TRUE.equals(BACKGROUND.get());
    }

    /** Foreground work in progress (unit reads, uploads, scans asked for). */
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
     * In the background: waits while foreground work is in progress, at most {@code budget} (what is left of it is
     * answered, so that a scan's waits add up to at most its budget). Elsewhere it returns at once.
     */
    public Duration yieldToForeground(Duration budget) {
        if (!background()) {
            return budget;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        while (foreground() > 0 && System.nanoTime() < deadline) {
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
