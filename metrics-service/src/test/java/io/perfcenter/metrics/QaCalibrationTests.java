package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * QA calibration sessions (issue 13): three QA specialists score the same call with the same form; the spread per item
 * and per evaluator worked out by hand; the owner's reference; closing freezes; roles, scope and bad input.
 *
 * <p>Form QCF v1 (weights add up to 100): greeting SCALE 0..2 weight 20; accuracy YES_NO weight 10; empathy SCALE 0..4
 * weight 40; risk_disclosure YES_NO weight 30, n/a allowed, critical ZERO. Agent QCA1's call qc-call-1.
 * <ul>
 * <li>QC1: greeting 1 (10 points), accuracy no (0), empathy 4 (40), risk yes (30) → 80 of 100 → 80.00</li>
 * <li>QC2: greeting 2 (20), accuracy no (0), empathy 4 (40), risk yes (30) → 90.00</li>
 * <li>QC3: greeting 2 (20), accuracy yes (10), empathy 4 (40), risk yes (30) → 100.00</li>
 * </ul>
 * Scores: mean (80 + 90 + 100) / 3 = 90; population variance ((−10)² + 0² + 10²) / 3 = 200 / 3 = 66.666… → 66.67
 * (half-up, 2 decimals); deviations from the mean −10, 0, +10. Greeting points 10, 20, 20: mean 50 / 3 = 16.6667,
 * variance ((−20/3)² + (10/3)² + (10/3)²) / 3 = (600 / 9) / 3 = 22.2222 (4 decimals); accuracy 0, 0, 10: mean 3.3333,
 * variance 22.2222; empathy 40 ×3 and risk 30 ×3: variance 0. Reference by the owner QC9: greeting 2 (20), accuracy
 * yes (10), empathy 3 (30), risk yes (30) → 90.00; deviations from it −10, 0, +10; items answered otherwise: QC1 3
 * (greeting, accuracy, empathy), QC2 2 (accuracy, empathy), QC3 1 (empathy). Blind until one has answered: an
 * evaluator who has not submitted sees nobody's answers while the session is open.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class QaCalibrationTests {

    private static final String PATH = "/api/v1/metrics/qa/calibrations";
    private static boolean seeded;

    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(List.of(Map.of("code", "QCG", "name", "Calibrated group", "kind", "CENTER",
                        "leaderEmployeeId", "QCS1")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(1));
        hr().body(List.of(Map.of("employeeId", "QCA1", "name", "QCA1", "position", "seat", "unitCode", "QCG",
                        "memberFrom", "2026-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(1));
        hr().body(List.of(Map.of("sourceSystem", "acd", "externalId", "qc-call-1", "employeeId", "QCA1",
                        "startedAt", "2026-10-12T10:00:00+08:00", "talkSeconds", 420)))
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(1));
        hr().body(Map.of("code", "QCF", "name", "Calibration form", "sections", List.of(
                        Map.of("code", "opening", "name", "Opening", "items", List.of(
                                Map.of("code", "greeting", "name", "Greeting", "weight", 20, "answer", "SCALE",
                                        "scaleMax", 2))),
                        Map.of("code", "handling", "name", "Handling", "items", List.of(
                                Map.of("code", "accuracy", "name", "Accurate", "weight", 10, "answer", "YES_NO"),
                                Map.of("code", "empathy", "name", "Empathy", "weight", 40, "answer", "SCALE",
                                        "scaleMax", 4),
                                Map.of("code", "risk_disclosure", "name", "Risk disclosed", "weight", 30,
                                        "answer", "YES_NO", "allowNotApplicable", true, "critical", "ZERO"))))))
                .post("/api/v1/metrics/qa/forms").then().statusCode(201);
    }

    private static Map<String, Object> session(List<String> evaluators) {
        return new HashMap<>(Map.of("employeeId", "QCA1", "contactExternalId", "qc-call-1", "formCode", "QCF",
                "formVersion", 1, "evaluators", evaluators, "note", "October calibration"));
    }

    private static Map<String, Object> answers(Object greeting, Object accuracy, Object empathy, Object risk) {
        return Map.of("items", Map.of("greeting", greeting, "accuracy", accuracy, "empathy", empathy,
                "risk_disclosure", risk));
    }

    @Test
    void threeEvaluatorsTheirSpreadAndTheReference() {
        long id = as("QC9", "qa").body(session(List.of("QC1", "QC2", "QC3"))).post(PATH).then().statusCode(201)
                .body("status", equalTo("OPEN")).body("ownerId", equalTo("QC9"))
                .body("pending", equalTo(List.of("QC1", "QC2", "QC3"))).body("meanScore", nullValue())
                .extract().jsonPath().getLong("id");
        String one = PATH + "/" + id;
        as("QC1", "qa").body(answers(1, "no", 4, "yes")).put(one + "/answers").then().statusCode(200)
                .body("scores[0].score", equalTo(80.0f)).body("pending", equalTo(List.of("QC2", "QC3")));
        // a bad answer is refused naming the item, and QC1's stored answers stay as they were
        as("QC1", "qa").body(answers(3, "no", 4, "yes")).put(one + "/answers").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("items.greeting"));
        as("QC1", "qa").body(answers(1, "no", 4, "maybe")).put(one + "/answers").then().statusCode(400)
                .body("field", equalTo("items.risk_disclosure"));
        as("QC1", "qa").body(Map.of("items", Map.of("greeting", 1, "accuracy", "no", "empathy", 4,
                        "risk_disclosure", "yes", "smile", 1))).put(one + "/answers").then().statusCode(400)
                .body("field", equalTo("items.smile"));
        as("QC1", "qa").body(Map.of()).put(one + "/answers").then().statusCode(400).body("field", equalTo("items"));
        // blind: QC2 has not answered yet and sees nobody's answers; the owner and hr see QC1's
        as("QC2", "qa").get(one).then().statusCode(200).body("withheld", notNullValue())
                .body("scores.size()", equalTo(0)).body("items[0].answers.size()", equalTo(0))
                .body("meanScore", nullValue()).body("pending", equalTo(List.of("QC2", "QC3")));
        as("QC9", "qa").get(one).then().statusCode(200).body("withheld", nullValue())
                .body("scores[0].score", equalTo(80.0f));
        hr().get(one).then().statusCode(200).body("items[0].answers.QC1", equalTo("1"));
        as("QC2", "qa").body(answers(2, "no", 4, "yes")).put(one + "/answers").then().statusCode(200)
                .body("withheld", nullValue()).body("scores.evaluatorId", equalTo(List.of("QC1", "QC2")));
        JsonPath s = as("QC3", "qa").body(answers(2, "yes", 4, "yes")).put(one + "/answers").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(), s.getList("pending"));
        assertEquals(List.of(80.0f, 90.0f, 100.0f), s.getList("scores.score"));
        assertEquals(90.0f, s.getFloat("meanScore"));
        assertEquals(66.67f, s.getFloat("scoreVariance"));
        assertEquals(List.of(-10.0f, 0.0f, 10.0f), s.getList("scores.deviationFromMean"));
        assertEquals(List.of("greeting", "accuracy", "empathy", "risk_disclosure"), s.getList("items.code"));
        assertEquals(Map.of("QC1", "1", "QC2", "2", "QC3", "2"), s.getMap("items[0].answers"));
        assertEquals(16.6667f, s.getFloat("items[0].meanPoints"));
        assertEquals(22.2222f, s.getFloat("items[0].variancePoints"));
        assertEquals(3.3333f, s.getFloat("items[1].meanPoints"));
        assertEquals(22.2222f, s.getFloat("items[1].variancePoints"));
        assertEquals(40.0f, s.getFloat("items[2].meanPoints"));
        assertEquals(0.0f, s.getFloat("items[2].variancePoints"));
        assertEquals(0.0f, s.getFloat("items[3].variancePoints"));
        assertEquals(3, s.getInt("items[3].answered"));

        // only the owner records the reference
        as("QC2", "qa").body(answers(2, "yes", 3, "yes")).put(one + "/reference").then().statusCode(403)
                .contentType("application/problem+json");
        s = as("QC9", "qa").body(answers(2, "yes", 3, "yes")).put(one + "/reference").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(90.0f, s.getFloat("reference.score"));
        assertEquals(List.of(-10.0f, 0.0f, 10.0f), s.getList("scores.deviationFromReference"));
        assertEquals(List.of(3, 2, 1), s.getList("scores.itemsOffReference"));
        assertEquals("3", s.getString("items[2].referenceValue"));
        assertEquals(30.0f, s.getFloat("items[2].referencePoints"));

        // an evaluator resubmits while open: QC1 now gives greeting 2 → 90; mean (90 + 90 + 100) / 3 = 93.33,
        // variance (3.33² + 3.33² + 6.67²) / 3 = (100/9 + 100/9 + 400/9) / 3 = 22.22
        s = as("QC1", "qa").body(answers(2, "no", 4, "yes")).put(one + "/answers").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(93.33f, s.getFloat("meanScore"));
        assertEquals(22.22f, s.getFloat("scoreVariance"));
        assertEquals(-3.33f, s.getFloat("scores[0].deviationFromMean"));
        assertEquals(6.67f, s.getFloat("scores[2].deviationFromMean"));

        // closing: the owner only; then everything is frozen
        as("QC1", "qa").post(one + "/close").then().statusCode(403);
        as("QC9", "qa").post(one + "/close").then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedBy", equalTo("QC9"));
        as("QC1", "qa").body(answers(0, "no", 0, "yes")).put(one + "/answers").then().statusCode(409)
                .contentType("application/problem+json");
        as("QC9", "qa").body(answers(0, "no", 0, "yes")).put(one + "/reference").then().statusCode(409);
        as("QC9", "qa").post(one + "/close").then().statusCode(409);
        as("QC2", "qa").get(one).then().statusCode(200).body("meanScore", equalTo(93.33f))
                .body("reference.score", equalTo(90.0f));
        List<Integer> closed = hr().queryParam("employeeId", "QCA1").queryParam("status", "closed").get(PATH)
                .then().statusCode(200).extract().path("id");
        assertEquals(List.of((int) id), closed);
    }

    @Test
    void aCriticalItemZeroesAnEvaluatorsScoreAsInAnEvaluation() {
        long id = hr().body(session(List.of("QC1", "QC2"))).post(PATH).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // QC1: risk no → zeroed (critical ZERO); QC2: risk n/a → 70 of 70 = 100.00. Mean 50, variance 2500
        as("QC1", "qa").body(answers(2, "yes", 4, "no")).put(PATH + "/" + id + "/answers").then().statusCode(200)
                .body("scores[0].score", equalTo(0.0f)).body("scores[0].criticalItem", equalTo("risk_disclosure"));
        JsonPath s = as("QC2", "qa").body(answers(2, "yes", 4, "n/a")).put(PATH + "/" + id + "/answers").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(100.0f, s.getFloat("scores[1].score"));
        assertEquals(50.0f, s.getFloat("meanScore"));
        assertEquals(2500.0f, s.getFloat("scoreVariance"));
        // risk: one answer (QC2's n/a leaves it out): mean 0 points, variance 0
        assertEquals(1, s.getInt("items[3].answered"));
        assertEquals(Map.of("QC1", "no", "QC2", "n/a"), s.getMap("items[3].answers"));
    }

    @Test
    void rolesScopeAndBadInput() {
        long id = as("QC9", "qa").body(session(List.of("QC1", "QC2"))).post(PATH).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // agents and their leaders never see calibration; machine clients neither
        for (String role : List.of("agent", "supervisor", "manager", "records-writer", "service")) {
            as("QCA1", role).get(PATH + "/" + id).then().statusCode(403).contentType("application/problem+json");
            as("QCA1", role).get(PATH).then().statusCode(403);
            as("QCA1", role).body(session(List.of("QC1", "QC2"))).post(PATH).then().statusCode(403);
            as("QC1", role).body(answers(2, "yes", 4, "yes")).put(PATH + "/" + id + "/answers").then()
                    .statusCode(403);
        }
        RestAssured.given().get(PATH + "/" + id).then().statusCode(401);
        // a QA specialist not named submits nothing; hr is not named either
        as("QC4", "qa").body(answers(2, "yes", 4, "yes")).put(PATH + "/" + id + "/answers").then().statusCode(403);
        hr().body(answers(2, "yes", 4, "yes")).put(PATH + "/" + id + "/answers").then().statusCode(403);
        hr().get(PATH + "/" + id).then().statusCode(200).body("pending", equalTo(List.of("QC1", "QC2")));
        hr().get(PATH + "/999999").then().statusCode(404);
        as("QC1", "qa").body(answers(2, "yes", 4, "yes")).put(PATH + "/999999/answers").then().statusCode(404);

        String before = hr().get(PATH).then().statusCode(200).extract().header("X-Total-Count");
        Map<String, Object> bad = session(List.of("QC1"));
        hr().body(bad).post(PATH).then().statusCode(400).body("field", equalTo("evaluators"));
        bad = session(List.of("QC1", "QCA1"));
        hr().body(bad).post(PATH).then().statusCode(400).body("field", equalTo("evaluators[1]"));
        bad = session(List.of("QC1", "QC1"));
        hr().body(bad).post(PATH).then().statusCode(400).body("field", equalTo("evaluators[1]"));
        bad = session(List.of("QC1", "QC2"));
        bad.put("contactExternalId", "no-such-call");
        hr().body(bad).post(PATH).then().statusCode(400).body("field", equalTo("contactExternalId"));
        bad = session(List.of("QC1", "QC2"));
        bad.put("formVersion", 7);
        hr().body(bad).post(PATH).then().statusCode(400).body("field", equalTo("formVersion"));
        bad = session(List.of("QC1", "QC2"));
        bad.put("formCode", "NOFORM");
        hr().body(bad).post(PATH).then().statusCode(400).body("field", equalTo("formCode"));
        bad = session(List.of("QC1", "QC2"));
        bad.put("employeeId", "NOBODY");
        hr().body(bad).post(PATH).then().statusCode(400).body("field", equalTo("employeeId"));
        hr().queryParam("status", "HALF").get(PATH).then().statusCode(400).body("field", equalTo("status"));
        // none of the refused sessions was stored
        assertEquals(before, hr().get(PATH).then().statusCode(200).extract().header("X-Total-Count"));
    }
}
