import com.sun.net.httpserver.HttpServer;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of scoring-service runs and scorecard reads (a program that prints figures, not a test).
 *
 * <ol>
 *   <li>starts a stand-in for metrics-service (an HTTP server in this process) that answers the aggregates of
 *       10,000 agents × 15 metrics, as metrics-service's GET /api/v1/metrics/aggregates does (one JSON document);</li>
 *   <li>starts the packaged scoring-service against a fresh database, trusting a key pair made here;</li>
 *   <li>defines a 15-item template using every rule type but manual ratings (tiered rate, linear, lookup table,
 *       banded deduction, per-incident, target achievement, expression) with minimum samples;</li>
 *   <li>times month runs (POST /runs: fetch, score, store with COPY, rank in SQL, answer), with and without the
 *       scorecards in the answer, after two warm-up runs; then the idempotent re-run and a corrected revision;</li>
 *   <li>times the same aggregates as one SQL query over 10,000 × 15 × 22 daily values in PostgreSQL;</li>
 *   <li>times GET /scorecards/{id} (one agent's scorecard with its explanations): p50, p95, p99.</li>
 * </ol>
 * Run through bench/scoring-run.sh, which supplies the class path and builds the service when needed.
 */
public class ScoringRunBench {

    static final String[] METRICS = {"calls_handled", "aht", "avg_talk_time", "fcr", "repeat_contact_rate",
            "transfer_rate", "complaint_rate", "error_count", "rule_violations", "csat", "nps", "qa_score",
            "sales_amount", "adherence", "occupancy"};

    static volatile byte[] aggregates;
    static volatile byte[] corrected;
    static volatile boolean correctedData;
    static final AtomicInteger aggregateCalls = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        String jdbcBase = env("BENCH_JDBC_BASE", "jdbc:postgresql://127.0.0.1:5432/");
        String user = env("BENCH_DB_USER", "postgres");
        String password = env("BENCH_DB_PASSWORD", "");
        int agents = Integer.parseInt(env("BENCH_AGENTS", "10000"));
        int runs = Integer.parseInt(env("BENCH_RUNS", "3"));
        int reads = Integer.parseInt(env("BENCH_READS", "2000"));
        Path app = Path.of(env("BENCH_APP", "scoring-service/target/quarkus-app/quarkus-run.jar"));
        Path work = Files.createTempDirectory("pc-bench-scoring-");
        String database = "pc_bench_scoring_" + Long.toHexString(System.nanoTime());
        try (Connection admin = DriverManager.getConnection(jdbcBase + "postgres", user, password);
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        String jdbc = jdbcBase + database;
        Process service = null;
        HttpServer stub = null;
        try {
            System.out.printf("PerfCenter scoring-service run benchmark: %,d agents × %d items, month 2026-10%n",
                    agents, METRICS.length);
            System.out.printf("machine: %d cores, %s; PostgreSQL %s%n", Runtime.getRuntime().availableProcessors(),
                    memTotal(), serverVersion(jdbc, user, password));

            aggregates = report(agents, 42, false).getBytes(StandardCharsets.UTF_8);
            corrected = report(agents, 42, true).getBytes(StandardCharsets.UTF_8);
            stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            stub.createContext("/api/v1/metrics/aggregates", exchange -> {
                aggregateCalls.incrementAndGet();
                byte[] body = correctedData ? corrected : aggregates;
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            // the org directory's home units: every agent a seat of the unit all month (no movers)
            byte[] assignments = assignments(agents).getBytes(StandardCharsets.UTF_8);
            stub.createContext("/api/v1/metrics/org/units/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, assignments.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(assignments);
                }
            });
            // daemon threads: HttpServer.stop() does not shut down an executor it was given, and one non-daemon
            // thread kept the benchmark's JVM alive after it had printed its figures
            stub.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2, task -> {
                Thread thread = new Thread(task, "metrics-stub");
                thread.setDaemon(true);
                return thread;
            }));
            stub.start();
            String metricsUrl = "http://127.0.0.1:" + stub.getAddress().getPort();

            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String jvmOptions = env("BENCH_JAVA_OPTS", "-Xmx1g");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            command.addAll(List.of(jvmOptions.split("\\s+")));
            command.addAll(List.of("-jar", app.toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("scoring-service.log").toFile());
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
            // the service logs where a run's time goes
            pb.environment().put("QUARKUS_LOG_CATEGORY__IO_PERFCENTER_SCORING_RUN__LEVEL", "DEBUG");
            pb.environment().put("QUARKUS_LOG_CATEGORY__IO_PERFCENTER_SCORING_RUN__MIN_LEVEL", "DEBUG");
            pb.environment().put("PERFCENTER_METRICS_URL", metricsUrl);
            service = pb.start();
            String base = "http://localhost:" + port + "/api/v1/scoring";
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            awaitReady(http, "http://localhost:" + managementPort, service, work);
            System.out.printf("service: %s, JVM options %s, log %s%n", app, jvmOptions,
                    work.resolve("scoring-service.log"));
            String hr = token(keys, "bench-hr", "hr", null);

            // the stand-in alone: what fetching the aggregates costs before any scoring
            long[] fetch = new long[3];
            for (int i = 0; i < fetch.length; i++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(metricsUrl
                        + "/api/v1/metrics/aggregates?unit=X")).build(), HttpResponse.BodyHandlers.ofByteArray());
                fetch[i] = System.nanoTime() - t0;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("stub answered " + r.statusCode());
                }
            }
            System.out.printf("aggregates document: %,d bytes; fetched raw in %s ms (best of 3)%n", aggregates.length,
                    ms(Arrays.stream(fetch).min().getAsLong()));

            // each run its own template (a copy of the 15-item one): an agent has one current scorecard per template
            // and period, so runs of one template for several units over the same agents would conflict
            List<String> labels = new ArrayList<>(List.of("BENCH-WARMUP-1", "BENCH-WARMUP-2"));
            for (int i = 1; i <= runs; i++) {
                labels.addAll(List.of("BENCH-" + i, "BENCH-S" + i));
            }
            for (String label : labels) {
                send(http, "POST", base + "/templates", hr,
                        TEMPLATE.replace("\"code\":\"BENCH-15\"", "\"code\":\"" + label + "\""), 201);
            }

            for (int i = 1; i <= 2; i++) {
                send(http, "POST", base + "/runs?scorecards=false", hr, run("BENCH-WARMUP-" + i), 201);
            }
            List<Long> full = new ArrayList<>();
            List<Long> summary = new ArrayList<>();
            long answerBytes = 0;
            for (int i = 1; i <= runs; i++) {
                long t0 = System.nanoTime();
                answerBytes = send(http, "POST", base + "/runs", hr, run("BENCH-" + i), 201).length();
                full.add(System.nanoTime() - t0);
                t0 = System.nanoTime();
                send(http, "POST", base + "/runs?scorecards=false", hr, run("BENCH-S" + i), 201);
                summary.add(System.nanoTime() - t0);
            }
            System.out.printf("month run, %,d agents, answer with all scorecards (%,d bytes): %s ms (median of %d: %s)%n",
                    agents, answerBytes, ms(median(full)), runs, msList(full));
            System.out.printf("month run, %,d agents, answer without scorecards (?scorecards=false): %s ms (median of %d: %s)%n",
                    agents, ms(median(summary)), runs, msList(summary));

            long t0 = System.nanoTime();
            String again = send(http, "POST", base + "/runs?scorecards=false", hr, run("BENCH-1"), 200);
            long unchanged = System.nanoTime() - t0;
            System.out.printf("same run again, same inputs (idempotent, no new revision, unchanged=%s): %s ms%n",
                    again.contains("\"unchanged\":true"), ms(unchanged));
            correctedData = true;
            t0 = System.nanoTime();
            String revision = send(http, "POST", base + "/runs", hr, run("BENCH-1"), 201);
            long revised = System.nanoTime() - t0;
            correctedData = false;
            System.out.printf("corrected inputs (every 100th agent's CSAT): revision %s with %d agents changed: %s ms%n",
                    field(revision, "revision"), count(revision, "\"change\":\"CHANGED\""), ms(revised));

            // the same aggregates as one SQL query over the daily values they come from
            sqlComparison(jdbc, user, password, agents);

            // one agent's scorecard with explanations
            String firstRun = send(http, "GET", base + "/runs?unit=BENCH-1&period=2026-10", hr, null, 200);
            long runId = Long.parseLong(field(firstRun, "id"));
            String cards = send(http, "GET", base + "/runs/" + runId, hr, null, 200);
            List<Long> ids = new ArrayList<>();
            Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"runId\":").matcher(cards);
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
            Random random = new Random(7);
            for (int i = 0; i < 1000; i++) {
                send(http, "GET", base + "/scorecards/" + ids.get(random.nextInt(ids.size())), hr, null, 200);
            }
            long[] latencies = new long[reads];
            for (int i = 0; i < reads; i++) {
                long id = ids.get(random.nextInt(ids.size()));
                long r0 = System.nanoTime();
                send(http, "GET", base + "/scorecards/" + id, hr, null, 200);
                latencies[i] = System.nanoTime() - r0;
            }
            Arrays.sort(latencies);
            System.out.printf("GET /scorecards/{id} (15 items with explanations), %,d reads of random agents: p50 %s ms, "
                    + "p95 %s ms, p99 %s ms, max %s ms%n", reads, ms(latencies[reads / 2]),
                    ms(latencies[(int) (reads * 0.95)]), ms(latencies[(int) (reads * 0.99)]), ms(latencies[reads - 1]));
            System.out.printf("aggregates calls answered by the stand-in: %d; service RSS %s%n", aggregateCalls.get(),
                    rss(service.pid()));
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            if (stub != null) {
                stub.stop(0);
            }
            if (!"1".equals(System.getenv("BENCH_KEEP"))) {
                try (Connection admin = DriverManager.getConnection(jdbcBase + "postgres", user, password);
                     Statement st = admin.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            } else {
                System.out.println("kept database " + database);
            }
        }
    }

    /** 10,000 × 15 × 22 working days of daily values, and the month aggregates of the template's metrics in SQL. */
    static void sqlComparison(String jdbc, String user, String password, int agents) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA bench");
            st.execute("CREATE TABLE bench.metric_value (employee_id text NOT NULL, metric_code text NOT NULL, "
                    + "day date NOT NULL, value numeric NOT NULL, weight numeric NOT NULL DEFAULT 1, "
                    + "PRIMARY KEY (metric_code, employee_id, day))");
            long t0 = System.nanoTime();
            StringBuilder copy = new StringBuilder();
            Random random = new Random(1);
            PGConnection pg = c.unwrap(PGConnection.class);
            for (int a = 0; a < agents; a++) {
                for (String metric : METRICS) {
                    for (int d = 1; d <= 31; d++) {
                        if (java.time.LocalDate.of(2026, 10, d).getDayOfWeek().getValue() > 5) {
                            continue;
                        }
                        copy.append('E').append(a).append('\t').append(metric).append("\t2026-10-")
                                .append(d < 10 ? "0" : "").append(d).append('\t')
                                .append(random.nextInt(1000)).append('\t').append(1 + random.nextInt(50)).append('\n');
                    }
                }
                if (copy.length() > 8_000_000) {
                    pg.getCopyAPI().copyIn("COPY bench.metric_value FROM STDIN", new java.io.StringReader(copy.toString()));
                    copy.setLength(0);
                }
            }
            pg.getCopyAPI().copyIn("COPY bench.metric_value FROM STDIN", new java.io.StringReader(copy.toString()));
            st.execute("ANALYZE bench.metric_value");
            long rows;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM bench.metric_value")) {
                rs.next();
                rows = rs.getLong(1);
            }
            System.out.printf("SQL comparison: %,d daily values loaded in %s ms%n", rows, ms(System.nanoTime() - t0));
            String sql = "SELECT employee_id, metric_code, sum(value * weight) / sum(weight) AS value, count(*) AS samples "
                    + "FROM bench.metric_value WHERE day BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' "
                    + "AND metric_code = ANY (?) GROUP BY employee_id, metric_code";
            List<Long> times = new ArrayList<>();
            long groups = 0;
            for (int i = 0; i < 3; i++) {
                long q0 = System.nanoTime();
                try (var ps = c.prepareStatement(sql)) {
                    ps.setArray(1, c.createArrayOf("text", METRICS));
                    groups = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            groups++;
                        }
                    }
                }
                times.add(System.nanoTime() - q0);
            }
            System.out.printf("the same aggregates as one SQL query (%,d agent × metric rows): %s ms (median of 3: %s)%n",
                    groups, ms(median(times)), msList(times));
        }
    }

    /** GET /org/units/BENCH/assignments: every agent assigned to the unit for the whole month, as a seat. */
    static String assignments(int agents) {
        StringBuilder json = new StringBuilder(agents * 300).append('[');
        for (int a = 0; a < agents; a++) {
            json.append(a == 0 ? "" : ",").append("{\"employeeId\":\"E").append(a).append("\",\"position\":\"seat\","
                    + "\"policy\":\"MOST_DAYS\",\"homeUnitCode\":\"BENCH\",\"assigned\":true,\"daysInHomeUnit\":31,"
                    + "\"daysInUnit\":31,\"daysInAnyUnit\":31,\"periodDays\":31,\"memberships\":[{\"unitCode\":\"BENCH\","
                    + "\"firstDay\":\"2026-10-01\",\"lastDay\":\"2026-10-31\",\"days\":31}]}");
        }
        return json.append(']').toString();
    }

    /** The aggregates document; corrected: every 100th agent's CSAT is different (a QA re-scoring). */
    static String report(int agents, long seed, boolean corrected) {
        Random random = new Random(seed);
        StringBuilder json = new StringBuilder(agents * 700);
        json.append("{\"unitCode\":\"BENCH\",\"from\":\"2026-10-01\",\"to\":\"2026-10-31\",\"metrics\":[");
        for (int i = 0; i < METRICS.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(METRICS[i]).append('"');
        }
        json.append("],\"agents\":[");
        for (int a = 0; a < agents; a++) {
            json.append(a == 0 ? "" : ",").append("{\"employeeId\":\"E").append(a).append("\",\"values\":{");
            double[] v = {1500 + random.nextInt(1700), 250 + random.nextInt(350), 150 + random.nextInt(250),
                    0.6 + random.nextDouble() * 0.35, 0.02 + random.nextDouble() * 0.13, 0.01 + random.nextDouble() * 0.09,
                    random.nextDouble() * 0.03, random.nextInt(13), random.nextInt(7), 3.5 + random.nextDouble() * 1.5,
                    -20 + random.nextInt(90), 80 + random.nextDouble() * 20, random.nextInt(200_000),
                    0.8 + random.nextDouble() * 0.2, 0.6 + random.nextDouble() * 0.35};
            if (corrected && a % 100 == 0) {
                v[9] = 4.95;
            }
            for (int i = 0; i < METRICS.length; i++) {
                long samples = 10 + random.nextInt(30);
                json.append(i == 0 ? "" : ",").append('"').append(METRICS[i]).append("\":{\"value\":")
                        .append(String.format(Locale.ROOT, v[i] == Math.rint(v[i]) ? "%.0f" : "%.4f", v[i]))
                        .append(",\"samples\":").append(samples).append('}');
            }
            json.append("}}");
        }
        return json.append("]}").toString();
    }

    static final String TEMPLATE = """
            {"code":"BENCH-15","name":"Front-line seat, 15 items","position":"seat",
             "insufficientData":{"policy":"EXCLUDE"},
             "items":[
              {"code":"calls","name":"Calls","category":"efficiency","metricCode":"calls_handled","weight":10,
               "rule":{"type":"tiered-rate","unit":"calls","maxPoints":1500,"tiers":[{"upTo":2000,"rate":0.4},
                {"upTo":2300,"rate":0.5},{"upTo":2500,"rate":0.55},{"upTo":2800,"rate":0.6},{"upTo":3000,"rate":0.65},
                {"rate":0.7}]}},
              {"code":"aht","name":"AHT","category":"efficiency","metricCode":"aht","weight":8,
               "rule":{"type":"linear","full":300,"zero":600,"unit":"s"}},
              {"code":"talk","name":"Talk time","category":"efficiency","metricCode":"avg_talk_time","weight":5,
               "rule":{"type":"linear","full":200,"zero":400,"unit":"s"}},
              {"code":"fcr","name":"FCR","category":"quality","metricCode":"fcr","weight":8,
               "rule":{"type":"target-achievement","target":0.9,"cap":1.1}},
              {"code":"repeat","name":"Repeat contacts","category":"quality","metricCode":"repeat_contact_rate",
               "weight":6,"rule":{"type":"linear","full":0.03,"zero":0.15}},
              {"code":"transfer","name":"Transfers","category":"quality","metricCode":"transfer_rate","weight":4,
               "rule":{"type":"linear","full":0.02,"zero":0.1}},
              {"code":"complaints","name":"Complaints","category":"customer","metricCode":"complaint_rate","weight":8,
               "rule":{"type":"expression","expression":"value <= 0.005 ? 100.0 : 100.0 - value * 2000.0","min":0,
                "max":100}},
              {"code":"errors","name":"Errors","category":"quality","metricCode":"error_count","weight":8,
               "rule":{"type":"lookup-table","unit":"errors","maxPoints":30,"table":[{"upTo":3,"points":30},
                {"upTo":4,"points":28},{"upTo":5,"points":27.5},{"upTo":6,"points":26.4},{"upTo":7,"points":25.8},
                {"upTo":8,"points":25.2},{"upTo":9,"points":23.7},{"upTo":10,"points":23},{"points":0}]}},
              {"code":"violations","name":"Rule violations","category":"compliance","metricCode":"rule_violations",
               "weight":5,"rule":{"type":"per-incident","max":10,"perIncident":0.5,"maxPoints":10,"unit":"violations"}},
              {"code":"csat","name":"CSAT","category":"customer","metricCode":"csat","weight":10,"minSamples":20,
               "rule":{"type":"linear","full":4.8,"zero":3.5}},
              {"code":"nps","name":"NPS","category":"customer","metricCode":"nps","weight":4,
               "rule":{"type":"linear","full":60,"zero":-10}},
              {"code":"qa","name":"QA recordings","category":"quality","metricCode":"qa_score","weight":10,"minSamples":4,
               "rule":{"type":"banded-deduction","max":30,"maxPoints":30,"unit":"QA points","bands":[
                {"atLeast":99,"deduct":0},{"atLeast":95,"deduct":3},{"atLeast":90,"deduct":6},{"atLeast":85,"deduct":10}]}},
              {"code":"sales","name":"Sales","category":"financial","metricCode":"sales_amount","weight":4,
               "rule":{"type":"tiered-rate","mode":"progressive","maxPoints":3000,"unit":"CNY","tiers":[
                {"upTo":100000,"rate":0.01},{"upTo":200000,"rate":0.015},{"rate":0.02}]}},
              {"code":"adherence","name":"Adherence","category":"compliance","metricCode":"adherence","weight":5,
               "rule":{"type":"expression","metrics":["occupancy"],
                "expression":"value >= 0.95 && occupancy >= 0.8 ? 100.0 : value * 100.0"}},
              {"code":"occupancy","name":"Occupancy","category":"efficiency","metricCode":"occupancy","weight":5,
               "rule":{"type":"linear","full":0.85,"zero":0.5}}],
             "gradeBands":[{"grade":"excellent","minScore":90},{"grade":"good","minScore":80},
              {"grade":"pass","minScore":70},{"grade":"fail","minScore":0}],
             "distribution":{"quotas":[{"grade":"excellent","share":10},{"grade":"good","share":30},
              {"grade":"pass","share":50},{"grade":"fail","share":10}]}}""";

    /** A run of the label's own template for the unit of that name. */
    static String run(String label) {
        return "{\"templateCode\":\"" + label + "\",\"unitCode\":\"" + label + "\",\"period\":\"2026-10\"}";
    }

    static String send(HttpClient http, String method, String url, String token, String body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": "
                    + (r.body().length() > 500 ? r.body().substring(0, 500) : r.body()));
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^,\"}]+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static void awaitReady(HttpClient http, String base, Process service, Path work) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("scoring-service exited; see " + work.resolve("scoring-service.log"));
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
        throw new IllegalStateException("scoring-service not ready; see " + work.resolve("scoring-service.log"));
    }

    /** An RS256 token as the local identity of the suite issues them. */
    static String token(KeyPair keys, String subject, String role, String employeeId) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"perfcenter-local\",\"aud\":\"perfcenter\",\"sub\":\"" + subject
                + "\",\"preferred_username\":\"" + subject + "\",\"groups\":[\"" + role + "\"],"
                + (employeeId == null ? "" : "\"employee_id\":\"" + employeeId + "\",") + "\"iat\":" + now
                + ",\"exp\":" + (now + 7200) + "}").getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(rsa.sign());
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%,.1f", nanos / 1e6);
    }

    static String msList(List<Long> values) {
        return String.join(", ", values.stream().map(ScoringRunBench::ms).toList());
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return String.format(Locale.ROOT, "%.0f GiB RAM",
                            Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "RAM unknown";
    }

    static String rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return String.format(Locale.ROOT, "%,d MiB", Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }

    static String serverVersion(String jdbc, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
