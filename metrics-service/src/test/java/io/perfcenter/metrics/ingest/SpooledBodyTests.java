package io.perfcenter.metrics.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A body read while it arrives: every byte once and in order, the end only at the body's end. */
class SpooledBodyTests {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();

    @AfterAll
    static void stop() {
        TIMER.shutdownNow();
    }

    @Test
    void aFollowingReaderReadsTheWholeBodyAsItArrives() throws Exception {
        byte[] body = new byte[3 << 20];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31 + (i >> 11));
        }
        try (SpooledBody spooled = SpooledBody.create()) {
            AtomicReference<byte[]> read = new AtomicReference<>();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    spooled.awaitReceived(1 << 20);
                    try (InputStream in = spooled.follow(Duration.ofSeconds(5))) {
                        read.set(in.readAllBytes());
                    }
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            reader.start();
            spooled.receive(slowly(body), body.length, Long.MAX_VALUE, Duration.ofSeconds(10), TIMER);
            reader.join();
            if (failed.get() != null) {
                throw new AssertionError(failed.get());
            }
            assertArrayEquals(body, read.get());
        }
    }

    @Test
    void aFollowingReaderGivesWayWhenTheClientPauses() throws Exception {
        byte[] body = new byte[2 << 20];
        try (SpooledBody spooled = SpooledBody.create()) {
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    spooled.awaitReceived(1 << 20);
                    try (InputStream in = spooled.follow(Duration.ofMillis(100))) {
                        in.readAllBytes();
                    }
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            reader.start();
            PipedOutputStream out = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(out, 1 << 16);
            Thread client = new Thread(() -> {
                try {
                    out.write(body, 0, 3 << 19);
                    Thread.sleep(1000);
                    out.write(body, 3 << 19, body.length - (3 << 19));
                    out.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            client.start();
            spooled.receive(in, body.length, Long.MAX_VALUE, Duration.ofSeconds(10), TIMER);
            reader.join();
            client.join();
            assertThrows(SpooledBody.Abandoned.class, () -> {
                throw failed.get();
            });
            try (InputStream whole = spooled.open()) {
                assertArrayEquals(body, whole.readAllBytes());
            }
        }
    }

    /** The body in pieces of 1 to 100 KB, with short pauses. */
    private static InputStream slowly(byte[] body) {
        return new InputStream() {
            int at;
            int calls;

            @Override
            public int read() {
                return at < body.length ? body[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at == body.length) {
                    return -1;
                }
                if (++calls % 7 == 0) {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                int n = Math.min(Math.min(len, 1 + (calls * 7919) % 100_000), body.length - at);
                System.arraycopy(body, at, b, off, n);
                at += n;
                return n;
            }
        };
    }
}
