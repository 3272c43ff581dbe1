package io.perfcenter.metrics.aggregate;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduled anomaly scan is background work: it waits while a foreground unit read is in progress, but never
 * longer than its budget (its flags are deferred, never skipped); foreground work never waits.
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
}
