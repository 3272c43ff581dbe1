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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The evaluated agent's answer to a QA evaluation (issue 13): one evaluation read by its number (scoped as the list),
 * acknowledged by the agent only, disputed through scoring-service, which reports the appeal and its outcome as
 * itself (role corrections-writer, X-Acting-For recorded); roles, scope and bad input.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class QaEvaluationResponseTests {

    static final String EVALUATIONS = "/api/v1/metrics/qa/evaluations";
    private static boolean seeded;

    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(List.of(Map.of("code", "QRC", "name", "Center", "kind", "CENTER"),
                        Map.of("code", "QRG", "name", "Group 1", "kind", "GROUP", "parentCode", "QRC",
                                "leaderEmployeeId", "QRS1"),
                        Map.of("code", "QRH", "name", "Group 2", "kind", "GROUP", "parentCode", "QRC",
                                "leaderEmployeeId", "QRS2")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(3));
        hr().body(List.of(agent("QR1", "QRG"), agent("QR2", "QRH")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(2));
    }

    private static Map<String, Object> agent(String id, String unit) {
        return Map.of("employeeId", id, "name", id, "position", "seat", "unitCode", unit, "memberFrom", "2026-01-01");
    }

    private static Map<String, Object> evaluation(String id, String agent, int revision, double score) {
        Map<String, Object> row = new HashMap<>(Map.of("sourceSystem", "qa-tool", "externalId", id,
                "employeeId", agent, "evaluatorId", "Q1", "evaluatedOn", "2026-10-09", "score", score,
                "revision", revision));
        row.put("items", Map.of("risk_disclosure", "no"));
        return row;
    }

    private static RequestSpecification scoring() {
        return given().auth().oauth2(TestTokens.system("corrections-writer")).contentType(ContentType.JSON);
    }

    private static Map<String, Object> dispute(long appeal, String agent, String status, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("appealId", appeal, "employeeId", agent, "status", status));
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    @Test
    void acknowledgedByTheAgentDisputedThroughScoringService() {
        as("QA1", "records-writer").body(List.of(evaluation("QR-1", "QR1", 1, 72.5), evaluation("QR-2", "QR2", 1, 90)))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("accepted", equalTo(2));
        long id = hr().queryParam("employeeId", "QR1").queryParam("period", "2026-10").get(EVALUATIONS).then()
                .statusCode(200).body("[0].agentStatus", equalTo("PENDING")).extract().jsonPath().getLong("[0].id");
        long other = hr().queryParam("employeeId", "QR2").queryParam("period", "2026-10").get(EVALUATIONS).then()
                .extract().jsonPath().getLong("[0].id");
        String one = EVALUATIONS + "/" + id;

        // read by its number: scoped as the list; out of scope answers as an unknown number
        as("QR1", "agent").get(one).then().statusCode(200).body("id", equalTo((int) id))
                .body("externalId", equalTo("QR-1")).body("score", equalTo(72.5f))
                .body("evaluatedOn", equalTo("2026-10-09")).body("agentStatus", equalTo("PENDING"));
        as("QRS1", "supervisor").get(one).then().statusCode(200);
        as("Q7", "qa").get(one).then().statusCode(200);
        as("QR2", "agent").get(one).then().statusCode(404).body("detail", equalTo("QA evaluation " + id
                + " does not exist"));
        as("QRS2", "supervisor").get(one).then().statusCode(404);
        hr().get(EVALUATIONS + "/999999").then().statusCode(404)
                .body("detail", equalTo("QA evaluation 999999 does not exist"));
        hr().get(EVALUATIONS + "/abc").then().statusCode(404);
        as("QA1", "records-writer").get(one).then().statusCode(403);
        given().get(one).then().statusCode(401);

        // acknowledged by the evaluated agent only
        as("QR2", "agent").body(Map.of()).post(one + "/acknowledgement").then().statusCode(404);
        as("QRS1", "supervisor").body(Map.of()).post(one + "/acknowledgement").then().statusCode(403)
                .body("detail", equalTo("Only QR1, the evaluated agent, acknowledges QA evaluation " + id));
        hr().body(Map.of()).post(one + "/acknowledgement").then().statusCode(403);
        as("QR1", "agent").body(Map.of("comment", "x".repeat(1001))).post(one + "/acknowledgement").then()
                .statusCode(400).body("field", equalTo("comment"));
        as("QR1", "agent").get(one).then().body("agentStatus", equalTo("PENDING"));
        as("QR1", "agent").body(Map.of("comment", "Understood")).post(one + "/acknowledgement").then()
                .statusCode(200).body("agentStatus", equalTo("ACKNOWLEDGED")).body("agentComment", equalTo("Understood"))
                .body("acknowledgedRevision", equalTo(1)).body("acknowledgedAt", notNullValue());

        // the dispute: reported by scoring-service only, for the evaluated agent
        hr().body(dispute(42, "QR1", "OPEN", "x")).put(one + "/dispute").then().statusCode(403);
        as("QR1", "agent").body(dispute(42, "QR1", "OPEN", "x")).put(one + "/dispute").then().statusCode(403);
        scoring().body(dispute(42, "QR2", "OPEN", "x")).put(one + "/dispute").then().statusCode(400)
                .body("field", equalTo("employeeId"));
        scoring().body(Map.of("appealId", 42, "employeeId", "QR1")).put(one + "/dispute").then().statusCode(400)
                .body("field", equalTo("status"));
        scoring().body(dispute(42, "QR1", "SETTLED", null)).put(one + "/dispute").then().statusCode(400);
        scoring().body(dispute(0, "QR1", "OPEN", null)).put(one + "/dispute").then().statusCode(400)
                .body("field", equalTo("appealId"));
        scoring().body(dispute(42, "QR1", "OPEN", null)).put(EVALUATIONS + "/999999/dispute").then()
                .statusCode(404);
        as("QR1", "agent").get(one).then().body("agentStatus", equalTo("ACKNOWLEDGED"));
        scoring().header("X-Acting-For", "QR1").body(dispute(42, "QR1", "OPEN", "The customer hung up"))
                .put(one + "/dispute").then().statusCode(200).body("agentStatus", equalTo("DISPUTED"))
                .body("appealId", equalTo(42)).body("appealOutcome", equalTo("OPEN"))
                .body("appealReason", equalTo("The customer hung up")).body("disputedAt", notNullValue());
        // the same report again changes nothing; another appeal while it is open is refused
        scoring().body(dispute(42, "QR1", "OPEN", null)).put(one + "/dispute").then().statusCode(200)
                .body("appealReason", equalTo("The customer hung up"));
        scoring().body(dispute(43, "QR1", "OPEN", "again")).put(one + "/dispute").then().statusCode(409);
        scoring().body(dispute(43, "QR1", "WITHDRAWN", null)).put(one + "/dispute").then().statusCode(200)
                .body("appealId", equalTo(42));
        as("QR1", "agent").body(Map.of()).post(one + "/acknowledgement").then().statusCode(409);
        // the outcome, as the agent and the supervisor read it
        scoring().header("X-Acting-For", "H1").body(dispute(42, "QR1", "ACCEPTED", "Recording checked"))
                .put(one + "/dispute").then().statusCode(200);
        as("QR1", "agent").get(one).then().statusCode(200).body("agentStatus", equalTo("DISPUTED"))
                .body("appealId", equalTo(42)).body("appealOutcome", equalTo("ACCEPTED"))
                .body("appealReason", equalTo("Recording checked")).body("agentComment", equalTo("Understood"));
        as("QRS1", "supervisor").queryParam("employeeId", "QR1").queryParam("period", "2026-10").get(EVALUATIONS)
                .then().statusCode(200).body("[0].appealOutcome", equalTo("ACCEPTED"));
        // the other agent's evaluation is untouched
        hr().get(EVALUATIONS + "/" + other).then().body("agentStatus", equalTo("PENDING"))
                .body("appealId", nullValue());

        // a later appeal may dispute it again; a filing that did not complete is withdrawn
        scoring().body(dispute(44, "QR1", "OPEN", "Second look")).put(one + "/dispute").then().statusCode(200)
                .body("appealId", equalTo(44)).body("appealOutcome", equalTo("OPEN"));
        scoring().body(dispute(44, "QR1", "WITHDRAWN", null)).put(one + "/dispute").then().statusCode(200)
                .body("agentStatus", equalTo("ACKNOWLEDGED")).body("appealId", nullValue());

        // a new revision keeps the number; the acknowledgement names the revision it was given to
        as("QA1", "records-writer").body(List.of(evaluation("QR-1", "QR1", 2, 80)))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("accepted", equalTo(1));
        as("QR1", "agent").get(one).then().statusCode(200).body("revision", equalTo(2)).body("score", equalTo(80.0f))
                .body("acknowledgedRevision", equalTo(1));
    }
}
