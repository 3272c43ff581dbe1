package io.perfcenter.gateway.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.gateway.AllServicesUp;
import io.perfcenter.gateway.InjectServiceStubs;
import io.perfcenter.gateway.ServiceStubs;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.gateway.ServiceStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's pages with an OIDC provider configured (the test profile's): no local sign-in list, and pages that
 * render what the services answer the session's token, never more; forms need the CSRF token and this origin.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class ConsolePagesTests {

    private static final String CSRF = "test-csrf-token-0123456789abcdef";

    @InjectServiceStubs
    ServiceStubs stubs;

    @BeforeEach
    void reset() {
        stubs.servers().values().forEach(WireMockServer::resetRequests);
    }

    private void agentMonth(String employeeId) {
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/agents/" + employeeId))
                .willReturn(json(200, "{\"employeeId\":\"" + employeeId + "\",\"name\":\"Li Na\",\"unitCode\":\"G-1\"}")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("employeeId", equalTo(employeeId))
                .willReturn(json(200, "[{\"id\":501,\"runId\":12,\"employeeId\":\"" + employeeId + "\",\"unitCode\":\"G-1\","
                        + "\"period\":\"2026-10\",\"templateCode\":\"SEAT\",\"total\":86.71,\"grade\":\"good\",\"rank\":2,"
                        + "\"percentile\":50,\"status\":\"published\",\"totalExplanation\":\"Total: 35.376 + 51.33 = 86.71\","
                        + "\"items\":[{\"itemCode\":\"volume\",\"metricCode\":\"calls_handled\",\"value\":2412,\"points\":88.44,"
                        + "\"maxPoints\":100,\"weight\":40,\"weightedPoints\":35.376,\"handling\":\"SCORED\","
                        + "\"explanation\":\"2,412 calls × 0.55 (tier 2300–2500) = 1,326.6\"}]},"
                        + "{\"id\":401,\"runId\":9,\"employeeId\":\"" + employeeId + "\",\"period\":\"2026-09\","
                        + "\"templateCode\":\"SEAT\",\"total\":79.5,\"grade\":\"pass\",\"rank\":3,\"status\":\"LOCKED\",\"items\":[]}]")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/appeals"))
                .withQueryParam("scorecardId", equalTo("501"))
                .willReturn(json(200, "[{\"id\":7,\"itemCode\":\"volume\",\"kind\":\"SCORE\",\"reason\":\"Missed calls\","
                        + "\"status\":\"OPEN\"}]")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/runs/12"))
                .willReturn(json(403, "{\"title\":\"Forbidden\",\"status\":403}")));
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/statements"))
                .withQueryParam("employeeId", equalTo(employeeId)).withQueryParam("period", equalTo("2026-10"))
                .willReturn(json(200, "[{\"id\":41,\"runStatus\":\"CALCULATED\",\"planCode\":\"PERF\",\"currency\":\"CNY\","
                        + "\"total\":2100.00,\"flags\":[],\"lines\":[{\"kind\":\"performance-pay\",\"amount\":2100.00,"
                        + "\"currency\":\"CNY\",\"explanation\":\"7,000.00 × 30% × 1.0 (good) = 2,100.00\"}]}]")));
    }

    @Test
    void withAProviderTheSignInPageListsNobodyAndLocalSignInIsRefused() {
        String page = given().redirects().follow(false).get("/console/sign-in").then().statusCode(200)
                .body(containsString("id=\"oidc-mode\"")).extract().asString();
        assertFalse(page.contains("sign-in-E"), "no demo person is offered with a provider");
        given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, CSRF)
                .formParam("person", "E3001").formParam("csrf", CSRF)
                .post("/console/sign-in").then().statusCode(404);
    }

    @Test
    void withoutASessionEveryPageSendsTheBrowserToSignIn() {
        for (String path : new String[]{"/", "/console/group", "/console/agents/E7"}) {
            given().redirects().follow(false).get(path).then().statusCode(303)
                    .header("Location", containsString("/console/sign-in"));
        }
        // a session whose token does not verify is cleared
        Response forged = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, "not.a.token")
                .get("/");
        assertEquals(303, forged.statusCode());
        assertTrue(forged.headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(ConsoleRoutes.SESSION_COOKIE + "=;") && c.contains("Max-Age=0")));
    }

    @Test
    void theAgentsMonthShowsTheResultItsExplanationsPayAndAppealsFromTheServicesAnsweringTheSessionsToken() {
        agentMonth("E7");
        String token = TestTokens.token("E7", "agent");
        Response page = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, token)
                .queryParam("period", "2026-10").get("/");
        String html = page.then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Cache-Control", "no-store")
                .extract().asString();
        assertTrue(html.contains("<meta name=\"viewport\""), html);
        assertTrue(html.contains("id=\"total\">86.71<"), html);
        assertTrue(html.contains("id=\"grade\">good<"), html);
        assertTrue(html.contains("id=\"rank\">2<"), "no run visible to an agent: rank without N: " + html);
        assertTrue(html.contains("2,412 calls × 0.55 (tier 2300–2500) = 1,326.6"), html);
        assertTrue(html.contains("7,000.00 × 30% × 1.0 (good) = 2,100.00"), html);
        assertTrue(html.contains("state-provisional"), html);
        assertTrue(html.contains("total 2100.00 CNY"), "money keeps its 2 decimals: " + html);
        assertTrue(html.contains("Missed calls") && html.contains(">open<"), html);
        assertTrue(html.contains("action=\"/console/appeals\""), "own published month: appeal forms: " + html);
        // the trend holds September's and October's totals among 12 months
        assertTrue(html.contains("&quot;2025-11&quot;") && html.contains("79.5,86.71]"), html);
        assertFalse(html.contains(token), "the token never appears in a page");
        // every call carried the session's token
        String bearer = "Bearer " + token;
        stubs.get("metrics-service").verify(getRequestedFor(urlPathEqualTo("/api/v1/metrics/org/agents/E7"))
                .withHeader("Authorization", equalTo(bearer)));
        stubs.get("scoring-service").verify(getRequestedFor(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withHeader("Authorization", equalTo(bearer)));
        stubs.get("incentive-service").verify(getRequestedFor(urlPathEqualTo("/api/v1/incentives/statements"))
                .withHeader("Authorization", equalTo(bearer)));
        // the page set the CSRF cookie its forms post back: HttpOnly, SameSite=Strict
        assertTrue(page.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(ConsoleRoutes.CSRF_COOKIE
                + "=") && c.toLowerCase().contains("httponly") && c.contains("SameSite=Strict")), page.headers().toString());
    }

    @Test
    void aMonthTheApiRefusesIsRefusedByThePage() {
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/agents/E8"))
                .willReturn(json(403, "{\"title\":\"Forbidden\",\"status\":403}")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("employeeId", equalTo("E8")).willReturn(json(200, "[]")));
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/statements"))
                .withQueryParam("employeeId", equalTo("E8")).willReturn(json(200, "[]")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, TestTokens.token("E7", "agent"))
                .get("/console/agents/E8").then().statusCode(403)
                .body(containsString("You may not see the month of E8"));
    }

    @Test
    void anAppealIsPostedWithTheSessionsTokenOnlyWithTheCsrfTokenFromThisOrigin() {
        stubs.get("scoring-service").stubFor(post(urlPathEqualTo("/api/v1/scoring/appeals"))
                .willReturn(json(201, "{\"id\":8,\"status\":\"OPEN\"}")));
        String token = TestTokens.token("E7", "agent");
        // no CSRF token, a wrong one, another origin: refused, nothing posted
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, token)
                .formParam("scorecardId", "501").formParam("itemCode", "volume").formParam("reason", "x")
                .post("/console/appeals").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, token)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF + "x")
                .formParam("scorecardId", "501").formParam("itemCode", "volume").formParam("reason", "x")
                .post("/console/appeals").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, token)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).header("Origin", "https://evil.example")
                .formParam("scorecardId", "501").formParam("itemCode", "volume").formParam("reason", "x")
                .post("/console/appeals").then().statusCode(403);
        stubs.get("scoring-service").verify(0, postRequestedFor(urlPathEqualTo("/api/v1/scoring/appeals")));

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, token)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("scorecardId", "501").formParam("itemCode", "volume").formParam("kind", "SCORE")
                .formParam("reason", "Calls of the 14th are missing").formParam("period", "2026-10")
                .post("/console/appeals").then().statusCode(303)
                .header("Location", containsString("/?period=2026-10#appeals"));
        stubs.get("scoring-service").verify(postRequestedFor(urlPathEqualTo("/api/v1/scoring/appeals"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(equalToJson("{\"scorecardId\":501,\"itemCode\":\"volume\",\"kind\":\"SCORE\","
                        + "\"reason\":\"Calls of the 14th are missing\"}")));
    }

    @Test
    void anAppealTheApiRefusesShowsItsReason() {
        stubs.get("scoring-service").stubFor(post(urlPathEqualTo("/api/v1/scoring/appeals"))
                .willReturn(json(409, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"The item has an open appeal\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, TestTokens.token("E7", "agent"))
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("scorecardId", "501").formParam("itemCode", "volume").formParam("reason", "again")
                .post("/console/appeals").then().statusCode(409).body(containsString("The item has an open appeal"));
    }

    @Test
    void theSupervisorsGroupTableListsTheScorecardsTheApiGivesThem() {
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("period", equalTo("2026-10"))
                .willReturn(json(200, "[{\"id\":1,\"employeeId\":\"E3001\",\"unitCode\":\"G-1\",\"period\":\"2026-10\","
                        + "\"total\":91.2,\"grade\":\"excellent\",\"rank\":1,\"status\":\"PUBLISHED\",\"items\":["
                        + "{\"itemCode\":\"volume\",\"points\":95},{\"itemCode\":\"aht\",\"points\":88}]},"
                        + "{\"id\":2,\"employeeId\":\"E3002\",\"unitCode\":\"G-1\",\"period\":\"2026-10\",\"total\":80.1,"
                        + "\"grade\":\"good\",\"rank\":2,\"status\":\"COMPUTED\",\"items\":[{\"itemCode\":\"volume\",\"points\":70}]}]")));
        String token = TestTokens.token("E2001", "supervisor");
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, token)
                .queryParam("period", "2026-10").get("/console/group").then().statusCode(200)
                .body(containsString("id=\"group-table\""))
                .body(containsString("href=\"/console/agents/E3001?period=2026-10\""))
                .body(containsString("excellent")).body(containsString(">volume<")).body(containsString(">aht<"))
                .body(not(containsString(token))).extract().asString();
        assertEquals(2, html.split("class=\"agent-row\"").length - 1, html);
        stubs.get("scoring-service").verify(getRequestedFor(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void theConsoleIsNotPartOfTheApiDocuments() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(not(containsString("/console"))).body(not(containsString("sign-in")));
        given().get("/openapi.json").then().statusCode(200)
                .body(not(containsString("/console"))).body(not(containsString("sign-in")));
    }

    @Test
    void echartsIsServedFromItsWebjar() {
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
        given().get("/console/static/console.js").then().statusCode(200);
    }
}
