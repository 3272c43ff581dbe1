package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Bulk upsert of the org directory (HR/CRM sync) and departures. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class OrgSyncTests {

    @Test
    void unitsAndAgentsAreUpsertedRowByRow() {
        hr().body(List.of(
                        Map.of("code", "OG1", "name", "Group 1", "kind", "GROUP", "parentCode", "OT"),
                        Map.of("code", "OT", "name", "Team", "kind", "TEAM", "parentCode", "OC"),
                        Map.of("code", "OC", "name", "Center", "kind", "CENTER"),
                        Map.of("code", "OG2", "name", "Group 2", "kind", "GROUP"),
                        Map.of("code", "OG3", "name", "Group 3", "kind", "GROUP", "parentCode", "NOWHERE")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200)
                .body("created", equalTo(3)).body("rejected", equalTo(2))
                .body("errors.row", contains(4, 5)).body("errors.field", contains("parentCode", "parentCode"));
        // the same again changes nothing; a new leader is an update; a cycle is refused
        hr().body(List.of(
                        Map.of("code", "OC", "name", "Center", "kind", "CENTER"),
                        Map.of("code", "OT", "name", "Team", "kind", "TEAM", "parentCode", "OC", "leaderEmployeeId", "OM"),
                        Map.of("code", "OC", "name", "Center", "kind", "TEAM", "parentCode", "OG1")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200)
                .body("unchanged", equalTo(1)).body("updated", equalTo(1)).body("errors[0].row", equalTo(3));

        hr().body(List.of(
                        Map.of("employeeId", "O1", "name", "Wang Fang", "position", "seat", "unitCode", "OG1",
                                "hireDate", "2025-02-01"),
                        Map.of("employeeId", "O2", "name", "Zhao Lei", "position", "seat", "unitCode", "OG1",
                                "memberFrom", "2026-01-01"),
                        Map.of("employeeId", "O3", "name", "No Unit", "position", "seat"),
                        Map.of("employeeId", "bad id!", "name", "x", "position", "seat", "unitCode", "OG1")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", equalTo(2))
                .body("errors.field", contains("unitCode", "employeeId"));
        Map<String, Object> o2 = new HashMap<>(Map.of("employeeId", "O2", "name", "Zhao Lei", "position",
                "expert-seat", "unitCode", "OG1"));
        Map<String, Object> o1 = new HashMap<>(Map.of("employeeId", "O1", "name", "Wang Fang", "position", "seat",
                "unitCode", "OG1", "hireDate", "2025-02-01", "status", "LEFT", "leftOn", "2026-11-01"));
        hr().body(List.of(o2, o1)).post("/api/v1/metrics/org/agents/bulk").then().statusCode(200)
                .body("updated", equalTo(2));
        hr().get("/api/v1/metrics/org/agents/O2").then().statusCode(200).body("position", equalTo("expert-seat"));
        hr().get("/api/v1/metrics/org/agents/O1").then().statusCode(200).body("status", equalTo("LEFT"))
                .body("leftOn", equalTo("2026-11-01")).body("unitCode", equalTo(null));
        // O1 still counts for the group in October, not in November
        hr().queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .get("/api/v1/metrics/org/units/OG1/members").then().body("employeeId", contains("O1", "O2"));
        hr().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get("/api/v1/metrics/org/units/OG1/members").then().body("employeeId", contains("O2"));
    }

    @Test
    void aDepartureEndsTheMembership() {
        hr().body(List.of(Map.of("code", "LC", "name", "Center", "kind", "CENTER"))).post("/api/v1/metrics/org/units/bulk")
                .then().statusCode(200);
        hr().body(Map.of("employeeId", "L1", "name", "Leaving", "position", "seat", "unitCode", "LC",
                "memberFrom", "2026-01-01")).post("/api/v1/metrics/org/agents").then().statusCode(201);
        hr().body(Map.of("leftOn", "2025-12-01")).post("/api/v1/metrics/org/agents/L1/departure").then()
                .statusCode(400).body("field", equalTo("leftOn"));
        hr().body(Map.of("leftOn", "2026-06-01")).post("/api/v1/metrics/org/agents/L1/departure").then()
                .statusCode(200).body("status", equalTo("LEFT")).body("leftOn", equalTo("2026-06-01"));
        hr().body(Map.of("leftOn", "2026-07-01")).post("/api/v1/metrics/org/agents/L1/departure").then()
                .statusCode(409);
        hr().body(Map.of("leftOn", "2026-07-01")).post("/api/v1/metrics/org/agents/NOBODY/departure").then()
                .statusCode(404);
    }

    @Test
    void onlyHrAdminAndIntegrationMaySync() {
        RestAssured.given().contentType("application/json").body(List.of()).post("/api/v1/metrics/org/units/bulk")
                .then().statusCode(401);
        as("S1", "supervisor").body(List.of()).post("/api/v1/metrics/org/units/bulk").then().statusCode(403);
        as("Q1", "qa").body(List.of()).post("/api/v1/metrics/org/agents/bulk").then().statusCode(403);
        as("A1", "agent").body(Map.of("leftOn", "2026-07-01")).post("/api/v1/metrics/org/agents/A1/departure")
                .then().statusCode(403);
        as(null, "org-sync").body(List.of()).post("/api/v1/metrics/org/agents/bulk").then().statusCode(200)
                .body("created", equalTo(0));
    }
}
