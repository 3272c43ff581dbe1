package io.perfcenter.metrics.ingest;

import io.perfcenter.metrics.config.LimitsConfig;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Admits uploads so that no caller can exhaust the service: at most {@code uploadsPerCaller} uploads per token
 * subject at once (429 beyond), streamed bodies received into a file ({@link SpooledBody}) and stored from it,
 * early only while the client keeps sending ({@link EarlyStore}), and at most {@code concurrentStores} uploads
 * holding a connection at once.
 */
@ApplicationScoped
public class UploadGate {

    private static final Logger LOG = Logger.getLogger(UploadGate.class);

    private final LimitsConfig limits;
    private final ConcurrentMap<String, Integer> running = new ConcurrentHashMap<>();
    private final Semaphore stores;
    private final ScheduledExecutorService watchdogs = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "upload-idle-watchdog");
        t.setDaemon(true);
        return t;
    });

    UploadGate(LimitsConfig limits) {
        this.limits = limits;
        this.stores = new Semaphore(limits.concurrentStores(), true);
    }

    @PreDestroy
    void stop() {
        watchdogs.shutdownNow();
    }

    /**
     * A streamed upload: received into a file and stored from it. Once a megabyte of a larger body has arrived, and a
     * store slot is free at once, storing starts while the rest arrives ({@link EarlyStore}): it reads the body as it
     * arrives and commits only after the whole body has arrived. Should the client pause for more than a moment
     * while that store holds a database connection, the store gives way (rolls back, frees its connection) and the
     * upload is stored from the file after the whole body has arrived, as it is when it did not start early.
     * {@code early}: whether the store may start early (its format reads a body as a stream).
     */
    public IngestReport streamed(String caller, long declaredLength, InputStream body, boolean early,
                                 Function<InputStream, IngestReport> store) {
        long began = System.nanoTime();
        return admitted(caller, () -> {
            try (SpooledBody received = SpooledBody.create()) {
                // a body declared shorter than a megabyte is stored after it arrives: no thread waits for it
                boolean mayStartEarly = early && (declaredLength < 0 || declaredLength >= EarlyStore.START_BYTES);
                EarlyStore started = mayStartEarly ? EarlyStore.start(received, stores, store) : null;
                try {
                    received.receive(body, declaredLength, limits.uploadBody().asLongValue(),
                            limits.uploadIdleTimeout(), watchdogs);
                    if (LOG.isDebugEnabled()) {
                        LOG.debugf("upload body of %d bytes arrived in %d ms; storing it %s", received.size(),
                                (System.nanoTime() - began) / 1_000_000, started == null || started.startedAt() == 0
                                        ? "starts now" : "started at " + (started.startedAt() - began) / 1_000_000
                                        + " ms");
                    }
                } finally {
                    if (started != null) {
                        // the whole body arrived (the store goes on to commit it) or receiving failed (the store
                        // rolls back): either way it ends before this upload is answered
                        received.stopReceiving();
                        started.await();
                    }
                }
                if (started != null && started.stored()) {
                    return started.report();
                }
                try (InputStream in = received.open()) {
                    return stored(() -> store.apply(in));
                }
            } catch (IOException e) {
                if (e instanceof ClosedChannelException || String.valueOf(e.getMessage()).contains("closed")) {
                    // the client went away before the whole body arrived: nothing stored, nobody left to answer
                    throw new UncheckedIOException(e);
                }
                // the client broke off (or the body could not be spooled); nothing was stored
                throw Problems.malformedBody("the body broke off: " + e.getMessage());
            }
        });
    }

    /** An upload whose body has been read already (the JSON values endpoint). */
    public IngestReport read(String caller, Supplier<IngestReport> store) {
        return admitted(caller, () -> stored(store));
    }

    private IngestReport admitted(String caller, Supplier<IngestReport> upload) {
        int limit = limits.uploadsPerCaller();
        boolean[] admitted = {false};
        running.compute(caller, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= limit) {
                return n;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            throw Problems.tooManyUploads(limit, limits.retryAfter());
        }
        try {
            return upload.get();
        } finally {
            running.computeIfPresent(caller, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    private IngestReport stored(Supplier<IngestReport> store) {
        try {
            if (!stores.tryAcquire(limits.storeWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw Problems.uploadsBusy(limits.retryAfter());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problems.uploadsBusy(limits.retryAfter());
        }
        try {
            return store.get();
        } finally {
            stores.release();
        }
    }
}
