package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class OrgAndAggregatesTests {

    static RequestSpecification as(String employeeId, String... roles) {
        return given().auth().oauth2(TestTokens.token(employeeId, roles)).contentType(ContentType.JSON);
    }

    static RequestSpecification hr() {
        return as("H1", "hr");
    }

    private static boolean seeded;

    // RestAssured knows the random test port only from the first test on, so the shared org is made here once
    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(Map.of("code", "C1", "name", "Center", "kind", "CENTER")).post("/api/v1/metrics/org/units")
                .then().statusCode(201);
        hr().body(Map.of("code", "T1", "name", "Team", "kind", "TEAM", "parentCode", "C1", "leaderEmployeeId", "M1"))
                .post("/api/v1/metrics/org/units").then().statusCode(201);
        hr().body(Map.of("code", "GA", "name", "Group A", "kind", "GROUP", "parentCode", "T1", "leaderEmployeeId", "S1"))
                .post("/api/v1/metrics/org/units").then().statusCode(201);
        hr().body(Map.of("code", "GB", "name", "Group B", "kind", "GROUP", "parentCode", "T1", "leaderEmployeeId", "S2"))
                .post("/api/v1/metrics/org/units").then().statusCode(201);
        for (String[] a : new String[][]{{"A1", "GA"}, {"A2", "GA"}, {"B1", "GB"}}) {
            hr().body(Map.of("employeeId", a[0], "name", "Agent " + a[0], "position", "seat", "unitCode", a[1],
                    "memberFrom", "2026-01-01")).post("/api/v1/metrics/org/agents").then().statusCode(201);
        }
        // A2 moves from group A to group B on 16 October
        hr().body(Map.of("unitCode", "GB", "from", "2026-10-16")).post("/api/v1/metrics/org/agents/A2/moves")
                .then().statusCode(200).body("unitCode", equalTo("GB"));
        List<Map<String, Object>> values = new ArrayList<>();
        for (String agent : List.of("A1", "A2", "B1")) {
            for (int day = 1; day <= 31; day++) {
                values.add(Map.of("sourceSystem", "acd", "externalId", agent + "-" + day, "employeeId", agent,
                        "metricCode", "calls_handled", "date", String.format("2026-10-%02d", day), "value", 10));
            }
        }
        as(null, "records-writer").body(values).post("/api/v1/metrics/values").then().statusCode(200)
                .body("accepted", equalTo(93)).body("duplicate", equalTo(0)).body("rejected", equalTo(0));
    }

    @Test
    void monthValuesFollowEffectiveDatedMembership() {
        hr().queryParam("unit", "GA").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents.employeeId", containsInAnyOrder("A1", "A2"))
                .body("agents.find { it.employeeId == 'A1' }.values.calls_handled.value", equalTo(310))
                .body("agents.find { it.employeeId == 'A2' }.values.calls_handled.value", equalTo(150))
                .body("agents.find { it.employeeId == 'A2' }.values.calls_handled.samples", equalTo(15));
        hr().queryParam("unit", "GB").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents.find { it.employeeId == 'A2' }.values.calls_handled.value", equalTo(160))
                .body("agents.find { it.employeeId == 'B1' }.values.calls_handled.value", equalTo(310));
    }

    @Test
    void aDefinitionOnceReadIsNotReadAgainAndANewOneIsFoundAtOnce() {
        // the first read of these metrics may read the catalog; later ones of the same metrics do not
        hr().queryParam("employeeId", "A1").queryParam("metric", "calls_handled").queryParam("metric", "aht")
                .queryParam("period", "2026-10").get("/api/v1/metrics/aggregates").then().statusCode(200);
        List<String> sql = RecordedSql.during(() -> hr().queryParam("employeeId", "A1")
                .queryParam("metric", "calls_handled").queryParam("metric", "aht").queryParam("period", "2026-10")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.calls_handled.value", equalTo(310)));
        assertTrue(sql.stream().noneMatch(q -> q.contains("metric_definition")), sql.toString());
        // a metric created after that is read (and found) at its first use, as is a code that is no metric
        hr().queryParam("employeeId", "A1").queryParam("metric", "calls_handled").queryParam("metric", "calls_cached")
                .queryParam("period", "2026-10").get("/api/v1/metrics/aggregates").then().statusCode(400)
                .body("field", equalTo("metric"));
        hr().body(Map.of("code", "calls_cached", "nameZh", "接听量", "nameEn", "Calls (cache test)", "unit", "count",
                        "direction", "HIGHER_BETTER", "aggregation", "SUM", "category", "internal-operations", "source", "acd"))
                .post("/api/v1/metrics/catalog").then().statusCode(201);
        as(null, "records-writer").body(List.of(Map.of("sourceSystem", "acd", "externalId", "cached-1",
                        "employeeId", "A1", "metricCode", "calls_cached", "date", "2026-10-02", "value", 4)))
                .post("/api/v1/metrics/values").then().statusCode(200).body("accepted", equalTo(1));
        hr().queryParam("employeeId", "A1").queryParam("metric", "calls_handled").queryParam("metric", "calls_cached")
                .queryParam("period", "2026-10").get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.calls_cached.value", equalTo(4))
                .body("agents[0].values.calls_handled.value", equalTo(310));
    }

    @Test
    void resendingIsANoOpAndANewerRevisionReplaces() {
        Map<String, Object> row = Map.of("sourceSystem", "acd", "externalId", "A1-1", "employeeId", "A1",
                "metricCode", "calls_handled", "date", "2026-10-01", "value", 10);
        as(null, "records-writer").body(List.of(row)).post("/api/v1/metrics/values").then().statusCode(200)
                .body("accepted", equalTo(0)).body("duplicate", equalTo(1));
        Map<String, Object> corrected = new java.util.HashMap<>(row);
        corrected.put("externalId", "A1-extra");
        corrected.put("date", "2026-11-01");
        corrected.put("value", 7);
        as(null, "records-writer").body(List.of(corrected)).post("/api/v1/metrics/values").then()
                .body("accepted", equalTo(1));
        corrected.put("value", 9);
        corrected.put("revision", 2);
        as(null, "records-writer").body(List.of(corrected)).post("/api/v1/metrics/values").then()
                .body("accepted", equalTo(1));
        as("A1", "agent").queryParam("employeeId", "A1").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.calls_handled.value", equalTo(9));
    }

    @Test
    void badRowsAreReportedAndGoodRowsKept() {
        List<Map<String, Object>> rows = List.of(
                Map.of("sourceSystem", "acd", "externalId", "bad-1", "employeeId", "NOBODY",
                        "metricCode", "calls_handled", "date", "2026-09-01", "value", 1),
                Map.of("sourceSystem", "acd", "externalId", "bad-2", "employeeId", "B1",
                        "metricCode", "no_such_metric", "date", "2026-09-01", "value", 1),
                Map.of("sourceSystem", "acd", "externalId", "good-1", "employeeId", "B1",
                        "metricCode", "calls_handled", "date", "2026-09-01", "value", 4));
        as(null, "records-writer").body(rows).post("/api/v1/metrics/values").then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(2))
                .body("errors.row", contains(1, 2))
                .body("errors.field", contains("employeeId", "metricCode"));
    }

    @Test
    void invalidInputIsAProblemNamingTheFieldAndChangesNothing() {
        hr().body(Map.of("code", "GX", "name", "Orphan", "kind", "GROUP")).post("/api/v1/metrics/org/units")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("parentCode"));
        hr().get("/api/v1/metrics/org/units/GX").then().statusCode(404).contentType("application/problem+json");
        hr().body(Map.of("code", "", "name", "x", "kind", "CENTER")).post("/api/v1/metrics/org/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("code"));
        hr().queryParam("unit", "GA").queryParam("metric", "calls_handled").queryParam("from", "2026-10-01")
                .get("/api/v1/metrics/aggregates").then().statusCode(400).body("field", equalTo("to"));
    }

    @Test
    void rolesAreEnforced() {
        given().get("/api/v1/metrics/catalog").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/v1/metrics/catalog").then().statusCode(401);
        as("A1", "agent").get("/api/v1/metrics/catalog").then().statusCode(200).body("code", hasItem("aht"));
        as("A1", "agent").body(Map.of("code", "C9", "name", "x", "kind", "CENTER")).post("/api/v1/metrics/org/units")
                .then().statusCode(403);
        as("S1", "supervisor").body(List.of()).post("/api/v1/metrics/values").then().statusCode(403);
        as("Q1", "qa").body(Map.of("code", "x_metric", "nameZh", "x", "nameEn", "x", "unit", "x",
                "direction", "HIGHER_BETTER", "aggregation", "SUM", "category", "x", "source", "x"))
                .post("/api/v1/metrics/catalog").then().statusCode(403);
    }

    /** A2 moved from GA (S1) to GB (S2) on 16 October: 10 calls a day all month. */
    @Test
    void aLeaderReadsAMovedAgentsFiguresOnlyOfTheDaysTheyBelongedToTheirUnit() {
        // S2 leads GB, A2's unit from the 16th on: 16 days of October, not the 15 before the move
        october(as("S2", "supervisor"), "A2").statusCode(200)
                .body("agents[0].values.calls_handled.value", equalTo(160))
                .body("agents[0].values.calls_handled.samples", equalTo(16));
        // S1 led A2's unit up to the 15th and keeps reading those days, though A2 left GA before the range ends
        october(as("S1", "supervisor"), "A2").statusCode(200)
                .body("agents[0].values.calls_handled.value", equalTo(150));
        // the manager of both groups, hr and A2 themself read the whole month
        october(as("M1", "manager"), "A2").statusCode(200).body("agents[0].values.calls_handled.value", equalTo(310));
        october(hr(), "A2").statusCode(200).body("agents[0].values.calls_handled.value", equalTo(310));
        october(as("A2", "agent"), "A2").statusCode(200).body("agents[0].values.calls_handled.value", equalTo(310));
        // a range wholly before the move: to S2, A2 is not theirs to see at all, answered as an unknown agent
        as("S2", "supervisor").queryParam("employeeId", "A2").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-15")
                .get("/api/v1/metrics/aggregates").then().statusCode(404)
                .body("detail", equalTo("Agent A2 does not exist"));
        // trends likewise: S2's daily series of A2 (14 to 17 October) is empty before the 16th, S1's after the 15th
        assertDailyCalls(as("S2", "supervisor"), null, null, 10, 10);
        assertDailyCalls(as("S1", "supervisor"), 10, 10, null, null);
    }

    private static io.restassured.response.ValidatableResponse october(RequestSpecification caller, String agent) {
        return caller.queryParam("employeeId", agent).queryParam("metric", "calls_handled")
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .get("/api/v1/metrics/aggregates").then();
    }

    /** A2's calls per day from 14 to 17 October as the caller reads them; null: a day without values. */
    private static void assertDailyCalls(RequestSpecification caller, Integer... perDay) {
        var series = caller.queryParam("employeeId", "A2").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-10-14").queryParam("to", "2026-10-17")
                .get("/api/v1/metrics/trends").then().statusCode(200).body("series", org.hamcrest.Matchers.hasSize(4));
        for (int day = 0; day < perDay.length; day++) {
            if (perDay[day] == null) {
                series.body("series[" + day + "].values", org.hamcrest.Matchers.anEmptyMap());
            } else {
                series.body("series[" + day + "].values.calls_handled.value", equalTo(perDay[day]));
            }
        }
    }

    @Test
    void dataScopeFollowsTheOrg() {
        // an agent sees only their own figures; anyone else answers exactly as an unknown agent or unit
        as("A1", "agent").queryParam("employeeId", "A2").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .get("/api/v1/metrics/aggregates").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://perfcenter.io/problems/not-found"))
                .body("detail", equalTo("Agent A2 does not exist"));
        as("A1", "agent").queryParam("employeeId", "NOBODY").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .get("/api/v1/metrics/aggregates").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://perfcenter.io/problems/not-found"))
                .body("detail", equalTo("Agent NOBODY does not exist"));
        as("A1", "agent").queryParam("unit", "GA").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .get("/api/v1/metrics/aggregates").then().statusCode(404)
                .body("detail", equalTo("Unit GA does not exist"));
        // a supervisor sees their group but not the other one; a manager sees the whole team
        as("S1", "supervisor").queryParam("unit", "GA").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .get("/api/v1/metrics/aggregates").then().statusCode(200);
        as("S1", "supervisor").queryParam("unit", "GB").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .get("/api/v1/metrics/aggregates").then().statusCode(404)
                .body("detail", equalTo("Unit GB does not exist"));
        as("S1", "supervisor").get("/api/v1/metrics/org/agents/B1").then().statusCode(404)
                .body("type", equalTo("https://perfcenter.io/problems/not-found"))
                .body("detail", equalTo("Agent B1 does not exist"));
        as("S1", "supervisor").get("/api/v1/metrics/org/agents/NOBODY").then().statusCode(404)
                .body("type", equalTo("https://perfcenter.io/problems/not-found"))
                .body("detail", equalTo("Agent NOBODY does not exist"));
        as("S1", "supervisor").get("/api/v1/metrics/org/agents/A1").then().statusCode(200)
                .body("unitCode", equalTo("GA"));
        as("M1", "manager").get("/api/v1/metrics/org/my-units").then().statusCode(200)
                .body("$", containsInAnyOrder("T1", "GA", "GB"));
        as("A1", "agent").get("/api/v1/metrics/org/my-units").then().statusCode(200).body("$", equalTo(List.of()));
        as("A1", "agent").get("/api/v1/metrics/org/agents/A1").then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("hireDate", nullValue());
    }
}
