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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.gateway.ServiceStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reviewer's, hr's, the manager's and the board's pages against stubbed services: who is refused before any call,
 * what the forms post (with the session's token, only with the CSRF token from this origin), and what the pages show
 * of the answers (anomaly flags, the what-if's charts).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class ConsoleRolePagesTests {

    private static final String CSRF = "test-csrf-token-0123456789abcdef";

    @InjectServiceStubs
    ServiceStubs stubs;

    @BeforeEach
    void reset() {
        stubs.servers().values().forEach(WireMockServer::resetRequests);
    }

    @Test
    void anAgentIsRefusedHrsPagesBeforeAnyCall() {
        String agent = TestTokens.token("E7", "agent");
        for (String path : new String[]{"/console/hr/runs", "/console/hr/runs/12", "/console/hr/what-if"}) {
            given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent).get(path).then()
                    .statusCode(403).body(containsString("These pages are for hr and admin"));
        }
        stubs.get("scoring-service").verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void theGroupPageFlagsTheAnomaliesTheMetricsApiFinds() {
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("period", equalTo("2026-10"))
                .willReturn(json(200, "[{\"id\":501,\"employeeId\":\"E7\",\"unitCode\":\"G-9\",\"total\":86.71,"
                        + "\"grade\":\"good\",\"rank\":1,\"status\":\"PUBLISHED\",\"items\":[{\"itemCode\":\"volume\","
                        + "\"metricCode\":\"calls_handled\",\"points\":88}]}]")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/aggregates"))
                .withQueryParam("unit", equalTo("G-9")).withQueryParam("anomalies", equalTo("true"))
                .withQueryParam("metric", equalTo("calls_handled"))
                .willReturn(json(200, "{\"unitCode\":\"G-9\",\"agents\":[{\"employeeId\":\"E7\",\"values\":{},"
                        + "\"anomalies\":[{\"metric\":\"aht\",\"reason\":\"aht fell 24.3% below the agent's mean\"}]}]}")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/aggregates"))
                .withQueryParam("unit", equalTo("G-9")).withQueryParam("from", containing("-01"))
                .willReturn(json(200, "{\"unitCode\":\"G-9\",\"agents\":[],\"unitTotal\":{\"calls_handled\":"
                        + "{\"value\":512,\"samples\":5}}}")));
        String html = given().redirects().follow(false)
                .cookie(ConsoleRoutes.SESSION_COOKIE, TestTokens.token("E2", "supervisor"))
                .queryParam("period", "2026-10").get("/console/group").then().statusCode(200).extract().asString();
        assertTrue(html.contains("aht fell 24.3% below the agent&#39;s mean")
                || html.contains("aht fell 24.3% below the agent's mean"), html);
        assertTrue(html.contains("calls_handled") && html.contains(">512<"), "month to date: " + html);
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern containing(String text) {
        return com.github.tomakehurst.wiremock.client.WireMock.containing(text);
    }

    @Test
    void aDecisionIsPostedOnlyWithTheCsrfTokenAndCarriesTheOutcome() {
        stubs.get("scoring-service").stubFor(post(urlPathEqualTo("/api/v1/scoring/appeals/7/decision"))
                .willReturn(json(200, "{\"id\":7,\"status\":\"ACCEPTED\"}")));
        String reviewer = TestTokens.token("E41", "appeals");
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, reviewer)
                .formParam("outcome", "ACCEPTED").formParam("reason", "x")
                .post("/console/review/appeals/7/decision").then().statusCode(403);
        stubs.get("scoring-service").verify(0, postRequestedFor(urlPathEqualTo("/api/v1/scoring/appeals/7/decision")));

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, reviewer)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("outcome", "accepted").formParam("reason", "Recording checked").formParam("points", "95")
                .post("/console/review/appeals/7/decision").then().statusCode(303)
                .header("Location", containsString("/console/review/appeals#appeal-7"));
        stubs.get("scoring-service").verify(postRequestedFor(urlPathEqualTo("/api/v1/scoring/appeals/7/decision"))
                .withHeader("Authorization", equalTo("Bearer " + reviewer))
                .withRequestBody(equalToJson("{\"outcome\":\"ACCEPTED\",\"reason\":\"Recording checked\","
                        + "\"adjustment\":{\"points\":95}}")));
    }

    @Test
    void theWhatIfPostsTheDraftWithTheFormsWeightsAndDrawsBeforeAndAfter() {
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/templates"))
                .willReturn(json(200, "[{\"code\":\"SEAT\",\"version\":1}]")));
        stubs.get("scoring-service").stubFor(post(urlPathEqualTo("/api/v1/scoring/runs/what-if"))
                .willReturn(json(200, "{\"templateCode\":\"SEAT\",\"templateVersion\":2,\"draft\":true,"
                        + "\"unitCode\":\"G-9\",\"period\":\"2026-10\",\"comparedRunId\":12,\"averageTotalBefore\":80,"
                        + "\"averageTotalAfter\":82.5,\"distributionBefore\":{\"good\":1,\"pass\":1},"
                        + "\"distributionAfter\":{\"good\":2},\"gradesChanged\":1,\"agents\":[{\"employeeId\":\"E7\","
                        + "\"totalBefore\":85,\"totalAfter\":86,\"gradeBefore\":\"good\",\"gradeAfter\":\"good\"},"
                        + "{\"employeeId\":\"E8\",\"totalBefore\":75,\"totalAfter\":80,\"gradeBefore\":\"pass\","
                        + "\"gradeAfter\":\"good\"}]}")));
        String draft = "{\"code\":\"SEAT\",\"name\":\"Seat\",\"position\":\"seat\",\"items\":[{\"code\":\"volume\","
                + "\"weight\":40},{\"code\":\"aht\",\"weight\":60}],\"gradeBands\":[]}";
        String hr = TestTokens.token("H1", "hr");
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("unitCode", "G-9")
                .formParam("period", "2026-10").formParam("draft", draft).formParam("weight.volume", "50")
                .formParam("weight.aht", "50").post("/console/hr/what-if").then().statusCode(200).extract().asString();
        stubs.get("scoring-service").verify(postRequestedFor(urlPathEqualTo("/api/v1/scoring/runs/what-if"))
                .withHeader("Authorization", equalTo("Bearer " + hr))
                .withRequestBody(matchingJsonPath("$.template.items[0].weight", equalTo("50")))
                .withRequestBody(matchingJsonPath("$.unitCode", equalTo("G-9"))));
        assertTrue(html.contains("id=\"distribution-chart\"") && html.contains("id=\"totals-chart\""), html);
        assertTrue(html.contains("id=\"average-after\">82.5<"), html);
        // the charts' data: grades now and with the draft
        assertTrue(html.contains("&quot;with the draft&quot;"), html);
        assertFalse(html.contains(hr), "the token never appears in a page");
    }

    @Test
    void theStoredTemplateDraftKeepsOnlyWhatTheApiTakes() {
        var stored = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        stored.put("code", "SEAT").put("version", 3).put("createdBy", "H1").put("name", "Seat");
        stored.putArray("items").addObject().put("code", "volume").put("weight", 40).put("maxPoints", 100);
        var draft = HrViews.draft(stored);
        assertTrue(draft.has("code") && draft.has("name") && draft.has("items"), draft.toString());
        assertFalse(draft.has("version") || draft.has("createdBy"), draft.toString());
        assertFalse(draft.path("items").get(0).has("maxPoints"), draft.toString());
    }
}
