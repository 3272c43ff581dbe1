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

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.gateway.ServiceStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * hr's forms that define things: a metric of the catalog (createMetricDefinition, the derivation as JSON) and a plan
 * or its next version (createPlan, the definition as JSON): what they send, the API's problem shown, text that is not
 * JSON refused naming the field with nothing sent, and everyone but hr and admin refused before any call.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class DefinePagesTests {

    private static final String CSRF = "test-csrf-token-0123456789abcdef";

    @InjectServiceStubs
    ServiceStubs stubs;

    @BeforeEach
    void reset() {
        stubs.servers().values().forEach(WireMockServer::resetRequests);
    }

    @Test
    void hrAddsAMetricWithItsDerivationAndBadJsonSendsNothing() {
        String hr = TestTokens.token("E9001", "hr");
        stubs.get("metrics-service").stubFor(post(urlPathEqualTo("/api/v1/metrics/catalog"))
                .withHeader("Authorization", equalTo("Bearer " + hr))
                .withRequestBody(equalToJson("{\"code\":\"first_call_res\",\"nameZh\":\"首次解决率\",\"nameEn\":"
                        + "\"First-call resolution\",\"unit\":\"%\",\"direction\":\"HIGHER_BETTER\",\"aggregation\":"
                        + "\"RATIO\",\"category\":\"customer\",\"source\":\"crm\",\"derivation\":{\"record\":\"calls\","
                        + "\"numerator\":{\"count\":true}}}"))
                .willReturn(json(201, "{\"code\":\"first_call_res\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF)
                // as a browser sends a UTF-8 page's form (RestAssured's default is ISO-8859-1)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", CSRF).formParam("code", "first_call_res")
                .formParam("nameZh", "首次解决率").formParam("nameEn", "First-call resolution").formParam("unit", "%")
                .formParam("direction", "HIGHER_BETTER").formParam("aggregation", "RATIO")
                .formParam("category", "customer").formParam("source", "crm").formParam("description", " ")
                .formParam("derivation", "{\"record\":\"calls\",\"numerator\":{\"count\":true}}")
                .post("/console/define/metrics").then().statusCode(303)
                .header("Location", containsString("/console/catalog/first_call_res"));

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("code", "broken")
                .formParam("derivation", "{\"record\": ").post("/console/define/metrics").then().statusCode(400)
                .body(containsString("derivation: is not valid JSON; nothing was sent"));
        stubs.get("metrics-service").verify(1, postRequestedFor(urlPathEqualTo("/api/v1/metrics/catalog")));

        stubs.get("metrics-service").stubFor(post(urlPathEqualTo("/api/v1/metrics/catalog"))
                .withRequestBody(equalToJson("{\"code\":\"csat\"}", true, true))
                .willReturn(json(409, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"Metric csat exists "
                        + "already\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("code", "csat")
                .post("/console/define/metrics").then().statusCode(409)
                .body(containsString("Metric csat exists already"));
    }

    @Test
    void hrStoresAPlanFromItsJsonAndTheApisProblemNamesTheField() {
        String hr = TestTokens.token("E9001", "hr");
        String plan = "{\"code\":\"PERF2\",\"name\":\"Perf 2\",\"currency\":\"CNY\",\"performancePayShare\":0.3,"
                + "\"gradeCoefficients\":{\"good\":1.0}}";
        stubs.get("incentive-service").stubFor(post(urlPathEqualTo("/api/v1/incentives/plans"))
                .withRequestBody(equalToJson(plan))
                .willReturn(json(201, "{\"code\":\"PERF2\",\"version\":1}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("definition", plan)
                .post("/console/define/plans").then().statusCode(303)
                .header("Location", containsString("/console/pay/plans?code=PERF2"));

        stubs.get("incentive-service").stubFor(post(urlPathEqualTo("/api/v1/incentives/plans"))
                .withRequestBody(equalToJson("{\"code\":\"BAD\"}", true, true))
                .willReturn(json(400, "{\"title\":\"Bad Request\",\"status\":400,\"field\":"
                        + "\"commission.brackets[1].upTo\",\"detail\":\"must be above the bracket before\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("definition", "{\"code\":\"BAD\"}").post("/console/define/plans").then().statusCode(400)
                .body(containsString("commission.brackets[1].upTo: must be above the bracket before"));

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("definition", "[1, 2")
                .post("/console/define/plans").then().statusCode(400)
                .body(containsString("definition: is not valid JSON"));
        stubs.get("incentive-service").verify(2, postRequestedFor(urlPathEqualTo("/api/v1/incentives/plans")));
    }

    @Test
    void othersAreRefusedBeforeAnyCall() {
        String supervisor = TestTokens.token("E2001", "supervisor");
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, supervisor)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("code", "x1")
                .post("/console/define/metrics").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, supervisor)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("definition", "{}")
                .post("/console/define/plans").then().statusCode(403);
        stubs.get("metrics-service").verify(0, postRequestedFor(urlPathEqualTo("/api/v1/metrics/catalog")));
        stubs.get("incentive-service").verify(0, postRequestedFor(urlPathEqualTo("/api/v1/incentives/plans")));
    }
}
