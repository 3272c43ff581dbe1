package io.perfcenter.scoring;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/** The contract partner teams generate clients from, and the readiness the launcher waits for. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class OpenApiAndHealthTests {

    @Test
    void everyOperationHasAStableIdAndItsProblems() {
        var api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("PerfCenter scoring API"));
        api.body("paths.'/api/v1/scoring/templates'.post.operationId", equalTo("defineScorecardTemplate"))
                .body("paths.'/api/v1/scoring/templates'.get.operationId", equalTo("listScorecardTemplates"))
                .body("paths.'/api/v1/scoring/templates/{code}'.get.operationId", equalTo("getScorecardTemplate"))
                .body("paths.'/api/v1/scoring/templates/{code}/versions/{version}'.get.operationId",
                        equalTo("getScorecardTemplateVersion"))
                .body("paths.'/api/v1/scoring/runs'.post.operationId", equalTo("computeScoringRun"))
                .body("paths.'/api/v1/scoring/runs'.get.operationId", equalTo("listScoringRuns"))
                .body("paths.'/api/v1/scoring/runs/{id}'.get.operationId", equalTo("getScoringRun"))
                .body("paths.'/api/v1/scoring/runs/{id}/publish'.post.operationId", equalTo("publishScoringRun"))
                .body("paths.'/api/v1/scoring/scorecards'.get.operationId", equalTo("listScorecards"))
                .body("paths.'/api/v1/scoring/scorecards/{id}'.get.operationId", equalTo("getScorecard"))
                .body("paths.'/api/v1/scoring/runs'.post.responses", hasKey("503"))
                .body("paths.'/api/v1/scoring/templates'.post.responses", hasKey("400"))
                .body("paths.'/api/v1/scoring/scorecards/{id}'.get.responses", hasKey("403"))
                .body("paths.'/api/v1/scoring/scorecards/{id}'.get.responses", hasKey("401"))
                .body("components.schemas.ScoringRule.discriminator.propertyName", equalTo("type"))
                .body("components.schemas.TieredRateRule.properties.tiers", notNullValue())
                .body("components.schemas.Scorecard.properties", hasKey("rank"));
    }

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }
}
