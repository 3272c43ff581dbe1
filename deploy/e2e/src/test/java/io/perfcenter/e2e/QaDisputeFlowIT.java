package io.perfcenter.e2e;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * An agent disputes a QA evaluation through the gateway (issue 13): a form's critical item zeroed it, which a
 * scorecard item counts; the agent files an appeal naming the evaluation, the evaluation shows it DISPUTED, an
 * appeals reviewer accepts it with a data correction of the day, the evaluation shows the outcome and the figures and
 * the scorecard are corrected. Then a coaching session on the corrected scorecard, closed by both parties.
 *
 * <p>Template QDSEAT: one item, QA critical failures (per incident: 100 − 50 each), weight 100. One critical failure:
 * 50 points, total 50 (fail); corrected to none: 100 points, total 100 (excellent).
 */
class QaDisputeFlowIT {

    private static RunningSuite running;

    @BeforeAll
    static void startSuite() {
        running = RunningSuite.get();
    }

    static RequestSpecification as(String employeeId, String role) {
        return running.as(employeeId, role);
    }

    @Test
    void anAgentDisputesAnEvaluationAReviewerAcceptsItAndTheFiguresAreCorrected() {
        as("H1", "hr").body(List.of(Map.of("code", "QDC", "name", "Center", "kind", "CENTER"),
                        Map.of("code", "QDG", "name", "Group", "kind", "GROUP", "parentCode", "QDC",
                                "leaderEmployeeId", "QDS1")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(2));
        as("H1", "hr").body(Map.of("employeeId", "QDA1", "name", "Agent QDA1", "position", "seat",
                "unitCode", "QDG", "memberFrom", "2026-01-01")).post("/api/v1/metrics/org/agents").then().statusCode(201);
        as("QQ1", "qa").body(Map.of("code", "QDFORM", "name", "Call quality", "sections", List.of(Map.of("code",
                "all", "name", "All", "items", List.of(
                        Map.of("code", "greeting", "name", "Greeting", "weight", 10, "answer", "SCALE", "scaleMax", 2),
                        Map.of("code", "risk_disclosure", "name", "Risk disclosed", "weight", 20,
                                "answer", "YES_NO", "critical", "ZERO"))))))
                .post("/api/v1/metrics/qa/forms").then().statusCode(201);
        as("QQ1", "qa").body(List.of(Map.of("sourceSystem", "qa-tool", "externalId", "QD-1", "employeeId", "QDA1",
                        "evaluatorId", "QQ1", "evaluatedOn", "2026-10-09", "formCode", "QDFORM", "formVersion", 1,
                        "items", Map.of("greeting", 2, "risk_disclosure", "no"))))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("accepted", equalTo(1));
        as("H1", "hr").body(Map.of("code", "QDSEAT", "name", "Seat with QA", "position", "seat",
                "items", List.of(Map.of("code", "critical", "name", "QA critical failures", "category", "quality",
                        "metricCode", "qa_critical_failures", "weight", 100, "rule", Map.of("type", "per-incident",
                                "max", 100, "perIncident", 50, "unit", "critical failures"))),
                "gradeBands", List.of(Map.of("grade", "excellent", "minScore", 90),
                        Map.of("grade", "fail", "minScore", 0))))
                .post("/api/v1/scoring/templates").then().statusCode(201);
        long run = as("H1", "hr").body(Map.of("templateCode", "QDSEAT", "unitCode", "QDG", "period", "2026-10"))
                .post("/api/v1/scoring/runs").then().statusCode(201)
                .body("scorecards[0].total", equalTo(50.0f)).body("scorecards[0].grade", equalTo("fail"))
                .extract().jsonPath().getLong("id");
        long card = as("H1", "hr").get("/api/v1/scoring/runs/" + run).then().extract().jsonPath()
                .getLong("scorecards[0].id");
        as("H1", "hr").post("/api/v1/scoring/runs/" + run + "/publish").then().statusCode(200);

        // the agent reads the evaluation (zeroed by the critical item) and disputes it with an appeal naming it
        long evaluation = as("QDA1", "agent").queryParam("employeeId", "QDA1").queryParam("period", "2026-10")
                .get("/api/v1/metrics/qa/evaluations").then().statusCode(200)
                .body("[0].score", equalTo(0.0f)).body("[0].criticalItem", equalTo("risk_disclosure"))
                .body("[0].agentStatus", equalTo("PENDING")).extract().jsonPath().getLong("[0].id");
        long appeal = as("QDA1", "agent").body(Map.of("scorecardId", card, "itemCode", "critical",
                        "kind", "DATA_POINT", "reason", "The customer hung up before the disclosure was due",
                        "record", Map.of("kind", "qa-evaluations", "id", evaluation)))
                .post("/api/v1/scoring/appeals").then().statusCode(201).body("record.externalId", equalTo("QD-1"))
                .extract().jsonPath().getLong("id");
        as("QDA1", "agent").get("/api/v1/metrics/qa/evaluations/" + evaluation).then().statusCode(200)
                .body("agentStatus", equalTo("DISPUTED")).body("appealId", equalTo((int) appeal))
                .body("appealOutcome", equalTo("OPEN"));
        // nobody but scoring-service reports disputes
        as("H1", "hr").body(Map.of("appealId", appeal, "employeeId", "QDA1", "status", "REJECTED"))
                .put("/api/v1/metrics/qa/evaluations/" + evaluation + "/dispute").then().statusCode(403);

        // an appeals reviewer who does not lead the agent's unit accepts it with a correction of the day
        as("RV1", "appeals").body(Map.of("outcome", "ACCEPTED", "reason", "Recording checked: the customer hung up",
                        "correction", Map.of("metricCode", "qa_critical_failures", "date", "2026-10-09", "value", 0)))
                .post("/api/v1/scoring/appeals/" + appeal + "/decision").then().statusCode(200)
                .body("totalBefore", equalTo(50)).body("totalAfter", equalTo(100))
                .body("gradeAfter", equalTo("excellent"));
        as("QDA1", "agent").get("/api/v1/metrics/qa/evaluations/" + evaluation).then().statusCode(200)
                .body("agentStatus", equalTo("DISPUTED")).body("appealOutcome", equalTo("ACCEPTED"))
                .body("appealReason", equalTo("Recording checked: the customer hung up"));
        float failures = as("H1", "hr").queryParam("employeeId", "QDA1").queryParam("metric", "qa_critical_failures")
                .queryParam("period", "2026-10").get("/api/v1/metrics/aggregates").then().statusCode(200).extract()
                .jsonPath().getFloat("agents[0].values.qa_critical_failures.value");
        org.junit.jupiter.api.Assertions.assertEquals(0f, failures);
        as("QDA1", "agent").get("/api/v1/scoring/scorecards/" + card).then().statusCode(200)
                .body("total", equalTo(100.0f)).body("grade", equalTo("excellent"));

        // a coaching session on the corrected scorecard: its one item, now at full marks; both acknowledge
        long session = as("QDS1", "supervisor").body(Map.of("scorecardId", card))
                .post("/api/v1/scoring/coaching-sessions").then().statusCode(201)
                .body("agenda[0].itemCode", equalTo("critical")).body("agenda[0].attainment", equalTo(1))
                .extract().jsonPath().getLong("id");
        as("QDS1", "supervisor").body(Map.of("notes", "The disputed call was checked and corrected"))
                .put("/api/v1/scoring/coaching-sessions/" + session + "/notes").then().statusCode(200);
        as("QDA1", "agent").body(Map.of()).post("/api/v1/scoring/coaching-sessions/" + session + "/acknowledgement")
                .then().statusCode(200).body("status", equalTo("OPEN"));
        as("QDS1", "supervisor").body(Map.of()).post("/api/v1/scoring/coaching-sessions/" + session
                + "/acknowledgement").then().statusCode(200).body("status", equalTo("CLOSED"));
    }
}
