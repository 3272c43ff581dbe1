package io.perfcenter.gateway;

import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

/**
 * Health and metrics answer on the management interface only; the services' state is a health group of its own.
 * Prometheus metrics are tagged per service rather than per path.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class HealthAndMetricsTests {

    @InjectServiceStubs
    ServiceStubs stubs;

    @Test
    void theServicesGroupIsUpWhenEveryServiceAnswers() {
        given().get(management("/health/group/services"))
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", containsInAnyOrder("metrics-service", "scoring-service", "incentive-service"))
                .body("checks.status", everyItem(equalTo("UP")));
        given().get(management("/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/openapi.json").then().statusCode(200);
    }

    /** A URL on the management interface (its own port in tests too). */
    static String management(String path) {
        return ConfigProvider.getConfig().getValue("test.management.url", String.class) + path;
    }

    @Test
    void prometheusMetricsAreServedWithoutOneSeriesPerPath() {
        stubs.get("metrics-service").stubFor(get(urlPathMatching("/api/v1/metrics/agents/.*"))
                .willReturn(aResponse().withStatus(200)));
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.token("E1", "hr")).get("/api/v1/metrics/agents/A" + i)
                    .then().statusCode(200);
        }
        given().get(management("/metrics"))
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/metrics/*\""))
                .body(not(containsString("/api/v1/metrics/agents/A1")));
    }
}
