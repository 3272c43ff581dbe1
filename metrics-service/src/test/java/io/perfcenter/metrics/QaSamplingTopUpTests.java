package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Topping a QA sampling plan up with calls that arrived after the draw (issue 13), worked by hand from the seed.
 *
 * <p>Group QTG: agents QT1, QT2, QT3; the plan covers last month (in the center's calendar), samples every agent
 * (share 1), 2 calls each, evaluators Q1 and Q2, seed 11. At the draw QT1 has 3 calls (qt-1-a, b, c), QT2 one
 * (qt-2-a), QT3 none. java.util.Random(11): the agents' shuffle takes nextInt(3) = 0, nextInt(2) = 1 (all three are
 * sampled anyway); QT1's calls [a, b, c]: nextInt(3) = 0 → [c, b, a], nextInt(2) = 0 → [b, c, a]: qt-1-b (Q1), qt-1-c
 * (Q2); QT2: qt-2-a (Q1, fewest so far tie → the first named). QT2 is 1 short, QT3 2 short.
 *
 * <p>Late calls: qt-2-b, c, d, qt-3-a, and qt-1-d (QT1 is not short: never drawn). Round 1, Random(11 + 1) = Random(12):
 * QT2's [b, c, d]: nextInt(3) = 0 → [d, c, b], nextInt(2) = 0 → [c, d, b]: qt-2-c, to Q2 (Q1 2, Q2 1); QT3's [a]:
 * qt-3-a, to Q1 (2, 2: the first). Then qt-3-b, qt-3-c arrive; round 2, Random(13): QT3's [b, c]: nextInt(2) = 1 (no
 * swap): qt-3-b, to Q2 (Q1 3, Q2 2).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class QaSamplingTopUpTests {

    private static final String PLANS = "/api/v1/metrics/qa/sampling-plans";
    private static boolean seeded;
    private static YearMonth month;

    @BeforeEach
    void org() {
        if (seeded) {
            return;
        }
        seeded = true;
        month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        hr().body(List.of(Map.of("code", "QTG", "name", "Topped-up group", "kind", "CENTER")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(1));
        List<Map<String, Object>> agents = new ArrayList<>();
        for (String agent : List.of("QT1", "QT2", "QT3")) {
            agents.add(Map.of("employeeId", agent, "name", agent, "position", "seat", "unitCode", "QTG",
                    "memberFrom", "2025-01-01"));
        }
        hr().body(agents).post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(3));
        calls("QT1", "qt-1-a", "qt-1-b", "qt-1-c");
        calls("QT2", "qt-2-a");
    }

    private static void calls(String agent, String... ids) {
        List<Map<String, Object>> calls = new ArrayList<>();
        int day = 1;
        for (String id : ids) {
            calls.add(Map.of("sourceSystem", "acd", "externalId", id, "employeeId", agent,
                    "startedAt", month.atDay(day++) + "T10:00:00+08:00", "talkSeconds", 300));
        }
        hr().body(calls).post("/api/v1/metrics/records/calls").then().statusCode(200)
                .body("accepted", equalTo(ids.length));
    }

    private static Map<String, Object> plan(String period) {
        return Map.of("unitCode", "QTG", "period", period, "agentShare", 1, "evaluationsPerAgent", 2,
                "evaluators", List.of("Q1", "Q2"), "seed", 11);
    }

    @Test
    void lateCallsFillTheShortAgentsReproduciblyAndLeaveTheDrawAlone() throws Exception {
        JsonPath drawn = as("Q1", "qa").body(plan(month.toString())).post(PLANS).then().statusCode(201)
                .body("agentsSampled", equalTo(3)).body("planned", equalTo(3)).extract().jsonPath();
        long id = drawn.getLong("id");
        String path = PLANS + "/" + id;
        assertEquals(List.of("qt-1-b", "qt-1-c", "qt-2-a"), drawn.getList("assignments.externalId"));
        assertEquals(List.of("Q1", "Q2", "Q1"), drawn.getList("assignments.evaluatorId"));
        assertEquals(List.of(0, 0, 0), drawn.getList("assignments.round"));
        assertEquals(List.of(), drawn.getList("rounds"));
        // nothing late yet: nothing added, no round recorded
        as("Q2", "qa").post(path + "/top-up").then().statusCode(200).body("planned", equalTo(3))
                .body("rounds.size()", equalTo(0));

        calls("QT2", "qt-2-b", "qt-2-c", "qt-2-d");
        calls("QT3", "qt-3-a");
        calls("QT1", "qt-1-d");
        JsonPath one = as("Q2", "qa").post(path + "/top-up").then().statusCode(200).body("planned", equalTo(5))
                .extract().jsonPath();
        assertEquals(List.of("qt-1-b", "qt-1-c", "qt-2-a", "qt-2-c", "qt-3-a"), one.getList("assignments.externalId"));
        assertEquals(List.of("QT1", "QT1", "QT2", "QT2", "QT3"), one.getList("assignments.employeeId"));
        assertEquals(List.of("Q1", "Q2", "Q1", "Q2", "Q1"), one.getList("assignments.evaluatorId"));
        assertEquals(List.of(0, 0, 0, 1, 1), one.getList("assignments.round"));
        assertEquals(List.of(1), one.getList("rounds.round"));
        assertEquals("Q2", one.getString("rounds[0].drawnBy"));
        assertEquals(2, one.getInt("rounds[0].agentsShort"));
        assertEquals(2, one.getInt("rounds[0].added"));
        assertEquals(List.of(3, 2), one.getList("progress.planned"));
        // the draw's assignments are as they were
        assertEquals(drawn.getList("assignments"), one.getList("assignments").subList(0, 3));

        // round 2: QT3's last call, asked for twice at once: one round adds it, the other finds nobody short
        calls("QT3", "qt-3-b", "qt-3-c");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> work = List.of(
                    () -> hr().post(path + "/top-up").then().statusCode(200).extract().path("planned"),
                    () -> as("A1", "admin").post(path + "/top-up").then().statusCode(200).extract().path("planned"));
            for (Future<Integer> f : pool.invokeAll(work)) {
                assertEquals(6, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        JsonPath two = hr().get(path).then().statusCode(200).body("planned", equalTo(6)).extract().jsonPath();
        assertEquals("qt-3-b", two.getString("assignments[5].externalId"));
        assertEquals("Q2", two.getString("assignments[5].evaluatorId"));
        assertEquals(2, two.getInt("assignments[5].round"));
        assertEquals(List.of(1, 2), two.getList("rounds.round"));
        assertEquals(List.of(1, 1), List.of(two.getInt("rounds[1].agentsShort"), two.getInt("rounds[1].added")));
        assertEquals(List.of(3, 3), two.getList("progress.planned"));

        // progress counts an evaluation of a topped-up call
        hr().body(List.of(Map.of("sourceSystem", "qa-tool", "externalId", "qt-eval-1", "employeeId", "QT3",
                        "evaluatorId", "Q1", "evaluatedOn", month.atDay(20).toString(), "score", 88,
                        "contactExternalId", "qt-3-a")))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("accepted", equalTo(1));
        hr().get(path).then().statusCode(200).body("done", equalTo(1)).body("assignments[4].evaluated", equalTo(true))
                .body("progress[0].done", equalTo(1)).body("progress[1].done", equalTo(0));
    }

    @Test
    void aClosedPlanRolesAndUnknownPlansAreRefused() {
        // January 2026 ended more than 31 days ago: the plan is closed to top-ups, nothing stored
        long closed = hr().body(plan("2026-01")).post(PLANS).then().statusCode(201).body("planned", equalTo(0))
                .extract().jsonPath().getLong("id");
        hr().post(PLANS + "/" + closed + "/top-up").then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Sampling plan " + closed + " is closed: its period 2026-01-01 to 2026-01-31 "
                        + "ended more than 31 days ago, so late calls no longer top it up"));
        hr().get(PLANS + "/" + closed).then().statusCode(200).body("rounds.size()", equalTo(0));
        hr().post(PLANS + "/999999/top-up").then().statusCode(404).contentType("application/problem+json");
        // roles as for drawing a plan: qa, hr, admin only
        long open = hr().body(plan(month.toString())).post(PLANS).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        RestAssured.given().post(PLANS + "/" + open + "/top-up").then().statusCode(401);
        for (String role : List.of("agent", "supervisor", "manager", "records-writer", "service", "org-sync",
                "events-relay")) {
            as("X1", role).post(PLANS + "/" + open + "/top-up").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        hr().get(PLANS + "/" + open).then().statusCode(200).body("rounds.size()", equalTo(0));
    }
}
