package io.perfcenter.gateway;

import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With tracing on, the service gets the caller's trace, continued by the gateway's own span. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(TracingOn.class)
class TracePropagationTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @InjectServiceStubs
    ServiceStubs stubs;

    @Test
    void theServiceReceivesTheCallersTraceWithTheGatewaysSpanAsParent() {
        var scoring = stubs.get("scoring-service");
        scoring.stubFor(get(urlPathEqualTo("/api/v1/scoring/templates"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));

        given().auth().oauth2(TestTokens.token("E1", "hr"))
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .get("/api/v1/scoring/templates").then().statusCode(200);

        var received = scoring.findAll(getRequestedFor(urlPathEqualTo("/api/v1/scoring/templates")));
        assertEquals(1, received.size());
        String traceparent = received.get(0).getHeader("traceparent");
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"),
                "traceparent " + traceparent);
        String[] parts = traceparent.split("-");
        assertEquals(TRACE_ID, parts[1], "the same trace");
        assertNotEquals(CALLER_SPAN, parts[2], "the gateway's span is the service's parent");
    }
}
