package io.perfcenter.launcher;

import io.perfcenter.support.Suite;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Restarts a service whose process died (crashed, ran out of memory, was killed), at most {@link #MAX_RESTARTS} times
 * per service, saying so on the console each time; after that the service stays down and the rest of the suite goes
 * on (the gateway answers 503 for it). A service stopped on purpose is not watched.
 */
final class ServiceWatchdog implements AutoCloseable {

    static final int MAX_RESTARTS = 3;

    /** What the watchdog watches: the suite's processes. */
    interface Services {
        /** The services whose process has exited, with its exit code. */
        Map<String, Integer> exited();

        /** Starts the service again and waits until it is ready; fails when it does not come up. */
        void restart(String name);
    }

    private final Services services;
    private final Consumer<String> console;
    private final Duration settle;
    private final Map<String, Integer> restarts = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "service-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    /**
     * {@code settle}: how long a death is looked at before the restart, so that services stopping with the launcher
     * (Ctrl-C reaches every process of the terminal at once) are not taken for crashes.
     */
    ServiceWatchdog(Services services, Consumer<String> console, Duration settle) {
        this.services = services;
        this.console = console;
        this.settle = settle;
    }

    static ServiceWatchdog of(Suite suite) {
        return new ServiceWatchdog(new Services() {
            @Override
            public Map<String, Integer> exited() {
                return suite.exited();
            }

            @Override
            public void restart(String name) {
                suite.restart(name);
            }
        }, line -> System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line),
                Duration.ofSeconds(1));
    }

    /** Checks every {@code interval} from now on. */
    ServiceWatchdog watch(Duration interval) {
        timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One round: every service that died is restarted, unless it used up its restarts. */
    synchronized void check() {
        Map<String, Integer> exited = services.exited();
        if (exited.isEmpty() || !settled()) {
            return;
        }
        exited.forEach((name, exitCode) -> {
            int attempts = restarts.getOrDefault(name, 0);
            if (closed || attempts > MAX_RESTARTS) {
                return;
            }
            if (attempts == MAX_RESTARTS) {
                restarts.put(name, attempts + 1);
                console.accept(name + " exited (code " + exitCode + ") and was restarted " + MAX_RESTARTS
                        + " times already: it stays down; see its log");
                return;
            }
            restarts.put(name, attempts + 1);
            console.accept(name + " exited (code " + exitCode + "); restarting it (" + (attempts + 1) + " of "
                    + MAX_RESTARTS + ")…");
            try {
                services.restart(name);
                console.accept(name + " is running again");
            } catch (RuntimeException e) {
                console.accept(name + " did not come back: " + e.getMessage());
            }
        });
    }

    private boolean settled() {
        try {
            Thread.sleep(settle.toMillis());
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops watching (before the suite is stopped, so that stopping services is not taken for crashes). */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }
}
