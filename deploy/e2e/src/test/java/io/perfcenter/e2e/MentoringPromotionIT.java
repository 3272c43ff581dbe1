package io.perfcenter.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mentoring through the gateway, read by incentive's promotion ladder (issue 13, seed 003): a mentor with two mentees
 * judged on qa_score at least 85 over September 2026 — MPN1 90 and 84 → 87 passes, MPN2 80 and 86 → 83 fails — has a
 * mentoring_pass_rate of 1 / 2 = 0.5, which incentive-service reads through metrics-service's aggregates as it always
 * did: the ladder rule "mentoring_pass_rate at least 0.9" fails with 0.4 missing.
 */
class MentoringPromotionIT {

    private static RunningSuite running;

    @BeforeAll
    static void startSuite() {
        running = RunningSuite.get();
    }

    @Test
    void theLadderReadsTheDerivedMentoringPassRate() {
        running.as("MPH1", "hr").body(Map.of("code", "MPG", "name", "Mentoring group", "kind", "CENTER"))
                .post("/api/v1/metrics/org/units").then().statusCode(201);
        for (String id : List.of("MPT1", "MPN1", "MPN2")) {
            running.as("MPH1", "hr").body(Map.of("employeeId", id, "name", "Agent " + id, "position", "seat",
                    "hireDate", "2024-01-01", "unitCode", "MPG", "memberFrom", "2024-01-01"))
                    .post("/api/v1/metrics/org/agents").then().statusCode(201);
        }
        running.as(null, "records-writer").body(List.of(evaluation("mp-1", "MPN1", "2026-09-03", 90),
                        evaluation("mp-2", "MPN1", "2026-09-17", 84), evaluation("mp-3", "MPN2", "2026-09-04", 80),
                        evaluation("mp-4", "MPN2", "2026-09-18", 86)))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("accepted", equalTo(4));
        for (String mentee : List.of("MPN1", "MPN2")) {
            long id = running.as("MPH1", "hr").body(Map.of("mentorId", "MPT1", "menteeId", mentee,
                            "from", "2026-09-01", "to", "2026-09-30",
                            "criterion", Map.of("metricCode", "qa_score", "atLeast", 85)))
                    .post("/api/v1/metrics/org/mentorships").then().statusCode(201).extract().jsonPath().getLong("id");
            running.as("MPH1", "hr").body(Map.of()).post("/api/v1/metrics/org/mentorships/" + id + "/end").then()
                    .statusCode(200).body("status", equalTo(mentee.equals("MPN1") ? "PASSED" : "FAILED"));
        }
        running.as("MPT1", "agent").get("/api/v1/metrics/org/agents/MPT1/mentees").then().statusCode(200)
                .body("finished", equalTo(2)).body("passed", equalTo(1)).body("passRate", equalTo(0.5f));

        running.as("MPH1", "hr").body(Map.of("code", "MPCAREER", "name", "Mentoring career", "positions",
                        List.of("seat", "group-lead"), "steps", List.of(Map.of("from", "seat", "to", "group-lead",
                                "rules", List.of(Map.of("type", "metric", "measure", "mentoring_pass_rate",
                                        "atLeast", 0.9, "periods", 1))))))
                .post("/api/v1/incentives/promotion/ladders").then().statusCode(201);
        JsonPath eligibility = running.as("MPH1", "hr").queryParam("ladderCode", "MPCAREER")
                .queryParam("asOf", "2026-09").get("/api/v1/incentives/promotion/eligibility/MPT1").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(false, eligibility.getBoolean("eligible"));
        assertEquals(false, eligibility.getBoolean("rules[0].passed"));
        assertEquals(0.5f, eligibility.getFloat("rules[0].actual"));
        assertEquals("0.4 more mentoring_pass_rate (at least 0.9)", eligibility.getString("rules[0].missing"));
    }

    private static Map<String, Object> evaluation(String id, String agent, String day, int score) {
        return Map.of("sourceSystem", "qa-tool", "externalId", id, "employeeId", agent, "evaluatorId", "MPQ1",
                "evaluatedOn", day, "score", score);
    }
}
