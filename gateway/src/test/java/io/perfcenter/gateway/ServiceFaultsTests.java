package io.perfcenter.gateway;

import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A service that is down or too slow is a problem naming it; readiness and the OpenAPI document say so too. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(ServiceFaults.class)
class ServiceFaultsTests {

    @InjectServiceStubs
    ServiceStubs stubs;

    @Test
    void aServiceThatIsDownIsAServiceUnavailableProblemNamingIt() {
        given().auth().oauth2(TestTokens.token("E1", "hr")).header("X-Request-Id", "down-1")
                .get("/api/v1/incentives/statements")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("X-Request-Id", "down-1")
                .body("type", equalTo("https://perfcenter.io/problems/service-unavailable"))
                .body("status", equalTo(503))
                .body("service", equalTo(ServiceFaults.DOWN))
                .body("detail", containsString(ServiceFaults.DOWN))
                .body("requestId", equalTo("down-1"));
    }

    @Test
    void aPostToAServiceThatIsDownIsAServiceUnavailableProblemToo() {
        given().auth().oauth2(TestTokens.token("E1", "hr")).contentType("text/csv").body("employeeId,amount\nA1,10\n")
                .post("/api/v1/incentives/imports")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("service", equalTo(ServiceFaults.DOWN));
    }

    @Test
    void aServiceSlowerThanTheTimeoutIsAGatewayTimeoutProblem() {
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/slow"))
                .willReturn(aResponse().withStatus(200).withBody("late").withFixedDelay(3000)));

        given().auth().oauth2(TestTokens.token("E1", "hr"))
                .get("/api/v1/scoring/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("https://perfcenter.io/problems/gateway-timeout"))
                .body("service", equalTo("scoring-service"));

        // the other services are unaffected
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/fast"))
                .willReturn(aResponse().withStatus(200).withBody("fast")));
        given().auth().oauth2(TestTokens.token("E1", "hr"))
                .get("/api/v1/scoring/fast").then().statusCode(200).body(equalTo("fast"));
    }

    @Test
    void aSlowUploadDoesNotCountAgainstTheTimeout() throws Exception {
        var scoring = stubs.get("scoring-service");
        scoring.stubFor(post(urlPathEqualTo("/api/v1/scoring/imports"))
                .willReturn(aResponse().withStatus(200).withBody("imported")));
        // four lines, 700 ms apart: the upload takes about twice the gateway timeout of this profile
        List<String> lines = List.of("employeeId,value\n", "A1,10\n", "A2,12\n", "A3,14\n");
        InputStream slowBody = new InputStream() {
            private int line;
            private int position;

            @Override
            public int read() {
                if (line == lines.size()) {
                    return -1;
                }
                String current = lines.get(line);
                int next = current.charAt(position++);
                if (position == current.length()) {
                    line++;
                    position = 0;
                }
                return next;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (line == lines.size()) {
                    return -1;
                }
                if (position == 0 && line > 0) {
                    sleep(700);
                }
                int count = 0;
                int first = line;
                while (count < length && line == first) {
                    buffer[offset + count++] = (byte) read();
                }
                return count;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/scoring/imports"))
                .header("Authorization", "Bearer " + TestTokens.token("E1", "hr"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> slowBody))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("employeeId,value\nA1,10\nA2,12\nA3,14\n",
                scoring.findAll(postRequestedFor(urlPathEqualTo("/api/v1/scoring/imports"))).get(0).getBodyAsString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aServiceDownLeavesTheGatewayReadyAndShowsInTheServicesGroup() {
        // readiness is the gateway's own: were it DOWN, Kubernetes would take every gateway pod out of the Service
        // and the whole API with it, though only the down service's routes fail (503, above)
        given().get(HealthAndMetricsTests.management("/health/ready"))
                .then().statusCode(200)
                .body("status", equalTo("UP"));
        given().get(HealthAndMetricsTests.management("/health/group/services"))
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'incentive-service' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'metrics-service' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'scoring-service' }.status", equalTo("UP"));
        // liveness is the gateway's own too: a service being down must not get the gateway restarted
        given().get(HealthAndMetricsTests.management("/health/live"))
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", containsInAnyOrder("gateway"));
    }

    @Test
    void theOpenApiDocumentServesWhatIsAvailableAndNamesWhatIsMissing() {
        given().get("/openapi.json")
                .then().statusCode(200)
                .body("'x-perfcenter-unavailable'", containsInAnyOrder(ServiceFaults.DOWN))
                .body("paths", hasKey("/api/v1/metrics/org/units"))
                .body("paths", hasKey("/api/v1/scoring/runs"))
                .body("paths", not(hasKey("/api/v1/incentives/plans")))
                .body("tags.name", hasItem("Runs"));
    }
}
