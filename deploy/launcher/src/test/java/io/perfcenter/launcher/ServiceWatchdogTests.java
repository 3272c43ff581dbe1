package io.perfcenter.launcher;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceWatchdogTests {

    /** Services that die when told to; a restart brings one back unless it is set to fail on start. */
    static final class FakeServices implements ServiceWatchdog.Services {
        final Map<String, Integer> dead = new HashMap<>();
        final List<String> restarted = new ArrayList<>();
        boolean failsOnStart;

        @Override
        public Map<String, Integer> exited() {
            return new HashMap<>(dead);
        }

        @Override
        public void restart(String name) {
            restarted.add(name);
            if (failsOnStart) {
                throw new IllegalStateException(name + " exited with 1");
            }
            dead.remove(name);
        }
    }

    @Test
    void aServiceThatDiesIsRestartedAndSaidSo() {
        FakeServices services = new FakeServices();
        List<String> console = new ArrayList<>();
        ServiceWatchdog watchdog = new ServiceWatchdog(services, console::add, Duration.ZERO);

        watchdog.check();
        assertEquals(List.of(), services.restarted, "nothing died");

        services.dead.put("scoring-service", 3);
        watchdog.check();
        assertEquals(List.of("scoring-service"), services.restarted);
        assertEquals(List.of("scoring-service exited (code 3); restarting it (1 of 3)…",
                "scoring-service is running again"), console);
    }

    @Test
    void restartsAreBoundedAndThenTheServiceStaysDown() {
        FakeServices services = new FakeServices();
        services.failsOnStart = true;
        services.dead.put("metrics-service", 137);
        List<String> console = new ArrayList<>();
        ServiceWatchdog watchdog = new ServiceWatchdog(services, console::add, Duration.ZERO);

        for (int i = 0; i < 6; i++) {
            watchdog.check();
        }
        assertEquals(ServiceWatchdog.MAX_RESTARTS, services.restarted.size());
        assertTrue(console.contains("metrics-service did not come back: metrics-service exited with 1"), console.toString());
        assertEquals("metrics-service exited (code 137) and was restarted 3 times already: it stays down; see its log",
                console.get(console.size() - 1));
        assertEquals(1, console.stream().filter(l -> l.contains("stays down")).count(), "said once");
    }

    @Test
    void nothingIsRestartedOnceTheSuiteIsStopping() {
        FakeServices services = new FakeServices();
        ServiceWatchdog watchdog = new ServiceWatchdog(services, line -> { }, Duration.ZERO);
        watchdog.close();
        services.dead.put("gateway", 143);
        watchdog.check();
        assertEquals(List.of(), services.restarted);
    }
}
