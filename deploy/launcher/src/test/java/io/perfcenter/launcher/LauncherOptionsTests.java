package io.perfcenter.launcher;

import io.perfcenter.support.Suite;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherOptionsTests {

    @Test
    void theJvmsCompileAsInProductionUnlessAFastStartIsAskedFor() {
        LauncherOptions defaults = LauncherOptions.parse(new String[]{"--demo"});
        assertEquals(Suite.Jit.PRODUCTION, defaults.jit());
        assertNull(defaults.otelEndpoint());
        for (String service : new String[]{"gateway", "metrics-service", "scoring-service", "incentive-service"}) {
            assertFalse(Suite.jvmOptions(service, Suite.Jit.PRODUCTION).contains("-XX:TieredStopAtLevel=1"), service);
            assertTrue(Suite.jvmOptions(service, Suite.Jit.FAST_START).contains("-XX:TieredStopAtLevel=1"), service);
            assertTrue(Suite.jvmOptions(service, Suite.Jit.PRODUCTION).contains("-XX:+ExitOnOutOfMemoryError"), service);
        }
        // a 10,000-agent scoring run failed with 256 MB
        assertTrue(Suite.jvmOptions("scoring-service", Suite.Jit.PRODUCTION).contains("-Xmx512m"));

        LauncherOptions fast = LauncherOptions.parse(new String[]{"--fast-start", "--otel-endpoint",
                "http://localhost:4317"});
        assertEquals(Suite.Jit.FAST_START, fast.jit());
        assertEquals("http://localhost:4317", fast.otelEndpoint());
    }
}
