package io.perfcenter.launcher;

import io.perfcenter.support.LocalIdentity;
import io.perfcenter.support.PostgresServer;
import io.perfcenter.support.Suite;

import java.nio.file.Path;
import java.time.Duration;
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

    /** People the printed tokens are for; the demo data set registers the same employee ids. */
    static final Map<String, String[]> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("agent", new String[]{"E3001", "agent"});
        PEOPLE.put("supervisor", new String[]{"E2001", "supervisor"});
        PEOPLE.put("manager", new String[]{"E1001", "manager"});
        PEOPLE.put("qa", new String[]{"E4001", "qa"});
        PEOPLE.put("hr", new String[]{"E9001", "hr"});
        PEOPLE.put("admin", new String[]{"E9002", "admin"});
        PEOPLE.put("integration", new String[]{null, "integration"});
    }

    public static void main(String[] args) throws InterruptedException {
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
        if (options.oidcUrl() != null) {
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", options.oidcUrl());
        }
        Suite suite;
        try {
            suite = Suite.start(root, db, "perfcenter", identity, options.ports(), dataDir.resolve("logs"), env);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping PerfCenter…");
            suite.close();
            db.close();
            stopped.countDown();
        }));

        Map<String, String> tokens = new LinkedHashMap<>();
        if (identity != null) {
            PEOPLE.forEach((role, person) -> tokens.put(role,
                    identity.token(person[0] == null ? "crm-integration" : person[0], person[0], List.of(person[1]),
                            Duration.ofHours(12))));
        }
        if (options.demo()) {
            if (identity == null) {
                System.out.println("Demo data needs the local identity setup; skipped with --oidc-url.");
            } else {
                new DemoData(suite.gatewayUrl(), tokens).load();
            }
        }
        printWelcome(suite, tokens, dataDir, Duration.ofNanos(System.nanoTime() - started));
        stopped.await();
    }

    private static void printWelcome(Suite suite, Map<String, String> tokens, Path dataDir, Duration took) {
        String gw = suite.gatewayUrl();
        System.out.printf("%nPerfCenter is running (started in %.1f s).%n", took.toMillis() / 1000.0);
        System.out.println("  Gateway:    " + gw + "/api/v1/…");
        System.out.println("  Swagger UI: " + gw + "/q/swagger-ui");
        System.out.println("  OpenAPI:    " + gw + "/openapi.json");
        System.out.println("  Health:     " + gw + "/q/health");
        suite.services().values().forEach(s ->
                System.out.printf("  %-18s %s   log: %s%n", s.name() + ":", s.baseUrl(), s.log()));
        System.out.println("  Data:       " + dataDir + " (delete it to start from nothing)");
        if (!tokens.isEmpty()) {
            System.out.println("\nBearer tokens (valid 12 h; employee id in brackets):");
            tokens.forEach((role, token) -> {
                String who = PEOPLE.get(role)[0];
                System.out.printf("  %-12s [%s]%n    %s%n", role, who == null ? "-" : who, token);
            });
            System.out.println("\nTry: curl -H \"Authorization: Bearer <hr token>\" " + gw + "/api/v1/metrics/catalog");
        }
        System.out.println("Press Ctrl-C to stop.");
    }
}
