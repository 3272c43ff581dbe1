package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A QA specialist revises only evaluations they made themselves; hr, admin and the record upload client may revise any. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class QaEvaluationOwnershipTests {

    private static boolean seeded;

    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(List.of(Map.of("code", "QOG", "name", "QA group", "kind", "CENTER")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(1));
        hr().body(List.of(Map.of("employeeId", "QO1", "name", "QO1", "position", "seat", "unitCode", "QOG",
                        "memberFrom", "2026-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(1));
    }

    private static Map<String, Object> evaluation(String id, String evaluator, int revision, int score) {
        return Map.of("sourceSystem", "qa", "externalId", id, "employeeId", "QO1", "evaluatorId", evaluator,
                "evaluatedOn", "2026-10-12", "score", score, "revision", revision);
    }

    private static Object qaScore() {
        return hr().queryParam("employeeId", "QO1").queryParam("metric", "qa_score").queryParam("period", "2026-10-12")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .extract().path("agents[0].values.qa_score.value");
    }

    @Test
    void aQaSpecialistCannotReviseAnothersEvaluation() {
        as("QE1", "qa").body(List.of(evaluation("qo-1", "QE1", 1, 80))).post("/api/v1/metrics/records/qa-evaluations")
                .then().statusCode(200).body("accepted", equalTo(1));
        // QE2 sends revision 2 of QE1's evaluation under their own name: refused, nothing changes
        as("QE2", "qa").body(List.of(evaluation("qo-1", "QE2", 2, 20)))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200)
                .body("accepted", equalTo(0)).body("rejected", equalTo(1))
                .body("errors[0].row", equalTo(1)).body("errors[0].field", equalTo("evaluatorId"))
                .body("errors[0].reason", containsString("only their own evaluations"))
                // who made it is not told to another QA specialist
                .body("errors[0].reason", org.hamcrest.Matchers.not(containsString("QE1")));
        org.junit.jupiter.api.Assertions.assertEquals(80, qaScore());
        // all or nothing: the refused row rejects the upload
        as("QE2", "qa").queryParam("atomic", true).body(List.of(evaluation("qo-2", "QE2", 1, 50),
                        evaluation("qo-1", "QE2", 3, 20)))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(422)
                .body("errors[0].row", equalTo(2));
        org.junit.jupiter.api.Assertions.assertEquals(80, qaScore());
        // the evaluator revises their own
        as("QE1", "qa").body(List.of(evaluation("qo-1", "QE1", 2, 90)))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("accepted", equalTo(1));
        org.junit.jupiter.api.Assertions.assertEquals(90, qaScore());
        // hr may revise anyone's (e.g. after an appeal), naming another evaluator
        hr().body(List.of(evaluation("qo-1", "QE3", 3, 70))).post("/api/v1/metrics/records/qa-evaluations")
                .then().statusCode(200).body("accepted", equalTo(1));
        org.junit.jupiter.api.Assertions.assertEquals(70, qaScore());
        // and now QE1 no longer may
        as("QE1", "qa").body(List.of(evaluation("qo-1", "QE1", 4, 100)))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("rejected", equalTo(1));
        org.junit.jupiter.api.Assertions.assertEquals(70, qaScore());
    }
}
