package io.perfcenter.metrics.aggregate;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.metrics.aggregate.AnomalyFlags.ScanReport;
import io.perfcenter.metrics.config.MetricsConfig;
import io.perfcenter.metrics.events.Outbox;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scan job with several replicas: one job scans at a time (the scan lock), and a month whose last whole scan
 * finished less than half of scan-every ago is left alone. Another replica is a session of its own
 * ({@link OtherReplica}).
 *
 * <p>The job runs as at 10 July 2023 (a clock of its own; no other test has records of 2023): it scans June (whole)
 * and July 2023 of every top unit. Center JBC, group JBG: JB1 and JB2 have one call of 200 s in each of March, April
 * and May 2023; in June JB1's call is 300 s (+50%: an aht flag, the one looked at), JB2's 200 s (none). Nothing
 * else has figures then.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AnomalyScanJobTests {

    static final String JUNE = "2023-06";
    static final String JULY = "2023-07";
    static final Duration EVERY = Duration.ofHours(6);
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
    AggregateLoad load;
    @Inject
    AgroalDataSource dataSource;

    static RequestSpecification hr() {
        return given().auth().oauth2(TestTokens.token("H1", "hr")).contentType(ContentType.JSON);
    }

    static Map<String, Object> call(String id, String agent, String day, int talk) {
        return Map.of("sourceSystem", "acd", "externalId", id, "employeeId", agent, "startedAt",
                day + "T09:00:00+08:00", "talkSeconds", talk, "holdSeconds", 0, "wrapSeconds", 0,
                "resolvedFirstContact", true);
    }

    @BeforeEach
    void organisationAndNoScanYet() {
        if (!seeded) {
            seeded = true;
            hr().body(List.of(Map.of("code", "JBC", "name", "Job center", "kind", "CENTER"),
                            Map.of("code", "JBG", "name", "Job group", "kind", "GROUP", "parentCode", "JBC")))
                    .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(2));
            hr().body(List.of(Map.of("employeeId", "JB1", "name", "JB1", "position", "seat", "unitCode", "JBG",
                                    "memberFrom", "2023-01-01"),
                            Map.of("employeeId", "JB2", "name", "JB2", "position", "seat", "unitCode", "JBG",
                                    "memberFrom", "2023-01-01")))
                    .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(2));
            List<Map<String, Object>> calls = new ArrayList<>();
            for (String month : List.of("03", "04", "05")) {
                calls.add(call("jb1-" + month, "JB1", "2023-" + month + "-10", 200));
                calls.add(call("jb2-" + month, "JB2", "2023-" + month + "-10", 200));
            }
            calls.add(call("jb1-06", "JB1", "2023-06-10", 300));
            calls.add(call("jb2-06", "JB2", "2023-06-10", 200));
            given().auth().oauth2(TestTokens.token(null, "records-writer")).contentType(ContentType.JSON)
                    .body(calls).post("/api/v1/metrics/records/calls").then().statusCode(200)
                    .body("accepted", equalTo(8));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM anomaly_flag WHERE employee_id LIKE 'JB%'").executeUpdate();
            em.createNativeQuery("DELETE FROM anomaly_scan WHERE period IN ('2023-06', '2023-07')").executeUpdate();
        });
    }

    /** The service's scan, as at 10 July 2023. */
    private AnomalyFlags flags() {
        Clock july = Clock.fixed(Instant.parse("2023-07-10T04:00:00Z"), config.timeZone());
        return new AnomalyFlags(aggregates, detector, config, outbox, em, july, load, dataSource);
    }

    /** A run of the job (scan-every 6h), with a request context as the scheduler gives it one. */
    private void job() {
        requestScoped(() -> {
            flags().job(EVERY);
            return null;
        });
    }

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

    /** JB1's aht flags (a whole scan looks at every metric in use: avg_talk_time moved too, and others may). */
    private long storedFlags() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM anomaly_flag WHERE employee_id LIKE 'JB%' AND metric = 'aht'")
                .getSingleResult()).longValue());
    }

    private void forgetFlags() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM anomaly_flag WHERE employee_id LIKE 'JB%'").executeUpdate());
    }

    /** Who finished the month's last whole scan and how many seconds ago; null when none is recorded. */
    private String scanned(String month) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "SELECT finished_by || ' ' || round(extract(epoch FROM now() - finished_at) / 60) "
                                + "FROM anomaly_scan WHERE period = ?1")
                .setParameter(1, month).getResultStream().findFirst().map(Object::toString).orElse(null));
    }

    /** The month's last whole scan finished {@code ago} before now, as far as the table says. */
    private void scannedAgo(String month, String ago) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE anomaly_scan SET finished_at = now() - CAST(?1 AS interval) WHERE period = ?2")
                .setParameter(1, ago).setParameter(2, month).executeUpdate());
    }

    @Test
    void whileAnotherReplicasJobHoldsTheScanLockTheJobScansNothing() throws Exception {
        try (OtherReplica b = new OtherReplica()) {
            assertTrue(b.tryScanLock());
            job();
            assertEquals(0, storedFlags());
            assertNull(scanned(JUNE));
            assertNull(scanned(JULY));
            b.releaseScanLock();
            job();
            assertEquals(1, storedFlags());
            assertEquals("anomaly-scan 0", scanned(JUNE));
            assertEquals("anomaly-scan 0", scanned(JULY));
            // the job let go of the lock
            assertTrue(b.tryScanLock());
            b.releaseScanLock();
        }
    }

    @Test
    void aMonthScannedWhollyLessThanHalfAPeriodAgoIsLeftAloneByTheJob() {
        assertEquals(Duration.ofHours(6), AnomalyFlags.every("6h"));
        assertEquals(Duration.ofMinutes(30), AnomalyFlags.every(" 30m"));
        assertNull(AnomalyFlags.every("off"));
        assertEquals(Duration.ofHours(3), AnomalyFlags.rescanAfter(EVERY));
        job();
        assertEquals(1, storedFlags());
        assertEquals("anomaly-scan 0", scanned(JUNE));
        // a rescan would store the flag again
        forgetFlags();
        // another replica's run a moment later (its own phase), then 2 h 50 min after: left alone
        job();
        assertEquals(0, storedFlags());
        scannedAgo(JUNE, "2 hours 50 minutes");
        scannedAgo(JULY, "2 hours 50 minutes");
        job();
        assertEquals(0, storedFlags());
        assertEquals("anomaly-scan 170", scanned(JUNE));
        assertEquals("anomaly-scan 170", scanned(JULY));
        // 3 h 10 min after: scanned again, and the time recorded anew; July only is due after June was scanned
        scannedAgo(JUNE, "3 hours 10 minutes");
        job();
        assertEquals(1, storedFlags());
        assertEquals("anomaly-scan 0", scanned(JUNE));
        assertEquals("anomaly-scan 170", scanned(JULY));
        // with the job off (a run asked for by hand), no month is left alone
        forgetFlags();
        requestScoped(() -> {
            flags().job(null);
            return null;
        });
        assertEquals(1, storedFlags());
        assertEquals("anomaly-scan 0", scanned(JULY));
    }

    @Test
    void aWholeScanAskedForCountsAsTheJobsAndAScanOfAUnitOrOfSomeMetricsDoesNot() {
        // of one unit, of named metrics: the flag is stored, no whole scan recorded
        ScanReport unit = requestScoped(() -> flags().scan(JUNE, "JBC", List.of(), "H1"));
        assertEquals(1L, unit.flagged().stream().filter(f -> f.metric().equals("aht")).count());
        forgetFlags();
        ScanReport aht = requestScoped(() -> flags().scan(JUNE, null, List.of("aht"), "H1"));
        assertEquals(1L, aht.flagged().stream().filter(f -> f.metric().equals("aht")).count());
        assertNull(scanned(JUNE));
        // every unit, every metric: the job's scan, asked for
        forgetFlags();
        ScanReport whole = requestScoped(() -> flags().scan(JUNE, null, List.of(), "H1"));
        assertEquals(1L, whole.flagged().stream().filter(f -> f.metric().equals("aht")).count());
        assertEquals("H1 0", scanned(JUNE));
        // the job's run soon after leaves June alone and scans July
        forgetFlags();
        job();
        assertEquals(0, storedFlags());
        assertEquals("H1 0", scanned(JUNE));
        assertEquals("anomaly-scan 0", scanned(JULY));
        // a scan asked for is never left alone, whatever was recorded
        ScanReport again = requestScoped(() -> flags().scan(JUNE, null, List.of(), "H1"));
        assertEquals(1L, again.flagged().stream().filter(f -> f.metric().equals("aht")).count());
    }
}
