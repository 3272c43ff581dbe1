package io.perfcenter.gateway.console;

import io.perfcenter.gateway.AllServicesUp;
import io.perfcenter.gateway.InjectServiceStubs;
import io.perfcenter.gateway.ServiceStubs;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.gateway.ServiceStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notifications page and the header's unread count, against a stubbed metrics-service: the person's own feed
 * (asked with their token), a button per unread line that marks it read (only with the CSRF token of this origin).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class NotificationPagesTests {

    private static final String CSRF = "test-csrf-token-0123456789abcdef";

    @InjectServiceStubs
    ServiceStubs stubs;

    @Test
    void theFeedIsShownAndMarkedReadWithTheSessionsToken() {
        String agent = TestTokens.token("E7", "agent");
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/notifications"))
                .withHeader("Authorization", equalTo("Bearer " + agent))
                .withQueryParam("unread", equalTo("true"))
                .willReturn(json(200, "[{\"id\":12,\"type\":\"io.perfcenter.scoring.appeal.decided\",\"subject\":\"E7\","
                        + "\"title\":\"Your appeal 5 on aht was ACCEPTED\",\"createdAt\":\"2026-11-04T09:30:00Z\"}]")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/notifications"))
                .withHeader("Authorization", equalTo("Bearer " + agent))
                .withQueryParam("limit", equalTo("100"))
                .willReturn(json(200, "[{\"id\":12,\"type\":\"io.perfcenter.scoring.appeal.decided\",\"subject\":\"E7\","
                        + "\"title\":\"Your appeal 5 on aht was ACCEPTED\",\"createdAt\":\"2026-11-04T09:30:00Z\"},"
                        + "{\"id\":9,\"type\":\"io.perfcenter.scoring.scorecard.published\",\"subject\":\"E7\","
                        + "\"title\":\"Your scorecard for 2026-10 (SEAT) is published: total 87.50, grade GOOD\","
                        + "\"createdAt\":\"2026-11-03T02:15:00Z\",\"readAt\":\"2026-11-03T08:00:00Z\"}]")));
        stubs.get("metrics-service").stubFor(post(urlPathEqualTo("/api/v1/metrics/notifications/12/read"))
                .willReturn(json(200, "{\"id\":12,\"readAt\":\"2026-11-04T10:00:00Z\"}")));

        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .get("/console/notifications").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Your appeal 5 on aht was ACCEPTED"), html);
        assertTrue(html.contains("id=\"notification-12\" class") || html.contains("notification-12"), html);
        assertTrue(html.contains("/console/notifications/12/read"), "a button for the unread one: " + html);
        assertTrue(!html.contains("/console/notifications/9/read"), "none for the read one");
        assertTrue(html.contains("id=\"unread-count\""), "the header's count");
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .get("/console/notifications/unread").then().statusCode(200).body(equalToText("1"));

        // without the CSRF token of this origin nothing is posted
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .post("/console/notifications/12/read").then().statusCode(403);
        stubs.get("metrics-service").verify(0, postRequestedFor(urlPathEqualTo(
                "/api/v1/metrics/notifications/12/read")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .post("/console/notifications/12/read").then().statusCode(303)
                .header("Location", containsString("/console/notifications"));
        stubs.get("metrics-service").verify(postRequestedFor(urlPathEqualTo("/api/v1/metrics/notifications/12/read"))
                .withHeader("Authorization", equalTo("Bearer " + agent)));
    }

    private static org.hamcrest.Matcher<String> equalToText(String text) {
        return org.hamcrest.Matchers.equalTo(text);
    }
}
