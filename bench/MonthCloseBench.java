import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfcenter.support.LocalIdentity;
import io.perfcenter.support.PostgresServer;
import io.perfcenter.support.Suite;
import org.postgresql.PGConnection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * The month close of a whole center, end to end, on the real packaged suite (a program that prints figures, not a
 * test). For each scale asked for:
 * <ol>
 *   <li>starts the four packaged services as the launcher does ({@link Suite}, the launcher's JVM settings) on free
 *   ports, against a fresh database {@code pc_bench_month_<id>} and an in-memory key pair;</li>
 *   <li>org: a center, teams and groups, then the agents, through the public bulk sync (via the gateway);</li>
 *   <li>one month of raw activity as NDJSON through the public bulk endpoints: calls, surveys, QA evaluations,
 *   incidents, sales;</li>
 *   <li>a template, salaries and a plan (as the demo data set does);</li>
 *   <li>one scoring run for the whole center (every group below it), publish, lock; one pay run for the center,
 *   approve, payroll CSV export; one agent's month aggregates (p50/p99);</li>
 *   <li>prints each stage's wall time, throughput, the suite's RSS (sum over the four service processes, sampled
 *   from /proc) and the floor measured in the same run: raw COPY of the same rows into a scratch table with the
 *   same keys and indexes, and the same month aggregates as one SQL query.</li>
 * </ol>
 * With several scales, prints how each stage grows. Run through bench/month-close.sh (builds, class path).
 */
public class MonthCloseBench {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
    static final ZoneId CENTER_ZONE = ZoneId.of("Asia/Shanghai");
    static final String[] KINDS = {"calls", "surveys", "qa-evaluations", "incidents", "sales"};
    /** Records of each kind at 1×. */
    static final Map<String, Integer> BASE = Map.of("calls", 1_000_000, "surveys", 200_000, "qa-evaluations", 30_000,
            "incidents", 20_000, "sales", 50_000);
    static final Map<String, String> TABLE = Map.of("calls", "call_record", "surveys", "survey_record",
            "qa-evaluations", "qa_evaluation", "incidents", "incident_record", "sales", "sale_record");
    static final Map<String, String> COPY_COLUMNS = Map.of(
            "calls", "source_system, external_id, revision, employee_id, activity_date, started_at, talk_seconds, "
                    + "hold_seconds, wrap_seconds, direction, channel, resolved_first_contact, transferred, repeat_contact",
            "surveys", "source_system, external_id, revision, employee_id, activity_date, answered_at, csat, nps, solicited",
            "qa-evaluations", "source_system, external_id, revision, employee_id, activity_date, evaluator_id, score",
            "incidents", "source_system, external_id, revision, employee_id, activity_date, occurred_at, kind, note",
            "sales", "source_system, external_id, revision, employee_id, activity_date, sold_at, amount, currency");

    /**
     * One timed stage: what, how many items, wall time, the suite's peak RSS, and its floor where there is one:
     * {@code floorSeconds} is the database work the stage cannot avoid (its inputs read once as one SQL query, its
     * outputs written once by COPY or one UPDATE); {@code earlierFloorSeconds} is the part of it the bench measured
     * before 2 December 2026 (raw records' and agents' COPY, the aggregates query), printed for comparison.
     */
    record Stage(String name, long items, String unit, double seconds, long rssMb, String floorName,
                 double floorSeconds, double earlierFloorSeconds, String note, boolean relay) {
    }

    record Options(List<Double> scales, int agents, int groups, String gatewayTimeout, boolean keepLogs,
                   Suite.Jit jit) {
        static Options parse(String[] args) {
            List<Double> scales = List.of(1.0);
            Suite.Jit jit = Suite.Jit.PRODUCTION;
            int agents = 10_000;
            int groups = 500;
            String timeout = "600s";
            boolean keep = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--scale" -> scales = List.of(Double.parseDouble(args[++i]));
                    case "--scales" -> scales = Arrays.stream(args[++i].split(",")).map(Double::parseDouble).toList();
                    case "--agents" -> agents = Integer.parseInt(args[++i]);
                    case "--groups" -> groups = Integer.parseInt(args[++i]);
                    case "--gateway-timeout" -> timeout = args[++i];
                    case "--keep-logs" -> keep = true;
                    case "--jit" -> jit = switch (args[++i]) {
                        case "production" -> Suite.Jit.PRODUCTION;
                        case "fast-start" -> Suite.Jit.FAST_START;
                        default -> throw new IllegalArgumentException("--jit is production or fast-start\n" + USAGE);
                    };
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
                }
            }
            if (groups < 1 || agents < groups) {
                throw new IllegalArgumentException("--agents must be at least --groups (≥ 1)");
            }
            return new Options(scales, agents, groups, timeout, keep, jit);
        }
    }

    static final String USAGE = """
            Usage: bench/month-close.sh [--scale X | --scales X,Y,…] [--agents N] [--groups G]
                                        [--gateway-timeout 600s] [--keep-logs] [--jit production|fast-start]
              --scale X          records × X (1× = 1,000,000 calls, 200,000 surveys, 30,000 QA evaluations,
                                 20,000 incidents, 50,000 sales); default 1
              --scales 1,2,5     one month close per scale, each on a fresh suite and database, then the growth
              --agents N         agents in the center (default 10000), not scaled
              --groups G         groups (default 500), 20 groups a team
              --gateway-timeout  the gateway's upstream timeout (shipped: 30s; raised so a slow stage is measured,
                                 not cut)
              --keep-logs        keep the services' logs (they are kept anyway when a stage fails)
              --jit              production (default, as ./perfcenter starts the services: C1, then C2) or fast-start
                                 (C1 only, as ./perfcenter --fast-start and the tests' suites)
            Environment: PERFCENTER_DB_URL/_USER/_PASSWORD name the PostgreSQL (default 127.0.0.1:5432, postgres).""";

    static final Object CLEANUP_LOCK = new Object();
    static Runnable cleanup = () -> { };

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Runtime.getRuntime().addShutdownHook(new Thread(MonthCloseBench::runCleanup));
        int status = 0;
        Map<Double, List<Stage>> results = new LinkedHashMap<>();
        try {
            for (double scale : options.scales()) {
                try {
                    results.put(scale, new MonthCloseBench(options, scale).run());
                } finally {
                    runCleanup();
                }
            }
        } catch (Exception e) {
            System.out.println("\nFAILED: " + e.getMessage());
            status = 1;
        } finally {
            runCleanup();
        }
        if (results.size() > 1) {
            printGrowth(results);
        }
        System.exit(status);
    }

    static void runCleanup() {
        synchronized (CLEANUP_LOCK) {
            Runnable r = cleanup;
            cleanup = () -> { };
            r.run();
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    final Options options;
    final double scale;
    final YearMonth month = YearMonth.now(CENTER_ZONE).minusMonths(1);
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final List<Stage> stages = new ArrayList<>();
    final RssWatch rss = new RssWatch();
    PostgresServer db;
    String database;
    Suite suite;
    String gateway;
    String hr;
    String integration;
    Path work;
    /** The center's scoring run, which the pay run reads (its floor reads the same scorecards). */
    long scoringRun;

    MonthCloseBench(Options options, double scale) {
        this.options = options;
        this.scale = scale;
    }

    int records(String kind) {
        return (int) Math.max(1, Math.round(BASE.get(kind) * scale));
    }

    List<Stage> run() throws Exception {
        work = Files.createTempDirectory("pc-bench-month-");
        database = "pc_bench_month_" + Long.toHexString(System.nanoTime());
        db = PostgresServer.forTests();
        boolean[] failed = {false};
        synchronized (CLEANUP_LOCK) {
            cleanup = () -> stopEverything(failed[0]);
        }
        System.out.printf("%n=== PerfCenter month close, scale %s×: %,d agents in %,d groups, month %s ===%n",
                fmt(scale), options.agents(), options.groups(), month);
        System.out.printf("machine: %d cores, %s, load average %s; %s; database %s%n",
                Runtime.getRuntime().availableProcessors(), memTotal(), loadAverage(), db.description(), database);
        try {
            long t0 = System.nanoTime();
            LocalIdentity identity = LocalIdentity.generated();
            suite = Suite.start(Suite.findRoot(), db, database, identity, Suite.Ports.free(), work.resolve("logs"),
                    Map.of("PERFCENTER_TIME_ZONE", CENTER_ZONE.getId(),
                            "PERFCENTER_GATEWAY_TIMEOUT", options.gatewayTimeout()), options.jit());
            gateway = suite.gatewayUrl();
            hr = identity.token("bench-hr", "BENCH-HR", List.of("hr"), Duration.ofHours(6));
            integration = identity.token("bench-crm", null, List.of("records-writer"), Duration.ofHours(6));
            rss.start();
            System.out.printf("suite started in %.1f s on %s (launcher JVM settings, JIT %s), RSS %,d MB (%s), logs %s%n",
                    seconds(t0), gateway, options.jit(), rss.current() >> 10, rss.perService(), work.resolve("logs"));

            // the job scans every agent's month a minute after the start, then every 6 hours: waited for here, on
            // an empty center, so that it does not overlap one stage in one run and another in the next
            awaitFirstAnomalyScan();
            organisation();
            for (String kind : KINDS) {
                ingest(kind);
            }
            setup();
            scoring();
            pay();
            singleAgentReads();
            print();
            return stages;
        } catch (Exception | Error e) {
            failed[0] = true;
            if (!stages.isEmpty()) {
                print();
            }
            System.out.println("The stage after the last one printed failed; services' logs kept in "
                    + work.resolve("logs"));
            throw e;
        }
    }

    void stopEverything(boolean failed) {
        rss.stopWatching();
        if (suite != null) {
            suite.close();
        }
        if (db != null) {
            try {
                db.dropDatabase(database);
            } catch (RuntimeException e) {
                System.out.println("Could not drop " + database + ": " + e.getMessage());
            }
            db.close();
        }
        if (work != null) {
            try (var files = Files.walk(work)) {
                boolean keepLogs = failed || options.keepLogs();
                files.sorted(Comparator.reverseOrder())
                        .filter(p -> !(keepLogs && (p.startsWith(work.resolve("logs")) || p.equals(work))))
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // temporary files only
            }
        }
    }

    // --- stages -------------------------------------------------------------------------------------------------

    void organisation() throws Exception {
        int teams = (options.groups() + 19) / 20;
        StringBuilder units = new StringBuilder("[{\"code\":\"BC\",\"name\":\"Bench center\",\"kind\":\"CENTER\"}");
        for (int t = 0; t < teams; t++) {
            units.append(",{\"code\":\"BT").append(t).append("\",\"name\":\"Team ").append(t)
                    .append("\",\"kind\":\"TEAM\",\"parentCode\":\"BC\"}");
        }
        for (int g = 0; g < options.groups(); g++) {
            units.append(",{\"code\":\"BG").append(g).append("\",\"name\":\"Group ").append(g)
                    .append("\",\"kind\":\"GROUP\",\"parentCode\":\"BT").append(g / 20).append("\"}");
        }
        String memberFrom = month.minusYears(1).atDay(1).toString();
        List<String> agentChunks = new ArrayList<>();
        StringBuilder copy = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        for (int a = 0; a < options.agents(); a++) {
            // the org syncs take up to 16 MB (perfcenter.metrics.limits.values-body), about 100,000 agents: 50,000 rows
            // a request (10,000 agents: one request)
            if (a % 50_000 == 0 && a > 0) {
                agentChunks.add(chunk.append(']').toString());
                chunk = new StringBuilder();
            }
            chunk.append(chunk.length() == 0 ? "[" : ",").append("{\"employeeId\":\"").append(agent(a))
                    .append("\",\"name\":\"Agent ").append(a).append("\",\"position\":\"seat\",\"hireDate\":\"")
                    .append(memberFrom).append("\",\"unitCode\":\"BG").append(a % options.groups())
                    .append("\",\"memberFrom\":\"").append(memberFrom).append("\"}");
            copy.append(agent(a)).append("\tAgent ").append(a).append("\tseat\t").append(memberFrom).append('\n');
        }
        agentChunks.add(chunk.append(']').toString());

        double floor = floorCopy("agent", "employee_id, name, position, hire_date",
                new java.io.ByteArrayInputStream(copy.toString().getBytes(StandardCharsets.UTF_8)));
        begin();
        long t0 = System.nanoTime();
        send("POST", "/api/v1/metrics/org/units/bulk", hr, "application/json", units.append(']').toString(), 200);
        double unitSeconds = seconds(t0);
        for (String body : agentChunks) {
            send("POST", "/api/v1/metrics/org/agents/bulk", hr, "application/json", body, 200);
        }
        Mark wall = end(t0);
        double unitFloor = floorWrite("metrics.org_unit", "true") + floorWrite("metrics.membership", "true");
        stage("org sync (units + agents)", options.agents(), "agents", wall, "COPY agents, units, memberships",
                floor + unitFloor, floor, String.format(Locale.ROOT, "%d units %.2f s, agents in %d requests %.2f s",
                        teams + options.groups() + 1, unitSeconds, agentChunks.size(), wall.seconds() - unitSeconds));
    }

    void ingest(String kind) throws Exception {
        int n = records(kind);
        Path ndjson = work.resolve(kind + ".ndjson");
        Path copyText = work.resolve(kind + ".copy");
        generate(kind, n, ndjson, copyText);
        double floor;
        try (InputStream in = Files.newInputStream(copyText)) {
            floor = floorCopy(TABLE.get(kind), COPY_COLUMNS.get(kind), in);
        }
        double stored = copyAsStored(TABLE.get(kind), COPY_COLUMNS.get(kind), copyText);
        Files.delete(copyText);
        begin();
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(request("/api/v1/metrics/records/" + kind, integration)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
        check(r, "POST /api/v1/metrics/records/" + kind, 200);
        JsonNode report = JSON.readTree(r.body());
        stage("ingest " + kind + " (NDJSON)", n, "records", end(t0), "COPY same rows", floor, floor,
                "accepted " + report.path("accepted").asLong() + ", rejected " + report.path("rejected").asLong()
                        + ", " + (Files.size(ndjson) >> 20) + " MB; COPY as the service stores them (key table + "
                        + String.format(Locale.ROOT, "month table) %.2f s", stored));
        Files.delete(ndjson);
        if (report.path("accepted").asLong() != n) {
            throw new IllegalStateException(kind + ": " + n + " sent, report " + r.body());
        }
    }

    void setup() throws Exception {
        double callsPerAgent = (double) records("calls") / options.agents();
        double salesPerAgent = (double) records("sales") / options.agents() * 5000;
        String template = """
                {"code":"BENCH-SEAT","name":"Bench seat","position":"seat","items":[
                 {"code":"volume","name":"Calls","category":"results","metricCode":"calls_handled","weight":30,
                  "rule":{"type":"linear","full":%s,"zero":0}},
                 {"code":"aht","name":"AHT","category":"efficiency","metricCode":"aht","weight":20,
                  "rule":{"type":"linear","full":300,"zero":900,"unit":"s"}},
                 {"code":"csat","name":"CSAT","category":"customer","metricCode":"csat","weight":20,
                  "rule":{"type":"linear","full":5,"zero":1}},
                 {"code":"qa","name":"QA","category":"quality","metricCode":"qa_score","weight":15,
                  "rule":{"type":"linear","full":100,"zero":0}},
                 {"code":"errors","name":"Errors","category":"quality","metricCode":"error_count","weight":10,
                  "rule":{"type":"per-incident","max":100,"perIncident":25}},
                 {"code":"sales","name":"Sales","category":"results","metricCode":"sales_amount","weight":5,
                  "rule":{"type":"linear","full":%s,"zero":0}}],
                 "gradeBands":[{"grade":"excellent","minScore":90},{"grade":"good","minScore":80},
                  {"grade":"pass","minScore":60},{"grade":"fail","minScore":0}]}"""
                .formatted(Math.max(1, Math.round(callsPerAgent * 1.2)), Math.max(1, Math.round(salesPerAgent * 1.5)));
        String plan = """
                {"code":"BENCH-PERF","name":"Monthly performance pay","currency":"CNY","performancePayShare":0.30,
                 "gradeCoefficients":{"excellent":1.1,"good":1.0,"pass":0.8,"fail":0}}""";
        begin();
        long t0 = System.nanoTime();
        send("POST", "/api/v1/scoring/templates", hr, "application/json", template, 201);
        int chunks = 0;
        for (int from = 0; from < options.agents(); from += 5000) {
            StringBuilder salaries = new StringBuilder("[");
            for (int a = from; a < Math.min(options.agents(), from + 5000); a++) {
                salaries.append(a == from ? "" : ",").append("{\"employeeId\":\"").append(agent(a))
                        .append("\",\"monthlySalary\":").append(6000 + (a % 40) * 100)
                        .append(",\"currency\":\"CNY\",\"effectiveFrom\":\"2024-01-01\"}");
            }
            send("PUT", "/api/v1/incentives/salaries", hr, "application/json", salaries.append(']').toString(), 200);
            chunks++;
        }
        send("POST", "/api/v1/incentives/plans", hr, "application/json", plan, 201);
        Mark wall = end(t0);
        stage("template, salaries, plan", options.agents(), "salaries", wall, "COPY salaries",
                floorWrite("incentive.salary_rate", "true"), 0, chunks + " salary requests");
    }

    void scoring() throws Exception {
        double floor = floorAggregates();
        begin();
        long t0 = System.nanoTime();
        // the close needs the run, not its 10,000 scorecards echoed back: answered without them, as the API offers
        // for large units; how many it scored is the run list's count
        JsonNode run = JSON.readTree(send("POST", "/api/v1/scoring/runs?scorecards=false", hr, "application/json",
                "{\"templateCode\":\"BENCH-SEAT\",\"unitCode\":\"BC\",\"period\":\"" + month + "\"}", 201));
        long id = run.path("id").asLong();
        int cards = 0;
        for (JsonNode r : JSON.readTree(send("GET", "/api/v1/scoring/runs?unit=BC&templateCode=BENCH-SEAT&period="
                + month, hr, null, null, 200))) {
            if (r.path("id").asLong() == id) {
                cards = r.path("scorecardCount").asInt();
            }
        }
        Mark wall = end(t0);
        String ofRun = "scorecard_id IN (SELECT id FROM scoring.scorecard WHERE run_id = " + id + ")";
        double written = floorWrite("scoring.scorecard", "run_id = " + id) + floorWrite("scoring.scorecard_item", ofRun)
                + floorWrite("scoring.scorecard_input", ofRun);
        stage("scoring run, whole center", cards, "scorecards", wall, "aggregates as 1 SQL query + COPY scorecards",
                floor + written, floor, "run " + id + ", " + run.path("skipped").size() + " skipped, inputs "
                        + run.path("inputsHash").asText().substring(0, 12));
        if (cards != options.agents()) {
            throw new IllegalStateException("scoring run: " + cards + " scorecards for " + options.agents() + " agents");
        }
        Events before = events();
        begin();
        t0 = System.nanoTime();
        // as the run: the step's answer without the 10,000 scorecards (?scorecards=false), which the close reads later
        send("POST", "/api/v1/scoring/runs/" + id + "/publish?scorecards=false", hr, "application/json", null, 200);
        wall = end(t0);
        Stage relay = relayed("publish", before);
        stage("publish scorecards", cards, "scorecards", wall, "1 UPDATE + COPY events",
                floorUpdate("scoring.scorecard", "run_id = " + id, "status = 'PUBLISHED'")
                        + floorWrite("scoring.outbox_event", "seq > " + before.scoringSeq()), 0, "");
        add(relay);
        before = events();
        begin();
        t0 = System.nanoTime();
        send("POST", "/api/v1/scoring/runs/" + id + "/lock?scorecards=false", hr, "application/json", null, 200);
        wall = end(t0);
        relay = relayed("lock", before);
        stage("lock scorecards", cards, "scorecards", wall, "COPY events",
                floorWrite("scoring.outbox_event", "seq > " + before.scoringSeq()), 0, "");
        add(relay);
        scoringRun = id;
    }

    void pay() throws Exception {
        begin();
        long t0 = System.nanoTime();
        JsonNode run = JSON.readTree(send("POST", "/api/v1/incentives/runs", hr, "application/json",
                "{\"planCode\":\"BENCH-PERF\",\"period\":\"" + month + "\",\"unitCode\":\"BC\"}", 201));
        long id = run.path("id").asLong();
        int statements = run.path("statements").size();
        Mark wall = end(t0);
        String ofRun = "statement_id IN (SELECT id FROM incentive.payout_statement WHERE run_id = " + id + ")";
        double floor = floorRead("SELECT c.*, i.* FROM scoring.scorecard c JOIN scoring.scorecard_item i "
                + "ON i.scorecard_id = c.id WHERE c.run_id = " + scoringRun)
                + floorWrite("incentive.payout_statement", "run_id = " + id)
                + floorWrite("incentive.payout_line", ofRun);
        stage("pay run, whole center", statements, "statements", wall,
                "1 SQL query of the scorecards + COPY statements",
                floor, 0, "run " + id + ", total " + run.path("totalAmount").decimalValue().toPlainString());
        Events before = events();
        begin();
        t0 = System.nanoTime();
        send("POST", "/api/v1/incentives/runs/" + id + "/approve", hr, "application/json", null, 200);
        wall = end(t0);
        Stage relay = relayed("approve", before);
        stage("approve pay", statements, "statements", wall, "COPY events",
                floorWrite("incentive.outbox_event", "seq > " + before.incentiveSeq()), 0, "");
        add(relay);
        begin();
        t0 = System.nanoTime();
        HttpResponse<String> csv = http.send(request("/api/v1/incentives/runs/" + id + "/export?format=csv", hr)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        check(csv, "GET export", 200);
        long lines = csv.body().lines().count() - 1;
        wall = end(t0);
        stage("payroll CSV export", lines, "lines", wall, "1 SQL query of the statements",
                floorRead("SELECT s.employee_id, s.unit_code, s.currency, s.total_amount, l.position, l.kind, l.amount "
                        + "FROM incentive.payout_statement s JOIN incentive.payout_line l ON l.statement_id = s.id "
                        + "WHERE s.run_id = " + id), 0, (csv.body().length() >> 10) + " KB");
        if (statements != options.agents() || lines != statements) {
            throw new IllegalStateException("pay: " + statements + " statements, " + lines + " CSV lines for "
                    + options.agents() + " agents");
        }
    }

    /**
     * metrics-service's first anomaly scan starts one minute after the suite and reads every agent's months (then
     * every 6 hours). Started during the close, it ran beside the ingestion in one run, the scoring run in another,
     * the one-agent reads in a third (4 of 9 closes of 2 December overlapped the scoring run with it). The
     * close waits for it to have ended (its log line for the current month, at most 3 minutes) before its first
     * stage, so it scans an empty center and every stage is measured alone; how long it waited is printed.
     */
    void awaitFirstAnomalyScan() throws Exception {
        Path log = work.resolve("logs").resolve("metrics-service.log");
        String done = "anomaly scan of " + YearMonth.now(CENTER_ZONE) + ":";
        long t0 = System.nanoTime();
        while (!(Files.exists(log) && Files.readString(log).contains(done))) {
            if (seconds(t0) > 180) {
                System.out.println("(metrics-service's first anomaly scan had not ended after 3 minutes: "
                        + "starting the close anyway)");
                return;
            }
            Thread.sleep(200);
        }
        System.out.printf("(waited %.1f s for metrics-service's first anomaly scan to end)%n", seconds(t0));
    }

    /**
     * One agent's month aggregates of the template's six metrics, as an agent's page asks for them: through the
     * gateway, then straight to metrics-service (the same token, verified there too), then the same as one SQL query,
     * so the gateway's hop, the service and the database each show their share. Twice: the first 200 reads after the
     * close (the read path is new to the JIT of both services: this is what the first users after a restart see),
     * then, after 1,000 more reads of each, 200 reads of services that have served such reads before (a suite that has
     * been up for a while, which is what the target is about).
     */
    void singleAgentReads() throws Exception {
        Random random = new Random(11);
        int reads = 200;
        double[] first = agentReads(random, reads, 20);
        double[] warm = agentReads(random, reads, 1_000);
        long[] sql = new long[20];
        try (Connection c = adminConnection()) {
            for (int i = 0; i < sql.length; i++) {
                String sqlText = aggregatesSql(agent(random.nextInt(options.agents())));
                long t0 = System.nanoTime();
                readAll(c, sqlText);
                sql[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(sql);
        System.out.printf("%none agent's month aggregates (6 metrics), %d reads each (load average %s), p50 / p99:%n"
                        + "  first reads after the close: via the gateway %.1f / %.1f ms; straight to metrics-service "
                        + "%.1f / %.1f ms%n"
                        + "  after 1,000 reads of each:   via the gateway %.1f / %.1f ms (target ≤ 10 ms); straight to "
                        + "metrics-service %.1f / %.1f ms%n"
                        + "  the same as one SQL query p50 %.1f ms%n", reads, loadAverage(),
                first[0], first[1], first[2], first[3], warm[0], warm[1], warm[2], warm[3], sql[sql.length / 2] / 1e6);
    }

    /**
     * {@code warmUp} untimed then {@code reads} timed reads of a random agent's month, through the gateway and
     * straight to metrics-service, interleaved (the first of the two alternating, so both see the same warm-up, load
     * and database cache); p50 and p99 in ms: gateway, then direct.
     */
    double[] agentReads(Random random, int reads, int warmUp) throws Exception {
        String metrics = "&metric=calls_handled&metric=aht&metric=csat&metric=qa_score&metric=error_count"
                + "&metric=sales_amount";
        String[] bases = {gateway, "http://localhost:" + suite.ports().metrics()};
        long[][] latencies = new long[bases.length][reads];
        for (int i = -warmUp; i < reads; i++) {
            String employee = agent(random.nextInt(options.agents()));
            for (int k = 0; k < bases.length; k++) {
                int b = (i & 1) == 0 ? k : bases.length - 1 - k;
                HttpRequest request = HttpRequest.newBuilder(URI.create(bases[b] + "/api/v1/metrics/aggregates"
                                + "?employeeId=" + employee + "&period=" + month + metrics))
                        .timeout(Duration.ofMinutes(1)).header("Authorization", "Bearer " + hr).GET().build();
                long t0 = System.nanoTime();
                check(http.send(request, HttpResponse.BodyHandlers.ofString()), "GET aggregates", 200);
                if (i >= 0) {
                    latencies[b][i] = System.nanoTime() - t0;
                }
            }
        }
        for (long[] l : latencies) {
            Arrays.sort(l);
        }
        return new double[]{latencies[0][reads / 2] / 1e6, latencies[0][(int) (reads * 0.99)] / 1e6,
                latencies[1][reads / 2] / 1e6, latencies[1][(int) (reads * 0.99)] / 1e6};
    }

    // --- events: the outbox, the relay, the event log, notifications ----------------------------------------------

    /** Row counts of the outboxes (all, and not relayed yet), the event log, notifications and webhook deliveries. */
    record Events(long scoringOutbox, long incentiveOutbox, long waiting, long log, long notifications,
                  long deliveries, long scoringSeq, long incentiveSeq) {
    }

    Events events() throws Exception {
        try (Connection c = adminConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT (SELECT count(*) FROM scoring.outbox_event),
                       (SELECT count(*) FROM incentive.outbox_event),
                       (SELECT count(*) FROM scoring.outbox_event WHERE relayed_at IS NULL)
                         + (SELECT count(*) FROM incentive.outbox_event WHERE relayed_at IS NULL),
                       (SELECT count(*) FROM metrics.event_log),
                       (SELECT count(*) FROM metrics.notification),
                       (SELECT count(*) FROM metrics.webhook_delivery),
                       (SELECT coalesce(max(seq), 0) FROM scoring.outbox_event),
                       (SELECT coalesce(max(seq), 0) FROM incentive.outbox_event)""")) {
            rs.next();
            return new Events(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getLong(7), rs.getLong(8));
        }
    }

    /**
     * After a step that writes events in its transaction (publish, lock, approve): how many it wrote, and how long
     * after its answer the relays (scoring's and incentive's, every 2 s by default) have handed every one of them to
     * metrics-service's event log, which writes the notifications in the same transaction. Waits for that (at most
     * 10 minutes) before the next stage, so the relay's work is its own row rather than hidden in the next stage.
     */
    Stage relayed(String step, Events before) throws Exception {
        long t0 = System.nanoTime();
        Events after = events();
        long written = after.scoringOutbox() + after.incentiveOutbox() - before.scoringOutbox()
                - before.incentiveOutbox();
        begin();
        while (after.waiting() > 0) {
            if (seconds(t0) > 600) {
                throw new IllegalStateException("the relay did not drain " + after.waiting() + " events in 10 min");
            }
            Thread.sleep(50);
            after = events();
        }
        double drained = seconds(t0);
        Stage s = new Stage("  relay after " + step, written, "events", drained, rss.peak() >> 10, null, 0, 0,
                String.format(Locale.ROOT, "%,d events written in its transaction; event log +%,d, notifications "
                                + "+%,d, webhook deliveries +%,d", written, after.log() - before.log(),
                        after.notifications() - before.notifications(), after.deliveries() - before.deliveries()),
                true);
        return s;
    }

    /** Adds and prints a relay's row, after the row of the step whose events it relayed. */
    void add(Stage relay) {
        stages.add(relay);
        System.out.printf("  %-30s %8.2f s %,12.0f %s/s  RSS %,5d MB  %s%n", relay.name(), relay.seconds(),
                relay.items() / relay.seconds(), relay.unit(), relay.rssMb(), relay.note());
    }

    // --- floors -------------------------------------------------------------------------------------------------

    /**
     * Raw COPY of {@code rows} into a scratch copy of {@code metrics.<table>} (same columns, keys, indexes; for a raw
     * record table, not partitioned, with the primary key its key table gives it), dropped afterwards; the seconds it
     * took.
     */
    double floorCopy(String table, String columns, InputStream rows) throws Exception {
        try (Connection c = adminConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS bench_floor");
            st.execute("CREATE TABLE bench_floor." + table + " (LIKE metrics." + table
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            if (TABLE.containsValue(table)) {
                // a raw record table is partitioned by month (metrics V8) and keeps the unique key of its records in
                // <table>_key; the floor is one table with its indexes and that one unique index, as before V8
                st.execute("ALTER TABLE bench_floor." + table + " ADD PRIMARY KEY (source_system, external_id)");
            }
            long t0 = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_floor." + table + " (" + columns
                    + ") FROM STDIN", rows, 1 << 16);
            double s = seconds(t0);
            st.execute("DROP TABLE bench_floor." + table);
            st.execute("CHECKPOINT");
            return s;
        }
    }

    /**
     * Not a floor, printed beside it: the same rows COPYed as metrics-service stores them since V8, their keys
     * (source system, external id, revision, agent, day: the first five columns) into a scratch copy of
     * {@code metrics.<table>_key} and the rows into a scratch copy of the record table (its indexes, not partitioned,
     * no trigger), one COPY each, in one transaction; dropped afterwards. The storage's own cost: what an upload would
     * take with nothing but its two COPYs. The seconds.
     */
    double copyAsStored(String table, String columns, Path copyText) throws Exception {
        Path keys = copyText.resolveSibling(copyText.getFileName() + ".keys");
        try (var lines = Files.lines(copyText); BufferedWriter out = Files.newBufferedWriter(keys)) {
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                int end = -1;
                for (int tabs = 0; tabs < 5; tabs++) {
                    end = line.indexOf('\t', end + 1);
                }
                out.write(line, 0, end);
                out.write('\n');
            }
        }
        try (Connection c = adminConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS bench_floor");
            st.execute("CREATE TABLE bench_floor.stored_key (LIKE metrics." + table + "_key INCLUDING ALL)");
            st.execute("CREATE TABLE bench_floor.stored_rows (LIKE metrics." + table
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(keys)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_floor.stored_key (source_system, "
                        + "external_id, revision, employee_id, activity_date) FROM STDIN", in, 1 << 16);
            }
            try (InputStream in = Files.newInputStream(copyText)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_floor.stored_rows (" + columns
                        + ") FROM STDIN", in, 1 << 16);
            }
            c.commit();
            double s = seconds(t0);
            c.setAutoCommit(true);
            st.execute("DROP TABLE bench_floor.stored_key, bench_floor.stored_rows");
            st.execute("CHECKPOINT");
            return s;
        } finally {
            Files.delete(keys);
        }
    }

    /**
     * A stage's output written once: the rows of {@code table} (schema-qualified) matching {@code where}, read as COPY
     * text beforehand (not timed), then COPY into a scratch copy of the table (same columns, defaults, checks,
     * indexes; no foreign keys), dropped afterwards; the seconds the COPY took.
     */
    double floorWrite(String table, String where) throws Exception {
        String scratch = "bench_floor." + table.replace('.', '_');
        try (Connection c = adminConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS bench_floor");
            st.execute("CREATE TABLE " + scratch + " (LIKE " + table
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            java.io.ByteArrayOutputStream rows = new java.io.ByteArrayOutputStream();
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT * FROM " + table + " WHERE " + where
                    + ") TO STDOUT", rows);
            long t0 = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + scratch + " FROM STDIN",
                    new java.io.ByteArrayInputStream(rows.toByteArray()), 1 << 16);
            double s = seconds(t0);
            st.execute("DROP TABLE " + scratch);
            st.execute("CHECKPOINT");
            return s;
        }
    }

    /**
     * A stage's state change made once: the rows of {@code table} matching {@code where} copied into a scratch copy
     * (not timed), then one {@code UPDATE … SET set} of all of them; the seconds the UPDATE took.
     */
    double floorUpdate(String table, String where, String set) throws Exception {
        String scratch = "bench_floor." + table.replace('.', '_');
        try (Connection c = adminConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS bench_floor");
            st.execute("CREATE TABLE " + scratch + " (LIKE " + table
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            st.execute("INSERT INTO " + scratch + " SELECT * FROM " + table + " WHERE " + where);
            st.execute("VACUUM ANALYZE " + scratch);
            long t0 = System.nanoTime();
            st.executeUpdate("UPDATE " + scratch + " SET " + set);
            double s = seconds(t0);
            st.execute("DROP TABLE " + scratch);
            st.execute("CHECKPOINT");
            return s;
        }
    }

    /** A stage's input read once: {@code select} sent to the client as COPY text, best of three; the seconds. */
    double floorRead(String select) throws Exception {
        try (Connection c = adminConnection()) {
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT",
                        java.io.OutputStream.nullOutputStream());
                best = Math.min(best, seconds(t0));
            }
            return best;
        }
    }

    /**
     * The month figures the template scores (six metrics for every agent, or for one), from the raw tables in one
     * query. The bounds and the agent id are the bench's own values, written into the text.
     */
    String aggregatesSql(String agent) {
        String where = "activity_date BETWEEN DATE '" + month.atDay(1) + "' AND DATE '" + month.atEndOfMonth() + "'"
                + (agent == null ? "" : " AND employee_id = '" + agent + "'");
        return """
                WITH c AS (SELECT employee_id, count(*) AS calls, avg(talk_seconds + hold_seconds + wrap_seconds) AS aht
                           FROM metrics.call_record WHERE %1$s GROUP BY employee_id),
                     s AS (SELECT employee_id, avg(csat) AS csat FROM metrics.survey_record
                           WHERE %1$s AND csat IS NOT NULL GROUP BY employee_id),
                     q AS (SELECT employee_id, avg(score) AS qa FROM metrics.qa_evaluation WHERE %1$s GROUP BY employee_id),
                     i AS (SELECT employee_id, count(*) AS errors FROM metrics.incident_record
                           WHERE %1$s AND kind = 'ERROR' GROUP BY employee_id),
                     x AS (SELECT employee_id, sum(amount) AS sales FROM metrics.sale_record WHERE %1$s GROUP BY employee_id)
                SELECT a.employee_id, c.calls, c.aht, s.csat, q.qa, coalesce(i.errors, 0), coalesce(x.sales, 0)
                FROM metrics.agent a LEFT JOIN c USING (employee_id) LEFT JOIN s USING (employee_id)
                     LEFT JOIN q USING (employee_id) LEFT JOIN i USING (employee_id) LEFT JOIN x USING (employee_id)
                %2$s""".formatted(where, agent == null ? "" : "WHERE a.employee_id = '" + agent + "'");
    }

    static int readAll(Connection c, String sql) throws Exception {
        int rows = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    /** The month aggregates of every agent as one SQL query, after ANALYZE, best of three. */
    double floorAggregates() throws Exception {
        try (Connection c = adminConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE");
            }
            double best = Double.MAX_VALUE;
            int rows = 0;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                rows = readAll(c, aggregatesSql(null));
                best = Math.min(best, seconds(t0));
            }
            if (rows != options.agents()) {
                throw new IllegalStateException("aggregates query: " + rows + " rows");
            }
            return best;
        }
    }

    Connection adminConnection() throws Exception {
        return DriverManager.getConnection(db.jdbcUrl(database), db.user(), db.password());
    }

    // --- data ---------------------------------------------------------------------------------------------------

    static String agent(int i) {
        return String.format("B%05d", i);
    }

    /** NDJSON for the service and COPY text for the floor, the same rows; fixed seed. */
    void generate(String kind, int n, Path ndjson, Path copyText) throws IOException {
        Random random = new Random(kind.hashCode());
        BiFunction<Integer, Random, String[]> row = switch (kind) {
            case "calls" -> this::call;
            case "surveys" -> this::survey;
            case "qa-evaluations" -> this::qa;
            case "incidents" -> this::incident;
            case "sales" -> this::sale;
            default -> throw new IllegalArgumentException(kind);
        };
        try (BufferedWriter json = Files.newBufferedWriter(ndjson, StandardCharsets.UTF_8);
             BufferedWriter copy = Files.newBufferedWriter(copyText, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                String[] r = row.apply(i, random);
                json.write(r[0]);
                json.write('\n');
                copy.write(r[1]);
                copy.write('\n');
            }
        }
    }

    /** Agent, day and a moment on that day in the center's zone (+08:00, 08:00–19:59). */
    String[] when(Random random) {
        String agent = agent(random.nextInt(options.agents()));
        LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
        String at = String.format("%sT%02d:%02d:%02d+08:00", day, 8 + random.nextInt(12), random.nextInt(60),
                random.nextInt(60));
        return new String[]{agent, day.toString(), at};
    }

    static String key(String source, String kind, int i) {
        return "{\"sourceSystem\":\"" + source + "\",\"externalId\":\"" + kind + i;
    }

    String[] call(int i, Random random) {
        String[] w = when(random);
        int talk = 30 + random.nextInt(570);
        int hold = random.nextInt(10) < 3 ? random.nextInt(60) : 0;
        int wrap = random.nextInt(120);
        String direction = random.nextInt(10) < 8 ? "INBOUND" : "OUTBOUND";
        String channel = random.nextInt(5) < 4 ? "PHONE" : "CHAT";
        boolean resolved = random.nextInt(10) < 7;
        boolean transferred = random.nextInt(20) == 0;
        boolean repeat = random.nextInt(10) == 0;
        return new String[]{key("acd", "c", i) + "\",\"employeeId\":\"" + w[0] + "\",\"startedAt\":\"" + w[2]
                + "\",\"talkSeconds\":" + talk + ",\"holdSeconds\":" + hold + ",\"wrapSeconds\":" + wrap
                + ",\"direction\":\"" + direction + "\",\"channel\":\"" + channel + "\",\"resolvedFirstContact\":"
                + resolved + ",\"transferred\":" + transferred + ",\"repeatContact\":" + repeat + "}",
                "acd\tc" + i + "\t1\t" + w[0] + "\t" + w[1] + "\t" + w[2] + "\t" + talk + "\t" + hold + "\t" + wrap
                        + "\t" + direction + "\t" + channel + "\t" + resolved + "\t" + transferred + "\t" + repeat};
    }

    String[] survey(int i, Random random) {
        String[] w = when(random);
        int csat = 1 + Math.min(4, random.nextInt(6));
        int nps = random.nextInt(11);
        return new String[]{key("survey", "s", i) + "\",\"employeeId\":\"" + w[0] + "\",\"answeredAt\":\"" + w[2]
                + "\",\"csat\":" + csat + ",\"nps\":" + nps + ",\"solicited\":true}",
                "survey\ts" + i + "\t1\t" + w[0] + "\t" + w[1] + "\t" + w[2] + "\t" + csat + "\t" + nps + "\ttrue"};
    }

    String[] qa(int i, Random random) {
        String[] w = when(random);
        int score = 60 + random.nextInt(41);
        return new String[]{key("qa", "q", i) + "\",\"employeeId\":\"" + w[0] + "\",\"evaluatorId\":\"QA"
                + (i % 20) + "\",\"evaluatedOn\":\"" + w[1] + "\",\"score\":" + score + "}",
                "qa\tq" + i + "\t1\t" + w[0] + "\t" + w[1] + "\tQA" + (i % 20) + "\t" + score};
    }

    String[] incident(int i, Random random) {
        String[] w = when(random);
        String kind = random.nextInt(4) == 0 ? "RULE_VIOLATION" : "ERROR";
        return new String[]{key("crm", "i", i) + "\",\"employeeId\":\"" + w[0] + "\",\"occurredAt\":\"" + w[2]
                + "\",\"kind\":\"" + kind + "\",\"note\":\"order error\"}",
                "crm\ti" + i + "\t1\t" + w[0] + "\t" + w[1] + "\t" + w[2] + "\t" + kind + "\torder error"};
    }

    String[] sale(int i, Random random) {
        String[] w = when(random);
        String amount = (100 + random.nextInt(9900)) + "." + String.format("%02d", random.nextInt(100));
        return new String[]{key("crm", "x", i) + "\",\"employeeId\":\"" + w[0] + "\",\"soldAt\":\"" + w[2]
                + "\",\"amount\":" + amount + "}",
                "crm\tx" + i + "\t1\t" + w[0] + "\t" + w[1] + "\t" + w[2] + "\t" + amount + "\tCNY"};
    }

    // --- HTTP ---------------------------------------------------------------------------------------------------

    HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token);
    }

    String send(String method, String path, String token, String type, String body, int expected) throws Exception {
        HttpRequest.Builder builder = request(path, token).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            builder.header("Content-Type", type);
        }
        HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        check(r, method + " " + path, expected);
        return r.body();
    }

    static void check(HttpResponse<String> r, String what, int expected) {
        if (r.statusCode() != expected) {
            String body = r.body().length() > 1000 ? r.body().substring(0, 1000) + "…" : r.body();
            throw new IllegalStateException(what + " answered " + r.statusCode() + " (expected " + expected + "): "
                    + body);
        }
    }

    // --- figures ------------------------------------------------------------------------------------------------

    void begin() {
        rss.resetPeak();
    }

    /** A stage's wall time and the suite's peak RSS during it, taken when it ends (before its floor is measured). */
    record Mark(double seconds, long rssMb) {
    }

    Mark end(long started) {
        return new Mark(seconds(started), rss.peak() >> 10);
    }

    void stage(String name, long items, String unit, Mark wall, String floorName, double floor, double earlierFloor,
               String note) {
        Stage s = new Stage(name, items, unit, wall.seconds(), wall.rssMb(), floorName, floor, earlierFloor, note,
                false);
        stages.add(s);
        System.out.printf("  %-30s %8.2f s %,12.0f %s/s  RSS %,5d MB%s  %s%n", name, s.seconds(),
                items / s.seconds(), unit, s.rssMb(), floorName == null ? ""
                        : String.format("  floor (%s) %.2f s = %.2f×", floorName, floor, floor / s.seconds()), note);
    }

    void print() {
        System.out.printf("%nmonth close %s, scale %s× (%,d agents, %,d groups; load average now %s)%n", month,
                fmt(scale), options.agents(), options.groups(), loadAverage());
        System.out.printf("%-30s %9s %10s %14s %9s %10s %9s%n", "stage", "items", "wall s", "items/s", "RSS MB",
                "floor s", "floor/wall");
        double total = 0;
        double relays = 0;
        double floors = 0;
        double earlierFloors = 0;
        long peak = 0;
        for (Stage s : stages) {
            if (s.relay()) {
                relays += s.seconds();
            } else {
                total += s.seconds();
            }
            floors += s.floorName() == null ? 0 : s.floorSeconds();
            earlierFloors += s.earlierFloorSeconds();
            peak = Math.max(peak, s.rssMb());
            System.out.printf("%-30s %,9d %10.2f %,14.0f %,9d %10s %9s%n", s.name(), s.items(), s.seconds(),
                    s.items() / s.seconds(), s.rssMb(), s.floorName() == null ? "–" : fmt2(s.floorSeconds()),
                    s.floorName() == null ? "–" : fmt2(s.floorSeconds() / s.seconds()) + "×");
        }
        System.out.printf("%-30s %9s %10.2f %14s %,9d %10.2f %9s%n", "whole month close", "", total, "", peak, floors,
                fmt2(total / floors) + "× floors");
        System.out.printf("%-30s %9s %10.2f %14s %9s %10s %9s%n", "  + waiting for the relays", "", total + relays, "",
                "", "", fmt2((total + relays) / floors) + "× floors");
        System.out.printf("%-30s %9s %10s %14s %9s %10.2f %9s%n", "  against the earlier floors", "", "", "", "",
                earlierFloors, fmt2(total / earlierFloors) + "× floors");
        System.out.println("(floors: each stage's database work, its inputs read once as one SQL query and its outputs "
                + "written once by COPY or one UPDATE; the earlier floors, used before 2 December 2026, counted only the "
                + "raw records' and agents' COPY and the aggregates query)");
        System.out.printf("suite RSS at its peak: %s%n", rss.peakServices());
        System.out.println("(targets: ingestion ≥ 0.6× COPY, org sync of 10,000 agents ≤ 1 s, whole close ≤ 3× the "
                + "floors and ≤ 30 s at 1×, suite ≤ 1,536 MB RSS)");
    }

    static void printGrowth(Map<Double, List<Stage>> results) {
        List<Double> scales = new ArrayList<>(results.keySet());
        double first = scales.get(0);
        List<Stage> base = results.get(first);
        System.out.printf("%ngrowth of each stage against scale %s× (wall time ratio; records ratio in the header)%n",
                fmt(first));
        StringBuilder header = new StringBuilder(String.format("%-30s", "stage"));
        for (double s : scales) {
            header.append(String.format(" %16s", fmt(s) + "× (" + fmt(s / first) + ")"));
        }
        System.out.println(header);
        for (int i = 0; i < base.size(); i++) {
            StringBuilder line = new StringBuilder(String.format("%-30s", base.get(i).name()));
            for (double s : scales) {
                List<Stage> other = results.get(s);
                line.append(i < other.size() ? String.format(" %16s", fmt2(other.get(i).seconds())
                        + " s " + fmt2(other.get(i).seconds() / base.get(i).seconds()) + "×") : " ?");
            }
            System.out.println(line);
        }
        StringBuilder total = new StringBuilder(String.format("%-30s", "whole month close"));
        double baseTotal = base.stream().filter(x -> !x.relay()).mapToDouble(Stage::seconds).sum();
        for (double s : scales) {
            double t = results.get(s).stream().filter(x -> !x.relay()).mapToDouble(Stage::seconds).sum();
            total.append(String.format(" %16s", fmt2(t) + " s " + fmt2(t / baseTotal) + "×"));
        }
        System.out.println(total);
    }

    /**
     * Samples the resident set size of the suite's processes (every packaged service this JVM started), and remembers
     * each service's share at the moment of the peak.
     */
    static final class RssWatch extends Thread {
        private final AtomicLong peakKb = new AtomicLong();
        private volatile Map<String, Long> atPeak = Map.of();
        private volatile Map<String, Long> overallPeak = Map.of();
        private volatile long overallPeakKb;
        private volatile boolean running = true;

        RssWatch() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                record(sampleServices());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private synchronized long record(Map<String, Long> services) {
            long kb = services.values().stream().mapToLong(Long::longValue).sum();
            if (kb > peakKb.get()) {
                peakKb.set(kb);
                atPeak = services;
            }
            if (kb > overallPeakKb) {
                overallPeakKb = kb;
                overallPeak = services;
            }
            return kb;
        }

        /** VmRSS in kB of each service process (by its directory: gateway, metrics-service, …). */
        static Map<String, Long> sampleServices() {
            Map<String, Long> services = new java.util.TreeMap<>();
            ProcessHandle.current().children().forEach(p -> {
                try {
                    String cmd = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline"));
                    int jar = cmd.indexOf("/target/quarkus-app/quarkus-run.jar");
                    if (jar < 0) {
                        return;
                    }
                    String name = cmd.substring(cmd.lastIndexOf('/', jar - 1) + 1, jar);
                    for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                        if (line.startsWith("VmRSS:")) {
                            services.merge(name, Long.parseLong(line.replaceAll("[^0-9]", "")), Long::sum);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // gone
                }
            });
            return services;
        }

        long current() {
            return sampleServices().values().stream().mapToLong(Long::longValue).sum();
        }

        synchronized String perService() {
            return describe(sampleServices());
        }

        /** The services' RSS at the highest sum seen since the suite started. */
        synchronized String peakServices() {
            return String.format(Locale.ROOT, "%,d MB (%s)", overallPeakKb >> 10, describe(overallPeak));
        }

        static String describe(Map<String, Long> services) {
            StringBuilder b = new StringBuilder();
            services.forEach((name, kb) -> b.append(b.length() == 0 ? "" : ", ").append(name).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", kb >> 10)));
            return b.toString();
        }

        synchronized void resetPeak() {
            peakKb.set(0);
            record(sampleServices());
        }

        long peak() {
            record(sampleServices());
            return peakKb.get();
        }

        void stopWatching() {
            running = false;
        }
    }

    static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    static String fmt2(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return String.format(Locale.ROOT, "%.0f GB RAM",
                            Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "? GB RAM";
    }
}
