package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * QA sampling plans (issue 13): a draw reproducible from its seed and equal to the documented algorithm, filters on
 * real ingested calls, balanced assignment, progress as evaluations arrive, roles and bad input.
 *
 * <p>Group QSG: agents QP1..QP5, each with four October calls of 200, 400, 600 and 800 s talk time (qp-i-1..4) and
 * one November call; the filter "at least 500 s" leaves each agent's calls 3 and 4.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class QaSamplingTests {

    private static final List<String> AGENTS = List.of("QP1", "QP2", "QP3", "QP4", "QP5");
    private static boolean seeded;

    @BeforeEach
    void calls() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(List.of(Map.of("code", "QSG", "name", "Sampled group", "kind", "CENTER")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(1));
        List<Map<String, Object>> agents = new ArrayList<>();
        List<Map<String, Object>> calls = new ArrayList<>();
        for (String agent : AGENTS) {
            agents.add(Map.of("employeeId", agent, "name", agent, "position", "seat", "unitCode", "QSG",
                    "memberFrom", "2026-01-01"));
            for (int k = 1; k <= 4; k++) {
                calls.add(Map.of("sourceSystem", "acd", "externalId", "qp-" + agent + "-" + k, "employeeId", agent,
                        "startedAt", "2026-10-1" + k + "T10:00:00+08:00", "talkSeconds", 200 * k));
            }
            calls.add(Map.of("sourceSystem", "acd", "externalId", "qp-" + agent + "-nov", "employeeId", agent,
                    "startedAt", "2026-11-02T10:00:00+08:00", "talkSeconds", 900));
        }
        hr().body(agents).post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(5));
        hr().body(calls).post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(25));
    }

    private static Map<String, Object> plan(Long seed) {
        Map<String, Object> plan = new HashMap<>(Map.of("unitCode", "QSG", "period", "2026-10", "agentShare", 0.5,
                "evaluationsPerAgent", 2, "filters", Map.of("minHandleSeconds", 500), "evaluators", List.of("Q1", "Q2")));
        if (seed != null) {
            plan.put("seed", seed);
        }
        return plan;
    }

    /** The draw as the README states it, done by hand here: what a partner reproduces from the seed. */
    private static List<String> expectedCalls(long seed) {
        Random random = new Random(seed);
        List<String> agents = new ArrayList<>(AGENTS);
        shuffle(agents, random);
        List<String> sampled = new ArrayList<>(agents.subList(0, 3));   // ⌈0.5 × 5⌉
        sampled.sort(null);
        List<String> drawn = new ArrayList<>();
        for (String agent : sampled) {
            List<String> calls = new ArrayList<>(List.of("qp-" + agent + "-3", "qp-" + agent + "-4"));
            shuffle(calls, random);
            drawn.addAll(calls);   // both: 2 per agent
        }
        return drawn;
    }

    private static <T> void shuffle(List<T> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    @Test
    void theSameSeedDrawsTheSameCallsSpreadEvenly() {
        JsonPath first = as("Q1", "qa").body(plan(42L)).post("/api/v1/metrics/qa/sampling-plans").then()
                .statusCode(201).body("seed", equalTo(42)).body("agentsEligible", equalTo(5))
                .body("agentsSampled", equalTo(3)).body("planned", equalTo(6)).body("done", equalTo(0))
                .extract().jsonPath();
        assertEquals(expectedCalls(42), first.getList("assignments.externalId"));
        // balanced: the calls go Q1, Q2, Q1, … (fewest so far, ties to the first named)
        assertEquals(List.of("Q1", "Q2", "Q1", "Q2", "Q1", "Q2"), first.getList("assignments.evaluatorId"));
        assertEquals(List.of(3, 3), first.getList("progress.planned"));
        JsonPath again = hr().body(plan(42L)).post("/api/v1/metrics/qa/sampling-plans").then().statusCode(201)
                .extract().jsonPath();
        assertEquals(first.getList("assignments"), again.getList("assignments"));
        assertNotEquals(first.getLong("id"), again.getLong("id"));
        // another seed, another draw (as the documented algorithm says)
        JsonPath other = hr().body(plan(7L)).post("/api/v1/metrics/qa/sampling-plans").then().statusCode(201)
                .extract().jsonPath();
        assertEquals(expectedCalls(7), other.getList("assignments.externalId"));
        // without a seed one is drawn and recorded: it reproduces the plan
        JsonPath drawn = hr().body(plan(null)).post("/api/v1/metrics/qa/sampling-plans").then().statusCode(201)
                .extract().jsonPath();
        assertEquals(expectedCalls(drawn.getLong("seed")), drawn.getList("assignments.externalId"));

        // progress: an evaluation naming a drawn call counts for its evaluator
        String agent = first.getString("assignments[0].employeeId");
        String call = first.getString("assignments[0].externalId");
        hr().body(List.of(Map.of("sourceSystem", "qa-tool", "externalId", "qs-eval-1", "employeeId", agent,
                        "evaluatorId", "Q1", "evaluatedOn", "2026-11-05", "score", 90, "contactExternalId", call)))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("accepted", equalTo(1));
        as("Q2", "qa").get("/api/v1/metrics/qa/sampling-plans/" + first.getLong("id")).then().statusCode(200)
                .body("done", equalTo(1)).body("planned", equalTo(6))
                .body("assignments[0].evaluated", equalTo(true)).body("assignments[1].evaluated", equalTo(false))
                .body("progress[0].evaluatorId", equalTo("Q1")).body("progress[0].done", equalTo(1))
                .body("progress[1].done", equalTo(0));
        List<Integer> ids = hr().queryParam("unit", "QSG").queryParam("period", "2026-10")
                .get("/api/v1/metrics/qa/sampling-plans").then().statusCode(200).extract().path("id");
        assertEquals(4, ids.size());
    }

    @Test
    void anEvaluatorNeverDrawsTheirOwnCalls() {
        Map<String, Object> plan = plan(42L);
        plan.put("agentShare", 1);
        plan.put("evaluators", List.of("QP1", "QP2"));
        JsonPath p = hr().body(plan).post("/api/v1/metrics/qa/sampling-plans").then().statusCode(201)
                .body("planned", equalTo(10)).extract().jsonPath();
        List<String> agents = p.getList("assignments.employeeId");
        List<String> evaluators = p.getList("assignments.evaluatorId");
        for (int i = 0; i < agents.size(); i++) {
            assertNotEquals(agents.get(i), evaluators.get(i));
        }
    }

    @Test
    void rolesAndBadInput() {
        for (String role : List.of("agent", "supervisor", "manager", "records-writer")) {
            as("X1", role).body(plan(1L)).post("/api/v1/metrics/qa/sampling-plans").then().statusCode(403)
                    .contentType("application/problem+json");
            as("X1", role).get("/api/v1/metrics/qa/sampling-plans").then().statusCode(403);
        }
        Map<String, Object> bad = plan(1L);
        bad.put("agentShare", 0);
        hr().body(bad).post("/api/v1/metrics/qa/sampling-plans").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("agentShare"));
        bad = plan(1L);
        bad.put("unitCode", "NOPE");
        hr().body(bad).post("/api/v1/metrics/qa/sampling-plans").then().statusCode(400)
                .body("field", equalTo("unitCode"));
        bad = plan(1L);
        bad.put("evaluators", List.of("Q1", "Q1"));
        hr().body(bad).post("/api/v1/metrics/qa/sampling-plans").then().statusCode(400)
                .body("field", equalTo("evaluators[1]"));
        bad = plan(1L);
        bad.put("period", "2026-13");
        hr().body(bad).post("/api/v1/metrics/qa/sampling-plans").then().statusCode(400)
                .body("field", equalTo("period"));
        bad = plan(1L);
        bad.put("filters", Map.of("channel", "FAX"));
        hr().body(bad).post("/api/v1/metrics/qa/sampling-plans").then().statusCode(400)
                .body("field", equalTo("filters.channel"));
        hr().get("/api/v1/metrics/qa/sampling-plans/999999").then().statusCode(404);
    }

    @Test
    void aPlanNamingAFormCarriesItsChecklistAndCountsOnlyEvaluationsScoredByIt() {
        hr().body(Map.of("code", "QSF", "name", "Sampling form", "sections", List.of(Map.of("code", "opening",
                        "name", "Opening", "items", List.of(
                                Map.of("code", "greeting", "name", "Greeting", "weight", 10, "answer", "SCALE",
                                        "scaleMax", 2),
                                Map.of("code", "risk_disclosure", "name", "Risk disclosed", "weight", 20,
                                        "answer", "YES_NO", "critical", "ZERO"))))))
                .post("/api/v1/metrics/qa/forms").then().statusCode(201);
        // November: each agent has one call (qp-<agent>-nov); ⌈0.2 × 5⌉ = 1 agent, 1 call
        Map<String, Object> plan = new HashMap<>(Map.of("unitCode", "QSG", "period", "2026-11", "agentShare", 0.2,
                "evaluationsPerAgent", 1, "evaluators", List.of("Q1", "Q2"), "seed", 5, "formCode", "QSF"));
        JsonPath p = hr().body(plan).post("/api/v1/metrics/qa/sampling-plans").then().statusCode(201)
                .body("formCode", equalTo("QSF")).body("formVersion", equalTo(1)).body("planned", equalTo(1))
                .extract().jsonPath();
        assertEquals(List.of("greeting", "risk_disclosure"), p.getList("assignments[0].checklist.code"));
        assertEquals("ZERO", p.getString("assignments[0].checklist[1].critical"));
        assertEquals(2, p.getInt("assignments[0].checklist[0].scaleMax"));
        String agent = p.getString("assignments[0].employeeId");
        String call = p.getString("assignments[0].externalId");
        String path = "/api/v1/metrics/qa/sampling-plans/" + p.getLong("id");

        // an evaluation of the call with its own score, not the plan's form: stored, but the plan does not count it
        hr().body(List.of(Map.of("sourceSystem", "qa-tool", "externalId", "qs-free-1", "employeeId", agent,
                        "evaluatorId", "Q1", "evaluatedOn", "2026-11-05", "score", 90, "contactExternalId", call)))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("accepted", equalTo(1));
        hr().get(path).then().statusCode(200).body("done", equalTo(0))
                .body("assignments[0].evaluated", equalTo(false))
                .body("assignments[0].notCounted", equalTo("evaluated without the plan's form QSF v1: not counted"));
        // scored by the form: counted
        hr().body(List.of(Map.of("sourceSystem", "qa-tool", "externalId", "qs-form-1", "employeeId", agent,
                        "evaluatorId", "Q1", "evaluatedOn", "2026-11-06", "contactExternalId", call,
                        "formCode", "QSF", "formVersion", 1, "items", Map.of("greeting", 2, "risk_disclosure", "yes"))))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("accepted", equalTo(1));
        hr().get(path).then().statusCode(200).body("done", equalTo(1))
                .body("assignments[0].evaluated", equalTo(true))
                .body("assignments[0].notCounted", org.hamcrest.Matchers.nullValue());

        plan.put("formVersion", 9);
        hr().body(plan).post("/api/v1/metrics/qa/sampling-plans").then().statusCode(400)
                .body("field", equalTo("formVersion"));
        plan.remove("formCode");
        plan.put("formVersion", 1);
        hr().body(plan).post("/api/v1/metrics/qa/sampling-plans").then().statusCode(400)
                .body("field", equalTo("formCode"));
    }
}
