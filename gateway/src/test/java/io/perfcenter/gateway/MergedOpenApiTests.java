package io.perfcenter.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** /openapi.json is the services' documents merged into one, as documented on {@code OpenApiMerger}. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class MergedOpenApiTests {

    @Test
    void pathsOfAllServicesWithTheirOperationIdsAndTags() {
        given().get("/openapi.json")
                .then().statusCode(200)
                .contentType("application/json")
                .header("X-Request-Id", notNullValue())
                .body("info.title", equalTo("PerfCenter API"))
                .body("servers[0].url", startsWith("http://localhost:"))
                .body("paths.keySet()", containsInAnyOrder("/api/v1/metrics/org/units", "/api/v1/metrics/values",
                        "/api/v1/scoring/runs", "/api/v1/incentives/plans", "/api/v1/me/overview"))
                .body("paths.'/api/v1/metrics/org/units'.get.operationId", equalTo("listUnits"))
                .body("paths.'/api/v1/metrics/values'.post.operationId", equalTo("ingest"))
                .body("paths.'/api/v1/scoring/runs'.post.operationId", equalTo("create"))
                .body("paths.'/api/v1/incentives/plans'.post.operationId", equalTo("create"))
                .body("paths.'/api/v1/scoring/runs'.post.tags", contains("Runs"))
                // kept as the services define them, but pointed out
                .body("'x-perfcenter-duplicate-operation-ids'", contains("create"))
                // services in the order of their names: incentive, metrics, scoring; then the gateway's own views
                .body("tags.name", contains("Plans", "Org", "Ingest", "Runs", "gateway: composite views"))
                .body("tags.find { it.name == 'Org' }.description", equalTo("Org units, agents and memberships"))
                .body("'x-perfcenter-unavailable'", empty());
    }

    @Test
    void oneBearerSchemeAppliedGloballyAndInEveryOperation() {
        given().get("/openapi.json")
                .then().statusCode(200)
                .body("components.securitySchemes.keySet()", contains("bearer", "oidc"))
                .body("components.securitySchemes.oidc.type", equalTo("openIdConnect"))
                .body("components.securitySchemes.oidc.openIdConnectUrl",
                        equalTo("https://sso.example.com/realms/perfcenter/.well-known/openid-configuration"))
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"))
                .body("security", contains(java.util.Map.of("bearer", java.util.List.of()),
                        java.util.Map.of("oidc", java.util.List.of())))
                // scoring called its scheme "SecurityScheme"; its requirement now names the gateway's; the roles
                // (its scopes) are stated in x-perfcenter-roles and the description
                .body("paths.'/api/v1/scoring/runs'.post.security[0].bearer", empty())
                .body("paths.'/api/v1/scoring/runs'.post.security[1].oidc", empty())
                .body("paths.'/api/v1/scoring/runs'.post.'x-perfcenter-roles'", contains("hr"))
                .body("paths.'/api/v1/scoring/runs'.post.description", endsWith("Roles: hr."))
                .body("paths.'/api/v1/metrics/org/units'.get.'x-perfcenter-roles'", contains("hr", "admin"));
    }

    @Test
    void schemasDefinedDifferentlyByTwoServicesArePrefixedIdenticalOnesKeptOnce() {
        given().get("/openapi.json")
                .then().statusCode(200)
                .body("components.schemas.keySet()", containsInAnyOrder("OrgUnitView", "ValueRecord", "Period",
                        "RunRequest", "PlanView", "MetricsKind", "ScoringKind",
                        // every service's problem schema is the one Problem schema
                        "Problem", "ProblemViolation",
                        // the gateway's own composite view
                        "MyOverview"))
                .body("components.schemas.MetricsKind.enum", contains("CENTER", "TEAM", "GROUP"))
                .body("components.schemas.ScoringKind.enum", contains("SCORE", "DATA_POINT"))
                .body("paths.'/api/v1/metrics/org/units'.get.responses.'403'.content.'application/problem+json'"
                        + ".schema.'$ref'", equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/scoring/runs'.post.responses.'400'.content.'application/problem+json'"
                        + ".schema.'$ref'", equalTo("#/components/schemas/Problem"))
                .body("components.schemas.Problem.properties", hasKey("field"))
                .body("components.schemas.RunRequest.properties.period.'$ref'",
                        equalTo("#/components/schemas/Period"))
                .body("'x-perfcenter-renamed-components'.'metrics-service'.'schemas/Kind'",
                        equalTo("MetricsKind"));
    }

    @Test
    void pathsOutsideAServicesPrefixAreLeftOut() {
        given().get("/openapi.json")
                .then().statusCode(200)
                .body("paths", not(hasKey("/hello")))
                .body("paths", not(anEmptyMap()));
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().get("/q/swagger-ui/index.html")
                .then().statusCode(200)
                .body(containsString("/openapi.json"));
    }
}
