package io.perfcenter.metrics.aggregate;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Who goes first on the database: reads of a whole unit's figures that someone waits for (a scoring run's inputs, a
 * leader's board) are foreground; the scheduled anomaly scan is background. The scan computes the same kind of
 * aggregate over every agent (the month and its baseline months), so it used to compete with a running month close
 * for both cores (issue 11: it ran, one minute after start, during the center's scoring run). In the background a
 * computation uses no parallel workers (one core; the foreground keeps PostgreSQL's parallel workers) and the scan
 * waits, before each of its unit reads, until no foreground read is in progress — at most {@code maxWait} in all,
 * then it goes on anyway: a busy service defers its flags, it never skips them.
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

    /** Whether this thread is doing background work. */
    public boolean background() {
        return Boolean.TRUE.equals(BACKGROUND.get());
    }

    /** Foreground unit reads in progress. */
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
     * In the background: waits while a foreground read is in progress, at most {@code budget} (what is left of it is
     * answered, so that a scan's waits add up to at most its budget). Elsewhere it returns at once.
     */
    public Duration yieldToForeground(Duration budget) {
        if (!background()) {
            return budget;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        while (foreground.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
