package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mentoring (issue 13, seed 003): a mentor with two mentees judged on qa_score at least 85 over October 2026, one
 * passing and one failing, and a third withdrawn; mentoring_pass_rate derived from them through the aggregates.
 *
 * <p>Group MTG (supervisor MS1): mentor MT1, mentees MN1, MN2, MN3. QA evaluations: MN1 90 (5 Oct) and 84 (20 Oct) →
 * qa_score (90 + 84) / 2 = 87 ≥ 85: passes; MN2 80 and 86 → 83 &lt; 85: fails; MN3 none (the mentorship is withdrawn:
 * the mentee left). mentoring_pass_rate of MT1 in October = passed / finished, withdrawn left out = 1 / 2 = 0.5 from
 * 2 samples; the same over Q4; nothing in November (no mentorship ended then: no denominator, no value).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class MentoringTests {

    private static final String PATH = "/api/v1/metrics/org/mentorships";
    private static boolean seeded;

    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(List.of(Map.of("code", "MTG", "name", "Mentoring group", "kind", "CENTER",
                        "leaderEmployeeId", "MS1")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(1));
        List<Map<String, Object>> agents = new ArrayList<>();
        for (String id : List.of("MT1", "MN1", "MN2", "MN3", "MN4", "MT2")) {
            agents.add(Map.of("employeeId", id, "name", id, "position", "seat", "unitCode", "MTG",
                    "memberFrom", "2026-01-01"));
        }
        hr().body(agents).post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(6));
        hr().body(List.of(evaluation("mn-1", "MN1", "2026-10-05", 90), evaluation("mn-2", "MN1", "2026-10-20", 84),
                        evaluation("mn-3", "MN2", "2026-10-06", 80), evaluation("mn-4", "MN2", "2026-10-21", 86)))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("accepted", equalTo(4));
    }

    private static Map<String, Object> evaluation(String id, String agent, String day, int score) {
        return Map.of("sourceSystem", "qa-tool", "externalId", id, "employeeId", agent, "evaluatorId", "Q1",
                "evaluatedOn", day, "score", score);
    }

    private static Map<String, Object> mentorship(String mentor, String mentee, String from, String to) {
        return new HashMap<>(Map.of("mentorId", mentor, "menteeId", mentee, "from", from, "to", to,
                "criterion", Map.of("metricCode", "qa_score", "atLeast", 85), "note", "October class"));
    }

    private static long create(String mentee) {
        return hr().body(mentorship("MT1", mentee, "2026-10-01", "2026-10-31")).post(PATH).then().statusCode(201)
                .body("status", equalTo("DUE")).extract().jsonPath().getLong("id");
    }

    @Test
    void twoMenteesOnePassingOneFailingGiveAPassRateOfOneHalf() {
        long passing = create("MN1");
        long failing = create("MN2");
        long withdrawn = create("MN3");
        // before anyone ends them the window is over (DUE) and the criterion shown so far; nothing counts yet
        as("MT1", "agent").get("/api/v1/metrics/org/agents/MT1/mentees").then().statusCode(200)
                .body("finished", equalTo(0)).body("passRate", nullValue())
                .body("mentees[0].status", equalTo("DUE")).body("mentees[0].passed", equalTo(true))
                .body("mentees[0].value", equalTo(87));
        hr().queryParam("employeeId", "MT1").queryParam("metric", "mentoring_pass_rate").queryParam("period", "2026-10")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.mentoring_pass_rate", nullValue());

        hr().body(Map.of()).post(PATH + "/" + passing + "/end").then().statusCode(200)
                .body("status", equalTo("PASSED")).body("value", equalTo(87)).body("samples", equalTo(2))
                .body("endedOn", equalTo("2026-10-31")).body("endedBy", equalTo("H1"))
                .body("reason", equalTo("qa_score 87 over 2026-10-01 to 2026-10-31 (2 samples): at least 85 holds"));
        hr().body(Map.of("endedOn", "2026-10-31", "note", "Reviewed")).post(PATH + "/" + failing + "/end").then()
                .statusCode(200).body("status", equalTo("FAILED")).body("value", equalTo(83))
                .body("reason", equalTo("qa_score 83 over 2026-10-01 to 2026-10-31 (2 samples): below 85"));
        // a withdrawal needs its reason; then no verdict and it counts nowhere
        hr().body(Map.of("withdrawn", true)).post(PATH + "/" + withdrawn + "/end").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("note"));
        hr().body(Map.of("withdrawn", true, "note", "MN3 left the company")).post(PATH + "/" + withdrawn + "/end")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("passed", nullValue());
        // the verdict stands
        hr().body(Map.of()).post(PATH + "/" + passing + "/end").then().statusCode(409);

        // mentoring_pass_rate = 1 passed / 2 finished, as incentive's promotion ladders read it (atLeast 0.9)
        for (String period : List.of("2026-10", "2026-Q4")) {
            JsonPath a = hr().queryParam("employeeId", "MT1").queryParam("metric", "mentoring_pass_rate")
                    .queryParam("period", period).get("/api/v1/metrics/aggregates").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(0.5f, a.getFloat("agents[0].values.mentoring_pass_rate.value"), period);
            assertEquals(2, a.getInt("agents[0].values.mentoring_pass_rate.samples"), period);
        }
        hr().queryParam("employeeId", "MT1").queryParam("metric", "mentoring_pass_rate").queryParam("period", "2026-11")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.mentoring_pass_rate", nullValue());
        // the catalog says how it is derived now
        hr().get("/api/v1/metrics/catalog/mentoring_pass_rate").then().statusCode(200)
                .body("aggregation", equalTo("RATIO")).body("unit", equalTo("ratio"))
                .body("derivation.numerator.record", equalTo("mentorships"));

        JsonPath mentees = as("MT1", "agent").get("/api/v1/metrics/org/agents/MT1/mentees").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, mentees.getInt("finished"));
        assertEquals(1, mentees.getInt("passed"));
        assertEquals(0.5f, mentees.getFloat("passRate"));
        assertEquals(List.of("MN1", "MN2", "MN3"), mentees.getList("mentees.menteeId"));
        assertEquals(List.of("PASSED", "FAILED", "WITHDRAWN"), mentees.getList("mentees.status"));
        // the leader of the mentor's group reads them; another agent, a supervisor elsewhere and qa do not
        as("MS1", "supervisor").get("/api/v1/metrics/org/agents/MT1/mentees").then().statusCode(200)
                .body("finished", equalTo(2));
        as("MN1", "agent").get("/api/v1/metrics/org/agents/MT1/mentees").then().statusCode(404);
        as("MS9", "supervisor").get("/api/v1/metrics/org/agents/MT1/mentees").then().statusCode(404);
        as("Q1", "qa").get("/api/v1/metrics/org/agents/MT1/mentees").then().statusCode(403);
        hr().get("/api/v1/metrics/org/agents/NOBODY/mentees").then().statusCode(404);
        List<Integer> ofMentor = hr().queryParam("mentorId", "MT1").get(PATH).then().statusCode(200).extract().path("id");
        assertEquals(List.of((int) withdrawn, (int) failing, (int) passing), ofMentor);
    }

    @Test
    void rolesAndBadInput() {
        for (String role : List.of("agent", "supervisor", "manager", "qa", "org-sync", "service")) {
            as("MT2", role).body(mentorship("MT2", "MN4", "2026-11-01", "2026-11-30")).post(PATH).then()
                    .statusCode(403).contentType("application/problem+json");
            as("MT2", role).get(PATH).then().statusCode(403);
        }
        RestAssured.given().get(PATH).then().statusCode(401);
        String before = hr().get(PATH).then().statusCode(200).extract().header("X-Total-Count");
        Map<String, String> expected = Map.of("mentorId", "NOBODY", "menteeId", "MT2", "to", "2026-10-01");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Map<String, Object> bad = mentorship("MT2", "MN4", "2026-11-01", "2026-11-30");
            bad.put(e.getKey(), e.getValue());
            hr().body(bad).post(PATH).then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo(e.getKey()));
        }
        Map<String, Object> bad = mentorship("MT2", "MN4", "2026-11-01", "2026-11-30");
        bad.put("criterion", Map.of("metricCode", "no_such_metric", "atLeast", 1));
        hr().body(bad).post(PATH).then().statusCode(400).body("field", equalTo("criterion.metricCode"));
        bad.put("criterion", Map.of("metricCode", "qa_score"));
        hr().body(bad).post(PATH).then().statusCode(400).body("field", equalTo("criterion.atLeast"));
        bad.put("criterion", Map.of("metricCode", "qa_score", "atLeast", 90, "atMost", 80));
        hr().body(bad).post(PATH).then().statusCode(400).body("field", equalTo("criterion.atMost"));
        bad.remove("criterion");
        hr().body(bad).post(PATH).then().statusCode(400).body("field", equalTo("criterion"));
        assertEquals(before, hr().get(PATH).then().statusCode(200).extract().header("X-Total-Count"));

        // one running mentorship per mentee at a time
        long running = hr().body(mentorship("MT2", "MN4", "2026-11-01", "2099-12-31")).post(PATH).then()
                .statusCode(201).body("status", equalTo("RUNNING")).extract().jsonPath().getLong("id");
        hr().body(mentorship("MT1", "MN4", "2026-12-01", "2027-01-31")).post(PATH).then().statusCode(409);
        // a window is judged once over: not on a day after today, nor outside it
        hr().body(Map.of("endedOn", "2099-06-01")).post(PATH + "/" + running + "/end").then().statusCode(400)
                .body("field", equalTo("endedOn"));
        hr().body(Map.of("endedOn", "2026-10-31")).post(PATH + "/" + running + "/end").then().statusCode(400)
                .body("field", equalTo("endedOn"));
        as("MT2", "agent").body(Map.of()).post(PATH + "/" + running + "/end").then().statusCode(403);
        hr().body(Map.of()).post(PATH + "/999999/end").then().statusCode(404);
        hr().get(PATH + "?menteeId=MN4").then().statusCode(200).body("[0].status", equalTo("RUNNING"))
                .body("[0].endedOn", nullValue());
    }
}
