package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * GET /api/v1/metrics/records: the records behind an agent's figure, exactly those the derivation counts. Team CRT
 * holds groups CRG1 (led by CRS1) and CRG2 (led by CRS2); agent CRA moves from CRG1 to CRG2 on 16 October 2026, CRB
 * stays in CRG1. CRA's records of October 2026 (center: Asia/Shanghai):
 * <ul>
 * <li>incidents: e0 ERROR at 2026-09-30T16:30Z (1 October 00:30 in the center: October), e1 ERROR 5 Oct (sent again
 * as revision 2 with another note), c1 COMMENDATION 5 Oct, p1 COMPLAINT 7 Oct, e3 ERROR 20 Oct, e4 ERROR at
 * 2026-10-31T17:00Z (1 November in the center: not October);</li>
 * <li>calls: k1, k2 on 7 Oct;</li>
 * <li>pushed error_count values: v1 = 2 on 25 Oct (no incident that day: it counts), v2 = 9 on 5 Oct (incidents that
 * day: the derived figure stands, v2 does not count).</li>
 * </ul>
 * error_count (COUNT of incidents where kind = ERROR) is 3 incidents + 2 pushed = 5, from the 4 records e0, e1, e3,
 * v1; complaint_rate (COMPLAINT incidents over calls) counts p1 (numerator) and k1, k2 (denominator).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class CountedRecordsTests {

    private static boolean seeded;

    @BeforeEach
    void records() {
        if (seeded) {
            return;
        }
        seeded = true;
        unit("CRC", "CENTER", null, null);
        unit("CRT", "TEAM", "CRC", null);
        unit("CRG1", "GROUP", "CRT", "CRS1");
        unit("CRG2", "GROUP", "CRT", "CRS2");
        for (String id : new String[]{"CRA", "CRB"}) {
            hr().body(Map.of("employeeId", id, "name", "Agent " + id, "position", "seat", "unitCode", "CRG1",
                    "memberFrom", "2026-01-01")).post("/api/v1/metrics/org/agents").then().statusCode(201);
        }
        hr().body(Map.of("unitCode", "CRG2", "from", "2026-10-16")).post("/api/v1/metrics/org/agents/CRA/moves")
                .then().statusCode(200);
        hr().body(List.of(
                        incident("e0", 1, "2026-09-30T16:30:00Z", "ERROR", "first"),
                        incident("e1", 1, "2026-10-05T10:00:00+08:00", "ERROR", "wrong tariff"),
                        incident("c1", 1, "2026-10-05T11:00:00+08:00", "COMMENDATION", "thanked"),
                        incident("p1", 1, "2026-10-07T09:00:00+08:00", "COMPLAINT", "rude"),
                        incident("e3", 1, "2026-10-20T15:00:00+08:00", "ERROR", "wrong address"),
                        incident("e4", 1, "2026-10-31T17:00:00Z", "ERROR", "November")))
                .post("/api/v1/metrics/records/incidents").then().statusCode(200).body("accepted", equalTo(6));
        hr().body(List.of(incident("e1", 2, "2026-10-05T10:00:00+08:00", "ERROR", "wrong tariff, corrected note")))
                .post("/api/v1/metrics/records/incidents").then().statusCode(200).body("accepted", equalTo(1));
        hr().body(List.of(call("k1", "2026-10-07T08:00:00+08:00"), call("k2", "2026-10-07T14:00:00+08:00")))
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(2));
        hr().body(List.of(value("v1", "2026-10-25", 2), value("v2", "2026-10-05", 9)))
                .post("/api/v1/metrics/values").then().statusCode(200);
    }

    @Test
    void aFilteredDerivationListsExactlyTheRecordsItCounts() {
        records(as("CRA", "agent"), "CRA", "error_count", "2026-10").statusCode(200)
                .header("X-Total-Count", "4")
                .body("externalId", contains("cr-e0", "cr-e1", "cr-e3", "cr-v1"))
                .body("kind", contains("incidents", "incidents", "incidents", "values"))
                .body("day", contains("2026-10-01", "2026-10-05", "2026-10-20", "2026-10-25"))
                .body("[1].revision", equalTo(2))
                .body("[1].fields.note", equalTo("wrong tariff, corrected note"))
                .body("[1].fields.kind", equalTo("ERROR"))
                // the timestamp as the center reads it
                .body("[0].fields.occurredAt", equalTo("2026-10-01T00:30+08:00"))
                .body("[0].countedIn", contains("NUMERATOR"))
                .body("[3].countedIn", contains("VALUE"))
                .body("[3].fields.value", equalTo(2.0f))
                .body("[0].sourceSystem", equalTo("crm"));
        // the figure those records make: 3 errors + the pushed 2 (the pushed 9 of a day with incidents does not count)
        as("CRA", "agent").queryParam("employeeId", "CRA").queryParam("metric", "error_count")
                .queryParam("period", "2026-10").get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.error_count.value", equalTo(5));
    }

    @Test
    void aRatioListsItsNumeratorAndDenominatorRecords() {
        records(as("CRA", "agent"), "CRA", "complaint_rate", "2026-10-07").statusCode(200)
                .header("X-Total-Count", "3")
                .body("externalId", contains("cr-k1", "cr-k2", "cr-p1"))
                .body("countedIn", contains(List.of("DENOMINATOR"), List.of("DENOMINATOR"), List.of("NUMERATOR")));
    }

    @Test
    void aMoverIsSeenByEachSupervisorOnTheirDaysOnly() {
        records(as("CRS1", "supervisor"), "CRA", "error_count", "2026-10").statusCode(200)
                .header("X-Total-Count", "2").body("externalId", contains("cr-e0", "cr-e1"));
        records(as("CRS2", "supervisor"), "CRA", "error_count", "2026-10").statusCode(200)
                .header("X-Total-Count", "2").body("externalId", contains("cr-e3", "cr-v1"));
        // a day wholly before the move is outside CRS2's scope: as for an unknown agent
        records(as("CRS2", "supervisor"), "CRA", "error_count", "2026-10-05").statusCode(404)
                .body("type", equalTo("https://perfcenter.io/problems/not-found"));
        records(as("CRS1", "supervisor"), "CRA", "error_count", "2026-10-20").statusCode(404);
        records(hr(), "CRA", "error_count", "2026-10").statusCode(200).header("X-Total-Count", "4");
    }

    @Test
    void othersAreRefusedAsForAnUnknownAgent() {
        records(as("CRB", "agent"), "CRA", "error_count", "2026-10").statusCode(404)
                .body("detail", equalTo("Agent CRA does not exist"));
        records(as("CRS1", "supervisor"), "NOBODY", "error_count", "2026-10").statusCode(404)
                .body("detail", equalTo("Agent NOBODY does not exist"));
        records(hr(), "NOBODY", "error_count", "2026-10").statusCode(404);
        records(as(null, "records-writer"), "CRA", "error_count", "2026-10").statusCode(403);
        records(as(null, "service"), "CRA", "error_count", "2026-10").statusCode(403);
        RestAssured.given().queryParam("employeeId", "CRA").queryParam("metric", "error_count")
                .queryParam("period", "2026-10").get("/api/v1/metrics/records").then().statusCode(401);
    }

    @Test
    void badParametersAreNamed() {
        records(hr(), "CRA", "error_count", "2026-Q4").statusCode(400).body("field", equalTo("period"));
        records(hr(), "CRA", "error_count", "2026-02-30").statusCode(400).body("field", equalTo("period"));
        records(hr(), "CRA", "no_such_metric", "2026-10").statusCode(400).body("field", equalTo("metric"));
        records(hr(), null, "error_count", "2026-10").statusCode(400).body("field", equalTo("employeeId"));
        records(hr(), "CRA", "error_count", null).statusCode(400).body("field", equalTo("period"));
        hr().queryParam("employeeId", "CRA").queryParam("metric", "error_count").queryParam("period", "2026-10")
                .queryParam("limit", "0").get("/api/v1/metrics/records").then().statusCode(400)
                .body("field", equalTo("limit"));
    }

    @Test
    void pagesFollowTheDocumentedOrder() {
        hr().queryParam("employeeId", "CRA").queryParam("metric", "error_count").queryParam("period", "2026-10")
                .queryParam("limit", "3").get("/api/v1/metrics/records").then().statusCode(200)
                .header("X-Total-Count", "4")
                .header("Link", containsString("offset=3"))
                .body("externalId", contains("cr-e0", "cr-e1", "cr-e3"));
        hr().queryParam("employeeId", "CRA").queryParam("metric", "error_count").queryParam("period", "2026-10")
                .queryParam("limit", "3").queryParam("offset", "3").get("/api/v1/metrics/records").then()
                .statusCode(200).header("Link", nullValue()).body("externalId", contains("cr-v1"));
    }

    private static ValidatableResponse records(io.restassured.specification.RequestSpecification as,
                                               String employeeId, String metric, String period) {
        if (employeeId != null) {
            as = as.queryParam("employeeId", employeeId);
        }
        if (period != null) {
            as = as.queryParam("period", period);
        }
        return as.queryParam("metric", metric).get("/api/v1/metrics/records").then();
    }

    private static Map<String, Object> incident(String id, int revision, String at, String kind, String note) {
        return Map.of("sourceSystem", "crm", "externalId", "cr-" + id, "revision", revision, "employeeId", "CRA",
                "occurredAt", at, "kind", kind, "note", note);
    }

    private static Map<String, Object> call(String id, String at) {
        return Map.of("sourceSystem", "acd", "externalId", "cr-" + id, "employeeId", "CRA", "startedAt", at,
                "talkSeconds", 200);
    }

    private static Map<String, Object> value(String id, String date, int value) {
        return Map.of("sourceSystem", "wfm", "externalId", "cr-" + id, "employeeId", "CRA", "metricCode",
                "error_count", "date", date, "value", value);
    }

    private static void unit(String code, String kind, String parent, String leader) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Unit " + code, "kind", kind));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        if (leader != null) {
            body.put("leaderEmployeeId", leader);
        }
        hr().body(body).post("/api/v1/metrics/org/units").then().statusCode(201);
    }
}
