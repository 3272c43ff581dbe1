package io.perfcenter.e2e;

import io.perfcenter.launcher.DemoData;
import io.perfcenter.launcher.Launcher;
import io.perfcenter.support.LocalIdentity;
import io.perfcenter.support.Suite;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.anyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The whole suite as separate processes (the packaged services and the gateway on free ports, a fresh database),
 * driven only through the gateway: one month of one group's figures become scorecards, then bonuses.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteFlowIT {

    private static RunningSuite running;
    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        running = RunningSuite.get();
        suite = running.suite;
    }

    static RequestSpecification as(String employeeId, String role) {
        return running.as(employeeId, role);
    }

    @Test
    @Order(1)
    void theEdgeRejectsCallsWithoutAValidToken() {
        RestAssured.given().get("/api/v1/metrics/catalog").then().statusCode(401)
                .contentType("application/problem+json");
        RestAssured.given().auth().oauth2(LocalIdentity.generated().token("x", "x", List.of("hr"), Duration.ofMinutes(5)))
                .get("/api/v1/scoring/templates").then().statusCode(401);
    }

    @Test
    @Order(2)
    void aMonthOfFiguresBecomesScorecardsAndThenBonuses() {
        // org and people (metrics-service)
        unit("C1", "Center", "CENTER", null, null);
        unit("T1", "Hotline team", "TEAM", "C1", "M1");
        unit("G1", "Hotline group 1", "GROUP", "T1", "S1");
        for (String agent : List.of("A1", "A2")) {
            as("H1", "hr").body(Map.of("employeeId", agent, "name", "Agent " + agent, "position", "seat",
                    "unitCode", "G1", "memberFrom", "2026-01-01")).post("/api/v1/metrics/org/agents")
                    .then().statusCode(201);
        }
        // October's calls from the ACD: A1 handles 2,412 calls, A2 1,800
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int day = 1; day <= 31; day++) {
            rows.add(calls("A1", day, day < 31 ? 78 : 72));
            rows.add(calls("A2", day, day < 31 ? 58 : 60));
        }
        as(null, "records-writer").body(rows).post("/api/v1/metrics/values").then().statusCode(200)
                .body("accepted", equalTo(62));
        // sending the same again is a no-op
        as(null, "records-writer").body(rows).post("/api/v1/metrics/values").then().statusCode(200)
                .body("accepted", equalTo(0)).body("duplicate", equalTo(62));

        // a template with one weighted item and grade bands (scoring-service)
        as("H1", "hr").body(Map.of("code", "SEAT", "name", "Front-line seat", "position", "seat",
                "items", List.of(Map.of("code", "volume", "name", "Talk volume", "category", "results",
                        "metricCode", "calls_handled", "weight", 100,
                        "rule", Map.of("type", "tiered-rate", "maxPoints", 1500, "tiers", List.of(
                                Map.of("upTo", 2000, "rate", 0.4), Map.of("upTo", 2300, "rate", 0.5),
                                Map.of("upTo", 2500, "rate", 0.55), Map.of("upTo", 2800, "rate", 0.6),
                                Map.of("upTo", 3000, "rate", 0.65), Map.of("rate", 0.7))))),
                "gradeBands", List.of(Map.of("grade", "excellent", "minScore", 90), Map.of("grade", "good", "minScore", 80),
                        Map.of("grade", "pass", "minScore", 70), Map.of("grade", "fail", "minScore", 0))))
                .post("/api/v1/scoring/templates").then().statusCode(201);

        // compute October for the group: scoring fetches the aggregates from metrics over REST
        String runId = as("H1", "hr").body(Map.of("templateCode", "SEAT", "unitCode", "G1", "period", "2026-10"))
                .post("/api/v1/scoring/runs").then().statusCode(201)
                .body("scorecards", hasSize(2))
                .body("scorecards.find { it.employeeId == 'A1' }.total", equalTo(88.44f))
                .body("scorecards.find { it.employeeId == 'A1' }.grade", equalTo("good"))
                .body("scorecards.find { it.employeeId == 'A1' }.rank", equalTo(1))
                .body("scorecards.find { it.employeeId == 'A1' }.items[0].explanation", containsString("2,412"))
                .body("scorecards.find { it.employeeId == 'A2' }.total", equalTo(48.0f))
                .body("scorecards.find { it.employeeId == 'A2' }.grade", equalTo("fail"))
                .extract().path("id").toString();
        // an integration client subscribes to the month's news (metrics-service's webhooks)
        WebhookSink sink = new WebhookSink();
        String secret = as("H1", "hr").body(Map.of("name", "CRM", "url", sink.url(), "eventTypes",
                        List.of("io.perfcenter.scoring.scorecard.published", "io.perfcenter.incentive.statement.approved")))
                .post("/api/v1/metrics/webhooks/subscriptions").then().statusCode(201).extract().path("secret");
        as("H1", "hr").post("/api/v1/scoring/runs/" + runId + "/publish").then().statusCode(200);

        // the agent sees their own scorecard only
        as("A1", "agent").queryParam("period", "2026-10").get("/api/v1/scoring/scorecards").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].employeeId", equalTo("A1"));
        Object a2Card = as("H1", "hr").queryParam("period", "2026-10").queryParam("employeeId", "A2")
                .get("/api/v1/scoring/scorecards").then().statusCode(200).extract().path("[0].id");
        // someone else's scorecard answers exactly as an unknown id, so that ids cannot be probed
        as("A1", "agent").get("/api/v1/scoring/scorecards/" + a2Card).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Scorecard " + a2Card + " does not exist"));
        // the supervisor sees the group
        as("S1", "supervisor").queryParam("period", "2026-10").get("/api/v1/scoring/scorecards").then()
                .statusCode(200).body("$", hasSize(2));

        // bonuses from the published grades (incentive-service fetches the scorecards over REST)
        as("H1", "hr").body(List.of(salary("A1", 8000), salary("A2", 6000))).put("/api/v1/incentives/salaries")
                .then().statusCode(200).body("accepted", equalTo(2));
        as("H1", "hr").body(Map.of("code", "PERF", "name", "Monthly performance pay", "currency", "CNY",
                "performancePayShare", 0.30, "gradeCoefficients",
                Map.of("excellent", 1.1, "good", 1.0, "pass", 0.8, "fail", 0))).post("/api/v1/incentives/plans")
                .then().statusCode(201);
        String bonusRun = as("H1", "hr").body(Map.of("planCode", "PERF", "period", "2026-10", "unitCode", "G1"))
                .post("/api/v1/incentives/runs").then().statusCode(201)
                .body("statements", hasSize(2))
                .body("statements.find { it.employeeId == 'A1' }.lines[0].amount", equalTo(2400.0f))
                .body("statements.find { it.employeeId == 'A2' }.lines[0].amount", equalTo(0.0f))
                .body("totalAmount", equalTo(2400.0f))
                .extract().path("id").toString();
        as("H1", "hr").post("/api/v1/incentives/runs/" + bonusRun + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        as("A1", "agent").queryParam("period", "2026-10").get("/api/v1/incentives/statements").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].employeeId", equalTo("A1"))
                .body("[0].lines[0].explanation", notNullValue());

        // the events reach metrics-service through the services' outboxes (relayed as themselves, role
        // events-relay): each agent's feed tells them, and the subscriber gets each event once, signed
        List<String> expected = List.of("Your PERF statement for 2026-10 is approved: 2400.00 CNY",
                "Your scorecard for 2026-10 (SEAT) is published: total 88.44, grade good");
        long until = System.currentTimeMillis() + 60_000;
        // (scoring and incentive relay independently: their events may reach the feed in either order)
        while (!new java.util.TreeSet<>(as("A1", "agent").get("/api/v1/metrics/notifications").then().statusCode(200)
                .extract().jsonPath().<String>getList("title")).equals(new java.util.TreeSet<>(expected))
                || sink.bodies().stream().filter(SuiteFlowIT::ofThisFlow).count() < 4) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("events not relayed within 60 s: A1's feed " + as("A1", "agent")
                        .get("/api/v1/metrics/notifications").asString() + ", deliveries " + sink.bodies());
            }
            sleep(250);
        }
        as("A2", "agent").get("/api/v1/metrics/notifications").then().statusCode(200)
                .body("title", org.hamcrest.Matchers.containsInAnyOrder(
                        "Your PERF statement for 2026-10 is approved: 0.00 CNY",
                        "Your scorecard for 2026-10 (SEAT) is published: total 48.00, grade fail"));
        long a1First = as("A1", "agent").get("/api/v1/metrics/notifications").then().extract().jsonPath()
                .getLong("[0].id");
        as("A2", "agent").post("/api/v1/metrics/notifications/" + a1First + "/read").then().statusCode(404);
        sleep(1500);
        // the subscription gets every event of its types in the suite: other classes' months may be relayed while
        // this one runs (the relay is asynchronous), so count this flow's: group G1's October
        List<String> bodies = sink.bodies().stream().filter(SuiteFlowIT::ofThisFlow).toList();
        assertEquals(4, bodies.size(), "one delivery per event: " + sink.bodies());
        assertEquals(List.of("A1", "A2"), bodies.stream().filter(b -> b.contains("scorecard.published"))
                .map(b -> io.restassured.path.json.JsonPath.from(b).getString("subject")).sorted().toList());
        assertEquals(4, sink.signedWith(secret, SuiteFlowIT::ofThisFlow),
                "every delivery signed with the subscription's secret");
    }

    private static boolean ofThisFlow(String delivery) {
        io.restassured.path.json.JsonPath event = io.restassured.path.json.JsonPath.from(delivery);
        return List.of("A1", "A2").contains(event.getString("subject")) && "G1".equals(event.getString("data.unitCode"))
                && "2026-10".equals(event.getString("data.period"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(3)
    void aStoppedServiceGivesAClearProblemAndNoPartialData() {
        suite.stop("metrics-service");
        try {
            as("H1", "hr").body(Map.of("templateCode", "SEAT", "unitCode", "G1", "period", "2026-09"))
                    .post("/api/v1/scoring/runs").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", containsString("metrics"));
            // G1's only (MonthCloseIT scores other groups in September in the same suite)
            as("H1", "hr").queryParam("period", "2026-09").queryParam("unit", "G1").get("/api/v1/scoring/scorecards")
                    .then().statusCode(200)
                    .body("$", hasSize(0));
            // the gateway itself answers for a service that is down
            as("H1", "hr").get("/api/v1/metrics/catalog").then().statusCode(503)
                    .contentType("application/problem+json").body("service", equalTo("metrics-service"));
        } finally {
            suite.restart("metrics-service");
        }
        as("H1", "hr").get("/api/v1/metrics/catalog").then().statusCode(200);
    }

    @Test
    @Order(4)
    void theGatewayServesOneOpenApiDocumentForTheWholeSuite() {
        RestAssured.given().get("/openapi.json").then().statusCode(200)
                .body("info.title", equalTo("PerfCenter API"))
                .body("paths.keySet()", hasItems("/api/v1/metrics/values", "/api/v1/scoring/runs",
                        "/api/v1/incentives/runs"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("x-perfcenter-unavailable", anyOf(nullValue(), empty()))
                .body("x-perfcenter-duplicate-operation-ids", anyOf(nullValue(), empty()));
        // the request id the caller sends comes back, and a problem carries it too
        RestAssured.given().header("X-Request-Id", "e2e-req-1").get("/api/v1/metrics/catalog").then()
                .statusCode(401).header("X-Request-Id", "e2e-req-1");
    }

    @Test
    @Order(5)
    void theDemoDataSetLoadsThroughTheGatewayOnce() {
        DemoData demo = new DemoData(suite.gatewayUrl(), Launcher.tokens(running.identity, Duration.ofMinutes(30)));
        // the suite is shared by the end-to-end classes: ConsoleIT may have loaded the data set already (it signs in
        // as the demo people); either way a further load is a no-op and nothing is there twice (the counts below)
        demo.load();
        org.junit.jupiter.api.Assertions.assertFalse(demo.load());
        // the demo supervisor sees the published scorecards of their group, the demo agent their statement
        as("E2001", "supervisor").queryParam("status", "PUBLISHED").get("/api/v1/scoring/scorecards").then()
                .statusCode(200).body("$", hasSize(3)).body("grade", everyItem(notNullValue()));
        as("E3001", "agent").get("/api/v1/incentives/statements").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].employeeId", equalTo("E3001"));
    }

    private static void unit(String code, String name, String kind, String parent, String leader) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "kind", kind));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        if (leader != null) {
            body.put("leaderEmployeeId", leader);
        }
        as("H1", "hr").body(body).post("/api/v1/metrics/org/units").then().statusCode(201);
    }

    private static Map<String, Object> calls(String agent, int day, int calls) {
        return Map.of("sourceSystem", "acd", "externalId", "calls-" + agent + "-" + day, "employeeId", agent,
                "metricCode", "calls_handled", "date", String.format("2026-10-%02d", day), "value", calls);
    }

    private static Map<String, Object> salary(String agent, int monthly) {
        return Map.of("employeeId", agent, "monthlySalary", monthly, "currency", "CNY", "effectiveFrom", "2026-01-01");
    }
}
