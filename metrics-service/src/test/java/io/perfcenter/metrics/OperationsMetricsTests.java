package io.perfcenter.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator sees on the management interface: records ingested and refused per kind move with uploads, HTTP
 * timers have histogram buckets (p95/p99), the connection pool is measured; and log lines of a request name its
 * caller, also on the upload's writer thread.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class OperationsMetricsTests {

    @Inject
    MeterRegistry registry;

    private double count(String name, String kind) {
        var counter = registry.find(name).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String call(String id, String startedAt, Object talk) {
        return "{\"sourceSystem\":\"ops\",\"externalId\":\"" + id + "\",\"employeeId\":\"OPS1\",\"startedAt\":\""
                + startedAt + "\",\"talkSeconds\":" + talk + "}";
    }

    private static void agent() {
        hr().body(List.of(
                        Map.of("code", "OPSG", "name", "Ops group", "kind", "GROUP", "parentCode", "OPST"),
                        Map.of("code", "OPST", "name", "Ops team", "kind", "TEAM", "parentCode", "OPSC"),
                        Map.of("code", "OPSC", "name", "Ops center", "kind", "CENTER")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200);
        hr().body(List.of(Map.of("employeeId", "OPS1", "name", "Agent OPS1", "position", "seat", "unitCode", "OPSG",
                        "memberFrom", "2026-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200);
    }

    @Test
    void recordsIngestedAndRefusedAreCountedPerKindOnceStored() {
        agent();
        double ingested = count("perfcenter.records.ingested", "calls");
        double rejected = count("perfcenter.records.rejected", "calls");

        String body = "[" + call("ops-1", "2026-04-01T09:00:00+08:00", 100) + ","
                + call("ops-2", "2026-04-01T09:05:00+08:00", 120) + ","
                + call("ops-3", "2026-04-01T09:10:00+08:00", "\"long\"") + "]";
        as(null, "records-writer").body(body).post("/api/v1/metrics/records/calls").then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1));
        assertEquals(ingested + 2, count("perfcenter.records.ingested", "calls"));
        assertEquals(rejected + 1, count("perfcenter.records.rejected", "calls"));

        // a dry run stores nothing and counts nothing; the same records again are duplicates, not ingested
        as(null, "records-writer").queryParam("dryRun", "true").body("[" + call("ops-4", "2026-04-01T10:00:00+08:00", 90)
                + "]").post("/api/v1/metrics/records/calls").then().statusCode(200).body("dryRun", equalTo(true));
        as(null, "records-writer").body(body).post("/api/v1/metrics/records/calls").then().statusCode(200)
                .body("duplicate", equalTo(2));
        assertEquals(ingested + 2, count("perfcenter.records.ingested", "calls"));

        String management = ConfigProvider.getConfig().getValue("test.management.url", String.class);
        given().get(management + "/metrics").then().statusCode(200)
                .body(containsString("perfcenter_records_ingested_total{kind=\"calls\"}"))
                .body(containsString("perfcenter_records_rejected_total{kind=\"calls\"}"))
                // every kind has its series from the start
                .body(containsString("perfcenter_records_ingested_total{kind=\"adherence\"}"))
                // p95/p99 are derivable from the buckets of every endpoint's timer
                .body(containsString("http_server_requests_seconds_bucket{"))
                // the connection pool
                .body(containsString("agroal_active_count{"))
                .body(containsString("agroal_awaiting_count{"));
    }

    /** The log lines of the ingest package written while the request runs: thread, user, acting-for and request id. */
    private static List<String> logLinesOf(Runnable request) {
        Logger logger = Logger.getLogger("io.perfcenter.metrics.ingest");
        Level level = logger.getLevel();
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    lines.add(ext.getThreadName() + " user=" + ext.getMdc("user") + " for=" + ext.getMdc("actingFor")
                            + " req=" + ext.getMdc("requestId"));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.setLevel(Level.FINE);
        logger.addHandler(capture);
        try {
            request.run();
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(level);
        }
        assertFalse(lines.isEmpty(), "ingestion logs at DEBUG");
        return lines;
    }

    @Test
    void logLinesOfARequestNameItsCallerAlsoOnItsWorkerThreads() {
        agent();
        List<String> lines = logLinesOf(() -> as(null, "records-writer").header("X-Request-Id", "ops-log-1")
                .body("[" + call("ops-log-1", "2026-04-02T09:00:00+08:00", 100) + "]")
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(1)));
        // the token of TestTokens.system has no sub; its principal is its preferred_username
        assertTrue(lines.stream().allMatch(u -> u.endsWith(" user=system for=null req=ops-log-1")), lines.toString());
        assertTrue(lines.stream().anyMatch(u -> u.startsWith("ingest-writer-")), lines.toString());
    }

    @Test
    void onlyAServiceNamesThePersonItActsForInTheLog() {
        agent();
        // a PerfCenter service (role service) acting for a supervisor: the supervisor is in every line, worker threads too
        List<String> service = logLinesOf(() -> as(null, "records-writer", "service").header("X-Request-Id", "ops-log-2")
                .header("X-Acting-For", "E2001")
                .body("[" + call("ops-log-2", "2026-04-02T09:10:00+08:00", 100) + "]")
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(1)));
        assertTrue(service.stream().allMatch(u -> u.endsWith(" user=system for=E2001 req=ops-log-2")), service.toString());

        // a CRM (records-writer alone) cannot put a person's name in the log, nor can a name unfit for a log line
        List<String> crm = logLinesOf(() -> as(null, "records-writer").header("X-Request-Id", "ops-log-3")
                .header("X-Acting-For", "E2001")
                .body("[" + call("ops-log-3", "2026-04-02T09:20:00+08:00", 100) + "]")
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(1)));
        assertTrue(crm.stream().allMatch(u -> u.endsWith(" user=system for=null req=ops-log-3")), crm.toString());
        List<String> forged = logLinesOf(() -> as(null, "records-writer", "service").header("X-Request-Id", "ops-log-4")
                .header("X-Acting-For", "E2001 INFO forged line")
                .body("[" + call("ops-log-4", "2026-04-02T09:30:00+08:00", 100) + "]")
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(1)));
        assertTrue(forged.stream().allMatch(u -> u.endsWith(" user=system for=null req=ops-log-4")), forged.toString());
    }
}
