package io.perfcenter.launcher;

import io.perfcenter.support.LocalIdentity;
import io.perfcenter.support.PostgresServer;
import io.perfcenter.support.Suite;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole suite on one machine: a database (embedded by default, data kept in {@code .perfcenter/}), the
 * three services and the gateway; optionally loads the demo data set; prints where to go and a token per role.
 * Ctrl-C stops everything.
 */
public final class Launcher {

    /** Someone the launcher prints a token for; the demo data set registers the same employee ids. */
    public record Person(String role, String employeeId, String username) {
    }

    public static final List<Person> PEOPLE = List.of(
            new Person("agent", "E3001", "E3001"),
            new Person("supervisor", "E2001", "E2001"),
            new Person("manager", "E1001", "E1001"),
            new Person("qa", "E4001", "E4001"),
            // an appeals reviewer (申诉复核), of no team: decides appeals of every team, escalates to hr
            new Person("appeals", "E4101", "E4101"),
            new Person("hr", "E9001", "E9001"),
            new Person("admin", "E9002", "E9002"),
            // machine clients, one purpose each (no employee id): record upload, org sync, payroll export
            new Person("records-writer", null, "crm-integration"),
            new Person("org-sync", null, "hr-sync"),
            new Person("payroll-export", null, "payroll-export"));

    /** A token per role, as printed at start. */
    public static Map<String, String> tokens(LocalIdentity identity, Duration lifetime) {
        Map<String, String> tokens = new LinkedHashMap<>();
        PEOPLE.forEach(p -> tokens.put(p.role(), identity.token(p.username(), p.employeeId(), List.of(p.role()),
                lifetime)));
        return tokens;
    }

    /** The console's local sign-in list ({@link Suite#CONSOLE_PEOPLE_ENV}): the people's tokens, comma separated. */
    public static String consolePeople(Map<String, String> tokens) {
        return String.join(",", tokens.values());
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        LauncherOptions options = LauncherOptions.parse(args);
        if (options.help()) {
            System.out.println(LauncherOptions.USAGE);
            return;
        }
        Path root = Suite.findRoot();
        Path dataDir = root.resolve(options.dataDir());
        long started = System.nanoTime();

        PostgresServer db = PostgresServer.forSuite(dataDir.resolve("pgdata"), options.dbPort());
        System.out.println("Database: " + db.description());
        LocalIdentity identity = options.oidcUrl() == null ? LocalIdentity.inDirectory(dataDir.resolve("keys")) : null;
        Map<String, String> env = new HashMap<>();
        // every service and the demo data count days in the same zone, whatever the machine's zone
        ZoneId centerZone = LauncherOptions.centerZone(System.getenv());
        env.put("PERFCENTER_TIME_ZONE", centerZone.getId());
        if (options.oidcUrl() != null) {
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", options.oidcUrl());
        }
        if (options.otelEndpoint() != null) {
            env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
            env.put("PERFCENTER_OTEL_ENDPOINT", options.otelEndpoint());
        }
        // minted before the start: the gateway's console offers the same people on its local sign-in page
        Map<String, String> tokens = identity == null ? Map.of() : tokens(identity, Duration.ofHours(12));
        if (!tokens.isEmpty()) {
            env.put(Suite.CONSOLE_PEOPLE_ENV, consolePeople(tokens));
        }
        Suite suite;
        try {
            suite = Suite.start(root, db, "perfcenter", identity, options.ports(), dataDir.resolve("logs"), env,
                    options.jit());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        ServiceWatchdog watchdog = ServiceWatchdog.of(suite).watch(Duration.ofSeconds(2));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping PerfCenter…");
            watchdog.close();
            suite.close();
            db.close();
            stopped.countDown();
        }));

        if (options.demo()) {
            if (identity == null) {
                System.out.println("Demo data needs the local identity setup; skipped with --oidc-url.");
            } else {
                new DemoData(suite.gatewayUrl(), tokens, Clock.system(centerZone)).load();
            }
        }
        printWelcome(suite, tokens, dataDir, Duration.ofNanos(System.nanoTime() - started));
        stopped.await();
    }

    private static void printWelcome(Suite suite, Map<String, String> tokens, Path dataDir, Duration took) {
        String gw = suite.gatewayUrl();
        System.out.printf("%nPerfCenter is running (started in %.1f s).%n", took.toMillis() / 1000.0);
        System.out.println("  Console:    " + gw + "/" + (tokens.isEmpty() ? ""
                : " (sign in as a demo person; valid as long as the tokens below)"));
        System.out.println("  Gateway:    " + gw + "/api/v1/…");
        System.out.println("  Swagger UI: " + gw + "/q/swagger-ui");
        System.out.println("  OpenAPI:    " + gw + "/openapi.json");
        System.out.println("  Health:     " + suite.services().get("gateway").managementUrl()
                + "/health (management port; the services behind it: /health/group/services)");
        suite.services().values().forEach(s -> System.out.printf("  %-18s %s   management: %s   log: %s%n",
                s.name() + ":", s.baseUrl(), s.managementUrl(), s.log()));
        System.out.println("  Data:       " + dataDir + " (delete it to start from nothing)");
        if (!tokens.isEmpty()) {
            System.out.println("\nBearer tokens (valid 12 h; employee id in brackets):");
            PEOPLE.forEach(p -> System.out.printf("  %-14s [%s]%n    %s%n", p.role(),
                    p.employeeId() == null ? "-" : p.employeeId(), tokens.get(p.role())));
            System.out.println("\nTry: curl -H \"Authorization: Bearer <hr token>\" " + gw + "/api/v1/metrics/catalog");
        }
        System.out.println("Press Ctrl-C to stop.");
    }
}
