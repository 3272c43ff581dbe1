package io.perfcenter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite as separate processes: the three services and the gateway, sharing one database (each in its
 * own schema) and trusting tokens of one {@link LocalIdentity}. Used by the launcher and the end-to-end tests.
 */
public final class Suite implements AutoCloseable {

    /**
     * How long a service may take to become ready: a few seconds on a quiet machine, but well over a minute on a
     * 2-core machine busy with builds; a process that exits fails at once anyway. 180 s, or the system property
     * {@code perfcenter.suite.ready-seconds} (bench/month-close.sh gives 900 s: at load ~50 the suite took 694 s to start).
     */
    private static final Duration READY_WITHIN = Duration.ofSeconds(Long.getLong("perfcenter.suite.ready-seconds",
            180));


    /**
     * The API ports, and the management ports (health, metrics) of the same processes; by default each management
     * port is its API port + 1000 (8080 → 9080).
     */
    public record Ports(int gateway, int metrics, int scoring, int incentive, int gatewayManagement,
                       int metricsManagement, int scoringManagement, int incentiveManagement) {

        public Ports(int gateway, int metrics, int scoring, int incentive) {
            this(gateway, metrics, scoring, incentive, gateway + 1000, metrics + 1000, scoring + 1000,
                    incentive + 1000);
        }

        public static Ports defaults() {
            return new Ports(8080, 8081, 8082, 8083);
        }

        public static Ports free() {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                    freePort());
        }

        /** The API port and the management port of one process. */
        int[] of(String name) {
            return switch (name) {
                case "metrics-service" -> new int[]{metrics, metricsManagement};
                case "scoring-service" -> new int[]{scoring, scoringManagement};
                case "incentive-service" -> new int[]{incentive, incentiveManagement};
                case "gateway" -> new int[]{gateway, gatewayManagement};
                default -> throw new IllegalArgumentException("Unknown service " + name);
            };
        }
    }

    /**
     * How the JVMs compile: {@code PRODUCTION} is the JVM's default tiered compilation (C1, then C2 for hot code: the
     * throughput a month close needs); {@code FAST_START} stops at C1 ({@code -XX:TieredStopAtLevel=1}), which starts
     * a second or two faster and compiles with less CPU, for short-lived suites (tests, trying things out).
     */
    public enum Jit {
        PRODUCTION, FAST_START
    }

    /**
     * Maximum heap per process, chosen so that a center of 10,000 agents goes through its month close: scoring's run
     * holds every agent's inputs, scorecards and explanations at once, incentive's every statement. Serial GC: one
     * collector thread per process on a small machine, and the heap grows only as far as it is used: from
     * {@link #INITIAL_HEAP}, since the JVM's own initial heap is 1/64 of the machine's memory (376 MB on a 24 GB
     * machine, a whole -Xmx384m), and a young generation of a third of that is touched again and again by any
     * allocation, so that each process was resident with its initial heap however little it kept.
     */
    static final Map<String, String> HEAP = Map.of(
            "metrics-service", "-Xmx384m",
            "scoring-service", "-Xmx512m",
            "incentive-service", "-Xmx512m",
            "gateway", "-Xmx128m");

    /** Initial heap of every process: the heap starts small and grows (up to its maximum) as the process needs it. */
    static final String INITIAL_HEAP = "-Xms32m";

    /** The JVM options of one process. A process that runs out of memory exits (and the launcher restarts it). */
    public static List<String> jvmOptions(String name, Jit jit) {
        List<String> options = new ArrayList<>(List.of(INITIAL_HEAP, HEAP.get(name), "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError"));
        if (jit == Jit.FAST_START) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        return options;
    }

    /**
     * The gateway's console sign-in list in local mode: the tokens of the people it offers, comma separated. Given to
     * the gateway only (it never gets the signing key, so it can only hand out tokens it was given).
     */
    public static final String CONSOLE_PEOPLE_ENV = "PERFCENTER_CONSOLE_LOCAL_PEOPLE";

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, String> environment;
    private final Map<String, Map<String, String>> serviceEnvironment;
    private final Path root;
    private final Path logDir;
    private final Jit jit;
    private final Ports ports;

    private Suite(Path root, Map<String, String> environment, Map<String, Map<String, String>> serviceEnvironment,
                  Path logDir, Jit jit, Ports ports) {
        this.root = root;
        this.environment = environment;
        this.serviceEnvironment = serviceEnvironment;
        this.logDir = logDir;
        this.jit = jit;
        this.ports = ports;
    }

    /** {@link #start(Path, PostgresServer, String, LocalIdentity, Ports, Path, Map, Jit)} compiling for a fast start. */
    public static Suite start(Path root, PostgresServer db, String database, LocalIdentity identity, Ports ports,
                              Path logDir, Map<String, String> extraEnv) {
        return start(root, db, database, identity, ports, logDir, extraEnv, Jit.FAST_START);
    }

    /**
     * Starts metrics, scoring, incentive and the gateway, in that order, and waits until each is ready.
     * {@code extraEnv} is added to every service's environment (e.g. a shorter timeout for tests). Without a local
     * {@code identity}, {@code extraEnv} must name the OIDC provider ({@code QUARKUS_OIDC_AUTH_SERVER_URL}).
     */
    public static Suite start(Path root, PostgresServer db, String database, LocalIdentity identity, Ports ports,
                              Path logDir, Map<String, String> extraEnv, Jit jit) {
        db.ensureDatabase(database);
        Map<String, String> common = new HashMap<>();
        common.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl(database));
        if (identity != null) {
            common.put("QUARKUS_OIDC_PUBLIC_KEY", identity.publicKeyBase64());
            common.put("QUARKUS_OIDC_TOKEN_ISSUER", LocalIdentity.ISSUER);
            common.put("PERFCENTER_TOKEN_AUDIENCE", LocalIdentity.AUDIENCE);
        }
        common.put("PERFCENTER_METRICS_URL", "http://localhost:" + ports.metrics());
        common.put("PERFCENTER_SCORING_URL", "http://localhost:" + ports.scoring());
        common.put("PERFCENTER_INCENTIVE_URL", "http://localhost:" + ports.incentive());
        common.put("PERFCENTER_METRICS_MANAGEMENT_URL", "http://localhost:" + ports.metricsManagement());
        common.put("PERFCENTER_SCORING_MANAGEMENT_URL", "http://localhost:" + ports.scoringManagement());
        common.put("PERFCENTER_INCENTIVE_MANAGEMENT_URL", "http://localhost:" + ports.incentiveManagement());
        common.putAll(extraEnv);
        String consolePeople = common.remove(CONSOLE_PEOPLE_ENV);

        // each service logs in with its own role, which owns its schema and nothing else
        Map<String, Map<String, String>> logins = new HashMap<>();
        for (String schema : PostgresServer.SERVICE_SCHEMAS) {
            PostgresServer.ServiceLogin login = db.ensureServiceRole(database, schema);
            logins.put(schema + "-service", new HashMap<>(Map.of("QUARKUS_DATASOURCE_USERNAME", login.user(),
                    "QUARKUS_DATASOURCE_PASSWORD", login.password())));
        }
        // scoring and incentive call other services as themselves (corrections, system reads): they mint their own
        // tokens with the local signing key; in OIDC mode they get client-credentials tokens instead
        if (identity != null) {
            for (String service : List.of("scoring-service", "incentive-service")) {
                logins.computeIfAbsent(service, k -> new HashMap<>())
                        .put("PERFCENTER_SERVICE_SIGNING_KEY", identity.privateKeyBase64());
            }
        }

        if (consolePeople != null) {
            logins.computeIfAbsent("gateway", k -> new HashMap<>()).put(CONSOLE_PEOPLE_ENV, consolePeople);
        }

        Suite suite = new Suite(root, common, logins, logDir, jit, ports);
        try {
            // the services start in parallel; the gateway last, so that it is not in front of services still starting
            suite.startService("metrics-service");
            suite.startService("scoring-service");
            suite.startService("incentive-service");
            for (ServiceProcess service : new ArrayList<>(suite.services.values())) {
                service.awaitReady(READY_WITHIN);
            }
            suite.startService("gateway");
            suite.services.get("gateway").awaitReady(READY_WITHIN);
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void startService(String name) {
        int[] port = ports.of(name);
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(serviceEnvironment.getOrDefault(name, Map.of()));
        services.put(name, ServiceProcess.start(name, root.resolve(name), port[0], port[1], env, logDir,
                jvmOptions(name, jit)));
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    public Ports ports() {
        return ports;
    }

    public Map<String, ServiceProcess> services() {
        return services;
    }

    /** The services whose process has exited (without being stopped), with its exit code. */
    public synchronized Map<String, Integer> exited() {
        Map<String, Integer> exited = new LinkedHashMap<>();
        services.forEach((name, process) -> {
            if (!process.isAlive()) {
                exited.put(name, process.exitValue());
            }
        });
        return exited;
    }

    /** Stops one service, e.g. to show how the rest of the suite behaves without it. */
    public synchronized void stop(String name) {
        ServiceProcess service = services.remove(name);
        if (service != null) {
            service.close();
        }
    }

    /** Starts a stopped service again on its port and waits until it is ready. */
    public synchronized void restart(String name) {
        ports.of(name);
        stop(name);
        startService(name);
        services.get(name).awaitReady(READY_WITHIN);
    }

    @Override
    public synchronized void close() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        java.util.Collections.reverse(running);
        running.forEach(ServiceProcess::close);
        services.clear();
    }

    /** The repository root: the nearest directory upwards from the working directory that holds {@code mvnw}. */
    public static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run from inside the PerfCenter repository (no mvnw found upwards)");
        }
        return dir;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
