package io.perfcenter.incentive;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.perfcenter.incentive.DownstreamServices.InjectDownstream;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Salaries and a plan → a payout run over scoring's published scorecards (stubbed) → explained statements, their
 * approval, and who may see what. scoring-service and metrics-service are WireMock stubs.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(DownstreamServices.class)
class IncentiveRunTests {

    static final String BASE = "/api/v1/incentives";
    static final String PROBLEMS = "https://perfcenter.io/problems/";
    static final String SCORECARDS = "/api/v1/scoring/scorecards";
    static final String MY_UNITS = "/api/v1/metrics/org/my-units";

    // one token per person, so that stubs can recognise the forwarded Authorization header
    static final String HR = TestTokens.token("H1", "hr");
    static final String ADMIN = TestTokens.token("AD1", "admin");
    static final String RECORDS_WRITER = TestTokens.system("records-writer");
    static final String AGENT_A1 = TestTokens.token("A1", "agent");
    static final String AGENT_A3 = TestTokens.token("A3", "agent");
    static final String SUPERVISOR_S1 = TestTokens.token("S1", "supervisor");
    static final String MANAGER_M1 = TestTokens.token("M1", "manager");
    static final String MANAGER_M2 = TestTokens.token("M2", "manager");
    static final String SUPERVISOR_S9 = TestTokens.token("S9", "supervisor");
    static final String QA = TestTokens.token("Q1", "qa");

    @InjectDownstream
    WireMockServer downstream;

    private static boolean seeded;
    private static long g1Run;
    private static long g2Run;
    private static long a1Statement;
    private static long a3Statement;
    private static long b1Statement;

    /** Decimals are read as BigDecimal so that 2640.00 is compared with its scale, not as a float. */
    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .config(RestAssured.config().jsonConfig(jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    // RestAssured knows the random test port only from the first test on, so shared data is made here once
    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        stubDownstream();
        as(HR).body(List.of(
                        salary("A1", "8000.00"), salary("A2", 7333.33), salary("B1", 9000), salary("C1", "5000")))
                .put(BASE + "/salaries").then().statusCode(200)
                .body("accepted", is(4)).body("rejected", is(0)).body("errors", empty());
        as(HR).body(plan("PERF-2026", money("0.30"))).post(BASE + "/plans").then().statusCode(201)
                .header("Location", containsString("/plans/PERF-2026"))
                .body("code", is("PERF-2026")).body("version", is(1));

        Response g1 = as(HR).header("X-Request-Id", "req-g1-run").body(run("G1")).post(BASE + "/runs");
        g1.then().statusCode(201);
        g1Run = g1.jsonPath().getLong("id");
        a1Statement = g1.jsonPath().getLong("statements.find { it.employeeId == 'A1' }.id");
        a3Statement = g1.jsonPath().getLong("statements.find { it.employeeId == 'A3' }.id");
        Response g2 = as(HR).body(run("G2")).post(BASE + "/runs");
        g2.then().statusCode(201);
        g2Run = g2.jsonPath().getLong("id");
        b1Statement = g2.jsonPath().getLong("statements.find { it.employeeId == 'B1' }.id");
    }

    private void stubDownstream() {
        scorecards("G1", okJson(json(List.of(
                scorecard(501, "A1", "G1", "92.5", "excellent"),
                scorecard(503, "A3", "G1", "83", "good")))));
        scorecards("G2", okJson(json(List.of(
                scorecard(502, "A2", "G2", "95", "EXCELLENT"),
                scorecard(504, "B1", "G2", "81", "good")))));
        scorecards("G3", okJson(json(List.of(scorecard(505, "C1", "G3", "72", "pass")))));
        scorecards("G-EMPTY", okJson("[]"));
        scorecards("G-DOWN", aResponse().withStatus(503));
        scorecards("G-SLOW", okJson("[]").withFixedDelay(2_000));
        scorecards("G-REFUSED", aResponse().withStatus(403));

        // my-units answers by the forwarded token; anyone else leads nothing
        downstream.stubFor(get(urlPathEqualTo(MY_UNITS)).atPriority(10).willReturn(okJson("[]")));
        myUnits(SUPERVISOR_S1, okJson("[\"G2\"]"));
        myUnits(MANAGER_M1, okJson("[\"T1\", \"G1\", \"G2\", \"G3\"]"));
        myUnits(SUPERVISOR_S9, aResponse().withStatus(500));
    }

    private void scorecards(String unit, ResponseDefinitionBuilder response) {
        MappingBuilder request = get(urlPathEqualTo(SCORECARDS)).withQueryParam("period", equalTo("2026-10"))
                .withQueryParam("unit", equalTo(unit)).withQueryParam("status", equalTo("PUBLISHED"));
        downstream.stubFor(request.willReturn(response));
    }

    private void myUnits(String token, ResponseDefinitionBuilder response) {
        downstream.stubFor(get(urlPathEqualTo(MY_UNITS)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(response));
    }

    /** A scorecard as scoring-service returns it, with properties incentive-service does not read. */
    private static Map<String, Object> scorecard(long id, String employeeId, String unit, String total,
                                                 String grade) {
        Map<String, Object> card = new HashMap<>();
        card.put("id", id);
        card.put("runId", 3);
        card.put("employeeId", employeeId);
        card.put("unitCode", unit);
        card.put("period", "2026-10");
        card.put("templateCode", "FRONT-SEAT");
        card.put("templateVersion", 2);
        card.put("total", new BigDecimal(total));
        card.put("grade", grade);
        card.put("rank", 1);
        card.put("status", "PUBLISHED");
        card.put("items", List.of(Map.of("metricCode", "calls_handled", "points", 28.5)));
        return card;
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> salary(String employeeId, Object monthly) {
        return Map.of("employeeId", employeeId, "monthlySalary", monthly, "currency", "CNY",
                "effectiveFrom", "2026-01-01");
    }

    private static Map<String, Object> plan(String code, Object share) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("code", code);
        plan.put("name", "Performance pay " + code);
        plan.put("currency", "CNY");
        plan.put("performancePayShare", share);
        plan.put("gradeCoefficients", Map.of("excellent", 1.1, "good", 1.0, "pass", 0.8, "fail", 0));
        return plan;
    }

    private static Map<String, Object> run(String unit) {
        return Map.of("planCode", "PERF-2026", "period", "2026-10", "unitCode", unit);
    }

    @Test
    void aRunPaysPerformancePayWithExplanationsAndFlagsAMissingSalary() {
        as(HR).get(BASE + "/runs/" + g1Run).then().statusCode(200)
                .body("planCode", is("PERF-2026")).body("planVersion", is(1))
                .body("period", is("2026-10")).body("unitCode", is("G1")).body("currency", is("CNY"))
                .body("totalAmount", is(money("2640.00")))
                .body("statementCount", is(2)).body("flaggedCount", is(1))
                .body("createdBy", is("H1"))
                .body("statements.employeeId", contains("A1", "A3"))
                // A1: 8,000.00 × 30% × 1.1
                .body("statements[0].total", is(money("2640.00")))
                .body("statements[0].unitCode", is("G1"))
                .body("statements[0].flags", empty())
                .body("statements[0].lines", hasSize(1))
                .body("statements[0].lines[0].kind", is("performance-pay"))
                .body("statements[0].lines[0].amount", is(money("2640.00")))
                .body("statements[0].lines[0].currency", is("CNY"))
                .body("statements[0].lines[0].explanation", is("8,000.00 (salary effective 2026-01-01) × 30% × 1.1 (excellent) = 2,640.00"))
                .body("statements[0].lines[0].source.scorecardId", is(501))
                .body("statements[0].lines[0].source.grade", is("excellent"))
                .body("statements[0].lines[0].source.total", is(money("92.5")))
                .body("statements[0].lines[0].source.planVersion", is(1))
                // A3 has no salary on file: flagged, no amount, never a silent zero
                .body("statements[1].total", nullValue())
                .body("statements[1].flags", contains("missingSalary"))
                .body("statements[1].lines[0].kind", is("performance-pay"))
                .body("statements[1].lines[0].amount", nullValue())
                .body("statements[1].lines[0].explanation", containsString("No monthly salary on file for A3"))
                .body("statements[1].lines[0].source.scorecardId", is(503));
    }

    @Test
    void roundingIsHalfUpPerLineAndTheRunTotalIsTheSumOfLines() {
        // A2: 7,333.33 × 0.30 × 1.1 = 2,419.9989 → 2,420.00; B1: 9,000.00 × 0.30 × 1.0 = 2,700.00
        as(HR).get(BASE + "/statements?runId=" + g2Run).then().statusCode(200)
                .body("employeeId", contains("A2", "B1"))
                .body("[0].lines[0].amount", is(money("2420.00")))
                .body("[0].lines[0].explanation", is("7,333.33 (salary effective 2026-01-01) × 30% × 1.1 (EXCELLENT) = 2,420.00"))
                .body("[1].lines[0].explanation", is("9,000.00 (salary effective 2026-01-01) × 30% × 1.0 (good) = 2,700.00"));
        as(HR).get(BASE + "/runs/" + g2Run).then().statusCode(200)
                .body("totalAmount", is(money("5120.00"))).body("flaggedCount", is(0));
    }

    @Test
    void scoringIsAskedAsIncentiveServiceForTheCallerWithTheRequestId() {
        List<LoggedRequest> asked = downstream.findAll(getRequestedFor(urlPathEqualTo(SCORECARDS))
                .withQueryParam("unit", equalTo("G1"))
                .withHeader("X-Request-Id", equalTo("req-g1-run")));
        assertEquals(1, asked.size());
        // the service's own token, not the HR person's: a run is the system's work, whoever starts it
        assertNotEquals("Bearer " + HR, asked.get(0).getHeader("Authorization"));
        String claims = TestApi.bearerClaims(asked.get(0));
        assertTrue(claims.contains("\"sub\":\"incentive-service\""), claims);
        // its roles are reading (service) and handing its events on (events-relay), nothing else
        assertEquals(java.util.Set.of("service", "events-relay"),
                new java.util.HashSet<>(io.restassured.path.json.JsonPath.from(claims).getList("groups")), claims);
        assertFalse(claims.contains("employee_id"), claims);
        // the person it acts for travels along, for scoring's audit trail; the run records them too
        assertEquals("H1", asked.get(0).getHeader("X-Acting-For"));
        as(HR).get(BASE + "/runs/" + g1Run).then().statusCode(200).body("createdBy", is("H1"));
    }

    @Test
    void approvalLocksTheRun() {
        as(ADMIN).post(BASE + "/runs/" + g2Run + "/approve").then().statusCode(403);
        as(HR).post(BASE + "/runs/" + g2Run + "/approve").then().statusCode(200)
                .body("status", is("APPROVED")).body("approvedBy", is("H1")).body("approvedAt", notNullValue())
                .body("statements", hasSize(2));
        as(HR).post(BASE + "/runs/" + g2Run + "/approve").then().statusCode(409)
                .contentType("application/problem+json").body("type", is(PROBLEMS + "run-locked"));
        as(HR).body(run("G2")).post(BASE + "/runs").then().statusCode(409)
                .body("type", is(PROBLEMS + "run-locked"));
        as(HR).get(BASE + "/runs/" + g2Run).then().body("status", is("APPROVED"))
                .body("totalAmount", is(money("5120.00")));
        as(HR).post(BASE + "/runs/999999/approve").then().statusCode(404).body("type", is(PROBLEMS + "not-found"));
    }

    @Test
    void computingAgainBeforeApprovalSupersedesThePreviousRun() {
        long first = as(HR).body(run("G3")).post(BASE + "/runs").then().statusCode(201)
                .body("statements[0].lines[0].explanation", is("5,000.00 (salary effective 2026-01-01) × 30% × 0.8 (pass) = 1,200.00"))
                .extract().jsonPath().getLong("id");
        as(HR).body(List.of(salary("C1", "5500"))).put(BASE + "/salaries").then().body("accepted", is(1));
        long second = as(HR).body(run("G3")).post(BASE + "/runs").then().statusCode(201)
                .body("totalAmount", is(money("1320.00"))).extract().jsonPath().getLong("id");
        as(HR).get(BASE + "/runs/" + first).then().body("status", is("SUPERSEDED"));
        as(HR).queryParam("employeeId", "C1").get(BASE + "/statements").then().statusCode(200)
                .body("runId", contains((int) second)).body("[0].total", is(money("1320.00")));
        as(HR).queryParam("runId", first).get(BASE + "/statements").then().body("[0].runStatus", is("SUPERSEDED"));
        as(HR).post(BASE + "/runs/" + first + "/approve").then().statusCode(409).body("type", is(PROBLEMS + "conflict"));
    }

    @Test
    void agentsSeeOnlyTheirOwnStatements() {
        as(AGENT_A1).get(BASE + "/statements").then().statusCode(200)
                .body("employeeId", everyItem(is("A1"))).body("id", contains((int) a1Statement));
        as(AGENT_A1).get(BASE + "/statements/" + a1Statement).then().statusCode(200)
                .body("lines[0].amount", is(money("2640.00"))).body("runStatus", notNullValue());
        // someone else's statement answers exactly as an unknown id (only the id differs), so ids cannot be probed
        as(AGENT_A1).get(BASE + "/statements/" + a3Statement).then().statusCode(404)
                .contentType("application/problem+json").body("type", is(PROBLEMS + "not-found"))
                .body("title", is("Not found")).body("detail", is("Statement " + a3Statement + " does not exist"));
        as(AGENT_A1).get(BASE + "/statements/999999").then().statusCode(404)
                .contentType("application/problem+json").body("type", is(PROBLEMS + "not-found"))
                .body("title", is("Not found")).body("detail", is("Statement 999999 does not exist"));
        as(AGENT_A1).queryParam("employeeId", "A3").get(BASE + "/statements").then().statusCode(403)
                .body("type", is(PROBLEMS + "out-of-scope"));
        as(AGENT_A3).get(BASE + "/statements/" + a3Statement).then().statusCode(200)
                .body("flags", contains("missingSalary"));
    }

    @Test
    void supervisorsSeeTheirGroupsTotalsAndManagersTheStatementsOfTheirUnits() {
        // S1 leads G2 only (stubbed my-units, asked with S1's own token): G2's totals, nobody's statement but S1's
        Response totals = as(SUPERVISOR_S1).queryParam("period", "2026-10").get(BASE + "/statements/totals");
        // G2 has two statements: below perfcenter.privacy.min-group-size (3), its amounts would show a person's
        // pay (the total less S1's own is the other's), so they are withheld from the supervisor, with the reason
        totals.then().statusCode(200)
                .body("unitCode", contains("G2"))
                .body("[0].runId", is((int) g2Run))
                .body("[0].statementCount", is(2)).body("[0].flaggedCount", is(0))
                .body("[0].total", nullValue())
                .body("[0].byKind", nullValue())
                .body("[0].withheld", containsString("fewer than 3 (perfcenter.privacy.min-group-size)"))
                .body("[0].employeeId", nullValue());
        // hr sees the amounts of every group, however small
        as(HR).queryParam("period", "2026-10").queryParam("unitCode", "G2").get(BASE + "/statements/totals").then()
                .statusCode(200).body("[0].total", is(money("5120.00")))
                .body("[0].byKind.'performance-pay'", is(money("5120.00"))).body("[0].withheld", nullValue());
        as(SUPERVISOR_S1).queryParam("period", "2026-10").get(BASE + "/statements").then().statusCode(200)
                .body("$", empty());
        as(SUPERVISOR_S1).get(BASE + "/statements/" + b1Statement).then().statusCode(404)
                .body("type", is(PROBLEMS + "not-found"))
                .body("detail", is("Statement " + b1Statement + " does not exist"));
        as(SUPERVISOR_S1).queryParam("employeeId", "B1").get(BASE + "/statements").then().statusCode(403);
        // the request id made up for S1's request travelled to metrics-service with the token
        String requestId = totals.header("X-Request-Id");
        downstream.verify(getRequestedFor(urlPathEqualTo(MY_UNITS))
                .withHeader("X-Request-Id", equalTo(requestId))
                .withHeader("Authorization", equalTo("Bearer " + SUPERVISOR_S1)));

        // managers read the statements and runs of their units; one who leads nothing reads none
        as(MANAGER_M1).queryParam("period", "2026-10").get(BASE + "/statements").then().statusCode(200)
                .body("employeeId", org.hamcrest.Matchers.hasItems("A1", "A2", "B1"));
        as(MANAGER_M1).get(BASE + "/statements/" + b1Statement).then().statusCode(200);
        as(MANAGER_M1).get(BASE + "/runs/" + g1Run).then().statusCode(200).body("statements", hasSize(2));
        as(MANAGER_M1).queryParam("unitCode", "G1").get(BASE + "/runs").then().statusCode(200)
                .body("id", contains((int) g1Run)).body("[0].statements", nullValue());
        as(MANAGER_M2).get(BASE + "/runs/" + g1Run).then().statusCode(404).body("type", is(PROBLEMS + "not-found"))
                .body("detail", is("Run " + g1Run + " does not exist"));
        as(MANAGER_M2).get(BASE + "/statements").then().statusCode(200).body("$", empty());
        as(MANAGER_M2).get(BASE + "/statements/totals").then().statusCode(200).body("$", empty());
        as(AGENT_A1).get(BASE + "/statements/totals").then().statusCode(403).body("type", is(PROBLEMS + "forbidden"));
    }

    @Test
    void metricsDownIsA503NamingMetricsService() {
        as(SUPERVISOR_S9).get(BASE + "/statements/totals").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", is(PROBLEMS + "dependency-unavailable"))
                .body("detail", containsString("metrics-service"));
    }

    @Test
    void noPublishedScorecardsIsA409AndStoresNothing() {
        as(HR).body(run("G-EMPTY")).post(BASE + "/runs").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is(PROBLEMS + "scores-not-published"))
                .body("detail", containsString("scoring must publish"));
        as(HR).queryParam("unitCode", "G-EMPTY").get(BASE + "/runs").then().statusCode(200).body("$", empty());
    }

    @Test
    void scoringDownIsA503AndStoresNothing() {
        as(HR).body(run("G-DOWN")).post(BASE + "/runs").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", is(PROBLEMS + "dependency-unavailable"))
                .body("detail", containsString("scoring-service"))
                .body("service", is("scoring-service"));
        // tried once and retried twice
        downstream.verify(3, getRequestedFor(urlPathEqualTo(SCORECARDS)).withQueryParam("unit", equalTo("G-DOWN")));

        as(HR).body(run("G-SLOW")).post(BASE + "/runs").then().statusCode(503)
                .body("type", is(PROBLEMS + "dependency-unavailable"))
                .body("detail", containsString("no answer in time"));
        // a read of a whole unit that ran out of time is not asked again: scoring would still be computing the first
        downstream.verify(1, getRequestedFor(urlPathEqualTo(SCORECARDS)).withQueryParam("unit", equalTo("G-SLOW")));

        // a refusal is not an outage: not retried, answered as 502
        as(HR).body(run("G-REFUSED")).post(BASE + "/runs").then().statusCode(502)
                .body("type", is(PROBLEMS + "dependency-rejected"));
        downstream.verify(1, getRequestedFor(urlPathEqualTo(SCORECARDS)).withQueryParam("unit", equalTo("G-REFUSED")));

        for (String unit : List.of("G-DOWN", "G-SLOW", "G-REFUSED")) {
            as(HR).queryParam("unitCode", unit).get(BASE + "/runs").then().statusCode(200).body("$", empty());
            as(HR).queryParam("period", "2026-10").get(BASE + "/statements").then()
                    .body("unitCode", not(org.hamcrest.Matchers.hasItem(unit)));
        }
    }

    @Test
    void invalidRunInputIsAProblemNamingTheField() {
        as(HR).body(Map.of("planCode", "PERF-2026", "period", "2026-13", "unitCode", "G1")).post(BASE + "/runs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is(PROBLEMS + "invalid-field")).body("field", is("period"));
        as(HR).body(Map.of("planCode", "NO-SUCH-PLAN", "period", "2026-10", "unitCode", "G1")).post(BASE + "/runs")
                .then().statusCode(400).body("field", is("planCode"));
        as(HR).body(Map.of("planCode", "PERF-2026", "period", "2026-10")).post(BASE + "/runs")
                .then().statusCode(400).body("field", is("unitCode"));
        as(HR).queryParam("status", "DONE").get(BASE + "/runs").then().statusCode(400).body("field", is("status"));
    }

    @Test
    void plansAreVersionedAndReadableByEveryPerson() {
        as(HR).body(plan("PERF-V", money("0.30"))).post(BASE + "/plans").then().statusCode(201).body("version", is(1));
        as(ADMIN).body(plan("PERF-V", money("0.25"))).post(BASE + "/plans").then().statusCode(201).body("version", is(2))
                .body("createdBy", is("AD1"));
        as(AGENT_A1).get(BASE + "/plans/PERF-V").then().statusCode(200)
                .body("version", is(2)).body("performancePayShare", is(money("0.25")))
                .body("gradeCoefficients.excellent", is(money("1.1")))
                .body("gradeCoefficients.fail", is(0));
        as(QA).queryParam("version", 1).get(BASE + "/plans/PERF-V").then().statusCode(200)
                .body("performancePayShare", is(money("0.3")));
        as(MANAGER_M1).get(BASE + "/plans").then().statusCode(200)
                .body("findAll { it.code == 'PERF-V' }.version", contains(2));
        // machine clients have a purpose each, and reading plans is none of them (issue 9: least privilege)
        as(RECORDS_WRITER).get(BASE + "/plans").then().statusCode(403);
        as(HR).get(BASE + "/plans/NOPE").then().statusCode(404).body("type", is(PROBLEMS + "not-found"));
    }

    @Test
    void anInvalidPlanIsAProblemNamingTheFieldAndStoresNothing() {
        as(HR).body(plan("BAD-SHARE", 1.5)).post(BASE + "/plans").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is(PROBLEMS + "invalid-field")).body("field", is("performancePayShare"));
        as(HR).body(plan("BAD-SHARE", 0)).post(BASE + "/plans").then().statusCode(400)
                .body("field", is("performancePayShare"));
        Map<String, Object> negative = plan("BAD-COEFF", "0.3");
        negative.put("gradeCoefficients", Map.of("excellent", 1.1, "fail", -0.5));
        as(HR).body(negative).post(BASE + "/plans").then().statusCode(400)
                .body("field", is("gradeCoefficients.fail"));
        Map<String, Object> currency = plan("BAD-CUR", "0.3");
        currency.put("currency", "yuan");
        as(HR).body(currency).post(BASE + "/plans").then().statusCode(400).body("field", is("currency"));
        Map<String, Object> noCode = plan("x", "0.3");
        noCode.remove("code");
        as(HR).body(noCode).post(BASE + "/plans").then().statusCode(400).body("field", is("code"));
        for (String code : List.of("BAD-SHARE", "BAD-COEFF", "BAD-CUR")) {
            as(HR).get(BASE + "/plans/" + code).then().statusCode(404);
        }
    }

    @Test
    void badSalaryRowsAreReportedPerRowAndGoodRowsKept() {
        List<Map<String, Object>> rows = List.of(
                salary("X1", "6000.50"),
                Map.of("employeeId", "X2", "monthlySalary", 100, "currency", "yuan", "effectiveFrom", "2026-01-01"),
                salary("X3", -1),
                salary("X4", "lots"),
                salary("X1", 7000),
                Map.of("monthlySalary", 100, "currency", "CNY", "effectiveFrom", "2026-01-01"),
                salary("X5", "100.125"),
                Map.of("employeeId", "X6", "monthlySalary", 100, "currency", "CNY"),
                Map.of("employeeId", "X7", "monthlySalary", 100, "currency", "CNY", "effectiveFrom", "1 May"));
        as(HR).body(rows).put(BASE + "/salaries").then().statusCode(200)
                .body("accepted", is(1)).body("rejected", is(8))
                .body("errors.row", contains(2, 3, 4, 5, 6, 7, 8, 9))
                .body("errors.field", contains("currency", "monthlySalary", "monthlySalary", "employeeId",
                        "employeeId", "monthlySalary", "effectiveFrom", "effectiveFrom"));
        as(HR).get(BASE + "/salaries/X1").then().statusCode(200)
                .body("monthlySalary", is(money("6000.50"))).body("currency", is("CNY"));
        for (String rejected : List.of("X2", "X3", "X4", "X5", "X6", "X7")) {
            as(HR).get(BASE + "/salaries/" + rejected).then().statusCode(404)
                    .contentType("application/problem+json").body("type", is(PROBLEMS + "not-found"));
        }
    }

    @Test
    void everyEndpointWantsABearerToken() {
        String[][] endpoints = {
                {"PUT", "/salaries"}, {"GET", "/salaries/A1"},
                {"POST", "/plans"}, {"GET", "/plans"}, {"GET", "/plans/PERF-2026"},
                {"POST", "/runs"}, {"GET", "/runs"}, {"GET", "/runs/1"}, {"POST", "/runs/1/approve"},
                {"GET", "/statements"}, {"GET", "/statements/1"}, {"GET", "/statements/totals"},
                {"GET", "/runs/1/export"}};
        for (String[] e : endpoints) {
            RequestSpecification anonymous = given().contentType(ContentType.JSON);
            if (!e[0].equals("GET")) {
                anonymous.body("{}");
            }
            anonymous.request(e[0], BASE + e[1]).then().statusCode(401);
        }
        given().auth().oauth2("not-a-token").get(BASE + "/plans").then().statusCode(401)
                .contentType("application/problem+json").body("type", is(PROBLEMS + "unauthorized"));
    }

    @Test
    void everyEndpointChecksTheRole() {
        as(AGENT_A1).body(List.of(salary("A1", 1))).put(BASE + "/salaries").then().statusCode(403)
                .contentType("application/problem+json").body("type", is(PROBLEMS + "forbidden"));
        as(SUPERVISOR_S1).body(List.of(salary("A1", 1))).put(BASE + "/salaries").then().statusCode(403);
        as(RECORDS_WRITER).get(BASE + "/salaries/A1").then().statusCode(403);
        as(MANAGER_M1).get(BASE + "/salaries/A1").then().statusCode(403);
        as(SUPERVISOR_S1).body(plan("S-PLAN", "0.3")).post(BASE + "/plans").then().statusCode(403);
        as(RECORDS_WRITER).body(plan("I-PLAN", "0.3")).post(BASE + "/plans").then().statusCode(403);
        as(MANAGER_M1).body(run("G1")).post(BASE + "/runs").then().statusCode(403);
        as(SUPERVISOR_S1).get(BASE + "/runs").then().statusCode(403);
        as(AGENT_A1).get(BASE + "/runs/" + g1Run).then().statusCode(403);
        as(ADMIN).post(BASE + "/runs/" + g1Run + "/approve").then().statusCode(403);
        as(MANAGER_M1).post(BASE + "/runs/" + g1Run + "/approve").then().statusCode(403);
        as(QA).get(BASE + "/statements").then().statusCode(403);
        as(RECORDS_WRITER).get(BASE + "/statements/" + a1Statement).then().statusCode(403);
        // nothing above changed anything
        as(HR).get(BASE + "/salaries/A1").then().body("monthlySalary", is(money("8000.00")));
        as(HR).get(BASE + "/runs/" + g1Run).then().body("status", is("COMPUTED"));
        as(HR).get(BASE + "/plans/S-PLAN").then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentNamesEveryOperation() {
        String doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        for (String id : List.of("upsertSalaries", "getSalary", "createPlan", "listPlans", "getPlan", "computeRun",
                "listRuns", "getRun", "approveRun", "listStatements", "getStatement",
                "getRunChanges", "exportRun", "listUnitTotals", "upsertBudgets", "listBudgets",
                "createAward", "listAwards", "getAward", "runHonors", "listHonors",
                "createLadder", "listLadders", "getLadder", "getEligibility", "checkPromotions")) {
            assertEquals(true, doc.contains("\"operationId\" : \"" + id + "\"")
                    || doc.contains("\"operationId\":\"" + id + "\""), id);
        }
    }
}
