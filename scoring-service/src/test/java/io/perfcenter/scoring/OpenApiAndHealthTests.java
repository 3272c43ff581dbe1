package io.perfcenter.scoring;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
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
                .body("paths.'/api/v1/scoring/templates/{code}/retire'.post.operationId",
                        equalTo("retireScoringTemplate"))
                .body("paths.'/api/v1/scoring/templates/{code}/retire'.post.responses.'412'.description",
                        notNullValue())
                .body("paths.'/api/v1/scoring/templates/{code}/versions/{version}'.get.operationId",
                        equalTo("getScorecardTemplateVersion"))
                .body("paths.'/api/v1/scoring/runs'.post.operationId", equalTo("computeScoringRun"))
                .body("paths.'/api/v1/scoring/runs'.get.operationId", equalTo("listScoringRuns"))
                .body("paths.'/api/v1/scoring/runs/{id}'.get.operationId", equalTo("getScoringRun"))
                .body("paths.'/api/v1/scoring/runs/{id}/publish'.post.operationId", equalTo("publishScoringRun"))
                .body("paths.'/api/v1/scoring/scorecards'.get.operationId", equalTo("listScorecards"))
                .body("paths.'/api/v1/scoring/scorecards/{id}'.get.operationId", equalTo("getScorecard"))
                .body("paths.'/api/v1/scoring/runs/{id}/changes'.get.operationId", equalTo("getScoringRunChanges"))
                .body("paths.'/api/v1/scoring/runs/{id}/reproduction'.get.operationId", equalTo("reproduceScoringRun"))
                .body("paths.'/api/v1/scoring/runs/{id}/history'.get.operationId", equalTo("getScoringRunHistory"))
                .body("paths.'/api/v1/scoring/runs/{id}/review'.post.operationId", equalTo("openScoringRunReview"))
                .body("paths.'/api/v1/scoring/runs/{id}/lock'.post.operationId", equalTo("lockScoringRun"))
                .body("paths.'/api/v1/scoring/runs/what-if'.post.operationId", equalTo("previewScoringRun"))
                .body("paths.'/api/v1/scoring/targets'.put.operationId", equalTo("setScoringTarget"))
                .body("paths.'/api/v1/scoring/targets'.get.operationId", equalTo("listScoringTargets"))
                .body("paths.'/api/v1/scoring/reviews'.get.operationId", equalTo("listScorecardReviews"))
                .body("paths.'/api/v1/scoring/reviews/{scorecardId}'.post.operationId", equalTo("reviewScorecard"))
                .body("paths.'/api/v1/scoring/reviews/{scorecardId}/self-assessment'.put.operationId",
                        equalTo("writeSelfAssessment"))
                .body("paths.'/api/v1/scoring/reviews/{scorecardId}/ratings'.put.operationId",
                        equalTo("rateScorecardItem"))
                .body("paths.'/api/v1/scoring/reviews/{scorecardId}/ratings'.get.operationId",
                        equalTo("listScorecardRatings"))
                .body("paths.'/api/v1/scoring/reviews/{scorecardId}/history'.get.operationId",
                        equalTo("getScorecardHistory"))
                .body("paths.'/api/v1/scoring/appeals'.post.operationId", equalTo("fileAppeal"))
                .body("paths.'/api/v1/scoring/appeals'.get.operationId", equalTo("listAppeals"))
                .body("paths.'/api/v1/scoring/appeals/{id}'.get.operationId", equalTo("getAppeal"))
                .body("paths.'/api/v1/scoring/appeals/{id}/decision'.post.operationId", equalTo("decideAppeal"))
                .body("paths.'/api/v1/scoring/appeals/{id}/escalation'.post.operationId", equalTo("escalateAppeal"))
                .body("paths.'/api/v1/scoring/coaching-sessions'.post.operationId", equalTo("openCoachingSession"))
                .body("paths.'/api/v1/scoring/coaching-sessions'.get.operationId", equalTo("listCoachingSessions"))
                .body("paths.'/api/v1/scoring/coaching-sessions/{id}'.get.operationId", equalTo("getCoachingSession"))
                .body("paths.'/api/v1/scoring/coaching-sessions/{id}/notes'.put.operationId",
                        equalTo("recordCoachingNotes"))
                .body("paths.'/api/v1/scoring/coaching-sessions/{id}/acknowledgement'.post.operationId",
                        equalTo("acknowledgeCoachingSession"))
                .body("paths.'/api/v1/scoring/coaching-sessions'.post.responses", hasKey("409"))
                .body("components.schemas.AppealInput.properties", hasKey("record"))
                .body("components.schemas.ScoringRule.discriminator.mapping", hasKey("lookup-table"))
                .body("components.schemas.ScoringRule.discriminator.mapping", hasKey("expression"))
                .body("components.schemas.LookupTableRule.properties.table", notNullValue())
                .body("components.schemas.ManualRatingRule.properties.raters", notNullValue())
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
        String management = ConfigProvider.getConfig().getValue("test.management.url", String.class);
        given().get(management + "/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        // health and metrics are not on the API's port
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
