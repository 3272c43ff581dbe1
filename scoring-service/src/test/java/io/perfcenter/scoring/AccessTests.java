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
        }
    }

    @Test
    void rolesAreEnforced() {
        for (String role : new String[]{"agent", "supervisor", "manager", "qa", "integration"}) {
            as("X1", role).body(seatTemplate("X")).post(TEMPLATES).then().statusCode(403);
            as("X1", role).body(run("X", "G1", "2026-10")).post(RUNS).then().statusCode(403);
            as("X1", role).post(RUNS + "/1/publish").then().statusCode(403);
        }
        for (String role : new String[]{"agent", "qa", "integration"}) {
            as("X1", role).get(RUNS).then().statusCode(403);
            as("X1", role).get(RUNS + "/1").then().statusCode(403);
        }
        as("X1", "qa").get(SCORECARDS).then().statusCode(403);
        as("X1", "qa").get(SCORECARDS + "/1").then().statusCode(403);
        // a token without a PerfCenter role reads nothing
        as("X1", "visitor").get(TEMPLATES).then().statusCode(403);
        as("X1", "visitor").get(TEMPLATES + "/X").then().statusCode(403);
        as("X1", "visitor").get(TEMPLATES + "/X/versions/1").then().statusCode(403);
        // and every role reads templates
        for (String role : new String[]{"agent", "supervisor", "manager", "qa", "hr", "admin", "integration"}) {
            as("X1", role).get(TEMPLATES).then().statusCode(200);
        }
        as("X1", "admin").body(Map.of()).post(TEMPLATES).then().statusCode(400);
    }
}
