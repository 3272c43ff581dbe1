package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.equalTo;

/**
 * A value's {@code samples} are the records that contributed to that metric: surveys with a csat answer for csat,
 * error incidents for error_count, the denominator's records for a ratio — not every record of the kind.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SampleCountTests {

    private static boolean seeded;

    @BeforeEach
    void records() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(List.of(Map.of("code", "SCG", "name", "Sample group", "kind", "CENTER")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(1));
        hr().body(List.of(
                        Map.of("employeeId", "SC1", "name", "SC1", "position", "seat", "unitCode", "SCG",
                                "memberFrom", "2026-01-01"),
                        Map.of("employeeId", "SC2", "name", "SC2", "position", "seat", "unitCode", "SCG",
                                "memberFrom", "2026-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(2));
        upload("surveys", List.of(
                survey("s1", "SC1", 5, 10), survey("s2", "SC1", 3, null), survey("s3", "SC1", null, 2),
                survey("s4", "SC1", null, 9), survey("s5", "SC1", 4, 7), survey("s6", "SC2", 1, null)));
        upload("incidents", List.of(incident("e1", "ERROR"), incident("e2", "ERROR"),
                incident("v1", "RULE_VIOLATION"), incident("c1", "COMMENDATION"), incident("c2", "COMPLAINT")));
        upload("calls", List.of(call("k1"), call("k2"), call("k3"), call("k4")));
        upload("adherence", List.of(
                row("a1", "date", "2026-10-05", "scheduledMinutes", 480, "adherentMinutes", 450,
                        "loggedInMinutes", 400, "handlingMinutes", 300),
                row("a2", "date", "2026-10-06", "scheduledMinutes", 480, "adherentMinutes", 480,
                        "loggedInMinutes", 420)));
        upload("tickets", List.of(
                row("t1", "openedAt", "2026-10-07T10:00:00+08:00", "firstResponseMinutes", 10),
                row("t2", "openedAt", "2026-10-07T11:00:00+08:00"),
                row("t3", "openedAt", "2026-10-07T12:00:00+08:00", "firstResponseMinutes", 20)));
    }

    private static void upload(String kind, List<Map<String, Object>> rows) {
        as(null, "records-writer").body(rows).post("/api/v1/metrics/records/" + kind).then().statusCode(200)
                .body("rejected", equalTo(0)).body("accepted", equalTo(rows.size()));
    }

    private static Map<String, Object> row(String id, Object... fields) {
        Map<String, Object> row = new HashMap<>(Map.of("sourceSystem", "sc", "externalId", id, "employeeId", "SC1"));
        for (int i = 0; i < fields.length; i += 2) {
            row.put((String) fields[i], fields[i + 1]);
        }
        return row;
    }

    private static Map<String, Object> survey(String id, String agent, Integer csat, Integer nps) {
        Map<String, Object> row = row(id, "answeredAt", "2026-10-06T15:00:00+08:00", "solicited", true);
        row.put("employeeId", agent);
        if (csat != null) {
            row.put("csat", csat);
        }
        if (nps != null) {
            row.put("nps", nps);
        }
        return row;
    }

    private static Map<String, Object> incident(String id, String kind) {
        return row(id, "occurredAt", "2026-10-08T10:00:00+08:00", "kind", kind);
    }

    private static Map<String, Object> call(String id) {
        return row(id, "startedAt", "2026-10-09T10:00:00+08:00", "talkSeconds", 100);
    }

    private static ValidatableResponse october(String scope, String value, String... metrics) {
        var spec = hr().queryParam(scope, value).queryParam("period", "2026-10");
        for (String m : metrics) {
            spec = spec.queryParam("metric", m);
        }
        return spec.get("/api/v1/metrics/aggregates").then().statusCode(200);
    }

    @Test
    void surveysCountForTheQuestionTheyAnswered() {
        october("employeeId", "SC1", "csat", "nps")
                // csat answers: s1 5, s2 3, s5 4 -> 12 / 3 = 4 over 3 samples (s3, s4 answered nps only)
                .body("agents[0].values.csat.value", equalTo(4))
                .body("agents[0].values.csat.samples", equalTo(3))
                // nps answers: s1 10, s3 2, s4 9, s5 7 -> (2 promoters - 1 detractor) / 4 x 100 = 25 over 4 samples
                .body("agents[0].values.nps.value", equalTo(25))
                .body("agents[0].values.nps.samples", equalTo(4));
        // the group: SC1's three csat answers and SC2's one (1): 13 / 4 = 3.25 over 4 samples
        october("unit", "SCG", "csat").body("unitTotal.csat.value", equalTo(3.25f))
                .body("unitTotal.csat.samples", equalTo(4))
                .body("agents.find { it.employeeId == 'SC2' }.values.csat.samples", equalTo(1));
    }

    @Test
    void incidentCountsCountOnlyTheirKind() {
        october("employeeId", "SC1", "error_count", "rule_violations", "commendations")
                // 5 incidents: 2 errors, 1 rule violation, 1 commendation, 1 complaint
                .body("agents[0].values.error_count.value", equalTo(2))
                .body("agents[0].values.error_count.samples", equalTo(2))
                .body("agents[0].values.rule_violations.samples", equalTo(1))
                .body("agents[0].values.commendations.samples", equalTo(1));
    }

    @Test
    void aRatioCountsTheRecordsOfItsDenominator() {
        october("employeeId", "SC1", "complaint_rate", "occupancy", "adherence", "reply_minutes")
                // 1 complaint / 4 calls x 100 = 25, per 4 calls (not the 5 incidents)
                .body("agents[0].values.complaint_rate.value", equalTo(25))
                .body("agents[0].values.complaint_rate.samples", equalTo(4))
                // handling 300 / logged-in 400 x 100 = 75: only the day with handling minutes counts
                .body("agents[0].values.occupancy.value", equalTo(75))
                .body("agents[0].values.occupancy.samples", equalTo(1))
                // adherent (450 + 480) / scheduled (480 + 480) x 100 = 96.875 over both days
                .body("agents[0].values.adherence.value", equalTo(96.875f))
                .body("agents[0].values.adherence.samples", equalTo(2))
                // first response (10 + 20) / 2 tickets that have one = 15; t2 has none
                .body("agents[0].values.reply_minutes.value", equalTo(15))
                .body("agents[0].values.reply_minutes.samples", equalTo(2));
    }
}
