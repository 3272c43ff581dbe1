import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;

/**
 * Benchmark of incentive-service (prints figures; not a test). Starts the packaged service against a fresh
 * database, stands in for scoring-service and metrics-service with an in-process HTTP stub serving N agents'
 * published scorecards and metrics, and times a full run per unit: honors (4 monthly awards), the payout run
 * (performance pay by score band, basic + challenge targets, progressive commission with team fund, team reward by
 * hours, perks, honor prizes, budget scaling) and the promotion checks of every agent. JDK only:
 *
 *   java IncentiveBench.java <quarkus-run.jar> <jdbc-url> <db-user> [agents] [iterations]
 */
public class IncentiveBench {

    static final String ISSUER = "perfcenter-local";
    static final String MONTH = "2026-10";
    static final List<String> MONTHS = List.of("2026-08", "2026-09", "2026-10");

    static int agents;
    static final Map<String, byte[]> scorecards = new HashMap<>();
    static final Map<String, byte[]> aggregates = new HashMap<>();
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String base;
    static String hrToken;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        String jdbc = args[1];
        String dbUser = args[2];
        agents = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int iterations = args.length > 4 ? Integer.parseInt(args[4]) : 3;

        KeyPair keys = KeyPairGenerator.getInstance("RSA").genKeyPair();
        hrToken = token(keys, "H1", "hr");

        long t0 = System.nanoTime();
        for (int m = 0; m < MONTHS.size(); m++) {
            scorecards.put(MONTHS.get(m), scorecardsJson(MONTHS.get(m), 7 + m));
        }
        System.out.printf(Locale.ROOT, "stub data: %,d agents × %d months of scorecards (%,d bytes a month) in %d ms%n",
                agents, MONTHS.size(), scorecards.get(MONTH).length, (System.nanoTime() - t0) / 1_000_000);

        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        stub.createContext("/api/v1/scoring/scorecards", IncentiveBench::serveScorecards);
        stub.createContext("/api/v1/metrics/aggregates", IncentiveBench::serveAggregates);
        stub.createContext("/api/v1/metrics/org/my-units", ex -> send(ex, 200, "[]".getBytes()));
        // person data is the org directory's: a unit's members with positions, and each agent's hire date
        byte[] members = membersJson();
        stub.createContext("/api/v1/metrics/org/units/", ex -> send(ex, 200, members));
        stub.createContext("/api/v1/metrics/org/agents/", ex -> {
            String employee = ex.getRequestURI().getPath().substring("/api/v1/metrics/org/agents/".length());
            int i = Integer.parseInt(employee.replaceAll("[^0-9]", ""));
            send(ex, 200, ("{\"employeeId\":\"" + employee + "\",\"name\":\"" + employee + "\",\"position\":\""
                    + position(i) + "\",\"hireDate\":\"" + (2020 + i % 7) + "-0" + (1 + i % 9) + "-15\","
                    + "\"status\":\"ACTIVE\",\"unitCode\":\"BENCH\",\"leftOn\":null}").getBytes());
        });
        stub.setExecutor(Executors.newFixedThreadPool(4, task -> {
            Thread t = new Thread(task, "stub");
            t.setDaemon(true);
            return t;
        }));
        stub.start();
        String stubUrl = "http://127.0.0.1:" + stub.getAddress().getPort();

        int port = freePort();
        base = "http://127.0.0.1:" + port + "/api/v1/incentives";
        // BENCH_JAVA_OPTS: the service's JVM options (default -Xmx2g), e.g. the launcher's "-Xmx512m -XX:+UseSerialGC"
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(List.of(System.getenv().getOrDefault("BENCH_JAVA_OPTS", "-Xmx2g").trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // health and metrics answer on the management interface only, a port of its own
        int managementPort = freePort();
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
        env.put("QUARKUS_DATASOURCE_USERNAME", dbUser);
        env.put("QUARKUS_OIDC_PUBLIC_KEY", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", ISSUER);
        // the service reads scoring and metrics as itself (client/ServiceIdentity): it signs its own tokens with the
        // key pair the stub's tokens come from, as the launcher passes it; without it every read answered 503
        env.put("PERFCENTER_SERVICE_SIGNING_KEY", Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        env.put("PERFCENTER_SCORING_URL", stubUrl);
        env.put("PERFCENTER_METRICS_URL", stubUrl);
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        // one line per payout run with the time of each phase
        env.put("QUARKUS_LOG_CATEGORY__IO_PERFCENTER_INCENTIVE_RUN__LEVEL", "DEBUG");
        Path log = Files.createTempFile("incentive-bench", ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process service = pb.start();
        try {
            waitReady("http://127.0.0.1:" + managementPort + "/q/health/ready", service, log);
            setUp();
            System.out.printf(Locale.ROOT, "%nfull run = honors (4 awards) + payout run + promotion checks, %,d agents "
                    + "per unit, scorecards and metrics fetched from the stub each time%n", agents);
            System.out.println("warm-up: 2 runs on units WARM-1, WARM-2");
            for (int i = 1; i <= 2; i++) {
                fullRun("WARM-" + i, false);
            }
            List<long[]> measured = new ArrayList<>();
            for (int i = 1; i <= iterations; i++) {
                measured.add(fullRun("BENCH-" + i, true));
            }
            // each measured run approved, then its payroll CSV exported; the hashes cover every statement and line
            // (ids, amounts, explanations, sources) and the whole file, to compare before and after a change
            System.out.println();
            for (int i = 1; i <= iterations; i++) {
                approveAndExport(runIds.get(i - 1), "BENCH-" + i);
            }
            long[] totals = measured.stream().mapToLong(r -> r[3]).sorted().toArray();
            long median = totals[totals.length / 2];
            System.out.printf(Locale.ROOT, "%nfull run: best %,d ms, median %,d ms → %,.0f agents/s (median); "
                            + "target ≤ 3,000 ms for 10,000 agents%n", totals[0], median,
                    agents * 1000.0 / median);
            System.out.println("memory: " + memory(service.pid(), managementPort));
            System.out.println("\npayout run phases, as the service logs them:");
            for (String line : Files.readAllLines(log)) {
                if (line.contains("BENCH-") || line.contains("compose ")) {
                    System.out.println("  " + line.replaceAll("^.*?\\[req=[^]]*] +", ""));
                }
            }
        } finally {
            service.destroy();
            service.waitFor();
            stub.stop(0);
        }
    }

    /** One unit's honors, payout run and promotion checks; returns the latencies in ms and their sum. */
    static long[] fullRun(String unit, boolean print) throws Exception {
        long a = System.nanoTime();
        Response honors = post("/honors/runs", "{\"period\":\"" + MONTH + "\",\"unitCode\":\"" + unit + "\"}");
        long b = System.nanoTime();
        Response run = post("/runs", "{\"planCode\":\"" + plan(unit) + "\",\"period\":\"" + MONTH + "\",\"unitCode\":\""
                + unit + "\"}");
        long c = System.nanoTime();
        Response checks = post("/promotion/checks", "{\"ladderCode\":\"CAREER\",\"unitCode\":\"" + unit
                + "\",\"asOf\":\"" + MONTH + "\"}");
        long d = System.nanoTime();
        expect(honors, 201);
        expect(run, 201);
        expect(checks, 200);
        long[] ms = {(b - a) / 1_000_000, (c - b) / 1_000_000, (d - c) / 1_000_000, (d - a) / 1_000_000};
        if (print) {
            runIds.add(Long.parseLong(field(run.body, "\"id\"").replaceAll("[^0-9]", "")));
            System.out.printf(Locale.ROOT, "%s: honors %,d ms (%,d B) + payout run %,d ms (%,d B, %s) + promotion "
                            + "checks %,d ms (%,d B, %s) = %,d ms; statements sha256 %s%n", unit, ms[0], honors.bytes,
                    ms[1], run.bytes, field(run.body, "\"totalAmount\""), ms[2], checks.bytes, field(checks.body, "\"eligibleCount\""),
                    ms[3], sha256(statementsOf(run.body)));
        }
        return ms;
    }

    /** The ids of the measured runs, in order. */
    static final List<Long> runIds = new ArrayList<>();

    static void approveAndExport(long id, String unit) throws Exception {
        long a = System.nanoTime();
        Response approved = post("/runs/" + id + "/approve", "");
        long b = System.nanoTime();
        Response csv = call(HttpRequest.newBuilder(URI.create(base + "/runs/" + id + "/export?format=csv")).GET());
        long c = System.nanoTime();
        expect(approved, 200);
        expect(csv, 200);
        System.out.printf(Locale.ROOT, "%s: approve %,d ms (%,d B, statements sha256 %s) + payroll CSV %,d ms (%,d B, "
                        + "%d rows, sha256 %s)%n", unit, (b - a) / 1_000_000, approved.bytes,
                sha256(statementsOf(approved.body)), (c - b) / 1_000_000, csv.bytes, csv.body.lines().count() - 1,
                sha256(csv.body));
    }

    /** The answer from its statements on: what a run computed, without its timestamps. */
    static String statementsOf(String run) {
        int at = run.indexOf("\"statements\"");
        return at < 0 ? run : run.substring(at);
    }

    static String sha256(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest).substring(0, 16);
    }

    /** The plan of a unit's runs. */
    static String plan(String unit) {
        return "BENCH-PLAN-" + unit;
    }

    static String position(int i) {
        return i % 10 == 0 ? "expert-seat" : "seat";
    }

    /** Every agent as a member (metrics-service's Member shape), whatever unit is asked for. */
    static byte[] membersJson() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= agents; i++) {
            json.append(i > 1 ? "," : "").append("{\"employeeId\":\"").append(id(i)).append("\",\"name\":\"")
                    .append(id(i)).append("\",\"position\":\"").append(position(i))
                    .append("\",\"unitCode\":\"BENCH\",\"from\":\"2020-01-01\",\"to\":null}");
        }
        return json.append("]").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static void setUp() throws Exception {
        StringBuilder salaries = new StringBuilder("[");
        for (int i = 1; i <= agents; i++) {
            salaries.append(i > 1 ? "," : "").append("{\"employeeId\":\"").append(id(i))
                    .append("\",\"monthlySalary\":\"").append(5000 + (i % 40) * 100).append(".00\",\"currency\":\"CNY\"")
                    .append(",\"effectiveFrom\":\"2020-01-01\"}");
        }
        long t = System.nanoTime();
        expect(put("/salaries", salaries.append("]").toString()), 200);
        System.out.printf(Locale.ROOT, "set-up: %,d salaries uploaded in %d ms%n", agents, (System.nanoTime() - t) / 1_000_000);
        StringBuilder budgets = new StringBuilder("[");
        for (String unit : List.of("WARM-1", "WARM-2", "BENCH-1", "BENCH-2", "BENCH-3", "BENCH-4", "BENCH-5")) {
            budgets.append(budgets.length() > 1 ? "," : "").append("{\"unitCode\":\"").append(unit)
                    .append("\",\"period\":\"").append(MONTH).append("\",\"amount\":\"").append(agents * 6000L)
                    .append(".00\",\"currency\":\"CNY\"}");
        }
        expect(put("/budgets", budgets.append("]").toString()), 200);
        // one plan per unit: the stub lists the same agents in every unit, and an employee is paid once per period
        // and plan (the first unit's run would leave every later unit's agents out, paid elsewhere)
        for (String unit : List.of("WARM-1", "WARM-2", "BENCH-1", "BENCH-2", "BENCH-3", "BENCH-4", "BENCH-5")) {
            expect(post("/plans", """
                {"code":"%s","name":"Benchmark plan","currency":"CNY","performancePayShare":0.30,
                 "scoreBands":[{"range":"(95,100]","coefficient":1.1,"label":"A"},{"range":"(90,95]","coefficient":1.0,"label":"B"},
                               {"range":"(80,90]","coefficient":0.9,"label":"C"},{"range":"(,80]","coefficient":0.5,"label":"D"}],
                 "targets":{"measure":"fcr","basic":{"threshold":0.75,"amount":500},"challenge":{"threshold":0.85,"amount":300},
                            "positionWeights":{"expert-seat":1.2}},
                 "commission":{"mode":"PROGRESSIVE","brackets":[{"upTo":100000,"rate":0.01},{"upTo":200000,"rate":0.015,"teamFund":200},
                               {"rate":0.02,"teamFund":300}]},
                 "teamReward":{"measure":"csat","target":4.0,"pool":200000,"split":"BY_HOURS","hoursMeasure":"login_hours","includeTeamFund":true},
                 "perks":[{"code":"FLEX-SHIFTS","name":"self-chosen shifts","quantity":2,"unit":"a month","when":{"rankAtMost":100,"grades":["excellent"]}},
                          {"code":"REMOTE-DAYS","name":"remote days","quantity":3,"unit":"a month","when":{"rankAtMost":50,"scoreAtLeast":95,"match":"ALL"}}],
                 "honorPrizes":{"SERVICE-STAR":500,"EFFICIENCY-PIONEER":500,"REPUTATION-AMBASSADOR":300,"KNOWLEDGE-STAR":0},
                 "overBudget":{"policy":"SCALE"}}""".formatted(plan(unit))), 201);
        }
        for (String award : List.of(
                "{\"code\":\"SERVICE-STAR\",\"name\":\"Service Star\",\"cadence\":\"MONTHLY\",\"rankBy\":{\"measure\":\"csat\"},"
                        + "\"eligibility\":[{\"measure\":\"calls_handled\",\"atLeast\":1500},{\"measure\":\"upheld_complaints\","
                        + "\"atMost\":0,\"whenMissing\":\"ELIGIBLE\"}],\"excludedGrades\":[\"fail\"],\"winners\":3,"
                        + "\"tieBreakers\":[{\"measure\":\"fcr\"},{\"measure\":\"aht\",\"direction\":\"LOWER\"}]}",
                "{\"code\":\"EFFICIENCY-PIONEER\",\"name\":\"Efficiency Pioneer\",\"cadence\":\"MONTHLY\",\"rankBy\":"
                        + "{\"measure\":\"aht\",\"direction\":\"LOWER\"},\"eligibility\":[{\"measure\":\"calls_handled\","
                        + "\"atLeast\":1500}],\"excludedGrades\":[\"fail\"],\"winners\":3,\"tieBreakers\":[{\"measure\":\"fcr\"}]}",
                "{\"code\":\"REPUTATION-AMBASSADOR\",\"name\":\"Reputation Ambassador\",\"cadence\":\"MONTHLY\",\"rankBy\":"
                        + "{\"measure\":\"nps\"},\"excludedGrades\":[\"fail\"],\"winners\":3,\"tieBreakers\":[{\"measure\":\"csat\"}]}",
                "{\"code\":\"KNOWLEDGE-STAR\",\"name\":\"Knowledge Star\",\"cadence\":\"MONTHLY\",\"rankBy\":"
                        + "{\"measure\":\"knowledge_contributions\"},\"winners\":3,\"tieBreakers\":[{\"measure\":\"score\"}]}")) {
            expect(post("/honors/awards", award), 201);
        }
        expect(post("/promotion/ladders", """
                {"code":"CAREER","name":"Front-line career path","positions":["seat","expert-seat","group-lead","qa-specialist","operations-manager"],
                 "steps":[{"from":"seat","to":"expert-seat","rules":[{"type":"consecutiveGrades","periods":3,"grades":["good","excellent"]},
                             {"type":"tenure","months":12},{"type":"metric","measure":"mentoring_pass_rate","atLeast":0.9,"periods":3},
                             {"type":"metric","measure":"suggestions_adopted","atLeast":2,"periods":6},
                             {"type":"metric","label":"no disciplinary deductions","measure":"rule_violations","atMost":0,"periods":6,"passWhenMissing":true}]},
                          {"from":"expert-seat","to":"group-lead","rules":[{"type":"consecutiveGrades","periods":3,"grades":["excellent"]},
                             {"type":"tenure","months":24}]},
                          {"from":"group-lead","to":"qa-specialist","rules":[{"type":"tenure","months":36}]},
                          {"from":"qa-specialist","to":"operations-manager","rules":[{"type":"tenure","months":48}]}]}"""), 201);
    }

    // ---- the stub of scoring-service and metrics-service ----

    static String id(int i) {
        return String.format(Locale.ROOT, "E%05d", i);
    }

    static byte[] scorecardsJson(String period, long seed) {
        Random r = new Random(seed);
        double[] totals = new double[agents + 1];
        Integer[] order = new Integer[agents];
        for (int i = 1; i <= agents; i++) {
            totals[i] = Math.round((60 + r.nextDouble() * 40) * 100) / 100.0;
            order[i - 1] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(totals[y], totals[x]));
        int[] rank = new int[agents + 1];
        for (int k = 0; k < agents; k++) {
            rank[order[k]] = k + 1;
        }
        StringBuilder json = new StringBuilder(agents * 700).append('[');
        for (int i = 1; i <= agents; i++) {
            double t = totals[i];
            String grade = t >= 90 ? "excellent" : t >= 80 ? "good" : t >= 70 ? "pass" : "fail";
            json.append(i > 1 ? "," : "").append("{\"id\":").append(seed * 100_000 + i).append(",\"runId\":").append(seed)
                    .append(",\"employeeId\":\"").append(id(i)).append("\",\"unitCode\":\"BENCH\",\"period\":\"")
                    .append(period).append("\",\"templateCode\":\"SEAT\",\"templateVersion\":1,\"total\":").append(t)
                    .append(",\"grade\":\"").append(grade).append("\",\"rank\":").append(rank[i])
                    .append(",\"status\":\"PUBLISHED\",\"items\":[");
            item(json, "csat", String.format(Locale.ROOT, "%.2f", 3.5 + r.nextDouble() * 1.5), true);
            item(json, "fcr", String.format(Locale.ROOT, "%.3f", 0.6 + r.nextDouble() * 0.35), false);
            item(json, "aht", Integer.toString(240 + r.nextInt(200)), false);
            item(json, "calls_handled", Integer.toString(1200 + r.nextInt(1800)), false);
            json.append("]}");
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    static void item(StringBuilder json, String metric, String value, boolean first) {
        json.append(first ? "" : ",").append("{\"itemCode\":\"").append(metric).append("\",\"metricCode\":\"")
                .append(metric).append("\",\"value\":").append(value).append(",\"points\":25,\"weight\":25,")
                .append("\"weightedPoints\":6.25,\"explanation\":\"").append(metric).append(' ').append(value)
                .append(" → 25 points\",\"insufficientData\":false}");
    }

    static byte[] aggregatesJson(String from, String to) {
        Random r = new Random(from.hashCode() * 31L + to.hashCode());
        StringBuilder json = new StringBuilder(agents * 300).append("{\"unitCode\":\"BENCH\",\"from\":\"").append(from)
                .append("\",\"to\":\"").append(to).append("\",\"metrics\":[],\"agents\":[");
        for (int i = 1; i <= agents; i++) {
            json.append(i > 1 ? "," : "").append("{\"employeeId\":\"").append(id(i)).append("\",\"values\":{");
            value(json, "sales_amount", Integer.toString(20_000 + r.nextInt(280_000)), true);
            value(json, "login_hours", Integer.toString(120 + r.nextInt(60)), false);
            value(json, "nps", Integer.toString(r.nextInt(100)), false);
            value(json, "knowledge_contributions", Integer.toString(r.nextInt(20)), false);
            value(json, "mentoring_pass_rate", String.format(Locale.ROOT, "%.2f", 0.7 + r.nextDouble() * 0.3), false);
            value(json, "suggestions_adopted", Integer.toString(r.nextInt(5)), false);
            if (r.nextInt(20) == 0) {
                value(json, "rule_violations", "1", false);
                value(json, "upheld_complaints", "1", false);
            }
            json.append("}}");
        }
        return json.append("],\"unitTotal\":{\"csat\":{\"value\":4.31,\"samples\":250000}}}")
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    static void value(StringBuilder json, String metric, String value, boolean first) {
        json.append(first ? "" : ",").append('"').append(metric).append("\":{\"value\":").append(value)
                .append(",\"samples\":20}");
    }

    static void serveScorecards(HttpExchange ex) throws IOException {
        byte[] body = scorecards.get(query(ex).get("period"));
        send(ex, 200, body == null ? "[]".getBytes() : body);
    }

    static void serveAggregates(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex);
        byte[] body;
        synchronized (aggregates) {
            body = aggregates.computeIfAbsent(q.get("from") + "|" + q.get("to"),
                    k -> aggregatesJson(q.get("from"), q.get("to")));
        }
        send(ex, 200, body);
    }

    static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.putIfAbsent(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    // ---- HTTP to the service, tokens, process ----

    record Response(int status, String body, long bytes) {
    }

    static Response post(String path, String json) throws Exception {
        return call(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Response put(String path, String json) throws Exception {
        return call(HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Response call(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + hrToken)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), r.body().length());
    }

    static void expect(Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("expected HTTP " + status + " but got " + r.status() + ": "
                    + r.body().substring(0, Math.min(600, r.body().length())));
        }
    }

    /** The value after the first occurrence of a JSON key, for printing. */
    static String field(String json, String key) {
        int at = json.indexOf(key);
        if (at < 0) {
            return "?";
        }
        int start = at + key.length() + 1;
        int end = start;
        while (end < json.length() && ",}".indexOf(json.charAt(end)) < 0) {
            end++;
        }
        return key.replace("\"", "") + " " + json.substring(start, end).trim();
    }

    static String token(KeyPair keys, String employee, String role) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"aud\":\"perfcenter\",\"sub\":\"" + employee
                + "\",\"preferred_username\":\"" + employee + "\",\"groups\":[\"" + role + "\"],\"employee_id\":\""
                + employee + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(rsa.sign());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void waitReady(String url, Process service, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + Long.getLong("bench.ready-seconds", 300) * 1000;
        long t = System.nanoTime();
        while (System.currentTimeMillis() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("incentive-service stopped; log:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    System.out.printf(Locale.ROOT, "incentive-service ready in %d ms (pid %d)%n",
                            (System.nanoTime() - t) / 1_000_000, service.pid());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("incentive-service not ready in " + Long.getLong("bench.ready-seconds", 300) + " s; log:\n" + Files.readString(log));
    }

    /** Peak resident memory of the service process and its JVM heap in use, from /proc and Micrometer. */
    static String memory(long pid, int port) throws Exception {
        String peak = "?";
        String rss = "?";
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                peak = line.substring(6).trim();
            } else if (line.startsWith("VmRSS:")) {
                rss = line.substring(6).trim();
            }
        }
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double heap = 0;
        double max = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
                heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                max = Math.max(max, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return String.format(Locale.ROOT, "service process peak RSS %s (now %s); JVM heap in use %.0f MB, live data "
                + "after the last GC %.0f MB (-Xmx2g)", peak, rss, heap / 1e6, max / 1e6);
    }
}
