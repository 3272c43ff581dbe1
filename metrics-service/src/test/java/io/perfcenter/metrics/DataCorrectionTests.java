package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.DerivedAggregatesTests.call;
import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Data corrections decided on appeals: an agent's figure of a summed metric on a day replaces what the day's raw
 * records gave (a pushed value would not: on a day with records it is ignored), in the agent's and the unit's values
 * and in trends; stored and withdrawn idempotently by key, only by services and admin, with whom they acted for.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class DataCorrectionTests {

    private static final String CORRECTIONS = "/api/v1/metrics/corrections/";

    /** scoring-service's identity: the one machine role that corrects data. */
    private static RequestSpecification service() {
        return as(null, "corrections-writer");
    }

    /** The CRM/ACD upload client. */
    private static RequestSpecification uploader() {
        return as(null, "records-writer");
    }

    private static Map<String, Object> correction(String agent, String metric, String date, int value) {
        return Map.of("employeeId", agent, "metricCode", metric, "date", date, "value", value,
                "reason", "appeal 7: not this agent's call");
    }

    private static void expectCalls(int cx1, int unit) {
        hr().queryParam("unit", "XCG").queryParam("metric", "calls_handled").queryParam("from", "2026-10-01")
                .queryParam("to", "2026-10-31").get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents.find { it.employeeId == 'CX1' }.values.calls_handled.value", equalTo(cx1))
                .body("unitTotal.calls_handled.value", equalTo(unit));
        hr().queryParam("employeeId", "CX1").queryParam("metric", "calls_handled").queryParam("from", "2026-10-01")
                .queryParam("to", "2026-10-31").get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.calls_handled.value", equalTo(cx1));
    }

    @Test
    void aCorrectionReplacesTheDaysFigureAndIsWithdrawnIdempotently() {
        hr().body(List.of(Map.of("code", "XCG", "name", "Correction group", "kind", "GROUP", "parentCode", "XCC"),
                        Map.of("code", "XCC", "name", "Correction center", "kind", "CENTER")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(2));
        hr().body(List.of(
                        Map.of("employeeId", "CX1", "name", "CX1", "position", "seat", "unitCode", "XCG", "memberFrom", "2026-01-01"),
                        Map.of("employeeId", "CX2", "name", "CX2", "position", "seat", "unitCode", "XCG", "memberFrom", "2026-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(2));
        // CX1: 2 calls on 5 October, 1 on 6 October; CX2: 1 on 5 October
        uploader().body(List.of(
                        call("cx1-1", "CX1", "2026-10-05T09:00:00+08:00", 100, 0, 0, true),
                        call("cx1-2", "CX1", "2026-10-05T10:00:00+08:00", 100, 0, 0, true),
                        call("cx1-3", "CX1", "2026-10-06T10:00:00+08:00", 100, 0, 0, true),
                        call("cx2-1", "CX2", "2026-10-05T10:00:00+08:00", 100, 0, 0, true)))
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(4));
        expectCalls(3, 4);
        // what scoring sent before: a pushed value, ignored on a day with records
        uploader().body(List.of(Map.of("sourceSystem", "scoring", "externalId", "cx1-fix", "employeeId", "CX1",
                        "metricCode", "calls_handled", "date", "2026-10-05", "value", 1)))
                .post("/api/v1/metrics/values").then().statusCode(200);
        expectCalls(3, 4);

        // only services and admin correct data
        hr().body(correction("CX1", "calls_handled", "2026-10-05", 1)).put(CORRECTIONS + "appeal-7").then()
                .statusCode(403);
        as("S1", "supervisor").body(correction("CX1", "calls_handled", "2026-10-05", 1))
                .put(CORRECTIONS + "appeal-7").then().statusCode(403);

        // 5 October becomes 1 call: CX1 1 + 1 = 2, the group 2 + 1 = 3
        service().header("X-Acting-For", "RV1").body(correction("CX1", "calls_handled", "2026-10-05", 1))
                .put(CORRECTIONS + "appeal-7").then().statusCode(200).body("actingFor", equalTo("RV1"))
                .body("recordedBy", notNullValue());
        expectCalls(2, 3);
        hr().queryParam("employeeId", "CX1").queryParam("metric", "calls_handled").queryParam("from", "2026-10-04")
                .queryParam("to", "2026-10-06").queryParam("granularity", "DAY").get("/api/v1/metrics/trends").then()
                .statusCode(200).body("series.values.calls_handled.value", equalTo(List.of(1, 1)));
        // the same again changes nothing; another figure under the key replaces it: 0 + 1 = 1, group 0 + 1 + 1 = 2
        service().body(correction("CX1", "calls_handled", "2026-10-05", 1)).put(CORRECTIONS + "appeal-7").then()
                .statusCode(200);
        expectCalls(2, 3);
        service().body(correction("CX1", "calls_handled", "2026-10-05", 0)).put(CORRECTIONS + "appeal-7").then()
                .statusCode(200);
        expectCalls(1, 2);
        // one correction in force per agent, metric and day
        service().body(correction("CX1", "calls_handled", "2026-10-05", 2)).put(CORRECTIONS + "appeal-8").then()
                .statusCode(409);
        // a ratio has no day's figure of its own
        service().body(correction("CX1", "aht", "2026-10-05", 2)).put(CORRECTIONS + "appeal-9").then()
                .statusCode(400).body("field", equalTo("metricCode"));
        service().body(correction("NOBODY", "calls_handled", "2026-10-05", 2)).put(CORRECTIONS + "appeal-9").then()
                .statusCode(400).body("field", equalTo("employeeId"));

        // withdrawn: the records count again; withdrawing again does nothing; the correction stays on record
        service().header("X-Acting-For", "H1").delete(CORRECTIONS + "appeal-7").then().statusCode(204);
        expectCalls(3, 4);
        service().delete(CORRECTIONS + "appeal-7").then().statusCode(204);
        service().delete(CORRECTIONS + "never-made").then().statusCode(204);
        hr().get(CORRECTIONS + "appeal-7").then().statusCode(200).body("withdrawnAt", notNullValue())
                .body("withdrawnBy", containsString("for H1"));
        hr().get(CORRECTIONS + "never-made").then().statusCode(404);
    }
}
