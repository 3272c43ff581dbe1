package io.perfcenter.gateway;

import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.nullValue;

/** The overview with incentive-service down and a 1 s timeout: still 200, with what could be had. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(ServiceFaults.class)
class OverviewFaultsTests {

    @InjectServiceStubs
    ServiceStubs stubs;

    @Test
    void aServiceThatIsDownOrTooSlowIsNamedAndTheRestIsAnswered() {
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/agents/E5"))
                .willReturn(OverviewTests.json("{\"name\":\"Bo\",\"position\":\"Agent\",\"unitCode\":\"C2\"}")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("employeeId", equalTo("E5"))
                .willReturn(OverviewTests.json("[]").withFixedDelay((int) Duration.ofSeconds(3).toMillis())));

        given().auth().oauth2(TestTokens.token("E5", "agent"))
                .queryParam("period", "2026-10")
                .get("/api/v1/me/overview")
                .then().statusCode(200)
                .body("person.name", org.hamcrest.Matchers.equalTo("Bo"))
                .body("scorecards", nullValue())
                .body("statements", nullValue())
                .body("unavailable", containsInAnyOrder("scoring-service", ServiceFaults.DOWN));
    }
}
