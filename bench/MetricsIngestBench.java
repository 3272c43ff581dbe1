import org.postgresql.PGConnection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of metrics-service bulk ingestion and aggregates (a program that prints figures, not a test).
 *
 * <ol>
 *   <li>starts the packaged metrics-service against a fresh database, trusting a key pair made here;</li>
 *   <li>registers a center of 10,000 agents (500 groups of 20) through the org bulk endpoints;</li>
 *   <li>generates N call records (default 1,000,000) for October 2026 as NDJSON and as COPY text;</li>
 *   <li>measures raw PostgreSQL COPY of the same rows into a table with a primary key (the yardstick);</li>
 *   <li>POSTs the NDJSON to /api/v1/metrics/records/calls, then re-sends it (must add zero rows);</li>
 *   <li>measures month aggregates of 15 metrics for all agents of the center;</li>
 *   <li>prints throughput, latency, the service's heap and RSS, and the ratio against raw COPY.</li>
 * </ol>
 * Run through bench/metrics-ingest.sh, which supplies the class path and the database.
 */
public class MetricsIngestBench {

    static final String[] METRICS = {"calls_handled", "aht", "avg_talk_time", "fcr", "repeat_contact_rate",
            "transfer_rate", "complaint_rate", "error_count", "rule_violations", "csat", "nps", "qa_score",
            "sales_amount", "adherence", "occupancy"};

    public static void main(String[] args) throws Exception {
        String jdbcBase = env("BENCH_JDBC_BASE", "jdbc:postgresql://127.0.0.1:5432/");
        String user = env("BENCH_DB_USER", "postgres");
        String password = env("BENCH_DB_PASSWORD", "");
        int records = Integer.parseInt(env("BENCH_RECORDS", "1000000"));
        int agents = Integer.parseInt(env("BENCH_AGENTS", "10000"));
        Path app = Path.of(env("BENCH_APP", "metrics-service/target/quarkus-app/quarkus-run.jar"));
        Path work = Files.createTempDirectory("pc-bench-");
        String database = "pc_bench_" + Long.toHexString(System.nanoTime());

        try (Connection admin = DriverManager.getConnection(jdbcBase + "postgres", user, password);
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        String jdbc = jdbcBase + database;
        Process service = null;
        try {
            System.out.printf("PerfCenter metrics-service ingestion benchmark: %,d call records, %,d agents%n",
                    records, agents);
            System.out.printf("machine: %d cores, %s; PostgreSQL %s%n", Runtime.getRuntime().availableProcessors(),
                    memTotal(), serverVersion(jdbc, user, password));

            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String jvmOptions = env("BENCH_JAVA_OPTS", "-Xmx256m");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            command.addAll(List.of(jvmOptions.split("\\s+")));
            command.addAll(List.of("-jar", app.toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("metrics-service.log").toFile());
            pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
            pb.environment().put("QUARKUS_DATASOURCE_USERNAME", user);
            pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", password);
            pb.environment().put("QUARKUS_OIDC_PUBLIC_KEY", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
            pb.environment().put("QUARKUS_OIDC_TOKEN_ISSUER", "perfcenter-local");
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            // health and metrics answer on the management interface only, a port of its own
            int managementPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                managementPort = socket.getLocalPort();
            }
            pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            pb.environment().put("QUARKUS_LOG_LEVEL", "WARN");
            service = pb.start();
            String base = "http://localhost:" + port;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String management = "http://localhost:" + managementPort;
            awaitReady(http, management, service, work);
            System.out.printf("service: %s, JVM options %s, log %s%n", app, jvmOptions, work.resolve("metrics-service.log"));

            String hr = token(keys, "bench-hr", "hr");
            String integration = token(keys, "bench-crm", "records-writer");

            // the org: one center, 25 teams, 500 groups, agents spread over the groups
            long t0 = System.nanoTime();
            StringBuilder units = new StringBuilder("[{\"code\":\"BC\",\"name\":\"Bench center\",\"kind\":\"CENTER\"}");
            for (int t = 0; t < 25; t++) {
                units.append(",{\"code\":\"BT").append(t).append("\",\"name\":\"Team ").append(t)
                        .append("\",\"kind\":\"TEAM\",\"parentCode\":\"BC\"}");
            }
            for (int g = 0; g < 500; g++) {
                units.append(",{\"code\":\"BG").append(g).append("\",\"name\":\"Group ").append(g)
                        .append("\",\"kind\":\"GROUP\",\"parentCode\":\"BT").append(g % 25).append("\"}");
            }
            post(http, base + "/api/v1/metrics/org/units/bulk", hr, "application/json",
                    HttpRequest.BodyPublishers.ofString(units.append(']').toString()));
            StringBuilder people = new StringBuilder("[");
            for (int a = 0; a < agents; a++) {
                people.append(a == 0 ? "" : ",").append("{\"employeeId\":\"").append(agent(a))
                        .append("\",\"name\":\"Agent ").append(a).append("\",\"position\":\"seat\",\"unitCode\":\"BG")
                        .append(a % 500).append("\",\"memberFrom\":\"2026-01-01\"}");
            }
            String orgReport = post(http, base + "/api/v1/metrics/org/agents/bulk", hr, "application/json",
                    HttpRequest.BodyPublishers.ofString(people.append(']').toString()));
            System.out.printf("org: 526 units and %,d agents registered in %.1f s (%s)%n", agents,
                    seconds(System.nanoTime() - t0), orgReport);

            // the records, once as NDJSON for the service and once as COPY text for the yardstick
            Path ndjson = work.resolve("calls.ndjson");
            Path copyText = work.resolve("calls.copy");
            generate(records, agents, ndjson, copyText);
            System.out.printf("generated %s (%,d MB NDJSON)%n", ndjson, Files.size(ndjson) >> 20);

            // yardstick: raw COPY of the same rows into a table with a primary key
            double copySeconds;
            try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE bench_raw_call (source_system text NOT NULL, external_id text NOT NULL, "
                        + "revision integer NOT NULL, employee_id text NOT NULL, activity_date date NOT NULL, "
                        + "started_at timestamptz NOT NULL, talk_seconds integer NOT NULL, hold_seconds integer NOT NULL, "
                        + "wrap_seconds integer NOT NULL, direction text NOT NULL, channel text NOT NULL, "
                        + "resolved_first_contact boolean NOT NULL, transferred boolean NOT NULL, "
                        + "repeat_contact boolean NOT NULL, PRIMARY KEY (source_system, external_id))");
                long start = System.nanoTime();
                try (InputStream in = Files.newInputStream(copyText)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_raw_call FROM STDIN", in, 1 << 16);
                }
                copySeconds = seconds(System.nanoTime() - start);
                st.execute("DROP TABLE bench_raw_call");
                st.execute("CHECKPOINT");
            }
            System.out.printf("%nraw COPY into a table with a primary key: %.2f s, %,.0f rows/s%n", copySeconds,
                    records / copySeconds);

            long pid = service.pid();
            MemoryWatch watch = new MemoryWatch(http, management, pid);
            watch.start();
            long start = System.nanoTime();
            String first = post(http, base + "/api/v1/metrics/records/calls", integration, "application/x-ndjson",
                    HttpRequest.BodyPublishers.ofFile(ndjson));
            double ingestSeconds = seconds(System.nanoTime() - start);
            System.out.printf("%nPOST /api/v1/metrics/records/calls (NDJSON): %.2f s, %,.0f records/s, %.2f x raw COPY%n",
                    ingestSeconds, records / ingestSeconds, copySeconds / ingestSeconds);
            System.out.println("  report: " + first);
            long rows = count(jdbc, user, password);

            start = System.nanoTime();
            String again = post(http, base + "/api/v1/metrics/records/calls", integration, "application/x-ndjson",
                    HttpRequest.BodyPublishers.ofFile(ndjson));
            double resendSeconds = seconds(System.nanoTime() - start);
            long rowsAfter = count(jdbc, user, password);
            watch.stopWatching();
            System.out.printf("re-send of the same records: %.2f s, %,.0f records/s; rows before %,d, after %,d "
                    + "(%,d new)%n", resendSeconds, records / resendSeconds, rows, rowsAfter, rowsAfter - rows);
            System.out.println("  report: " + again);
            System.out.printf("service memory during the uploads: heap used max %,d MB (limit %s), RSS max %,d MB%n",
                    watch.maxHeap.get() >> 20, jvmOptions, watch.maxRss.get() >> 10);

            try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE metrics.call_record");
            }
            StringBuilder query = new StringBuilder(base + "/api/v1/metrics/aggregates?unit=BC&period=2026-10");
            for (String m : METRICS) {
                query.append("&metric=").append(m);
            }
            List<Double> runs = new ArrayList<>();
            String body = null;
            for (int i = 0; i < 4; i++) {
                start = System.nanoTime();
                body = get(http, query.toString(), hr);
                runs.add(seconds(System.nanoTime() - start));
            }
            int agentRows = body.split("\"employeeId\"", -1).length - 1;
            System.out.printf("%nGET /api/v1/metrics/aggregates, unit of %,d agents x %d metrics, October: first %.3f s, "
                            + "then %.3f / %.3f / %.3f s (%,d KB, %,d agent rows)%n", agents, METRICS.length, runs.get(0),
                    runs.get(1), runs.get(2), runs.get(3), body.length() >> 10, agentRows);
            start = System.nanoTime();
            get(http, base + "/api/v1/metrics/aggregates?employeeId=" + agent(7) + "&period=2026-10&metric="
                    + String.join("&metric=", METRICS), hr);
            System.out.printf("GET /api/v1/metrics/aggregates, one agent x %d metrics: %.3f s%n", METRICS.length,
                    seconds(System.nanoTime() - start));

            System.out.printf("%nSUMMARY records=%d copy_s=%.2f ingest_s=%.2f ingest_rps=%.0f ratio_vs_copy=%.2f "
                            + "resend_s=%.2f new_rows_on_resend=%d aggregates_s=%.3f heap_max_mb=%d rss_max_mb=%d%n",
                    records, copySeconds, ingestSeconds, records / ingestSeconds, copySeconds / ingestSeconds,
                    resendSeconds, rowsAfter - rows, runs.subList(1, 4).stream().mapToDouble(d -> d).min().orElse(0),
                    watch.maxHeap.get() >> 20, watch.maxRss.get() >> 10);
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            if (System.getenv("BENCH_KEEP") == null) {
                try (Connection admin = DriverManager.getConnection(jdbcBase + "postgres", user, password);
                     Statement st = admin.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + database);
                }
                try (var files = Files.list(work)) {
                    for (Path f : files.toList()) {
                        if (!f.getFileName().toString().endsWith(".log")) {
                            Files.delete(f);
                        }
                    }
                }
            }
        }
    }

    static String agent(int i) {
        return String.format("B%05d", i);
    }

    static void generate(int records, int agents, Path ndjson, Path copyText) throws IOException {
        Random random = new Random(42);
        String[] channels = {"PHONE", "PHONE", "PHONE", "CHAT", "EMAIL"};
        try (BufferedWriter json = Files.newBufferedWriter(ndjson, StandardCharsets.UTF_8);
             BufferedWriter copy = Files.newBufferedWriter(copyText, StandardCharsets.UTF_8)) {
            for (int i = 0; i < records; i++) {
                String agent = agent(random.nextInt(agents));
                int day = 1 + random.nextInt(31);
                String date = String.format("2026-10-%02d", day);
                String startedAt = String.format("%sT%02d:%02d:%02d+08:00", date, 8 + random.nextInt(12),
                        random.nextInt(60), random.nextInt(60));
                int talk = 30 + random.nextInt(570);
                int hold = random.nextInt(10) < 3 ? random.nextInt(60) : 0;
                int wrap = random.nextInt(120);
                String direction = random.nextInt(10) < 8 ? "INBOUND" : "OUTBOUND";
                String channel = channels[random.nextInt(channels.length)];
                boolean resolved = random.nextInt(10) < 7;
                boolean transferred = random.nextInt(20) == 0;
                boolean repeat = random.nextInt(10) == 0;
                String id = "call-" + i;
                json.write("{\"sourceSystem\":\"acd\",\"externalId\":\"" + id + "\",\"employeeId\":\"" + agent
                        + "\",\"startedAt\":\"" + startedAt + "\",\"talkSeconds\":" + talk + ",\"holdSeconds\":" + hold
                        + ",\"wrapSeconds\":" + wrap + ",\"direction\":\"" + direction + "\",\"channel\":\"" + channel
                        + "\",\"resolvedFirstContact\":" + resolved + ",\"transferred\":" + transferred
                        + ",\"repeatContact\":" + repeat + "}\n");
                copy.write("acd\t" + id + "\t1\t" + agent + "\t" + date + "\t" + startedAt + "\t" + talk + "\t" + hold
                        + "\t" + wrap + "\t" + direction + "\t" + channel + "\t" + (resolved ? 't' : 'f') + "\t"
                        + (transferred ? 't' : 'f') + "\t" + (repeat ? 't' : 'f') + "\n");
            }
        }
    }

    /** Samples the service's heap (from its Prometheus metrics) and resident set size while uploads run. */
    static final class MemoryWatch extends Thread {
        private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");
        final AtomicLong maxHeap = new AtomicLong();
        final AtomicLong maxRss = new AtomicLong();
        private final HttpClient http;
        private final String base;
        private final long pid;
        private volatile boolean running = true;

        MemoryWatch(HttpClient http, String base, long pid) {
            this.http = http;
            this.base = base;
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher m = HEAP.matcher(metrics);
                    double heap = 0;
                    while (m.find()) {
                        heap += Double.parseDouble(m.group(1));
                    }
                    long h = (long) heap;
                    maxHeap.accumulateAndGet(h, Math::max);
                    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                        if (line.startsWith("VmRSS:")) {
                            long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                            maxRss.accumulateAndGet(kb, Math::max);
                        }
                    }
                    Thread.sleep(200);
                } catch (Exception e) {
                    // the service is busy; try again
                }
            }
        }

        void stopWatching() {
            running = false;
        }
    }

    static String post(HttpClient http, String url, String token, String type, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", type).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body();
    }

    static String get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static void awaitReady(HttpClient http, String base, Process service, Path work) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("metrics-service exited; see " + work.resolve("metrics-service.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("metrics-service not ready; see " + work.resolve("metrics-service.log"));
    }

    /** An RS256 token as the local identity of the suite issues them. */
    static String token(KeyPair keys, String subject, String role) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"perfcenter-local\",\"aud\":\"perfcenter\",\"sub\":\"" + subject
                + "\",\"preferred_username\":\"" + subject + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now
                + ",\"exp\":" + (now + 7200) + "}").getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(rsa.sign());
    }

    static long count(String jdbc, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM metrics.call_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String serverVersion(String jdbc, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String memTotal() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return String.format(Locale.ROOT, "%.0f GB RAM", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
            }
        }
        return "?";
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
