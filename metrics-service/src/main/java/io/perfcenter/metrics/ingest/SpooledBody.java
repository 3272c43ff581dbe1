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
 * An upload's body, received into a temporary file: a slow or stalled client then holds a thread and a file, never
 * a database connection. Receiving is cut with 408 when no byte arrives for the idle timeout, and with 413 past the
 * size limit; the file is deleted on close. While the body is still arriving, {@link #follow} reads what has arrived
 * so far (an upload may start storing early, see {@link UploadGate}); such a reader gives up as soon as it would wait
 * for the client longer than its patience, and ends only once the whole body has arrived and passed its checks.
 */
final class SpooledBody implements AutoCloseable {

    private enum State { RECEIVING, COMPLETE, BROKEN }

    private final Path file;
    private final Object progress = new Object();
    private long received;   // bytes in the file so far; guarded by progress
    private State state = State.RECEIVING;   // guarded by progress
    private volatile long declaredLength = -1;

    private SpooledBody(Path file) {
        this.file = file;
    }

    /** An empty body file, to be filled by {@link #receive}. */
    static SpooledBody create() throws IOException {
        return new SpooledBody(Files.createTempFile("perfcenter-upload-", ".body"));
    }

    /**
     * Reads {@code body} to its end into the file. A watchdog on {@code timer} interrupts the reading thread when it
     * has waited longer than {@code idle} for bytes; the interrupted blocking read ends the upload.
     */
    /** Bytes received so far. */
    long size() {
        synchronized (progress) {
            return received;
        }
    }

    void receive(InputStream body, long declaredLength, long limit, Duration idle,
                 ScheduledExecutorService timer) throws IOException {
        this.declaredLength = declaredLength;
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
        boolean complete = false;
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
                synchronized (progress) {
                    received = size;
                    progress.notifyAll();
                }
            }
            if (declaredLength >= 0 && size < declaredLength) {
                // the stream ended before the declared length: the client closed the connection mid-upload
                throw new ClosedChannelException();
            }
            complete = true;
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
            synchronized (progress) {
                state = complete ? State.COMPLETE : State.BROKEN;
                progress.notifyAll();
            }
        }
    }

    /** Ends receiving as failed unless it ended already: readers waiting for bytes stop. */
    void stopReceiving() {
        synchronized (progress) {
            if (state == State.RECEIVING) {
                state = State.BROKEN;
                progress.notifyAll();
            }
        }
    }

    /** The whole body, once {@link #receive} has returned. */
    InputStream open() throws IOException {
        return new CountedBody(new BufferedInputStream(Files.newInputStream(file), 1 << 16), Files.size(file));
    }

    /**
     * Waits until {@code bytes} have arrived; false when the body ended (whole or broken) before that, or the wait
     * was interrupted.
     */
    boolean awaitReceived(long bytes) {
        synchronized (progress) {
            while (state == State.RECEIVING && received < bytes) {
                try {
                    progress.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return state == State.RECEIVING;
        }
    }

    /**
     * The body as it arrives: a read waits for the client's next bytes, at most {@code patience} over all reads,
     * then throws {@link Abandoned}, as it does once receiving has failed. The stream ends only after the whole body
     * has arrived and passed its checks.
     */
    InputStream follow(Duration patience) throws IOException {
        return new CountedBody(new Following(Files.newInputStream(file), patience.toNanos()), declaredLength);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    /** A reader of a body still arriving stopped: the client paused too long, or receiving the body failed. */
    static final class Abandoned extends RuntimeException {
        Abandoned(String reason) {
            super(reason, null, false, false);
        }
    }

    private final class Following extends InputStream {

        private final InputStream in;
        private long position;
        private long patienceLeft;

        Following(InputStream in, long patienceNanos) {
            this.in = in;
            this.patienceLeft = patienceNanos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            long available;
            synchronized (progress) {
                while ((available = received - position) <= 0) {
                    if (state == State.COMPLETE) {
                        return -1;
                    }
                    if (state == State.BROKEN) {
                        throw new Abandoned("receiving the body failed");
                    }
                    if (patienceLeft <= 0) {
                        throw new Abandoned("the client paused");
                    }
                    long began = System.nanoTime();
                    try {
                        TimeUnit.NANOSECONDS.timedWait(progress, patienceLeft);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new Abandoned("interrupted");
                    }
                    patienceLeft -= System.nanoTime() - began;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, available));
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
