package io.perfcenter.metrics;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bulk upsert of the org directory (HR/CRM sync) and departures. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class OrgSyncTests {

    @Inject
    AgroalDataSource dataSource;

    private static final String UNITS = "/api/v1/metrics/org/units/bulk";
    private static final String AGENTS = "/api/v1/metrics/org/agents/bulk";

    private static Map<String, Object> agent(String id, String name, String unit, Object... more) {
        Map<String, Object> row = new HashMap<>(Map.of("employeeId", id, "name", name, "position", "seat"));
        if (unit != null) {
            row.put("unitCode", unit);
        }
        for (int i = 0; i < more.length; i += 2) {
            row.put((String) more[i], more[i + 1]);
        }
        return row;
    }

    /** The agent's membership rows, oldest first: "unit from..to" (to empty while it lasts). */
    private List<String> memberships(String employeeId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT unit_code, valid_from, valid_to FROM membership "
                     + "WHERE employee_id = ? ORDER BY valid_from, id")) {
            st.setString(1, employeeId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + ".." + (rs.getString(3) == null ? ""
                            : rs.getString(3)));
                }
            }
        }
        return rows;
    }

    private long count(String sql, String prefix) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, prefix + "%");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void movesLeaversAndReturnsKeepTheMembershipHistory() throws SQLException {
        hr().body(List.of(Map.of("code", "MVC", "name", "Center", "kind", "CENTER"),
                        Map.of("code", "MV1", "name", "Group 1", "kind", "GROUP", "parentCode", "MVC"),
                        Map.of("code", "MV2", "name", "Group 2", "kind", "GROUP", "parentCode", "MVC")))
                .post(UNITS).then().statusCode(200).body("created", equalTo(3));
        hr().body(List.of(agent("MVA", "Mover", "MV1", "memberFrom", "2026-01-01"),
                        agent("MVB", "Leaver", "MV1", "memberFrom", "2026-01-01"),
                        agent("MVD", "Returner", "MV1", "memberFrom", "2026-01-01", "status", "LEFT",
                                "leftOn", "2026-02-01"),
                        agent("MVE", "Early leaver", "MV1", "memberFrom", "2026-03-01", "status", "LEFT",
                                "leftOn", "2026-03-01")))
                .post(AGENTS).then().statusCode(200).body("created", equalTo(3)).body("rejected", equalTo(1))
                .body("errors.field", contains("leftOn")).body("errors.row", contains(4));
        List<Map<String, Object>> changes = List.of(
                // moves on 1 March: the old membership ends that day, the new one starts
                agent("MVA", "Mover", "MV2", "memberFrom", "2026-03-01"),
                agent("MVB", "Leaver", "MV1", "status", "LEFT", "leftOn", "2026-04-01"),
                // back, in another group
                agent("MVD", "Returner", "MV2", "memberFrom", "2026-05-01"));
        hr().body(changes).post(AGENTS).then().statusCode(200)
                .body("updated", equalTo(3)).body("rejected", equalTo(0));
        assertEquals(List.of("MV1 2026-01-01..2026-03-01", "MV2 2026-03-01.."), memberships("MVA"));
        assertEquals(List.of("MV1 2026-01-01..2026-04-01"), memberships("MVB"));
        assertEquals(List.of("MV1 2026-01-01..2026-02-01", "MV2 2026-05-01.."), memberships("MVD"));
        hr().get("/api/v1/metrics/org/agents/MVD").then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("leftOn", equalTo(null)).body("unitCode", equalTo("MV2"));
        hr().get("/api/v1/metrics/org/agents/MVB").then().statusCode(200).body("status", equalTo("LEFT"))
                .body("leftOn", equalTo("2026-04-01"));
        // the same upload again: nothing changes, no membership is added
        hr().body(changes).post(AGENTS).then().statusCode(200)
                .body("unchanged", equalTo(3)).body("updated", equalTo(0)).body("created", equalTo(0));
        assertEquals(List.of("MV1 2026-01-01..2026-03-01", "MV2 2026-03-01.."), memberships("MVA"));
        assertEquals(List.of("MV1 2026-01-01..2026-02-01", "MV2 2026-05-01.."), memberships("MVD"));
        // a move that does not start after the current membership is refused
        hr().body(List.of(agent("MVA", "Mover", "MV1", "memberFrom", "2026-03-01")))
                .post(AGENTS).then().statusCode(200).body("rejected", equalTo(1))
                .body("errors.field", contains("memberFrom"));
        assertEquals(List.of("MV1 2026-01-01..2026-03-01", "MV2 2026-03-01.."), memberships("MVA"));
    }

    @Test
    void aRejectedRowChangesNothingOfItsAgent() throws SQLException {
        hr().body(List.of(Map.of("code", "RJC", "name", "Center", "kind", "CENTER"))).post(UNITS).then()
                .statusCode(200);
        hr().body(List.of(agent("RJA", "Before", "RJC", "memberFrom", "2026-01-01", "status", "LEFT",
                "leftOn", "2026-02-01"))).post(AGENTS).then().statusCode(200).body("created", equalTo(1));
        // back without a unit: refused, and the new name and position in the same row are not applied either
        Map<String, Object> back = agent("RJA", "After", null, "memberFrom", "2026-05-01");
        back.put("position", "expert-seat");
        hr().body(List.of(back)).post(AGENTS).then().statusCode(200).body("rejected", equalTo(1))
                .body("errors.field", contains("unitCode"));
        hr().get("/api/v1/metrics/org/agents/RJA").then().statusCode(200).body("name", equalTo("Before"))
                .body("position", equalTo("seat")).body("status", equalTo("LEFT"));
        assertEquals(List.of("RJC 2026-01-01..2026-02-01"), memberships("RJA"));
    }

    @Test
    void aLargeSyncIsCreatedOnceAndThenFoundUnchanged() throws SQLException {
        hr().body(List.of(Map.of("code", "BLC", "name", "Center", "kind", "CENTER"),
                        Map.of("code", "BLG", "name", "Group", "kind", "GROUP", "parentCode", "BLC")))
                .post(UNITS).then().statusCode(200);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(agent("BL" + i, "Agent " + i, i % 2 == 0 ? "BLC" : "BLG", "hireDate", "2025-01-01"));
        }
        // a repeated employee id and an unknown unit are reported by row; the rest go through
        rows.add(agent("BL7", "Again", "BLG"));
        rows.add(agent("BLX", "Nowhere", "NO-SUCH-UNIT"));
        hr().body(rows).post(AGENTS).then().statusCode(200)
                .body("created", equalTo(3000)).body("rejected", equalTo(2))
                .body("errors.row", contains(3001, 3002)).body("errors.field", contains("employeeId", "unitCode"));
        assertEquals(3000, count("SELECT count(*) FROM agent WHERE employee_id LIKE ?", "BL"));
        assertEquals(3000, count("SELECT count(*) FROM membership WHERE employee_id LIKE ? AND valid_from = "
                + "DATE '2025-01-01' AND valid_to IS NULL", "BL"));
        hr().body(rows.subList(0, 3000)).post(AGENTS).then().statusCode(200)
                .body("unchanged", equalTo(3000)).body("created", equalTo(0)).body("updated", equalTo(0));
        assertEquals(3000, count("SELECT count(*) FROM membership WHERE employee_id LIKE ?", "BL"));
    }

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
