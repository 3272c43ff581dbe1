package io.perfcenter.gateway;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests pass the gateway unchanged in both directions, with an X-Request-Id, and only with a valid token. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class ProxyTests {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @InjectServiceStubs
    ServiceStubs stubs;

    private static String hr() {
        return TestTokens.token("E1", "hr");
    }

    @Test
    void getReachesTheServiceWithPathQueryTokenAndRequestIdAndItsAnswerComesBackUnchanged() {
        var metrics = stubs.get("metrics-service");
        metrics.stubFor(get(urlPathEqualTo("/api/v1/metrics/org/units/C1"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("ETag", "\"v7\"")
                        .withHeader("X-Custom", "kept")
                        .withBody("{\"code\":\"C1\",\"name\":\"Center\"}")));
        String token = hr();

        String requestId = given().auth().oauth2(token)
                .queryParam("at", "2026-10-16").queryParam("unit", "a b")
                .get("/api/v1/metrics/org/units/C1")
                .then().statusCode(200)
                .contentType("application/json")
                .header("ETag", "\"v7\"")
                .header("X-Custom", "kept")
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("code", equalTo("C1")).body("name", equalTo("Center"))
                .extract().header("X-Request-Id");

        List<LoggedRequest> received = metrics.findAll(getRequestedFor(urlPathEqualTo("/api/v1/metrics/org/units/C1")));
        assertEquals(1, received.size());
        LoggedRequest request = received.get(0);
        assertEquals("/api/v1/metrics/org/units/C1?at=2026-10-16&unit=a%20b", request.getUrl());
        assertEquals("Bearer " + token, request.getHeader("Authorization"));
        assertEquals(requestId, request.getHeader("X-Request-Id"));
    }

    @Test
    void postBodyReachesTheServiceAndTheCallersRequestIdIsKept() {
        var scoring = stubs.get("scoring-service");
        scoring.stubFor(post(urlPathEqualTo("/api/v1/scoring/runs"))
                .willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Location", "http://localhost/api/v1/scoring/runs/42")
                        .withBody("{\"id\":42}")));
        String body = "{\"templateCode\":\"SEAT\",\"unitCode\":\"G1\",\"period\":\"2026-10\"}";

        given().auth().oauth2(hr()).header("X-Request-Id", "client-run-1")
                .contentType(ContentType.JSON).body(body)
                .post("/api/v1/scoring/runs")
                .then().statusCode(201)
                .header("Location", "http://localhost/api/v1/scoring/runs/42")
                .header("X-Request-Id", "client-run-1")
                .body("id", equalTo(42));

        LoggedRequest request = scoring.findAll(postRequestedFor(urlPathEqualTo("/api/v1/scoring/runs"))).get(0);
        assertEquals(body, request.getBodyAsString());
        assertTrue(request.getHeader("Content-Type").startsWith("application/json"));
        assertEquals("client-run-1", request.getHeader("X-Request-Id"));
        assertTrue(request.getHeader("Authorization").startsWith("Bearer "));
    }

    @Test
    void aServiceProblemComesBackAsTheServiceWroteIt() {
        var incentives = stubs.get("incentive-service");
        String problem = "{\"type\":\"https://perfcenter.io/problems/invalid-field\",\"title\":\"Invalid field\","
                + "\"status\":400,\"detail\":\"period: must be yyyy-MM\",\"field\":\"period\"}";
        incentives.stubFor(post(urlPathEqualTo("/api/v1/incentives/runs"))
                .willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(problem)));

        String answer = given().auth().oauth2(hr()).contentType(ContentType.JSON).body("{\"period\":\"10/2026\"}")
                .post("/api/v1/incentives/runs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .extract().asString();
        assertEquals(problem, answer);
    }

    @Test
    void anUnsafeRequestIdIsReplaced() {
        var metrics = stubs.get("metrics-service");
        metrics.stubFor(get(urlPathEqualTo("/api/v1/metrics/catalog")).willReturn(aResponse().withStatus(200)));

        // too long, markup, a separator: only [A-Za-z0-9._-]{1,64} is taken as it is
        String[] unsafe = {"x".repeat(65), "<img src=x>", "a;b", "\"quoted\""};
        for (int i = 0; i < unsafe.length; i++) {
            String sent = given().auth().oauth2(hr()).header("X-Request-Id", unsafe[i])
                    .get("/api/v1/metrics/catalog")
                    .then().statusCode(200)
                    .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                    .extract().header("X-Request-Id");
            assertEquals(sent, metrics.findAll(getRequestedFor(urlPathEqualTo("/api/v1/metrics/catalog"))).get(i)
                    .getHeader("X-Request-Id"));
        }
        given().auth().oauth2(hr()).header("X-Request-Id", "x".repeat(64)).get("/api/v1/metrics/catalog")
                .then().statusCode(200).header("X-Request-Id", "x".repeat(64));
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedAtTheEdge() {
        given().auth().oauth2(TestTokens.forAudience("another-client", "E1", "hr"))
                .get("/api/v1/metrics/catalog")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://perfcenter.io/problems/unauthorized"));
    }

    @Test
    void aLargeChunkedUploadStreamsThroughWhole() throws Exception {
        var metrics = stubs.get("metrics-service");
        metrics.stubFor(post(urlPathEqualTo("/api/v1/metrics/values/ndjson"))
                .willReturn(aResponse().withStatus(200).withBody("{\"accepted\":1}")));
        // larger than Quarkus' default 10 MB body limit, and without a Content-Length
        byte[] upload = new byte[12 * 1024 * 1024];
        byte[] line = "{\"employeeId\":\"A1\",\"metricCode\":\"calls_handled\",\"value\":10}\n"
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < upload.length; i++) {
            upload[i] = line[i % line.length];
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/metrics/values/ndjson"))
                .header("Authorization", "Bearer " + hr())
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload)))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        LoggedRequest received = metrics.findAll(postRequestedFor(urlPathEqualTo("/api/v1/metrics/values/ndjson")))
                .get(0);
        assertArrayEquals(upload, received.getBody());
        assertEquals("application/x-ndjson", received.getHeader("Content-Type"));
        // passed on as a stream, not collected and sent with a length
        assertNull(received.getHeader("Content-Length"));
    }

    @Test
    void aCallerWaitingForContinueGetsItOnceTheServiceIsReached() throws Exception {
        var metrics = stubs.get("metrics-service");
        metrics.stubFor(post(urlPathEqualTo("/api/v1/metrics/values/csv"))
                .willReturn(aResponse().withStatus(200).withBody("{\"accepted\":2}")));
        String csv = "employeeId,metricCode,date,value\nA1,calls_handled,2026-10-01,10\nA2,calls_handled,2026-10-01,12\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/metrics/values/csv"))
                .header("Authorization", "Bearer " + hr())
                .header("Content-Type", "text/csv")
                .expectContinue(true)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        LoggedRequest received = metrics.findAll(postRequestedFor(urlPathEqualTo("/api/v1/metrics/values/csv")))
                .get(0);
        assertEquals(csv, received.getBodyAsString());
        // the gateway handled the expectation itself
        assertNull(received.getHeader("Expect"));
    }

    @Test
    void withoutATokenTheCallStopsAtTheGateway() {
        var metrics = stubs.get("metrics-service");

        given().get("/api/v1/metrics/org/units/NOTOKEN")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("type", equalTo("https://perfcenter.io/problems/unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/v1/metrics/org/units/NOTOKEN"));

        assertEquals(0, metrics.findAll(anyRequestedFor(urlPathMatching(".*NOTOKEN.*"))).size());
    }

    @Test
    void withAGarbageTokenTheCallStopsAtTheGateway() {
        var scoring = stubs.get("scoring-service");

        given().auth().oauth2("not.a.token").header("X-Request-Id", "garbage-1")
                .contentType(ContentType.JSON).body("{\"templateCode\":\"GARBAGE\"}")
                .post("/api/v1/scoring/runs/GARBAGE")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Request-Id", "garbage-1")
                .body("type", equalTo("https://perfcenter.io/problems/unauthorized"))
                .body("requestId", equalTo("garbage-1"));

        assertEquals(0, scoring.findAll(anyRequestedFor(urlPathMatching(".*GARBAGE.*"))).size());
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejected() {
        // a well-formed JWT, but not signed by the test identity provider
        String[] parts = hr().split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        given().auth().oauth2(forged).get("/api/v1/metrics/org/units/FORGED")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://perfcenter.io/problems/unauthorized"));
        assertEquals(0, stubs.get("metrics-service").findAll(anyRequestedFor(urlPathMatching(".*FORGED.*"))).size());
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() {
        given().auth().oauth2(hr()).get("/api/v1/nothing/here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("type", equalTo("https://perfcenter.io/problems/not-found"))
                .body("instance", equalTo("/api/v1/nothing/here"));
        // a prefix of a service's path is not the service's path
        given().auth().oauth2(hr()).get("/api/v1/metricsfoo")
                .then().statusCode(404)
                .contentType("application/problem+json");
        for (String service : ServiceStubsResource.SERVICES) {
            assertTrue(stubs.get(service).findAll(anyRequestedFor(anyUrl())).stream()
                    .noneMatch(r -> r.getUrl().contains("nothing") || r.getUrl().contains("metricsfoo")));
        }
    }

    @Test
    void everyServiceIsRoutedByItsPrefix() {
        for (String[] route : new String[][]{{"metrics-service", "/api/v1/metrics/ping"},
                {"scoring-service", "/api/v1/scoring/ping"}, {"incentive-service", "/api/v1/incentives/ping"}}) {
            stubs.get(route[0]).stubFor(get(urlPathEqualTo(route[1]))
                    .willReturn(aResponse().withStatus(200).withBody(route[0])));
            given().auth().oauth2(hr()).get(route[1]).then().statusCode(200).body(equalTo(route[0]));
        }
    }
}
