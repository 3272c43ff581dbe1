package io.perfcenter.metrics.aggregate;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.metrics.aggregate.AggregatePayloads.AgentAggregates;
import io.perfcenter.metrics.aggregate.AggregatePayloads.Anomaly;
import io.perfcenter.metrics.aggregate.AnomalyFlags.FlagView;
import io.perfcenter.metrics.aggregate.AnomalyFlags.ScanReport;
import io.perfcenter.metrics.config.MetricsConfig;
import io.perfcenter.metrics.events.Outbox;
import io.perfcenter.metrics.ingest.BulkIngestion;
import io.perfcenter.metrics.ingest.IngestOptions;
import io.perfcenter.metrics.ingest.IngestReport;
import io.perfcenter.metrics.ingest.RecordKind;
import io.perfcenter.metrics.ingest.UploadFormat;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The anomaly scan reads a unit in pieces of agents and steps aside for uploads between them.
 *
 * <p>Center SPC: team SPT with groups SPG1 and SPG2, and group SPG3 directly below the center; center SPX (another
 * top unit) with group SPXG. Every agent has one call in each of February, March and April 2026 (the baseline of May,
 * threshold 0.2); handle time = talk + hold + wrap. In May:
 * <ul>
 *     <li>SP1 (SPG1): 240 s before, 175 in May: aht fell 27.1%;</li>
 *     <li>SP2 (SPG1): 240, May 250: not flagged;</li>
 *     <li>SP3 (SPG2): 200, May 300: aht rose 50%;</li>
 *     <li>SP4 (SPG3): 200, no call in May: nothing to flag (scanned all the same);</li>
 *     <li>SP5 (SPG3): 200, May 200: not flagged;</li>
 *     <li>SPM moves from SPG1 to SPG3 on 15 May: 200 before, a call of 100 s on 5 May (in SPG1) and one of 200 s on
 *     20 May (in SPG3): the month's aht is 150 (−25%), flagged under SPG3 (a piece per sub-unit would see 100 and
 *     200);</li>
 *     <li>SPL (SPG2) leaves on 16 May: 300 before, 300 on 10 May and 100 on 25 May, after leaving: the center's May is
 *     300, not flagged (read without the membership windows it would be 200, −33%);</li>
 *     <li>SPJ moves from the other center's SPXG to SPG2 on 15 May: 200 before, 100 on 5 May (in SPX) and 260 on
 *     20 May: the center's May is 260 (+30%), flagged under SPG2 (read whole, 180: not flagged).</li>
 * </ul>
 * Center SQC (group SQG) has SQ1 to SQ4, each 200 before and 300 in May: four aht flags, for the scans that wait.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AnomalyScanPiecesTests {

    static final String MAY = "2026-05";
    static final List<String> METRICS = List.of("aht", "calls_handled", "fcr");
    private static boolean seeded;

    @Inject
    AggregateService aggregates;
    @Inject
    AnomalyDetector detector;
    @Inject
    MetricsConfig config;
    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AggregateLoad load;
    @Inject
    BulkIngestion ingestion;
    @Inject
    AgroalDataSource dataSource;

    static RequestSpecification hr() {
        return given().auth().oauth2(TestTokens.token("H1", "hr")).contentType(ContentType.JSON);
    }

    static RequestSpecification writer() {
        return given().auth().oauth2(TestTokens.token(null, "records-writer")).contentType(ContentType.JSON);
    }

    static Map<String, Object> call(String id, String agent, String day, int talk, int wrap) {
        return Map.of("sourceSystem", "acd", "externalId", id, "employeeId", agent, "startedAt",
                day + "T09:00:00+08:00", "talkSeconds", talk, "holdSeconds", 0, "wrapSeconds", wrap,
                "resolvedFirstContact", true);
    }

    static Map<String, Object> agent(String id, String unit) {
        return Map.of("employeeId", id, "name", id, "position", "seat", "unitCode", unit, "memberFrom", "2026-01-01");
    }

    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(List.of(
                        Map.of("code", "SPC", "name", "Center", "kind", "CENTER"),
                        Map.of("code", "SPT", "name", "Team", "kind", "TEAM", "parentCode", "SPC"),
                        Map.of("code", "SPG1", "name", "Group 1", "kind", "GROUP", "parentCode", "SPT"),
                        Map.of("code", "SPG2", "name", "Group 2", "kind", "GROUP", "parentCode", "SPT"),
                        Map.of("code", "SPG3", "name", "Group 3", "kind", "GROUP", "parentCode", "SPC"),
                        Map.of("code", "SPX", "name", "Other center", "kind", "CENTER"),
                        Map.of("code", "SPXG", "name", "Other group", "kind", "GROUP", "parentCode", "SPX"),
                        Map.of("code", "SQC", "name", "Waiting center", "kind", "CENTER"),
                        Map.of("code", "SQG", "name", "Waiting group", "kind", "GROUP", "parentCode", "SQC")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(9));
        hr().body(List.of(agent("SP1", "SPG1"), agent("SP2", "SPG1"), agent("SP3", "SPG2"), agent("SP4", "SPG3"),
                        agent("SP5", "SPG3"), agent("SPM", "SPG1"), agent("SPL", "SPG2"), agent("SPJ", "SPXG"),
                        agent("SQ1", "SQG"), agent("SQ2", "SQG"), agent("SQ3", "SQG"), agent("SQ4", "SQG")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(12));
        hr().body(Map.of("unitCode", "SPG3", "from", "2026-05-15")).post("/api/v1/metrics/org/agents/SPM/moves")
                .then().statusCode(200);
        hr().body(Map.of("unitCode", "SPG2", "from", "2026-05-15")).post("/api/v1/metrics/org/agents/SPJ/moves")
                .then().statusCode(200);
        hr().body(Map.of("leftOn", "2026-05-16")).post("/api/v1/metrics/org/agents/SPL/departure")
                .then().statusCode(200);
        for (String month : List.of("02", "03", "04")) {
            String day = "2026-" + month + "-10";
            List<Map<String, Object>> calls = new ArrayList<>(List.of(
                    call("sp1-" + month, "SP1", day, 200, 40), call("sp2-" + month, "SP2", day, 200, 40),
                    call("sp3-" + month, "SP3", day, 200, 0), call("sp4-" + month, "SP4", day, 200, 0),
                    call("sp5-" + month, "SP5", day, 200, 0), call("spm-" + month, "SPM", day, 200, 0),
                    call("spl-" + month, "SPL", day, 300, 0), call("spj-" + month, "SPJ", day, 200, 0)));
            for (String q : List.of("SQ1", "SQ2", "SQ3", "SQ4")) {
                calls.add(call(q.toLowerCase() + "-" + month, q, day, 200, 0));
            }
            writer().body(calls).post("/api/v1/metrics/records/calls").then().statusCode(200)
                    .body("accepted", equalTo(12));
        }
        List<Map<String, Object>> may = new ArrayList<>(List.of(
                call("sp1-05", "SP1", "2026-05-12", 150, 25), call("sp2-05", "SP2", "2026-05-12", 210, 40),
                call("sp3-05", "SP3", "2026-05-12", 300, 0), call("sp5-05", "SP5", "2026-05-12", 200, 0),
                call("spm-05a", "SPM", "2026-05-05", 100, 0), call("spm-05b", "SPM", "2026-05-20", 200, 0),
                call("spl-05a", "SPL", "2026-05-10", 300, 0), call("spl-05b", "SPL", "2026-05-25", 100, 0),
                call("spj-05a", "SPJ", "2026-05-05", 100, 0), call("spj-05b", "SPJ", "2026-05-20", 260, 0)));
        for (String q : List.of("SQ1", "SQ2", "SQ3", "SQ4")) {
            may.add(call(q.toLowerCase() + "-05", q, "2026-05-12", 300, 0));
        }
        writer().body(may).post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(14));
    }

    /** A scan made of the service's own beans, through {@code load} (the service's, or one that watches it). */
    private AnomalyFlags flags(AggregateLoad through) {
        return new AnomalyFlags(aggregates, detector, config, outbox, em, clock, through, dataSource);
    }

    /** Runs {@code work} with a request context, as the job and the resources have one. */
    private static <T> T requestScoped(Supplier<T> work) {
        ManagedContext context = Arc.container().requestContext();
        boolean active = context.isActive();
        if (!active) {
            context.activate();
        }
        try {
            return work.get();
        } finally {
            if (!active) {
                context.terminate();
            }
        }
    }

    private long storedFlags(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM anomaly_flag WHERE period = ?1 AND employee_id LIKE ?2")
                .setParameter(1, MAY).setParameter(2, prefix + "%").getSingleResult()).longValue());
    }

    /** What a flag says, whichever way it was found. */
    private static String flag(String employeeId, String unit, Anomaly a) {
        return String.join(" | ", employeeId, unit, a.metric(), PlainNumbers.plain(a.value()).toPlainString(),
                a.baseline().toPlainString(), a.change().toPlainString(), Integer.toString(a.periods()), a.reason());
    }

    private static String flag(FlagView v) {
        return flag(v.employeeId(), v.unitCode(), new Anomaly(v.metric(), v.value(), v.baseline(), v.change(),
                v.baselinePeriods(), v.reason()));
    }

    @Test
    void aScanInPiecesStoresExactlyTheFlagsOfTheWholeUnitRead() {
        LocalDate from = LocalDate.of(2026, 5, 1);
        LocalDate to = LocalDate.of(2026, 5, 31);
        // what the scan stored before it read in pieces: the whole center's read, then the detector over its agents
        AggregateService.Result whole = requestScoped(() -> aggregates.forUnit("SPC", METRICS, from, to));
        List<AgentAggregates> wholeFlags = requestScoped(() -> detector.flag(whole.agents(), null, METRICS,
                new PeriodRange(from, to), config.anomaly().threshold(), config.anomaly().baselinePeriods()));
        List<String> expected = new ArrayList<>();
        for (AgentAggregates agent : wholeFlags) {
            agent.anomalies().forEach(a -> expected.add(flag(agent.employeeId(), agent.unitCode(), a)));
        }
        // the unit read itself, by hand: the mover's whole month under their last unit, the joiner's days in the
        // center only, the leaver's days before leaving only
        assertEquals(List.of("SP1", "SP2", "SP3", "SP4", "SP5", "SPJ", "SPL", "SPM"),
                whole.agents().stream().map(AgentAggregates::employeeId).toList());
        assertTrue(expected.contains("SPM | SPG3 | aht | 150 | 200 | -0.2500 | 3 | "
                + "aht fell 25.0% below the agent's mean of the 3 previous periods (200)"), expected.toString());
        assertTrue(expected.contains("SPJ | SPG2 | aht | 260 | 200 | 0.3000 | 3 | "
                + "aht rose 30.0% above the agent's mean of the 3 previous periods (200)"), expected.toString());
        assertTrue(expected.stream().anyMatch(f -> f.startsWith("SP1 | SPG1 | aht | 175 |")), expected.toString());
        assertTrue(expected.stream().anyMatch(f -> f.startsWith("SP3 | SPG2 | aht | 300 |")), expected.toString());
        assertFalse(expected.stream().anyMatch(f -> f.startsWith("SPL | SPG2 | aht")), expected.toString());
        assertFalse(expected.stream().anyMatch(f -> f.startsWith("SP2 ") || f.startsWith("SP4 ")
                || f.startsWith("SP5 ")), expected.toString());

        // in pieces of two agents (by employee id: SP1 SP2 | SP3 SP4 | SP5 SPJ | SPL SPM, each across units), as the
        // job scans (in the background)
        ScanReport pieces = requestScoped(() -> load.inBackground(
                () -> flags(load).scan(MAY, "SPC", METRICS, AnomalyFlags.JOB, 2, Duration.ofMinutes(1))));
        assertEquals(expected, pieces.flagged().stream().map(AnomalyScanPiecesTests::flag).toList());
        assertEquals(List.of(8, 0, List.of("SPC")), List.of(pieces.agentsScanned(), pieces.alreadyFlagged(),
                pieces.units()));
        assertEquals(expected.size(), storedFlags("SP"));
        // the flags stored say the same
        List<FlagView> listed = requestScoped(() -> QuarkusTransaction.requiringNew().call(() -> flags(load)
                .list(MAY, null, null, null, true, null, List.of()))).stream()
                .filter(v -> v.employeeId().startsWith("SP")).toList();
        assertEquals(expected.stream().sorted().toList(), listed.stream().map(AnomalyScanPiecesTests::flag).sorted()
                .toList());

        // a manual scan (not in the background, default pieces) finds them all flagged already
        ScanReport again = requestScoped(() -> flags(load).scan(MAY, "SPC", METRICS, "H1"));
        assertEquals(List.of(8, expected.size(), 0), List.of(again.agentsScanned(), again.alreadyFlagged(),
                again.flagged().size()));
    }

    /** An NDJSON upload of one call that is not over until {@code release} counts down. */
    private static InputStream slowUpload(CountDownLatch reading, CountDownLatch release) {
        return slowUpload("slow-upload", reading, release);
    }

    private static InputStream slowUpload(String externalId, CountDownLatch reading, CountDownLatch release) {
        byte[] line = ("{\"sourceSystem\":\"acd\",\"externalId\":\"" + externalId + "\",\"employeeId\":\"SQ1\","
                + "\"startedAt\":\"2026-01-20T09:00:00+08:00\",\"talkSeconds\":100,\"holdSeconds\":0,"
                + "\"wrapSeconds\":0}\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream first = new ByteArrayInputStream(line);
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (first.available() > 0) {
                    return first.read(b, off, len);
                }
                reading.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };
    }

    @Test
    void theBackgroundScanWaitsBetweenPiecesWhileAnUploadIsStored() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM anomaly_flag WHERE employee_id LIKE 'SQ%'").executeUpdate());
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<IngestReport> uploaded = new AtomicReference<>();
        AtomicReference<Long> flagsWhenUploadBegan = new AtomicReference<>();
        Thread upload = new Thread(() -> uploaded.set(ingestion.ingest(RecordKind.CALLS, UploadFormat.NDJSON,
                slowUpload(reading, release), new IngestOptions(false, true, null))));
        // the service's load, watched: once the first piece's flag is stored, an upload begins before the scan's
        // next wait (between its first and second piece)
        AggregateLoad watched = new AggregateLoad() {
            @Override
            public int foreground() {
                return load.foreground();
            }

            @Override
            public Duration yieldToForeground(Duration budget) {
                if (flagsWhenUploadBegan.get() == null && storedFlags("SQ") > 0) {
                    flagsWhenUploadBegan.set(storedFlags("SQ"));
                    upload.start();
                    try {
                        assertTrue(reading.await(30, TimeUnit.SECONDS), "the upload did not begin");
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return super.yieldToForeground(budget);
            }
        };
        AtomicReference<ScanReport> report = new AtomicReference<>();
        Thread scan = new Thread(() -> report.set(requestScoped(() -> watched.inBackground(
                () -> flags(watched).scan(MAY, "SQC", List.of("aht"), AnomalyFlags.JOB, 1, Duration.ofMinutes(1))))));
        long began = System.nanoTime();
        scan.start();
        assertTrue(reading.await(30, TimeUnit.SECONDS), "no wait of the scan came after its first piece");
        // the upload is in progress (foreground) and the scan waits: nothing of its later pieces is stored
        assertEquals(1, load.foreground());
        Thread.sleep(1500);
        assertTrue(scan.isAlive());
        assertEquals(1L, flagsWhenUploadBegan.get());
        assertEquals(1L, storedFlags("SQ"));
        release.countDown();
        upload.join(30_000);
        scan.join(30_000);
        assertFalse(scan.isAlive());
        assertNotNull(uploaded.get());
        assertEquals(1, uploaded.get().accepted());
        assertEquals(0, load.foreground());
        assertEquals(List.of("SQ1", "SQ2", "SQ3", "SQ4"), report.get().flagged().stream().map(FlagView::employeeId)
                .toList());
        assertEquals(4L, storedFlags("SQ"));
        // it went on once the upload ended, long before its budget
        assertTrue(System.nanoTime() - began < Duration.ofSeconds(30).toNanos());
    }

    @Test
    void theBackgroundScanWaitsNoLongerThanItsBudgetInAll() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM anomaly_flag WHERE employee_id LIKE 'SQ%'").executeUpdate());
        // foreground work that does not end while the scan runs (four pieces: eight waits of up to the budget each
        // if the budget were not shared)
        load.enterForeground();
        long took;
        ScanReport report;
        try {
            long began = System.nanoTime();
            report = requestScoped(() -> load.inBackground(() -> flags(load).scan(MAY, "SQC", List.of("aht"),
                    AnomalyFlags.JOB, 1, Duration.ofSeconds(1))));
            took = System.nanoTime() - began;
        } finally {
            load.exitForeground();
        }
        assertTrue(took >= Duration.ofSeconds(1).toNanos(), "it did not wait: " + took);
        // (without the budget shared, eight waits of a second each)
        assertTrue(took < Duration.ofSeconds(6).toNanos(), "it waited past its budget: " + took);
        // deferred, never skipped: every flag is stored
        assertEquals(4, report.flagged().size());
        assertEquals(4L, storedFlags("SQ"));
    }

    @Test
    void anUploadIsNotHeldBackAndCountsAsForegroundOnlyWhileItRuns() throws Exception {
        IngestOptions dryRun = new IngestOptions(false, true, null);
        String row = "{\"sourceSystem\":\"acd\",\"externalId\":\"quick-upload\",\"employeeId\":\"SQ2\","
                + "\"startedAt\":\"2026-01-21T09:00:00+08:00\",\"talkSeconds\":100,\"holdSeconds\":0,"
                + "\"wrapSeconds\":0}\n";
        Supplier<IngestReport> upload = () -> ingestion.ingest(RecordKind.CALLS, UploadFormat.NDJSON,
                new ByteArrayInputStream(row.getBytes(StandardCharsets.UTF_8)), dryRun);
        upload.get();   // warm
        // other foreground work in progress, and the background scan waiting for it
        load.enterForeground();
        Thread scan = new Thread(() -> requestScoped(() -> load.inBackground(() -> flags(load).scan(MAY, "SQC",
                List.of("aht"), AnomalyFlags.JOB, 1, Duration.ofSeconds(20)))));
        try {
            scan.start();
            Thread.sleep(300);
            long began = System.nanoTime();
            IngestReport report = upload.get();
            long took = System.nanoTime() - began;
            assertEquals(1, report.accepted());
            // (held back, it would have waited for the other work or the scan's 20 s)
            assertTrue(took < Duration.ofSeconds(5).toNanos(), "the upload was held back: " + took);
            assertEquals(1, load.foreground());
            assertTrue(scan.isAlive());
            // an upload that fails (atomic, a bad row) stops counting too
            assertThrows(RuntimeException.class, () -> ingestion.ingest(RecordKind.CALLS, UploadFormat.NDJSON,
                    new ByteArrayInputStream("{\"sourceSystem\":\"acd\"}\n".getBytes(StandardCharsets.UTF_8)),
                    new IngestOptions(true, false, null)));
            assertEquals(1, load.foreground());
            // an upload made by background work is not foreground: it does not hold the scan back
            AtomicReference<Integer> during = new AtomicReference<>();
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread background = new Thread(() -> load.inBackground(() -> ingestion.ingest(RecordKind.CALLS,
                    UploadFormat.NDJSON, slowUpload(reading, release), dryRun)));
            background.start();
            assertTrue(reading.await(30, TimeUnit.SECONDS));
            during.set(load.foreground());
            release.countDown();
            background.join(30_000);
            assertEquals(1, during.get());
        } finally {
            load.exitForeground();
        }
        scan.join(30_000);
        assertFalse(scan.isAlive());
        assertEquals(0, load.foreground());
    }

    /**
     * An NDJSON upload of one call that is not over until {@code release} counts down, then ends, or fails as a
     * connection cut mid-body does.
     */
    private static InputStream slowUpload(CountDownLatch reading, CountDownLatch release, boolean fail) {
        InputStream slow = slowUpload("locking-upload", reading, release);
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = slow.read(b, off, len);
                if (n < 0 && fail) {
                    throw new IOException("the client went away");
                }
                return n;
            }
        };
    }

    @Test
    void theBackgroundScanWaitsBetweenPiecesWhileAnotherReplicaHoldsTheForegroundLock() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM anomaly_flag WHERE employee_id LIKE 'SQ%'").executeUpdate());
        try (OtherReplica b = new OtherReplica()) {
            CountDownLatch held = new CountDownLatch(1);
            AtomicReference<Long> flagsWhenHeld = new AtomicReference<>();
            // a load of its own (nothing in this JVM's counter), that sees the database: once the first piece's flag
            // is stored, replica B's foreground work (an upload, a unit read) begins before the scan's next wait
            AggregateLoad watched = new AggregateLoad(dataSource) {
                @Override
                public Duration yieldToForeground(Duration budget) {
                    if (flagsWhenHeld.get() == null && storedFlags("SQ") > 0) {
                        flagsWhenHeld.set(storedFlags("SQ"));
                        try {
                            b.beginForeground();
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                        held.countDown();
                    }
                    return super.yieldToForeground(budget);
                }
            };
            AtomicReference<ScanReport> report = new AtomicReference<>();
            Thread scan = new Thread(() -> report.set(requestScoped(() -> watched.inBackground(() -> flags(watched)
                    .scan(MAY, "SQC", List.of("aht"), AnomalyFlags.JOB, 1, Duration.ofMinutes(1))))));
            long began = System.nanoTime();
            scan.start();
            assertTrue(held.await(30, TimeUnit.SECONDS), "no wait of the scan came after its first piece");
            Thread.sleep(1500);
            // B's work is in progress and the scan waits: nothing of its later pieces is stored
            assertTrue(scan.isAlive());
            assertEquals(0, watched.foreground());
            assertEquals(0, load.foreground());
            try (OtherReplica c = new OtherReplica()) {
                assertEquals(1, c.foregroundHolders());
                assertFalse(c.foregroundFree());
            }
            assertEquals(1L, flagsWhenHeld.get());
            assertEquals(1L, storedFlags("SQ"));
            b.endForeground();
            scan.join(30_000);
            assertFalse(scan.isAlive());
            assertEquals(List.of("SQ1", "SQ2", "SQ3", "SQ4"), report.get().flagged().stream()
                    .map(FlagView::employeeId).toList());
            assertEquals(4L, storedFlags("SQ"));
            // it went on once B's work ended, long before its budget
            assertTrue(System.nanoTime() - began < Duration.ofSeconds(30).toNanos());
        }
    }

    @Test
    void theBackgroundScanWaitsForAnotherReplicaNoLongerThanItsBudgetInAll() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM anomaly_flag WHERE employee_id LIKE 'SQ%'").executeUpdate());
        try (OtherReplica b = new OtherReplica()) {
            // replica B's foreground work does not end while the scan runs (four pieces: eight waits)
            b.beginForeground();
            long began = System.nanoTime();
            ScanReport report = requestScoped(() -> load.inBackground(() -> flags(load).scan(MAY, "SQC",
                    List.of("aht"), AnomalyFlags.JOB, 1, Duration.ofSeconds(1))));
            long took = System.nanoTime() - began;
            b.endForeground();
            assertTrue(took >= Duration.ofSeconds(1).toNanos(), "it did not wait: " + took);
            assertTrue(took < Duration.ofSeconds(6).toNanos(), "it waited past its budget: " + took);
            // deferred, never skipped: every flag is stored
            assertEquals(4, report.flagged().size());
            assertEquals(4L, storedFlags("SQ"));
        }
    }

    @Test
    void anUploadHoldsTheForegroundLockUntilItEndsAlsoWhenItFails() throws Exception {
        try (OtherReplica b = new OtherReplica()) {
            assertTrue(b.foregroundFree());
            for (boolean fail : List.of(false, true)) {
                CountDownLatch reading = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                AtomicReference<Object> outcome = new AtomicReference<>();
                Thread upload = new Thread(() -> {
                    try {
                        outcome.set(ingestion.ingest(RecordKind.CALLS, UploadFormat.NDJSON,
                                slowUpload(reading, release, fail), new IngestOptions(false, false, null)));
                    } catch (RuntimeException e) {
                        outcome.set(e);
                    }
                });
                upload.start();
                try {
                    assertTrue(reading.await(30, TimeUnit.SECONDS), "the upload did not begin");
                    // while it is stored, another replica sees it: one shared holder, and an exclusive try fails
                    assertEquals(1, b.foregroundHolders());
                    assertFalse(b.foregroundFree());
                } finally {
                    release.countDown();
                    upload.join(30_000);
                }
                assertFalse(upload.isAlive());
                if (fail) {
                    assertTrue(outcome.get() instanceof java.io.UncheckedIOException, String.valueOf(outcome.get()));
                } else {
                    assertEquals(1, ((IngestReport) outcome.get()).accepted(), String.valueOf(outcome.get()));
                }
                // released with the transaction
                assertEquals(0, b.foregroundHolders());
                assertTrue(b.foregroundFree());
            }
        }
    }

    /**
     * Runs {@code work} while replica B's transaction locks the membership table, which every unit read reads after
     * taking the foreground lock: while it waits there, the lock is held.
     */
    private void whileMembershipLocked(OtherReplica b, Runnable work) throws Exception {
        b.connection().setAutoCommit(false);
        b.execute("LOCK TABLE metrics.membership IN ACCESS EXCLUSIVE MODE");
        Thread t = new Thread(work);
        try {
            t.start();
            try (OtherReplica c = new OtherReplica()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (c.foregroundHolders() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                // the read waits for the table, holding the foreground lock
                assertTrue(t.isAlive());
                assertEquals(1, c.foregroundHolders());
                assertFalse(c.foregroundFree());
            }
        } finally {
            b.connection().commit();
            b.connection().setAutoCommit(true);
            t.join(30_000);
        }
        assertFalse(t.isAlive());
        assertEquals(0, b.foregroundHolders());
        assertTrue(b.foregroundFree());
    }

    @Test
    void aUnitReadAndAScanAskedForHoldTheForegroundLockWhileTheyRun() throws Exception {
        LocalDate from = LocalDate.of(2026, 5, 1);
        LocalDate to = LocalDate.of(2026, 5, 31);
        try (OtherReplica b = new OtherReplica()) {
            AtomicReference<AggregateService.Result> read = new AtomicReference<>();
            whileMembershipLocked(b, () -> read.set(requestScoped(() -> aggregates.forUnit("SQC", METRICS, from,
                    to))));
            assertEquals(List.of("SQ1", "SQ2", "SQ3", "SQ4"), read.get().agents().stream()
                    .map(AgentAggregates::employeeId).toList());
            // a read of agents (not a unit's) is not foreground: nothing held
            requestScoped(() -> aggregates.forAgent("SQ1", null, METRICS, from, to));
            assertTrue(b.foregroundFree());
            AtomicReference<ScanReport> scanned = new AtomicReference<>();
            whileMembershipLocked(b, () -> scanned.set(requestScoped(() -> flags(load).scan(MAY, "SQC",
                    List.of("aht"), "H1"))));
            assertEquals(4, scanned.get().agentsScanned());
        }
    }
}
