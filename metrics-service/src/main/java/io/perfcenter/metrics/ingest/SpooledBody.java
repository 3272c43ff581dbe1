package io.perfcenter.metrics.ingest;

import io.perfcenter.metrics.web.Problems;

import java.io.BufferedInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upload's body, received whole into a temporary file before any database work starts: a slow or stalled
 * client then holds a thread and a file, never a database connection. Receiving is cut with 408 when no byte
 * arrives for the idle timeout, and with 413 past the size limit; the file is deleted on close.
 */
final class SpooledBody implements AutoCloseable {

    private final Path file;

    private SpooledBody(Path file) {
        this.file = file;
    }

    /**
     * Reads {@code body} to its end. A watchdog on {@code timer} interrupts the reading thread when it has waited
     * longer than {@code idle} for bytes; the interrupted blocking read ends the upload.
     */
    static SpooledBody receive(InputStream body, long declaredLength, long limit, Duration idle,
                               ScheduledExecutorService timer) throws IOException {
        Path file = Files.createTempFile("perfcenter-upload-", ".body");
        Thread reader = Thread.currentThread();
        AtomicLong lastBytes = new AtomicLong(System.nanoTime());
        AtomicBoolean watching = new AtomicBoolean(true);
        AtomicBoolean interrupted = new AtomicBoolean();
        long idleNanos = idle.toNanos();
        long period = Math.max(idle.toMillis() / 8, 10);
        ScheduledFuture<?> watchdog = timer.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastBytes.get() > idleNanos && watching.compareAndSet(true, false)) {
                reader.interrupt();
                interrupted.set(true);
            }
        }, period, period, TimeUnit.MILLISECONDS);
        boolean received = false;
        // a plain FileOutputStream: unlike a FileChannel, an interrupt does not close it
        try (OutputStream out = new FileOutputStream(file.toFile())) {
            byte[] buffer = new byte[1 << 16];
            long size = 0;
            int n;
            while ((n = body.read(buffer)) >= 0) {
                lastBytes.set(System.nanoTime());
                size += n;
                if (size > limit) {
                    throw Problems.bodyTooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
            if (declaredLength >= 0 && size < declaredLength) {
                // the stream ended before the declared length: the client closed the connection mid-upload
                throw new ClosedChannelException();
            }
            received = true;
        } catch (ClosedChannelException e) {
            throw e;
        } catch (IOException e) {
            if (!watching.get()) {
                throw Problems.uploadIdle(idle);
            }
            throw e;
        } finally {
            watchdog.cancel(false);
            if (!watching.compareAndSet(true, false)) {
                // the watchdog fired: wait for its interrupt, then clear it so this worker thread goes on unharmed
                while (!interrupted.get()) {
                    Thread.onSpinWait();
                }
                Thread.interrupted();
            }
            if (!received) {
                Files.deleteIfExists(file);
            }
        }
        return new SpooledBody(file);
    }

    InputStream open() throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
