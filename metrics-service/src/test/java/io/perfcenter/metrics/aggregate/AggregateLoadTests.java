package io.perfcenter.metrics.aggregate;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduled anomaly scan is background work: it waits while foreground work (a unit read, an upload) is in
 * progress, but never longer than its budget (its flags are deferred, never skipped); foreground work never waits.
 */
class AggregateLoadTests {

    @Test
    void foregroundWorkNeverWaits() {
        AggregateLoad load = new AggregateLoad();
        load.enterForeground();
        long t0 = System.nanoTime();
        assertEquals(Duration.ofMinutes(10), load.yieldToForeground(Duration.ofMinutes(10)));
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(1).toNanos());
        assertFalse(load.background());
    }

    @Test
    void theBackgroundWaitsForAForegroundReadAtMostItsBudget() {
        AggregateLoad load = new AggregateLoad();
        load.enterForeground();
        Duration left = load.inBackground(() -> {
            assertTrue(load.background());
            return load.yieldToForeground(Duration.ofMillis(600));
        });
        assertEquals(Duration.ZERO, left);
        assertFalse(load.background());
    }

    @Test
    void theBackgroundGoesOnOnceTheForegroundReadEnds() throws Exception {
        AggregateLoad load = new AggregateLoad();
        load.enterForeground();
        Thread done = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            load.exitForeground();
        });
        done.start();
        Duration left = load.inBackground(() -> load.yieldToForeground(Duration.ofMinutes(10)));
        done.join();
        assertEquals(0, load.foreground());
        // it went on when the read ended, long before its budget
        assertTrue(left.compareTo(Duration.ofMinutes(9)) > 0, left.toString());
    }

    @Test
    void foregroundWorkCountsWhileItRunsEvenWhenItFailsAndNeverWaits() {
        AggregateLoad load = new AggregateLoad();
        load.enterForeground();
        long t0 = System.nanoTime();
        int during = load.inForeground(() -> {
            // other foreground work in progress does not hold it back
            assertEquals(Duration.ofMinutes(10), load.yieldToForeground(Duration.ofMinutes(10)));
            return load.foreground();
        });
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(1).toNanos());
        assertEquals(2, during);
        assertEquals(1, load.foreground());
        assertThrows(IllegalStateException.class, () -> load.inForeground(() -> {
            throw new IllegalStateException("upload failed");
        }));
        assertEquals(1, load.foreground());
        load.exitForeground();
        assertEquals(0, load.foreground());
    }

    @Test
    void workOfTheBackgroundIsNotForeground() {
        AggregateLoad load = new AggregateLoad();
        int during = load.inBackground(() -> load.inForeground(load::foreground));
        assertEquals(0, during);
        // and so the background does not wait for itself
        Duration left = load.inBackground(
                () -> load.inForeground(() -> load.yieldToForeground(Duration.ofMinutes(10))));
        assertTrue(left.compareTo(Duration.ofMinutes(9)) > 0, left.toString());
    }

    @Test
    void theBackgroundWaitsForAnUploadThatBeganBetweenItsPieces() throws Exception {
        AggregateLoad load = new AggregateLoad();
        java.util.concurrent.CountDownLatch began = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
        Thread upload = new Thread(() -> load.inForeground(() -> {
            began.countDown();
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        long[] waited = new long[2];
        Thread scan = new Thread(() -> load.inBackground(() -> {
            Duration budget = Duration.ofMinutes(10);
            long t = System.nanoTime();
            budget = load.yieldToForeground(budget);   // before the first piece: nothing in the foreground
            waited[0] = System.nanoTime() - t;
            upload.start();
            try {
                began.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            t = System.nanoTime();
            load.yieldToForeground(budget);   // before the second: the upload runs
            waited[1] = System.nanoTime() - t;
            return null;
        }));
        scan.start();
        began.await();
        Thread.sleep(600);
        assertTrue(scan.isAlive());
        end.countDown();
        scan.join(10_000);
        upload.join(10_000);
        assertTrue(waited[0] < Duration.ofMillis(200).toNanos(), Long.toString(waited[0]));
        assertTrue(waited[1] >= Duration.ofMillis(600).toNanos(), Long.toString(waited[1]));
        assertEquals(0, load.foreground());
    }
}
