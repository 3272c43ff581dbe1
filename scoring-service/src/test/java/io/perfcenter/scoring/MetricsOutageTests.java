package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.scoring.ScoringApi.AGGREGATES;
import static io.perfcenter.scoring.ScoringApi.MY_UNITS;
import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.SCORECARDS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.aggregateReport;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.problem;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.seatTemplate;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What scoring does when metrics-service fails, is slow, refuses a request, or keeps failing. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class MetricsOutageTests {

    private static final String UNAVAILABLE = "https://perfcenter.io/problems/dependency-unavailable";

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Inject
    CircuitBreakerMaintenance breakers;

    private static boolean seeded;

    @BeforeEach
    void template() {
        // every test starts with closed breakers, whatever the one before did
        breakers.resetAll();
        metrics.resetRequests();
        if (seeded) {
            return;
        }
        seeded = true;
        Map<String, Object> template = seatTemplate("SEAT-OUT");
        template.put("items", List.of(item("reply", "reply_minutes", 100,
                Map.of("type", "linear", "full", 5, "zero", 10))));
        hr().body(template).post(TEMPLATES).then().statusCode(201);
        metrics.stubFor(aggregates("GDOWN").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        // beyond the aggregates' own limit (3 s in tests)
        metrics.stubFor(aggregates("GSLOW").willReturn(okJson(aggregateReport("GSLOW")).withFixedDelay(6000)));
        // a large unit: slower than the other calls' limit (700 ms in tests), within the aggregates' own
        metrics.stubFor(aggregates("GLARGE").willReturn(okJson(aggregateReport("GLARGE",
                new Object[]{"L1", "reply_minutes", 4})).withFixedDelay(1500)));
        // … and so is the list of its agents (assignments, all pages under one limit)
        metrics.stubFor(get(urlPathEqualTo(ScoringApi.ORG_UNITS + "GLARGE/assignments"))
                .willReturn(okJson("[" + ScoringApi.assignment("L1", "seat", "GLARGE", true, 31, 31, 31, 31,
                        ScoringApi.stint("GLARGE", "2026-10-01", "2026-10-31", 31)) + "]").withFixedDelay(1500)));
        metrics.stubFor(aggregates("G500").willReturn(aResponse().withStatus(500)));
        metrics.stubFor(aggregates("NOPE").willReturn(problem(404, null, "Unit NOPE does not exist")));
        metrics.stubFor(aggregates("GFORBID").willReturn(problem(403, null, "Unit GFORBID is outside your scope")));
        metrics.stubFor(aggregates("GOK").willReturn(okJson(aggregateReport("GOK",
                new Object[]{"K1", "reply_minutes", 4}))));
        ScoringApi.stubStayers(metrics, "GOK", "2026-10-01", "2026-10-31", aggregateReport("GOK",
                new Object[]{"K1", "reply_minutes", 4}));
        metrics.stubFor(aggregates("GPAUSED").willReturn(okJson(aggregateReport("GPAUSED",
                new Object[]{"P1", "reply_minutes", 4}))));
        ScoringApi.stubStayers(metrics, "GPAUSED", "2026-10-01", "2026-10-31", aggregateReport("GPAUSED",
                new Object[]{"P1", "reply_minutes", 4}));
    }

    @Test
    void unreachableMetricsIs503AndStoresNothing() {
        hr().body(run("SEAT-OUT", "GDOWN", "2026-10")).post(RUNS).then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo(UNAVAILABLE))
                .body("service", org.hamcrest.Matchers.equalTo("metrics-service"))
                .body("detail", containsString("metrics-service is unavailable (not reachable)"));
        // tried three times (two retries)
        metrics.verify(3, getRequestedFor(urlPathEqualTo(AGGREGATES)).withQueryParam("unit", equalTo("GDOWN")));
        assertNothingStoredFor("GDOWN");
    }

    @Test
    void slowMetricsIs503AndStoresNothing() {
        hr().body(run("SEAT-OUT", "GSLOW", "2026-10")).post(RUNS).then().statusCode(503)
                .body("type", org.hamcrest.Matchers.equalTo(UNAVAILABLE))
                .body("detail", containsString("no answer in time"));
        // asked once: a second attempt would only queue behind the first, which metrics-service is still computing
        metrics.verify(1, getRequestedFor(urlPathEqualTo(AGGREGATES)).withQueryParam("unit", equalTo("GSLOW")));
        assertNothingStoredFor("GSLOW");
    }

    @Test
    void readsOfAWholeUnitHaveTheirOwnLongerLimit() {
        // one query over every record of a large unit's month, or all pages of its agents, may take long: they are
        // waited for, and asked once
        hr().body(run("SEAT-OUT", "GLARGE", "2026-10")).post(RUNS).then().statusCode(201)
                .body("scorecards.employeeId", org.hamcrest.Matchers.contains("L1"));
        metrics.verify(1, getRequestedFor(urlPathEqualTo(AGGREGATES)).withQueryParam("unit", equalTo("GLARGE")));
        metrics.verify(1, getRequestedFor(urlPathEqualTo(ScoringApi.ORG_UNITS + "GLARGE/assignments")));
    }

    @Test
    void serverErrorOfMetricsIs503AndStoresNothing() {
        hr().body(run("SEAT-OUT", "G500", "2026-10")).post(RUNS).then().statusCode(503)
                .body("detail", containsString("it answered HTTP 500"));
        assertNothingStoredFor("G500");
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndCallsStop() {
        for (int i = 0; i < 4; i++) {
            hr().body(run("SEAT-OUT", "GDOWN", "2026-10")).post(RUNS).then().statusCode(503);
        }
        int before = metrics.findAll(getRequestedFor(urlPathEqualTo(AGGREGATES))).size();
        hr().body(run("SEAT-OUT", "GPAUSED", "2026-10")).post(RUNS).then().statusCode(503)
                .body("type", org.hamcrest.Matchers.equalTo(UNAVAILABLE))
                .body("detail", containsString("calls are paused after repeated failures"));
        assertEquals(before, metrics.findAll(getRequestedFor(urlPathEqualTo(AGGREGATES))).size(),
                "an open circuit does not call metrics-service");
        assertNothingStoredFor("GPAUSED");
        breakers.resetAll();
        hr().body(run("SEAT-OUT", "GPAUSED", "2026-10")).post(RUNS).then().statusCode(201)
                .body("scorecards.employeeId", org.hamcrest.Matchers.contains("P1"));
    }

    @Test
    void refusalsOfMetricsAreRelayedAndNeitherRetriedNorCounted() {
        hr().body(run("SEAT-OUT", "NOPE", "2026-10")).post(RUNS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo("unitCode"))
                .body("detail", containsString("Unit NOPE does not exist"));
        metrics.verify(1, getRequestedFor(urlPathEqualTo(AGGREGATES)).withQueryParam("unit", equalTo("NOPE")));
        hr().body(run("SEAT-OUT", "GFORBID", "2026-10")).post(RUNS).then().statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo("https://perfcenter.io/problems/dependency-rejected"));
        // ten refusals in a row leave the breaker closed
        for (int i = 0; i < 10; i++) {
            hr().body(run("SEAT-OUT", "NOPE", "2026-10")).post(RUNS).then().statusCode(400);
        }
        hr().body(run("SEAT-OUT", "GOK", "2026-10")).post(RUNS).then().statusCode(anyOf(is(200), is(201)));
        assertNothingStoredFor("NOPE");
    }

    @Test
    void ownRequestProblemsNeverReachMetrics() {
        hr().body(run("NO-SUCH-TEMPLATE", "GOK", "2026-10")).post(RUNS).then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("templateCode"));
        hr().body(run("SEAT-OUT", "GOK", "2026-Q5")).post(RUNS).then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("period"));
        hr().body(Map.of("templateCode", "SEAT-OUT", "period", "2026-10")).post(RUNS).then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("unitCode"));
    }

    @Test
    void theCallersTokenAndRequestIdGoToMetrics() {
        String token = TestTokens.token("H7", "hr");
        as(token).header("X-Request-Id", "req-propagation-1").body(run("SEAT-OUT", "GOK", "2026-10")).post(RUNS)
                .then().statusCode(anyOf(is(200), is(201)));
        metrics.verify(1, getRequestedFor(urlPathEqualTo(AGGREGATES))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("X-Request-Id", equalTo("req-propagation-1")));
        // without one, the id this service made up goes along and comes back in the response
        // the same inputs again: the stored run comes back (200)
        String madeUp = as(token).body(run("SEAT-OUT", "GOK", "2026-10")).post(RUNS).then().statusCode(200)
                .extract().header("X-Request-Id");
        metrics.verify(1, getRequestedFor(urlPathEqualTo(AGGREGATES))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("X-Request-Id", equalTo(madeUp)));
        assertEquals(36, madeUp.length(), madeUp);
    }

    @Test
    void aSupervisorsScopeNeedsMetricsToo() {
        String supervisor = TestTokens.token("S9", "supervisor");
        metrics.stubFor(get(urlPathEqualTo(MY_UNITS)).withHeader("Authorization", equalTo("Bearer " + supervisor))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        as(supervisor).get(SCORECARDS).then().statusCode(503)
                .body("type", org.hamcrest.Matchers.equalTo(UNAVAILABLE));
        // agents and hr do not need it
        as("K1", "agent").get(SCORECARDS).then().statusCode(200);
        metrics.verify(0, getRequestedFor(urlPathEqualTo(MY_UNITS))
                .withHeader("Authorization", matching("Bearer (?!" + java.util.regex.Pattern.quote(supervisor)
                        + ").*")));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder aggregates(String unit) {
        return get(urlPathEqualTo(AGGREGATES)).withQueryParam("unit", equalTo(unit))
                .withQueryParam("metric", equalTo("reply_minutes"));
    }

    private static void assertNothingStoredFor(String unit) {
        hr().queryParam("unit", unit).get(RUNS).then().statusCode(200).body("$", empty());
        hr().queryParam("unit", unit).get(SCORECARDS).then().statusCode(200).body("$", empty());
    }
}
