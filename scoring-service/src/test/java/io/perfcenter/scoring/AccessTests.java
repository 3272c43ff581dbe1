package io.perfcenter.scoring;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.SCORECARDS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.APPEALS;
import static io.perfcenter.scoring.ScoringApi.REVIEWS;
import static io.perfcenter.scoring.ScoringApi.TARGETS;
import static io.perfcenter.scoring.ScoringApi.WHAT_IF;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.seatTemplate;
import static io.restassured.RestAssured.given;

/** 401 without a valid token and 403 with a role the endpoint does not admit, on every endpoint. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class AccessTests {

    @Test
    void everyEndpointWantsAValidToken() {
        for (RequestSpecification anonymous : new RequestSpecification[]{given(),
                given().auth().oauth2("not-a-token")}) {
            anonymous.contentType("application/json").body(seatTemplate("X")).post(TEMPLATES).then().statusCode(401);
            anonymous.get(TEMPLATES).then().statusCode(401);
            anonymous.get(TEMPLATES + "/X").then().statusCode(401);
            anonymous.get(TEMPLATES + "/X/versions/1").then().statusCode(401);
            anonymous.contentType("application/json").body(run("X", "G1", "2026-10")).post(RUNS).then()
                    .statusCode(401);
            anonymous.get(RUNS).then().statusCode(401);
            anonymous.get(RUNS + "/1").then().statusCode(401);
            anonymous.post(RUNS + "/1/publish").then().statusCode(401);
            anonymous.get(SCORECARDS).then().statusCode(401);
            anonymous.get(SCORECARDS + "/1").then().statusCode(401);
            anonymous.get(RUNS + "/1/changes").then().statusCode(401);
            anonymous.get(RUNS + "/1/reproduction").then().statusCode(401);
            anonymous.get(RUNS + "/1/history").then().statusCode(401);
            anonymous.post(RUNS + "/1/review").then().statusCode(401);
            anonymous.post(RUNS + "/1/lock").then().statusCode(401);
            anonymous.contentType("application/json").body(Map.of()).post(WHAT_IF).then().statusCode(401);
            anonymous.contentType("application/json").body(Map.of()).put(TARGETS).then().statusCode(401);
            anonymous.get(TARGETS).then().statusCode(401);
            anonymous.queryParam("runId", 1).get(REVIEWS).then().statusCode(401);
            anonymous.contentType("application/json").body(Map.of()).put(REVIEWS + "/1/self-assessment").then()
                    .statusCode(401);
            anonymous.contentType("application/json").body(Map.of()).put(REVIEWS + "/1/ratings").then()
                    .statusCode(401);
            anonymous.contentType("application/json").body(Map.of()).post(REVIEWS + "/1").then().statusCode(401);
            anonymous.get(REVIEWS + "/1/ratings").then().statusCode(401);
            anonymous.get(REVIEWS + "/1/history").then().statusCode(401);
            anonymous.contentType("application/json").body(Map.of()).post(APPEALS).then().statusCode(401);
            anonymous.get(APPEALS).then().statusCode(401);
            anonymous.get(APPEALS + "/1").then().statusCode(401);
            anonymous.contentType("application/json").body(Map.of()).post(APPEALS + "/1/escalation").then()
                    .statusCode(401);
            anonymous.contentType("application/json").body(Map.of()).post(APPEALS + "/1/decision").then()
                    .statusCode(401);
        }
    }

    @Test
    void rolesAreEnforced() {
        for (String role : new String[]{"agent", "supervisor", "manager", "qa", "service"}) {
            as("X1", role).body(seatTemplate("X")).post(TEMPLATES).then().statusCode(403);
            as("X1", role).body(run("X", "G1", "2026-10")).post(RUNS).then().statusCode(403);
            as("X1", role).post(RUNS + "/1/publish").then().statusCode(403);
        }
        for (String role : new String[]{"agent", "qa", "service"}) {
            as("X1", role).get(RUNS).then().statusCode(403);
            as("X1", role).get(RUNS + "/1").then().statusCode(403);
        }
        for (String role : new String[]{"agent", "supervisor", "manager", "qa", "service"}) {
            as("X1", role).get(RUNS + "/1/reproduction").then().statusCode(403);
            as("X1", role).post(RUNS + "/1/review").then().statusCode(403);
            as("X1", role).post(RUNS + "/1/lock").then().statusCode(403);
            as("X1", role).body(Map.of()).post(WHAT_IF).then().statusCode(403);
        }
        for (String role : new String[]{"agent", "qa", "service"}) {
            as("X1", role).get(RUNS + "/1/changes").then().statusCode(403);
            as("X1", role).get(RUNS + "/1/history").then().statusCode(403);
            as("X1", role).body(Map.of()).put(TARGETS).then().statusCode(403);
            as("X1", role).body(Map.of()).post(REVIEWS + "/1").then().statusCode(403);
            as("X1", role).body(Map.of()).post(APPEALS + "/1/decision").then().statusCode(403);
        }
        for (String role : new String[]{"qa", "hr", "admin", "service"}) {
            as("X1", role).body(Map.of()).put(REVIEWS + "/1/self-assessment").then().statusCode(403);
            as("X1", role).body(Map.of()).put(REVIEWS + "/1/ratings").then().statusCode(403);
            as("X1", role).body(Map.of()).post(APPEALS).then().statusCode(403);
            as("X1", role).body(Map.of("reason", "x")).post(APPEALS + "/1/escalation").then().statusCode(403);
        }
        for (String role : new String[]{"qa", "service"}) {
            as("X1", role).get(TARGETS).then().statusCode(403);
            as("X1", role).queryParam("runId", 1).get(REVIEWS).then().statusCode(403);
            as("X1", role).get(REVIEWS + "/1/ratings").then().statusCode(403);
            as("X1", role).get(APPEALS).then().statusCode(403);
            as("X1", role).get(APPEALS + "/1").then().statusCode(403);
        }
        as("X1", "qa").get(REVIEWS + "/1/history").then().statusCode(403);
        // bad input and unknown ids on the new endpoints are problems too
        as("X1", "hr").get(REVIEWS).then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("runId"));
        as("X1", "hr").queryParam("runId", 999999).get(REVIEWS).then().statusCode(404);
        as("X1", "hr").get(RUNS + "/999999/changes").then().statusCode(404);
        as("X1", "hr").get(RUNS + "/999999/reproduction").then().statusCode(404);
        as("X1", "hr").get(RUNS + "/999999/history").then().statusCode(404);
        as("X1", "hr").post(RUNS + "/999999/review").then().statusCode(404);
        as("X1", "hr").post(RUNS + "/999999/lock").then().statusCode(404);
        as("X1", "hr").get(APPEALS + "/999999").then().statusCode(404);
        as("X1", "hr").body(Map.of("outcome", "REJECTED", "reason", "x")).post(APPEALS + "/999999/decision").then()
                .statusCode(404);
        as("X1", "hr").get(REVIEWS + "/999999/history").then().statusCode(404);
        as("X1", "supervisor").body(Map.of("comments", "x")).post(REVIEWS + "/999999").then().statusCode(404);
        as("X1", "agent").body(Map.of("scorecardId", 999999, "itemCode", "a", "kind", "SCORE", "reason", "x"))
                .post(APPEALS).then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("scorecardId"));
        as("X1", "agent").body(Map.of("scorecardId", 1, "kind", "WHATEVER")).post(APPEALS).then().statusCode(400);
        as("X1", "hr").queryParam("status", "MAYBE").get(APPEALS).then().statusCode(400);
        as("X1", "qa").get(SCORECARDS).then().statusCode(403);
        as("X1", "qa").get(SCORECARDS + "/1").then().statusCode(403);
        // integration clients have one purpose each (issue 9): none of them reads scorecards or templates
        for (String role : new String[]{"records-writer", "org-sync", "payroll-export", "corrections-writer"}) {
            as(null, role).get(SCORECARDS).then().statusCode(403);
            as(null, role).get(SCORECARDS + "/1").then().statusCode(403);
            as(null, role).get(TEMPLATES).then().statusCode(403);
        }
        // a token without a PerfCenter role reads nothing
        as("X1", "visitor").get(TEMPLATES).then().statusCode(403);
        as("X1", "visitor").get(TEMPLATES + "/X").then().statusCode(403);
        as("X1", "visitor").get(TEMPLATES + "/X/versions/1").then().statusCode(403);
        // and every person's role reads templates (machine clients have no use for them)
        for (String role : new String[]{"agent", "supervisor", "manager", "qa", "hr", "admin"}) {
            as("X1", role).get(TEMPLATES).then().statusCode(200);
        }
        as("X1", "admin").body(Map.of()).post(TEMPLATES).then().statusCode(400);
    }
}
