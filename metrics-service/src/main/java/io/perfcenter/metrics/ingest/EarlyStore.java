package io.perfcenter.metrics.ingest;

import io.perfcenter.metrics.web.RequestIdFilter;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Storing an upload while its body still arrives, on a thread of its own: the database stores the first chunks
 * while the client sends the rest, instead of only after the last byte. It starts once {@link #START_BYTES} have
 * arrived (a smaller body is simply stored after it has arrived) and only if a store slot is free at once. It reads
 * the body as it arrives ({@link SpooledBody#follow}) and commits only after the whole body has arrived and passed its
 * checks. The rule that a slow client holds no database connection stays: a store waits for the client's bytes at
 * most {@link #PATIENCE} in all, then gives way: it rolls back, frees its connection and slot, and the upload is
 * stored from the file after the whole body has arrived. When receiving fails (idle, too large, broken off) it rolls
 * back as well, so nothing of the upload is stored.
 */
final class EarlyStore {

    private static final Logger LOG = Logger.getLogger(EarlyStore.class);
    /** A first chunk's worth of rows of any kind (4,096 calls are ~1 MB of NDJSON). */
    static final long START_BYTES = 1 << 20;
    /** How long, over the whole upload, a started store may wait for the client's bytes. */
    static final Duration PATIENCE = Duration.ofMillis(250);

    private final Thread thread;
    private volatile boolean started;
    private volatile long startedAt;   // System.nanoTime() when storing started
    private volatile IngestReport report;
    private volatile RuntimeException failure;

    private EarlyStore(SpooledBody body, Semaphore stores, Function<InputStream, IngestReport> store) {
        this.thread = new Thread(RequestIdFilter.carried(() -> run(body, stores, store)), "ingest-early-store");
        thread.setDaemon(true);
    }

    static EarlyStore start(SpooledBody body, Semaphore stores, Function<InputStream, IngestReport> store) {
        EarlyStore early = new EarlyStore(body, stores, store);
        early.thread.start();
        return early;
    }

    private void run(SpooledBody body, Semaphore stores, Function<InputStream, IngestReport> store) {
        if (!body.awaitReceived(START_BYTES) || !stores.tryAcquire()) {
            return;
        }
        started = true;
        startedAt = System.nanoTime();
        try (InputStream in = body.follow(PATIENCE)) {
            report = store.apply(in);
        } catch (RuntimeException e) {
            if (abandoned(e)) {
                LOG.infof("stopped storing the upload while it arrived (%s); it is stored once it has arrived whole",
                        e.getMessage());
            } else {
                failure = e;
            }
        } catch (IOException e) {
            LOG.debug("could not read the arriving upload", e);
        } finally {
            stores.release();
        }
    }

    private static boolean abandoned(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SpooledBody.Abandoned) {
                return true;
            }
        }
        return false;
    }

    /** Waits for the store to end (stored, failed, given way or never started). */
    void await() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                // the idle watchdog's interrupt may land here: the store still has to end before the answer
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** When storing started ({@link System#nanoTime()}), or 0 when it never did. */
    long startedAt() {
        return started ? startedAt : 0;
    }

    /** Whether this store answered the upload: stored it, or failed as storing it after arrival would fail too. */
    boolean stored() {
        return report != null || failure != null;
    }

    /** The upload's report, or the failure that answers it (a malformed body, a rejected atomic upload, ...). */
    IngestReport report() {
        if (failure != null) {
            throw failure;
        }
        return report;
    }
}
