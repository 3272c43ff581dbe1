package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Home units of a period (GET /org/units/{code}/assignments): October 2026 has 31 days. Team HT holds groups HG1
 * and HG2; HG3 is in another team. Memberships (valid_to exclusive):
 * <ul>
 * <li>HS: HG1 all month — 31 days in HG1</li>
 * <li>HM1: HG1, moves to HG2 on 16 Oct — HG1 1–15 (15 days), HG2 16–31 (16 days)</li>
 * <li>HM2: HG1, moves to HG2 on 21 Oct — HG1 1–20 (20 days), HG2 21–31 (11 days)</li>
 * <li>HT1: HG1, moves to HG2 on 11 Oct, leaves on 21 Oct — HG1 1–10 (10 days), HG2 11–20 (10 days): a tie</li>
 * <li>HL: HG1, moves to HG3 on 21 Oct, leaves on 26 Oct — HG1 1–20 (20 days), HG3 21–25 (5 days)</li>
 * </ul>
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class UnitAssignmentsTests {

    private static boolean seeded;

    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        unit("HC", "CENTER", null, null);
        unit("HT", "TEAM", "HC", null);
        unit("HT2", "TEAM", "HC", null);
        unit("HG1", "GROUP", "HT", "HSUP1");
        unit("HG2", "GROUP", "HT", "HSUP2");
        unit("HG3", "GROUP", "HT2", null);
        for (String id : new String[]{"HS", "HM1", "HM2", "HT1", "HL"}) {
            hr().body(Map.of("employeeId", id, "name", "Agent " + id, "position", id.equals("HM2") ? "online-seat"
                    : "seat", "unitCode", "HG1", "memberFrom", "2026-01-01")).post("/api/v1/metrics/org/agents")
                    .then().statusCode(201);
        }
        move("HM1", "HG2", "2026-10-16");
        move("HM2", "HG2", "2026-10-21");
        move("HT1", "HG2", "2026-10-11");
        leave("HT1", "2026-10-21");
        move("HL", "HG3", "2026-10-21");
        leave("HL", "2026-10-26");
    }

    @Test
    void mostDaysGivesEachAgentTheUnitOfMostDaysAndATieToTheLaterUnit() {
        ValidatableResponse r = october(hr(), "HG1", null).statusCode(200)
                .body("employeeId", contains("HL", "HM1", "HM2", "HS", "HT1"))
                .body("policy", contains("MOST_DAYS", "MOST_DAYS", "MOST_DAYS", "MOST_DAYS", "MOST_DAYS"))
                .body("homeUnitCode", contains("HG1", "HG2", "HG1", "HG1", "HG2"))
                .body("assigned", contains(true, false, true, true, false))
                .body("daysInHomeUnit", contains(20, 16, 20, 31, 10))
                .body("daysInUnit", contains(20, 15, 20, 31, 10))
                .body("daysInAnyUnit", contains(25, 31, 31, 31, 20))
                .body("periodDays", contains(31, 31, 31, 31, 31))
                .body("position", contains("seat", "seat", "online-seat", "seat", "seat"));
        r.body("find { it.employeeId == 'HM1' }.memberships.unitCode", contains("HG1", "HG2"))
                .body("find { it.employeeId == 'HM1' }.memberships.firstDay", contains("2026-10-01", "2026-10-16"))
                .body("find { it.employeeId == 'HM1' }.memberships.lastDay", contains("2026-10-15", "2026-10-31"))
                .body("find { it.employeeId == 'HM1' }.memberships.days", contains(15, 16));
    }

    @Test
    void periodEndGivesTheUnitOfTheLastDayAndALeaverTheirLastUnit() {
        october(hr(), "HG1", "PERIOD_END").statusCode(200)
                .body("employeeId", contains("HL", "HM1", "HM2", "HS", "HT1"))
                .body("homeUnitCode", contains("HG3", "HG2", "HG2", "HG1", "HG2"))
                .body("assigned", contains(false, false, false, true, false))
                .body("daysInHomeUnit", contains(5, 16, 11, 31, 10));
        october(hr(), "HG2", "PERIOD_END").statusCode(200)
                .body("employeeId", contains("HM1", "HM2", "HT1"))
                .body("assigned", contains(true, true, true));
    }

    @Test
    void aMoveInsideTheAskedUnitKeepsTheAgentThere() {
        // HM1's 15 + 16 days are all in team HT; HL's 5 days in HG3 are not
        october(hr(), "HT", null).statusCode(200)
                .body("employeeId", contains("HL", "HM1", "HM2", "HS", "HT1"))
                .body("homeUnitCode", contains("HG1", "HG2", "HG1", "HG1", "HG2"))
                .body("assigned", contains(true, true, true, true, true))
                .body("daysInUnit", contains(20, 31, 31, 31, 20));
    }

    @Test
    void badRangesAndPoliciesAreNamed() {
        october(hr(), "HG1", "LAST").statusCode(400).body("field", equalTo("policy"));
        hr().queryParam("from", "2026-10-01").get("/api/v1/metrics/org/units/HG1/assignments").then()
                .statusCode(400).body("field", equalTo("to"));
        hr().queryParam("from", "2026-10-31").queryParam("to", "2026-10-01")
                .get("/api/v1/metrics/org/units/HG1/assignments").then().statusCode(400).body("field", equalTo("to"));
        october(hr(), "NO-SUCH-UNIT", null).statusCode(404);
    }

    @Test
    void onlyThoseWhoMayReadTheUnitsMembersMayReadItsAssignments() {
        october(as("HS", "agent"), "HG1", null).statusCode(403);
        october(as("Q1", "qa"), "HG1", null).statusCode(403);
        october(as("HSUP2", "supervisor"), "HG1", null).statusCode(404);
        october(as("HSUP1", "supervisor"), "HG1", null).statusCode(200).body("employeeId", contains("HL", "HM1",
                "HM2", "HS", "HT1"));
        october(as(null, "service"), "HG1", null).statusCode(200);
    }

    @Test
    void aPageIsCutByTheDatabaseAndReadsOnlyItsAgentsMemberships() {
        // the pages of two give the whole list in order, with the total and the next link
        october(hr().queryParam("limit", 2), "HG1", null).statusCode(200)
                .header("X-Total-Count", "5")
                .header("Link", org.hamcrest.Matchers.containsString("offset=2"))
                .body("employeeId", contains("HL", "HM1"));
        october(hr().queryParam("limit", 2).queryParam("offset", 4), "HG1", null).statusCode(200)
                .header("X-Total-Count", "5")
                .header("Link", org.hamcrest.Matchers.nullValue())
                .body("employeeId", contains("HT1"))
                .body("[0].homeUnitCode", equalTo("HG2"))
                .body("[0].memberships.unitCode", contains("HG1", "HG2"));
        // the page in the middle: its agents' memberships only (in every unit: HM2 moved to HG2), decided alike
        java.util.List<String> sql = RecordedSql.during(() -> october(hr().queryParam("limit", 2)
                .queryParam("offset", 2), "HG1", null).statusCode(200)
                .header("X-Total-Count", "5")
                .body("employeeId", contains("HM2", "HS"))
                .body("homeUnitCode", contains("HG1", "HG1"))
                .body("[0].memberships.unitCode", contains("HG1", "HG2")));
        // one statement cuts the page (count and ids by the database) and reads its agents' memberships
        java.util.List<String> page = sql.stream().filter(q -> q.contains("FROM membership")).toList();
        org.junit.jupiter.api.Assertions.assertEquals(1, page.size(), sql.toString());
        String statement = page.get(0);
        org.junit.jupiter.api.Assertions.assertTrue(statement.toUpperCase().contains("LIMIT"), statement);
        org.junit.jupiter.api.Assertions.assertTrue(statement.contains("JOIN agent a"), statement);
        // the unit, the period's ends (for the unit's agents and for their memberships), offset and limit: the page's
        // agents are not sent back as binds, and nothing is bound per agent of the unit
        org.junit.jupiter.api.Assertions.assertEquals(7, statement.chars().filter(ch -> ch == '?').count(),
                statement);
        // past the last page: no rows, the total all the same
        october(hr().queryParam("limit", 2).queryParam("offset", 6), "HG1", null).statusCode(200)
                .header("X-Total-Count", "5").body("size()", equalTo(0));
    }

    @Test
    void aPageOfMembersIsCutByTheDatabase() {
        java.util.List<String> sql = RecordedSql.during(() -> hr().queryParam("from", "2026-10-01")
                .queryParam("to", "2026-10-31").queryParam("limit", 2).queryParam("offset", 1)
                .get("/api/v1/metrics/org/units/HG1/members").then().statusCode(200)
                .header("X-Total-Count", "5")
                .body("employeeId", contains("HM1", "HM2")));
        String rows = sql.stream().filter(q -> q.contains("a.hire_date")).findFirst()
                .orElseThrow(() -> new AssertionError(sql.toString()));
        org.junit.jupiter.api.Assertions.assertTrue(rows.toUpperCase().contains("LIMIT"), rows);
        hr().queryParam("from", "2026-10-01").queryParam("to", "2026-10-31").queryParam("offset", 9)
                .get("/api/v1/metrics/org/units/HG1/members").then().statusCode(200)
                .header("X-Total-Count", "5").body("size()", equalTo(0));
    }

    private static ValidatableResponse october(RequestSpecification caller, String unit, String policy) {
        RequestSpecification request = caller.queryParam("from", "2026-10-01").queryParam("to", "2026-10-31");
        if (policy != null) {
            request = request.queryParam("policy", policy);
        }
        return request.get("/api/v1/metrics/org/units/" + unit + "/assignments").then();
    }

    private static void unit(String code, String kind, String parent, String leader) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", "Unit " + code, "kind", kind));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        if (leader != null) {
            body.put("leaderEmployeeId", leader);
        }
        hr().body(body).post("/api/v1/metrics/org/units").then().statusCode(201);
    }

    private static void move(String agent, String unit, String from) {
        hr().body(Map.of("unitCode", unit, "from", from)).post("/api/v1/metrics/org/agents/" + agent + "/moves")
                .then().statusCode(200);
    }

    private static void leave(String agent, String leftOn) {
        hr().body(Map.of("leftOn", leftOn)).post("/api/v1/metrics/org/agents/" + agent + "/departure").then()
                .statusCode(200);
    }
}
