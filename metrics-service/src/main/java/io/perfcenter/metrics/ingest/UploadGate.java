package io.perfcenter.metrics.ingest;

import io.perfcenter.metrics.config.LimitsConfig;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

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
 * subject at once (429 beyond), streamed bodies received into a file before a database connection is taken
 * ({@link SpooledBody}), and at most {@code concurrentStores} uploads holding a connection at once.
 */
@ApplicationScoped
public class UploadGate {

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

    /** A streamed upload: received whole, then stored by {@code store} from the received copy. */
    public IngestReport streamed(String caller, long declaredLength, InputStream body,
                                 Function<InputStream, IngestReport> store) {
        return admitted(caller, () -> {
            try (SpooledBody received = SpooledBody.receive(body, declaredLength, limits.uploadBody().asLongValue(),
                    limits.uploadIdleTimeout(), watchdogs); InputStream in = received.open()) {
                return stored(() -> store.apply(in));
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
