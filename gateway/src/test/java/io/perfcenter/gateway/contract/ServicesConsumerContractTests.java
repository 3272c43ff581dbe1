package io.perfcenter.gateway.contract;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit.MockServerConfig;
import au.com.dius.pact.consumer.junit5.PactConsumerTest;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.perfcenter.support.CommittedPact;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonArrayMinLike;
import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/**
 * The gateway's contracts with the three services: what its overview composes (the person from metrics-service, the
 * scorecards from scoring-service, the statements from incentive-service) and the OpenAPI document it merges from
 * each. The gateway itself makes the calls (GET /api/v1/me/overview, GET /openapi.json) against Pact's mock servers,
 * which stand on fixed ports the test profile points the routes at. The pacts must equal the ones committed in the
 * services ({@link CommittedPact}).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(ServicesConsumerContractTests.PactMocks.class)
@CommittedPact(consumer = "gateway", provider = {"metrics-service", "scoring-service", "incentive-service"})
@PactConsumerTest
@PactTestFor(pactVersion = PactSpecVersion.V3)
@MockServerConfig(providerName = "metrics-service", hostInterface = "localhost", port = ServicesConsumerContractTests.METRICS_PORT)
@MockServerConfig(providerName = "scoring-service", hostInterface = "localhost", port = ServicesConsumerContractTests.SCORING_PORT)
@MockServerConfig(providerName = "incentive-service", hostInterface = "localhost", port = ServicesConsumerContractTests.INCENTIVE_PORT)
class ServicesConsumerContractTests {

    // fixed ports below Linux's ephemeral range (32768–60999): a port in it can be held by any outgoing connection
    // of the build at that moment (the run before failed binding 47181)
    static final String METRICS_PORT = "27181";
    static final String SCORING_PORT = "27182";
    static final String INCENTIVE_PORT = "27183";
    static final String CONSUMER = "gateway";
    /** Whose token the request carries: params employeeId and role (the providers mint a valid one). */
    static final String CALLER = "the caller";
    static final Map<String, Object> AGENT_E1 = Map.of("employeeId", "E1", "role", "agent");

    public static class PactMocks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "perfcenter.gateway.services.metrics-service.url", "http://localhost:" + METRICS_PORT,
                    "perfcenter.gateway.services.scoring-service.url", "http://localhost:" + SCORING_PORT,
                    "perfcenter.gateway.services.incentive-service.url", "http://localhost:" + INCENTIVE_PORT);
        }
    }

    // ---- the overview's parts ----

    @Pact(consumer = CONSUMER, provider = "metrics-service")
    RequestResponsePact person(PactDslWithProvider builder) {
        return builder
                .given("unit G1 (group under team T1, led by S1) with agents E1 and E2 who handled calls in October 2026")
                .given(CALLER, AGENT_E1)
                .uponReceiving("the person of the overview")
                .method("GET").path("/api/v1/metrics/org/agents/E1")
                .matchHeader("Authorization", "Bearer .+", "Bearer a-token")
                .willRespondWith().status(200)
                .body(newJsonBody(person -> {
                    person.stringType("employeeId", "E1");
                    person.stringType("name", "Agent E1");
                    person.stringType("position", "seat");
                    person.stringType("unitCode", "G1");
                }).build())
                .toPact();
    }

    @Pact(consumer = CONSUMER, provider = "scoring-service")
    RequestResponsePact scorecards(PactDslWithProvider builder) {
        return builder
                .given("E1's scorecard of unit G1 for 2026-10 is published")
                .given(CALLER, AGENT_E1)
                .uponReceiving("the scorecards of the overview")
                .method("GET").path("/api/v1/scoring/scorecards")
                .query("employeeId=E1&period=2026-10")
                .matchHeader("Authorization", "Bearer .+", "Bearer a-token")
                .willRespondWith().status(200)
                .body(newJsonArrayMinLike(1, cards -> cards.object(card -> {
                    card.stringType("employeeId", "E1");
                    card.stringMatcher("period", "\\d{4}-\\d{2}", "2026-10");
                    card.numberType("total", 95.38);
                    card.stringType("grade", "excellent");
                    card.stringMatcher("status", "PUBLISHED|LOCKED", "PUBLISHED");
                })).build())
                .toPact();
    }

    @Pact(consumer = CONSUMER, provider = "incentive-service")
    RequestResponsePact statements(PactDslWithProvider builder) {
        return builder
                .given("E1 has no statement for 2026-10")
                .given(CALLER, AGENT_E1)
                .uponReceiving("the statements of the overview")
                .method("GET").path("/api/v1/incentives/statements")
                .query("employeeId=E1&period=2026-10")
                .matchHeader("Authorization", "Bearer .+", "Bearer a-token")
                .willRespondWith().status(200)
                .body(new PactDslJsonArray())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethods = {"person", "scorecards", "statements"})
    void overview() {
        given().auth().oauth2(TestTokens.token("E1", "agent")).queryParam("period", "2026-10")
                .get("/api/v1/me/overview").then().statusCode(200)
                .body("unavailable", empty())
                .body("notes", equalTo(Map.of()))
                .body("person.unitCode", equalTo("G1"))
                .body("scorecards[0].status", equalTo("PUBLISHED"))
                .body("statements", empty());
    }

    // ---- the services' OpenAPI documents, merged into /openapi.json ----

    /** What the merger reads: the version, the service's info, each path's operations with their operationId. */
    private static DslPart document(String path, String operationId) {
        return newJsonBody(doc -> {
            doc.stringMatcher("openapi", "3\\.\\d+\\.\\d+", "3.1.0");
            doc.object("info", info -> {
                info.stringType("title", "PerfCenter API");
                info.stringType("version", "1.0");
            });
            doc.object("paths", paths -> paths.object(path,
                    operations -> operations.object("get", get -> get.stringType("operationId", operationId))));
        }).build();
    }

    private static RequestResponsePact openApi(PactDslWithProvider builder, String path, String operationId) {
        return builder
                .uponReceiving("the service's OpenAPI document")
                .method("GET").path("/q/openapi").query("format=json")
                .willRespondWith().status(200)
                .body(document(path, operationId))
                .toPact();
    }

    @Pact(consumer = CONSUMER, provider = "metrics-service")
    RequestResponsePact metricsOpenApi(PactDslWithProvider builder) {
        return openApi(builder, "/api/v1/metrics/org/agents/{employeeId}", "getAgent");
    }

    @Pact(consumer = CONSUMER, provider = "scoring-service")
    RequestResponsePact scoringOpenApi(PactDslWithProvider builder) {
        return openApi(builder, "/api/v1/scoring/scorecards", "listScorecards");
    }

    @Pact(consumer = CONSUMER, provider = "incentive-service")
    RequestResponsePact incentiveOpenApi(PactDslWithProvider builder) {
        return openApi(builder, "/api/v1/incentives/statements", "listStatements");
    }

    @Test
    @PactTestFor(pactMethods = {"metricsOpenApi", "scoringOpenApi", "incentiveOpenApi"})
    void mergedOpenApi() {
        given().get("/openapi.json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/metrics/org/agents/{employeeId}"))
                .body("paths", hasKey("/api/v1/scoring/scorecards"))
                .body("paths", hasKey("/api/v1/incentives/statements"));
    }
}
