package io.perfcenter.gateway;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /api/v1/me/overview: the caller's person, scorecards and statements, composed from the three services. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class OverviewTests {

    @InjectServiceStubs
    ServiceStubs stubs;

    private void stubAll(String employeeId, String period) {
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/agents/" + employeeId))
                .willReturn(json("{\"employeeId\":\"" + employeeId + "\",\"name\":\"Ada Agent\","
                        + "\"position\":\"Agent\",\"unitCode\":\"C1\"}")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("employeeId", equalTo(employeeId)).withQueryParam("period", equalTo(period))
                .willReturn(json("[{\"id\":\"S1\",\"status\":\"PUBLISHED\",\"total\":87.5}]")));
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/statements"))
                .withQueryParam("employeeId", equalTo(employeeId)).withQueryParam("period", equalTo(period))
                .willReturn(json("[{\"id\":\"ST1\",\"amount\":\"120.00\"}]")));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void allPartsAreComposedAndEachCallCarriesTheCallersTokenAndRequestId() {
        stubAll("E7", "2026-10");
        String token = TestTokens.token("E7", "agent");

        var headers = given().auth().oauth2(token).header("X-Request-Id", "ov-42")
                .queryParam("period", "2026-10")
                .get("/api/v1/me/overview")
                .then().statusCode(200)
                .contentType("application/json")
                .header("X-Request-Id", "ov-42")
                .body("employeeId", org.hamcrest.Matchers.equalTo("E7"))
                .body("period", org.hamcrest.Matchers.equalTo("2026-10"))
                .body("person.name", org.hamcrest.Matchers.equalTo("Ada Agent"))
                .body("person.position", org.hamcrest.Matchers.equalTo("Agent"))
                .body("person.unitCode", org.hamcrest.Matchers.equalTo("C1"))
                .body("scorecards.id", contains("S1"))
                .body("scorecards[0].total", org.hamcrest.Matchers.equalTo(87.5f))
                .body("statements.id", contains("ST1"))
                .body("unavailable", empty())
                .body("notes", anEmptyMap())
                .extract().headers();
        assertEquals(List.of("ov-42"), headers.getValues("X-Request-Id"));

        for (String service : ServiceStubsResource.SERVICES) {
            List<LoggedRequest> calls = stubs.get(service).findAll(anyRequestedFor(urlPathMatching("/api/.*"))
                    .withHeader("X-Request-Id", equalTo("ov-42")));
            assertEquals(1, calls.size(), service + " is asked once with the request id");
            assertEquals("Bearer " + token, calls.get(0).getHeader("Authorization"), service);
        }
    }

    @Test
    void withoutPeriodThePreviousMonthIsAsked() {
        String previous = YearMonth.now(Clock.system(java.time.ZoneId.of("Asia/Shanghai"))).minusMonths(1).toString();
        stubAll("E8", previous);

        given().auth().oauth2(TestTokens.token("E8", "supervisor"))
                .get("/api/v1/me/overview")
                .then().statusCode(200)
                .body("period", org.hamcrest.Matchers.equalTo(previous))
                .body("scorecards.id", contains("S1"))
                .body("unavailable", empty());
        stubs.get("scoring-service").verify(getRequestedFor(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("employeeId", equalTo("E8")).withQueryParam("period", equalTo(previous)));
    }

    @Test
    void theDefaultMonthFollowsTheCentersTimeZone() {
        // 20:00 UTC on 31 July is 04:00 on 1 August in Shanghai: the previous month is July, not June
        TestClock.fix("2026-07-31T20:00:00Z");
        try {
            stubAll("E10", "2026-07");
            given().auth().oauth2(TestTokens.token("E10", "agent"))
                    .get("/api/v1/me/overview")
                    .then().statusCode(200)
                    .body("period", org.hamcrest.Matchers.equalTo("2026-07"))
                    .body("scorecards.id", contains("S1"));
        } finally {
            TestClock.release();
        }
    }

    @Test
    void aFailingServiceLeavesItsPartNullAndIsNamedAndARefusalIsNoted() {
        stubAll("E9", "2026-09");
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("employeeId", equalTo("E9")).atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/agents/E9")).atPriority(1)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));

        given().auth().oauth2(TestTokens.token("E9", "agent"))
                .queryParam("period", "2026-09")
                .get("/api/v1/me/overview")
                .then().statusCode(200)
                .body("person", nullValue())
                .body("notes.person", org.hamcrest.Matchers.equalTo("404 not found"))
                .body("scorecards", nullValue())
                .body("statements.id", contains("ST1"))
                .body("unavailable", contains("scoring-service"));
    }

    @Test
    void withoutATokenItIsTheGatewaysUnauthorizedProblem() {
        given().get("/api/v1/me/overview")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", org.hamcrest.Matchers.equalTo("https://perfcenter.io/problems/unauthorized"))
                .body("requestId", notNullValue());
    }

    @Test
    void aTokenWithoutEmployeeIdIsABadRequestNamingTheClaim() {
        var headers = given().auth().oauth2(TestTokens.system("admin"))
                .get("/api/v1/me/overview")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("type", org.hamcrest.Matchers.equalTo("https://perfcenter.io/problems/invalid-field"))
                .body("status", org.hamcrest.Matchers.equalTo(400))
                .body("field", org.hamcrest.Matchers.equalTo("employee_id"))
                .body("instance", org.hamcrest.Matchers.equalTo("/api/v1/me/overview"))
                .body("requestId", notNullValue())
                .extract().headers();
        assertEquals(1, headers.getValues("X-Request-Id").size());
    }

    @Test
    void aMalformedPeriodIsABadRequestNamingIt() {
        for (String period : List.of("2026-13", "2026-1", "October", "2026-10-01")) {
            given().auth().oauth2(TestTokens.token("E7", "agent"))
                    .queryParam("period", period)
                    .get("/api/v1/me/overview")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("field", org.hamcrest.Matchers.equalTo("period"));
        }
    }

    @Test
    void theOverviewIsInTheMergedDocument() {
        String op = "paths.'/api/v1/me/overview'.get";
        given().get("/openapi.json")
                .then().statusCode(200)
                .body(op + ".operationId", org.hamcrest.Matchers.equalTo("getMyOverview"))
                .body(op + ".tags", contains("gateway: composite views"))
                .body(op + ".parameters.name", contains("period"))
                .body(op + ".responses.'200'.content.'application/json'.schema.'$ref'",
                        org.hamcrest.Matchers.equalTo("#/components/schemas/MyOverview"))
                .body(op + ".responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        org.hamcrest.Matchers.equalTo("#/components/schemas/Problem"))
                .body(op + ".responses", hasKey("401"))
                .body("components.schemas.MyOverview.properties", hasKey("unavailable"))
                .body("components.schemas.Problem.properties", hasKey("field"));
    }
}
