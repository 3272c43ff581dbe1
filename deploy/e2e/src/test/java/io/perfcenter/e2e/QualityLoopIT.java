package io.perfcenter.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quality and coaching loop of issue 13 end to end through the gateway on the packaged suite, every figure worked
 * out by hand: a QA form with critical items scoring uploaded evaluations and feeding a per-item metric, a sampling
 * plan reproducible from its seed, a calibration session with known variance, one improvement plan met and one
 * missed from ingested calls (with the notifications that follow), the indicator review of a small published run,
 * and the denials and bad input on the way. Its own units, agents and periods (prefix QL), so that no other class
 * sees them.
 *
 * <p>Organisation: center QLC (manager QLM1) with groups QLG (supervisor QLS1; agents QLA1, QLA2), QLH (supervisor
 * QLS2; agent QLA3), QLP (sampled agents QLP1..QLP5) and QLR (supervisor QLS3; agents QLR1..QLR4, the indicator
 * review); center QLD (manager QLM2) with group QLE (supervisor QLS4; agent QLA4, the extended plan). QA specialists
 * QLQ1, QLQ2, QLQ3 and QLQ9.
 *
 * <p>Form QLFORM v1: opening — greeting SCALE 0..2 weight 10; compliance — info_accuracy YES_NO weight 30 (no n/a),
 * risk_disclosure YES_NO weight 20, n/a allowed, critical ZERO; no_forbidden_phrase YES_NO weight 0, critical CAP 60.
 * Form QLCAL v1 for the calibration (see there).
 */
class QualityLoopIT {

    private static final String FORMS = "/api/v1/metrics/qa/forms";
    private static final String EVALUATIONS = "/api/v1/metrics/records/qa-evaluations";
    private static final String PLANS = "/api/v1/metrics/qa/sampling-plans";
    private static final String CALIBRATIONS = "/api/v1/metrics/qa/calibrations";
    private static final String IMPROVEMENT = "/api/v1/scoring/improvement-plans";
    private static final String REVIEWS = "/api/v1/scoring/indicator-reviews";
    private static final List<String> SAMPLED = List.of("QLP1", "QLP2", "QLP3", "QLP4", "QLP5");

    private static RunningSuite running;

    @BeforeAll
    static void organisation() {
        running = RunningSuite.get();
        as("QLH1", "hr").body(List.of(
                        Map.of("code", "QLC", "name", "Quality loop center", "kind", "CENTER", "leaderEmployeeId", "QLM1"),
                        Map.of("code", "QLG", "name", "Quality loop group", "kind", "GROUP", "parentCode", "QLC",
                                "leaderEmployeeId", "QLS1"),
                        Map.of("code", "QLH", "name", "Quality loop other group", "kind", "GROUP", "parentCode", "QLC",
                                "leaderEmployeeId", "QLS2"),
                        Map.of("code", "QLP", "name", "Quality loop sampled group", "kind", "GROUP",
                                "parentCode", "QLC"),
                        Map.of("code", "QLR", "name", "Quality loop reviewed group", "kind", "GROUP",
                                "parentCode", "QLC", "leaderEmployeeId", "QLS3"),
                        Map.of("code", "QLD", "name", "Quality loop second center", "kind", "CENTER",
                                "leaderEmployeeId", "QLM2"),
                        Map.of("code", "QLE", "name", "Quality loop extended group", "kind", "GROUP",
                                "parentCode", "QLD", "leaderEmployeeId", "QLS4")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(7));
        List<Map<String, Object>> agents = new ArrayList<>(List.of(agent("QLA1", "QLG"), agent("QLA2", "QLG"),
                agent("QLA3", "QLH"), agent("QLA4", "QLE")));
        SAMPLED.forEach(id -> agents.add(agent(id, "QLP")));
        for (String id : List.of("QLR1", "QLR2", "QLR3", "QLR4")) {
            agents.add(agent(id, "QLR"));
        }
        as("QLH1", "hr").body(agents).post("/api/v1/metrics/org/agents/bulk").then().statusCode(200)
                .body("created", equalTo(13));
        as("QLQ9", "qa").body(Map.of("code", "QLFORM", "name", "Quality loop call form", "sections", List.of(
                        Map.of("code", "opening", "name", "Opening", "items", List.of(
                                Map.of("code", "greeting", "name", "Greeting", "weight", 10, "answer", "SCALE",
                                        "scaleMax", 2))),
                        Map.of("code", "compliance", "name", "Compliance", "items", List.of(
                                Map.of("code", "info_accuracy", "name", "Information accurate", "weight", 30,
                                        "answer", "YES_NO"),
                                Map.of("code", "risk_disclosure", "name", "Risk disclosed", "weight", 20,
                                        "answer", "YES_NO", "allowNotApplicable", true, "critical", "ZERO"),
                                Map.of("code", "no_forbidden_phrase", "name", "No forbidden phrase", "weight", 0,
                                        "answer", "YES_NO", "critical", "CAP", "capAt", 60))))))
                .post(FORMS).then().statusCode(201).header("ETag", "\"1\"").body("version", equalTo(1));
        as("QLQ9", "qa").body(Map.of("code", "QLCAL", "name", "Quality loop calibration form", "sections", List.of(
                        Map.of("code", "opening", "name", "Opening", "items", List.of(
                                Map.of("code", "greeting", "name", "Greeting", "weight", 20, "answer", "SCALE",
                                        "scaleMax", 2))),
                        Map.of("code", "handling", "name", "Handling", "items", List.of(
                                Map.of("code", "accuracy", "name", "Accurate", "weight", 10, "answer", "YES_NO"),
                                Map.of("code", "empathy", "name", "Empathy", "weight", 40, "answer", "SCALE",
                                        "scaleMax", 4),
                                Map.of("code", "risk_disclosure", "name", "Risk disclosed", "weight", 30,
                                        "answer", "YES_NO", "allowNotApplicable", true, "critical", "ZERO"))))))
                .post(FORMS).then().statusCode(201);
    }

    static RequestSpecification as(String employeeId, String role) {
        return running.as(employeeId, role);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // QA form with critical items, per-item metric

    /**
     * QLA1's October evaluations by QLFORM (weights answered / earned):
     * <ul>
     * <li>ql-e1: greeting 2 (10), info yes (30), risk yes (20), forbidden yes (0): 60 of 60 → 100.00</li>
     * <li>ql-e2: greeting 1 (5), info yes (30), risk no (0, critical ZERO), forbidden yes: 35 of 60 → zeroed, 0.00</li>
     * <li>ql-e3: greeting 2 (10), info yes (30), risk n/a (left out), forbidden no (critical CAP 60): 40 of 40 = 100
     * → capped at 60.00</li>
     * <li>ql-e4: greeting 2 (10), info no (0), risk yes (20), forbidden yes: 30 of 60 → 50.00</li>
     * <li>ql-e5: info_accuracy n/a, which the item does not allow: refused, row 5, field items.info_accuracy</li>
     * </ul>
     * greeting passes (the top of its scale) in e1, e3, e4 of 4 → 75.00 %; qa_score (100 + 0 + 60 + 50) / 4 = 52.5;
     * qa_critical_failures 2 (e2 zeroed, e3 capped); qa_item_pass_rate: e1 4/4, e2 2/4, e3 2/3 (risk n/a), e4 3/4 →
     * 11 / 15 = 73.3333 %.
     */
    @Test
    void aFormWithCriticalItemsScoresUploadedEvaluationsAndFeedsPerItemMetrics() {
        as("QLQ1", "qa").body(List.of(
                        evaluation("ql-e1", "QLA1", "2026-10-05", answers(2, "yes", "yes", "yes")),
                        evaluation("ql-e2", "QLA1", "2026-10-06", answers(1, "yes", "no", "yes")),
                        evaluation("ql-e3", "QLA1", "2026-10-07", answers(2, "yes", "n/a", "no")),
                        evaluation("ql-e4", "QLA1", "2026-10-08", answers(2, "no", "yes", "yes")),
                        evaluation("ql-e5", "QLA1", "2026-10-09", answers(2, "n/a", "yes", "yes"))))
                .post(EVALUATIONS).then().statusCode(200)
                .body("accepted", equalTo(4)).body("rejected", equalTo(1))
                .body("errors[0].row", equalTo(5)).body("errors[0].field", equalTo("items.info_accuracy"))
                .body("errors[0].reason", equalTo("n/a is not allowed for this item of form QLFORM v1"));

        JsonPath mine = as("QLA1", "agent").queryParam("employeeId", "QLA1").queryParam("period", "2026-10")
                .get("/api/v1/metrics/qa/evaluations").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("ql-e1", "ql-e2", "ql-e3", "ql-e4"), mine.getList("externalId"));
        assertEquals(List.of("100.00", "0.00", "60.00", "50.00"), decimals(mine, "score", 2));
        assertEquals(List.of(1, 1, 1, 1), mine.getList("formVersion"));
        assertEquals("risk_disclosure", mine.getString("[1].criticalItem"));
        assertTrue(mine.getString("[1].explanation").endsWith("→ zeroed by critical item risk_disclosure: 0.00"),
                mine.getString("[1].explanation"));
        assertEquals("no_forbidden_phrase", mine.getString("[2].criticalItem"));
        assertTrue(mine.getString("[2].explanation").endsWith("→ capped at 60 by critical item no_forbidden_phrase: "
                + "60.00"), mine.getString("[2].explanation"));
        org.junit.jupiter.api.Assertions.assertNull(mine.get("[0].criticalItem"));
        org.junit.jupiter.api.Assertions.assertNull(mine.get("[3].criticalItem"));
        // the refused row stored nothing: no evaluation of the 9th
        as("QLQ1", "qa").queryParam("employeeId", "QLA1").queryParam("from", "2026-10-09").queryParam("to",
                "2026-10-09").get("/api/v1/metrics/qa/evaluations").then().statusCode(200).body("", hasSize(0));

        // the per-item metric is a catalog definition over records of kind qa-items
        as("QLH1", "hr").body(itemRate("ql_greeting_compliance_rate", "greeting")).post("/api/v1/metrics/catalog")
                .then().statusCode(201);
        JsonPath figures = as("QLS1", "supervisor").queryParam("employeeId", "QLA1").queryParam("period", "2026-10")
                .queryParam("metric", "ql_greeting_compliance_rate").queryParam("metric", "qa_score")
                .queryParam("metric", "qa_critical_failures").queryParam("metric", "qa_item_pass_rate")
                .get("/api/v1/metrics/aggregates").then().statusCode(200).extract().jsonPath();
        String values = "agents[0].values.";
        assertEquals("75", decimal(figures, values + "ql_greeting_compliance_rate.value"));
        assertEquals(4, figures.getInt(values + "ql_greeting_compliance_rate.samples"));
        assertEquals("52.5", decimal(figures, values + "qa_score.value"));
        assertEquals("2", decimal(figures, values + "qa_critical_failures.value"));
        assertEquals("73.3333", decimal(figures, values + "qa_item_pass_rate.value"));
        assertEquals(15, figures.getInt(values + "qa_item_pass_rate.samples"));

        // scope: another agent, and the supervisor of another group, read QLA1's evaluations as an unknown agent's
        long first = mine.getLong("[0].id");
        as("QLA2", "agent").get("/api/v1/metrics/qa/evaluations/" + first).then().statusCode(404)
                .contentType("application/problem+json");
        as("QLA2", "agent").queryParam("employeeId", "QLA1").queryParam("period", "2026-10")
                .get("/api/v1/metrics/qa/evaluations").then().statusCode(404);
        as("QLS2", "supervisor").get("/api/v1/metrics/qa/evaluations/" + first).then().statusCode(404);
        as("QLS1", "supervisor").get("/api/v1/metrics/qa/evaluations/" + first).then().statusCode(200)
                .body("score", equalTo(100.0f));
        // only the evaluated agent acknowledges it
        as("QLA2", "agent").body(Map.of()).post("/api/v1/metrics/qa/evaluations/" + first + "/acknowledgement")
                .then().statusCode(404);
        as("QLS1", "supervisor").body(Map.of()).post("/api/v1/metrics/qa/evaluations/" + first + "/acknowledgement")
                .then().statusCode(403).contentType("application/problem+json");
        as("QLA1", "agent").body(Map.of("comment", "Understood")).post("/api/v1/metrics/qa/evaluations/" + first
                + "/acknowledgement").then().statusCode(200).body("agentStatus", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedRevision", equalTo(1));
        // agents do not write forms; a form that cannot score is refused naming the field and not stored
        as("QLA1", "agent").body(Map.of("code", "QLNOPE", "name", "x", "sections", List.of())).post(FORMS).then()
                .statusCode(403).contentType("application/problem+json");
        as("QLQ9", "qa").body(Map.of("code", "QLBAD", "name", "Bad", "sections", List.of(Map.of("code", "s",
                        "name", "S", "items", List.of(Map.of("code", "a", "name", "A", "weight", 10,
                                "answer", "YES_NO", "critical", "CAP"))))))
                .post(FORMS).then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("sections[0].items[0].capAt"));
        as("QLQ9", "qa").get(FORMS + "/QLBAD").then().statusCode(404);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // sampling plans

    /**
     * Group QLP: agents QLP1..QLP5, each with four October calls of 200, 400, 600 and 800 s talk time
     * (ql-QLPi-1..4); "at least 500 s" leaves calls 3 and 4 of each. Half the agents (⌈0.5 × 5⌉ = 3), 2 calls each,
     * two QA specialists: 3 calls each, alternating.
     */
    @Test
    void aSamplingPlanIsReproducibleFromItsSeedBalancedAndCountsOnlyItsFormVersion() {
        List<Map<String, Object>> calls = new ArrayList<>();
        for (String agent : SAMPLED) {
            for (int k = 1; k <= 4; k++) {
                calls.add(call("ql-" + agent + "-" + k, agent, "2026-10-1" + k + "T10:00:00+08:00", 200 * k, 0, 0));
            }
        }
        as(null, "records-writer").body(calls).post("/api/v1/metrics/records/calls").then().statusCode(200)
                .body("accepted", equalTo(20));

        JsonPath first = as("QLQ9", "qa").body(samplingPlan(42L)).post(PLANS).then().statusCode(201)
                .body("seed", equalTo(42)).body("agentsEligible", equalTo(5)).body("agentsSampled", equalTo(3))
                .body("planned", equalTo(6)).body("done", equalTo(0))
                .body("formCode", equalTo("QLFORM")).body("formVersion", equalTo(1))
                .extract().jsonPath();
        assertEquals(expectedDraw(42), first.getList("assignments.externalId"));
        assertEquals(List.of("QLQ1", "QLQ2", "QLQ1", "QLQ2", "QLQ1", "QLQ2"), first.getList("assignments.evaluatorId"));
        assertEquals(List.of("QLQ1", "QLQ2"), first.getList("progress.evaluatorId"));
        assertEquals(List.of(3, 3), first.getList("progress.planned"));
        // every assignment shows the form's checklist
        for (int i = 0; i < 6; i++) {
            assertEquals(List.of("greeting", "info_accuracy", "risk_disclosure", "no_forbidden_phrase"),
                    first.getList("assignments[" + i + "].checklist.code"));
        }
        assertEquals("ZERO", first.getString("assignments[0].checklist[2].critical"));
        assertEquals("CAP", first.getString("assignments[0].checklist[3].critical"));
        assertEquals(2, first.getInt("assignments[0].checklist[0].scaleMax"));

        // the same seed over the same calls draws the same; another seed draws otherwise
        JsonPath again = as("QLH1", "hr").body(samplingPlan(42L)).post(PLANS).then().statusCode(201)
                .extract().jsonPath();
        assertNotEquals(first.getLong("id"), again.getLong("id"));
        assertEquals(first.getList("assignments.externalId"), again.getList("assignments.externalId"));
        assertEquals(first.getList("assignments.evaluatorId"), again.getList("assignments.evaluatorId"));
        JsonPath other = as("QLQ9", "qa").body(samplingPlan(7L)).post(PLANS).then().statusCode(201)
                .extract().jsonPath();
        assertEquals(expectedDraw(7), other.getList("assignments.externalId"));
        assertNotEquals(first.getList("assignments.externalId"), other.getList("assignments.externalId"));

        // progress: an evaluation of the first drawn call by the plan's form counts for its evaluator; one of the
        // second call with its own score (no form) is stored but not counted
        String path = PLANS + "/" + first.getLong("id");
        String agent0 = first.getString("assignments[0].employeeId");
        String agent1 = first.getString("assignments[1].employeeId");
        Map<String, Object> byForm = evaluation("ql-s1", agent0, "2026-11-03", answers(2, "yes", "yes", "yes"));
        byForm.put("contactExternalId", first.getString("assignments[0].externalId"));
        Map<String, Object> free = new HashMap<>(Map.of("sourceSystem", "qa-tool", "externalId", "ql-s2",
                "employeeId", agent1, "evaluatorId", "QLQ2", "evaluatedOn", "2026-11-03", "score", 90,
                "contactExternalId", first.getString("assignments[1].externalId")));
        as("QLQ1", "qa").body(List.of(byForm)).post(EVALUATIONS).then().statusCode(200)
                .body("accepted", equalTo(1));
        // a QA specialist uploads only their own evaluations: QLQ1 may not send QLQ2's
        as("QLQ1", "qa").body(List.of(free)).post(EVALUATIONS).then().statusCode(200)
                .body("accepted", equalTo(0)).body("rejected", equalTo(1))
                .body("errors[0].field", equalTo("evaluatorId"));
        as("QLQ2", "qa").body(List.of(free)).post(EVALUATIONS).then().statusCode(200)
                .body("accepted", equalTo(1));
        as("QLQ2", "qa").get(path).then().statusCode(200).body("done", equalTo(1)).body("planned", equalTo(6))
                .body("assignments[0].evaluated", equalTo(true))
                .body("assignments[0].notCounted", nullValue())
                .body("assignments[1].evaluated", equalTo(false))
                .body("assignments[1].notCounted",
                        equalTo("evaluated without the plan's form QLFORM v1: not counted"))
                .body("progress[0].done", equalTo(1)).body("progress[1].done", equalTo(0));
        // the plan of the same seed counts the same evaluations
        as("QLQ9", "qa").get(PLANS + "/" + again.getLong("id")).then().statusCode(200).body("done", equalTo(1));
        // a revision of the counted evaluation that drops the form (its own score) no longer counts
        Map<String, Object> revised = new HashMap<>(Map.of("sourceSystem", "qa-tool", "externalId", "ql-s1",
                "revision", 2, "employeeId", agent0, "evaluatorId", "QLQ1", "evaluatedOn", "2026-11-03", "score", 70,
                "contactExternalId", first.getString("assignments[0].externalId")));
        as("QLQ1", "qa").body(List.of(revised)).post(EVALUATIONS).then().statusCode(200)
                .body("accepted", equalTo(1));
        as("QLQ9", "qa").get(path).then().statusCode(200).body("done", equalTo(0))
                .body("assignments[0].evaluated", equalTo(false))
                .body("assignments[0].notCounted",
                        equalTo("evaluated without the plan's form QLFORM v1: not counted"))
                .body("progress[0].done", equalTo(0));
        // and revision 3, by the form again, counts again
        Map<String, Object> third = evaluation("ql-s1", agent0, "2026-11-03", answers(2, "yes", "yes", "yes"));
        third.put("revision", 3);
        third.put("contactExternalId", first.getString("assignments[0].externalId"));
        as("QLQ1", "qa").body(List.of(third)).post(EVALUATIONS).then().statusCode(200).body("accepted", equalTo(1));
        as("QLQ9", "qa").get(path).then().statusCode(200).body("done", equalTo(1))
                .body("assignments[0].evaluated", equalTo(true));

        // which calls will be evaluated is not told beforehand: agents, supervisors, managers get 403
        for (String role : List.of("agent", "supervisor", "manager")) {
            as("QLA1", role).body(samplingPlan(1L)).post(PLANS).then().statusCode(403)
                    .contentType("application/problem+json");
            as("QLA1", role).get(path).then().statusCode(403);
        }
        // bad input names the field and stores nothing
        int before = as("QLQ9", "qa").queryParam("unit", "QLP").queryParam("period", "2026-10").get(PLANS).then()
                .statusCode(200).extract().jsonPath().getList("").size();
        assertEquals(3, before);
        Map<String, Object> bad = samplingPlan(1L);
        bad.put("agentShare", 0);
        as("QLQ9", "qa").body(bad).post(PLANS).then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("agentShare"));
        bad = samplingPlan(1L);
        bad.put("evaluators", List.of("QLQ1", "QLQ1"));
        as("QLQ9", "qa").body(bad).post(PLANS).then().statusCode(400).body("field", equalTo("evaluators[1]"));
        bad = samplingPlan(1L);
        bad.put("formVersion", 9);
        as("QLQ9", "qa").body(bad).post(PLANS).then().statusCode(400).body("field", equalTo("formVersion"));
        as("QLQ9", "qa").queryParam("unit", "QLP").queryParam("period", "2026-10").get(PLANS).then()
                .statusCode(200).body("", hasSize(3));
    }

    private static Map<String, Object> samplingPlan(long seed) {
        return new HashMap<>(Map.of("unitCode", "QLP", "period", "2026-10", "agentShare", 0.5,
                "evaluationsPerAgent", 2, "filters", Map.of("minHandleSeconds", 500),
                "evaluators", List.of("QLQ1", "QLQ2"), "seed", seed, "formCode", "QLFORM"));
    }

    /** The draw as the metrics-service README documents it, done here by hand: what anyone reproduces from the seed. */
    private static List<String> expectedDraw(long seed) {
        Random random = new Random(seed);
        List<String> agents = new ArrayList<>(SAMPLED);
        shuffle(agents, random);
        List<String> sampled = new ArrayList<>(agents.subList(0, 3));
        sampled.sort(null);
        List<String> drawn = new ArrayList<>();
        for (String agent : sampled) {
            List<String> candidates = new ArrayList<>(List.of("ql-" + agent + "-3", "ql-" + agent + "-4"));
            shuffle(candidates, random);
            drawn.addAll(candidates);
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

    // ---------------------------------------------------------------------------------------------------------------
    // calibration

    /**
     * Form QLCAL v1 (weights add up to 100): greeting SCALE 0..2 weight 20; accuracy YES_NO weight 10; empathy SCALE
     * 0..4 weight 40; risk_disclosure YES_NO weight 30, n/a allowed, critical ZERO. Three QA specialists score QLA1's
     * call ql-cal-1:
     * <ul>
     * <li>QLQ1: greeting 1 (10), accuracy no (0), empathy 4 (40), risk yes (30) → 80.00</li>
     * <li>QLQ2: greeting 2 (20), accuracy no (0), empathy 4 (40), risk yes (30) → 90.00</li>
     * <li>QLQ3: greeting 2 (20), accuracy yes (10), empathy 4 (40), risk yes (30) → 100.00</li>
     * </ul>
     * Mean 90.00; population variance ((−10)² + 0² + 10²) / 3 = 66.67; deviations −10.00, 0.00, 10.00. Greeting
     * points 10, 20, 20: mean 16.6667, variance ((−20/3)² + (10/3)² + (10/3)²) / 3 = 22.2222; empathy 40 ×3: variance
     * 0. The owner's reference: greeting 2, accuracy yes, empathy 3, risk yes → 20 + 10 + 30 + 30 = 90.00; deviations
     * from it −10, 0, +10; items answered otherwise: QLQ1 3 (greeting, accuracy, empathy), QLQ2 2, QLQ3 1.
     */
    @Test
    void aCalibrationSessionWithKnownVarianceBlindUntilAnsweredFrozenWhenClosed() {
        as(null, "records-writer").body(List.of(call("ql-cal-1", "QLA1", "2026-10-20T10:00:00+08:00", 420, 0, 0)))
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(1));
        Map<String, Object> session = new HashMap<>(Map.of("employeeId", "QLA1", "contactExternalId", "ql-cal-1",
                "formCode", "QLCAL", "formVersion", 1, "evaluators", List.of("QLQ1", "QLQ2", "QLQ3"),
                "note", "Quality loop calibration"));
        // agents' leaders never make calibration sessions, not even the agent's own supervisor
        as("QLS1", "supervisor").body(session).post(CALIBRATIONS).then().statusCode(403)
                .contentType("application/problem+json");
        // bad input names the field and stores nothing
        Map<String, Object> bad = new HashMap<>(session);
        bad.put("evaluators", List.of("QLQ1", "QLA1"));
        as("QLQ9", "qa").body(bad).post(CALIBRATIONS).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("evaluators[1]"));
        bad = new HashMap<>(session);
        bad.put("contactExternalId", "ql-no-such-call");
        as("QLQ9", "qa").body(bad).post(CALIBRATIONS).then().statusCode(400)
                .body("field", equalTo("contactExternalId"));
        bad = new HashMap<>(session);
        bad.put("formVersion", 2);
        as("QLQ9", "qa").body(bad).post(CALIBRATIONS).then().statusCode(400).body("field", equalTo("formVersion"));
        as("QLQ9", "qa").queryParam("employeeId", "QLA1").get(CALIBRATIONS).then().statusCode(200)
                .body("", hasSize(0));

        long id = as("QLQ9", "qa").body(session).post(CALIBRATIONS).then().statusCode(201)
                .body("status", equalTo("OPEN")).body("ownerId", equalTo("QLQ9"))
                .body("pending", equalTo(List.of("QLQ1", "QLQ2", "QLQ3"))).body("meanScore", nullValue())
                .extract().jsonPath().getLong("id");
        String one = CALIBRATIONS + "/" + id;
        as("QLQ1", "qa").body(calibrationAnswers(1, "no", 4, "yes")).put(one + "/answers").then()
                .statusCode(200).body("scores[0].score", equalTo(80.0f))
                .body("pending", equalTo(List.of("QLQ2", "QLQ3")));
        // a bad answer is refused naming the item; QLQ1's answers stay as they were
        as("QLQ1", "qa").body(calibrationAnswers(3, "no", 4, "yes")).put(one + "/answers").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("items.greeting"));
        // blind: QLQ2 has not answered and sees nobody's answers; the owner sees QLQ1's
        as("QLQ2", "qa").get(one).then().statusCode(200).body("withheld", notNullValue())
                .body("scores", hasSize(0)).body("items[0].answers.size()", equalTo(0))
                .body("meanScore", nullValue());
        as("QLQ9", "qa").get(one).then().statusCode(200).body("withheld", nullValue())
                .body("items[0].answers.QLQ1", equalTo("1")).body("scores[0].score", equalTo(80.0f));
        // the results are the evaluators': the agent's supervisor, another unit's supervisor, the agent get 403
        as("QLS1", "supervisor").get(one).then().statusCode(403).contentType("application/problem+json");
        as("QLS2", "supervisor").get(one).then().statusCode(403);
        as("QLA1", "agent").get(one).then().statusCode(403);
        // a QA specialist who is not named submits nothing
        as("QLQ4", "qa").body(calibrationAnswers(2, "yes", 4, "yes")).put(one + "/answers").then()
                .statusCode(403);

        as("QLQ2", "qa").body(calibrationAnswers(2, "no", 4, "yes")).put(one + "/answers").then()
                .statusCode(200).body("withheld", nullValue());
        JsonPath s = as("QLQ3", "qa").body(calibrationAnswers(2, "yes", 4, "yes")).put(one + "/answers")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), s.getList("pending"));
        assertEquals(List.of("QLQ1", "QLQ2", "QLQ3"), s.getList("scores.evaluatorId"));
        assertEquals(List.of("80.00", "90.00", "100.00"), decimals(s, "scores.score", 2));
        assertEquals("90.00", decimal(s, "meanScore", 2));
        assertEquals("66.67", decimal(s, "scoreVariance", 2));
        assertEquals(List.of("-10.00", "0.00", "10.00"), decimals(s, "scores.deviationFromMean", 2));
        assertEquals(List.of("greeting", "accuracy", "empathy", "risk_disclosure"), s.getList("items.code"));
        assertEquals(Map.of("QLQ1", "1", "QLQ2", "2", "QLQ3", "2"), s.getMap("items[0].answers"));
        assertEquals("16.6667", decimal(s, "items[0].meanPoints"));
        assertEquals("22.2222", decimal(s, "items[0].variancePoints"));
        assertEquals("3.3333", decimal(s, "items[1].meanPoints"));
        assertEquals("22.2222", decimal(s, "items[1].variancePoints"));
        assertEquals("0", decimal(s, "items[2].variancePoints"));

        // only the owner records the reference
        as("QLQ2", "qa").body(calibrationAnswers(2, "yes", 3, "yes")).put(one + "/reference").then()
                .statusCode(403).contentType("application/problem+json");
        s = as("QLQ9", "qa").body(calibrationAnswers(2, "yes", 3, "yes")).put(one + "/reference").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("90.00", decimal(s, "reference.score", 2));
        assertEquals(List.of("-10.00", "0.00", "10.00"), decimals(s, "scores.deviationFromReference", 2));
        assertEquals(List.of(3, 2, 1), s.getList("scores.itemsOffReference"));

        // closing freezes answers and reference
        as("QLQ1", "qa").post(one + "/close").then().statusCode(403);
        as("QLQ9", "qa").post(one + "/close").then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedBy", equalTo("QLQ9"));
        as("QLQ1", "qa").body(calibrationAnswers(0, "no", 0, "yes")).put(one + "/answers").then()
                .statusCode(409).contentType("application/problem+json");
        as("QLQ9", "qa").body(calibrationAnswers(0, "no", 0, "yes")).put(one + "/reference").then()
                .statusCode(409);
        as("QLQ9", "qa").post(one + "/close").then().statusCode(409);
        as("QLQ1", "qa").get(one).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("meanScore", equalTo(90.0f)).body("scoreVariance", equalTo(66.67f))
                .body("reference.score", equalTo(90.0f));
    }

    private static Map<String, Object> calibrationAnswers(Object greeting, Object accuracy, Object empathy,
                                                          Object risk) {
        return Map.of("items", Map.of("greeting", greeting, "accuracy", accuracy, "empathy", empathy,
                "risk_disclosure", risk));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // improvement plans

    /**
     * Plans from Monday 2026-09-07 to Sunday 2026-10-04 (four ISO weeks), goal AHT at most 420 s in 2 consecutive
     * weeks. AHT = (talk + hold + wrap) / calls per week, from calls ingested through the gateway:
     * <ul>
     * <li>QLA1: 09-08 400 + 20 + 30 = 450 → 450; 09-15 400 and 09-16 380 + 20 + 30 = 430 → 830 / 2 = 415; 09-22 400;
     * 09-29 430 → weeks 2 and 3 hold: MET by 2026-09-14 … 2026-09-27</li>
     * <li>QLA2: 410, 430, 415, 425 (one call a week) → never two in a row: MISSED (due 2026-10-04 has passed)</li>
     * </ul>
     */
    @Test
    void anImprovementPlanMetAndOneMissedFromIngestedCallsWithTheirConsequenceAndNotifications() {
        as(null, "records-writer").body(List.of(
                        call("ql-ip-1a", "QLA1", "2026-09-08T10:00:00+08:00", 400, 20, 30),
                        call("ql-ip-1b", "QLA1", "2026-09-15T10:00:00+08:00", 400, 0, 0),
                        call("ql-ip-1c", "QLA1", "2026-09-16T10:00:00+08:00", 380, 20, 30),
                        call("ql-ip-1d", "QLA1", "2026-09-22T10:00:00+08:00", 400, 0, 0),
                        call("ql-ip-1e", "QLA1", "2026-09-29T10:00:00+08:00", 430, 0, 0),
                        call("ql-ip-2a", "QLA2", "2026-09-08T10:00:00+08:00", 410, 0, 0),
                        call("ql-ip-2b", "QLA2", "2026-09-15T10:00:00+08:00", 430, 0, 0),
                        call("ql-ip-2c", "QLA2", "2026-09-22T10:00:00+08:00", 415, 0, 0),
                        call("ql-ip-2d", "QLA2", "2026-09-29T10:00:00+08:00", 425, 0, 0)))
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(9));

        // denials and bad input first: nothing of them is stored
        as("QLS2", "supervisor").body(improvementPlan("QLA1")).post(IMPROVEMENT).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://perfcenter.io/problems/out-of-scope"));
        as("QLA2", "agent").body(improvementPlan("QLA1")).post(IMPROVEMENT).then().statusCode(403);
        Map<String, Object> bad = improvementPlan("QLA1");
        bad.put("dueDate", "2026-09-01");
        as("QLS1", "supervisor").body(bad).post(IMPROVEMENT).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("dueDate"));
        bad = improvementPlan("QLA1");
        bad.put("goals", List.of(goal(5)));
        as("QLS1", "supervisor").body(bad).post(IMPROVEMENT).then().statusCode(400)
                .body("field", equalTo("goals[0].consecutive"));
        bad = improvementPlan("QLA3");
        as("QLS1", "supervisor").body(bad).post(IMPROVEMENT).then().statusCode(400)
                .body("field", equalTo("employeeId"));
        // a metric the catalog does not hold: metrics-service refuses it, scoring names the goals
        bad = improvementPlan("QLA1");
        bad.put("goals", List.of(Map.of("metricCode", "ql_no_such_metric", "comparison", "AT_MOST", "value", 1,
                "window", "WEEK", "consecutive", 1)));
        as("QLS1", "supervisor").body(bad).post(IMPROVEMENT).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("goals"));
        as("QLH1", "hr").queryParam("employeeId", "QLA1").get(IMPROVEMENT).then().statusCode(200)
                .body("", hasSize(0));

        long met = as("QLS1", "supervisor").body(improvementPlan("QLA1")).post(IMPROVEMENT).then().statusCode(201)
                .body("status", equalTo("IN_PROGRESS")).body("createdBy", equalTo("QLS1"))
                .extract().jsonPath().getLong("id");
        long missed = as("QLS1", "supervisor").body(improvementPlan("QLA2")).post(IMPROVEMENT).then()
                .statusCode(201).extract().jsonPath().getLong("id");

        // the agent asks for the explicit evaluation of their own plan
        JsonPath plan = as("QLA1", "agent").post(IMPROVEMENT + "/" + met + "/evaluation").then().statusCode(200)
                .body("status", equalTo("MET")).body("consequenceDue", equalTo(false))
                .body("evaluation.goals[0].met", equalTo(true))
                .body("evaluation.goals[0].metFrom", equalTo("2026-09-14"))
                .body("evaluation.goals[0].metTo", equalTo("2026-09-27"))
                .body("evaluation.goals[0].windows.start",
                        equalTo(List.of("2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28")))
                .body("evaluation.goals[0].windows.holds", equalTo(List.of(false, true, true, false)))
                .extract().jsonPath();
        assertEquals(List.of("450", "415", "400", "430"), decimals(plan, "evaluation.goals[0].windows.value"));
        assertEquals("aht at most 420 in 2 consecutive ISO weeks: held 2026-09-14 to 2026-09-27 (415, 400)",
                plan.getString("evaluation.goals[0].explanation"));
        assertEquals("MET: every goal held (the last by 2026-09-27)", plan.getString("evaluation.explanation"));

        plan = as("QLS1", "supervisor").post(IMPROVEMENT + "/" + missed + "/evaluation").then().statusCode(200)
                .body("status", equalTo("MISSED")).body("consequenceDue", equalTo(true))
                .body("evaluation.goals[0].met", equalTo(false))
                .body("evaluation.goals[0].windows.holds", equalTo(List.of(true, false, true, false)))
                .extract().jsonPath();
        assertEquals(List.of("410", "430", "415", "425"), decimals(plan, "evaluation.goals[0].windows.value"));
        assertEquals("aht at most 420 in 2 consecutive ISO weeks: not yet held, longest run 1 of 2 "
                + "(410, 430, 415, 425)", plan.getString("evaluation.goals[0].explanation"));
        assertEquals("MISSED: 1 of 1 goals did not hold by the due date 2026-10-04; the coach records the "
                + "consequence", plan.getString("evaluation.explanation"));

        // scope: the other agent and another unit's supervisor read neither plan (404 as an unknown id)
        as("QLA2", "agent").get(IMPROVEMENT + "/" + met).then().statusCode(404)
                .contentType("application/problem+json");
        as("QLA1", "agent").get(IMPROVEMENT + "/" + missed).then().statusCode(404);
        as("QLS2", "supervisor").get(IMPROVEMENT + "/" + missed).then().statusCode(404);
        as("QLS2", "supervisor").body(Map.of("kind", "NONE", "reason", "x"))
                .post(IMPROVEMENT + "/" + missed + "/consequence").then().statusCode(404);
        // the consequence: not by the agent, not without a reason, once
        String consequence = IMPROVEMENT + "/" + missed + "/consequence";
        as("QLA2", "agent").body(Map.of("kind", "NONE", "reason", "x")).post(consequence).then().statusCode(403);
        as("QLS1", "supervisor").body(Map.of("kind", "RETRAINING", "reason", " ")).post(consequence).then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("reason"));
        as("QLA2", "agent").get(IMPROVEMENT + "/" + missed).then().statusCode(200)
                .body("consequences", hasSize(0)).body("consequenceDue", equalTo(true));
        as("QLS1", "supervisor").body(Map.of("kind", "RETRAINING",
                        "reason", "AHT above 420 s every other week; product retraining on 2026-10-12"))
                .post(consequence).then().statusCode(200).body("consequenceDue", equalTo(false))
                .body("status", equalTo("MISSED")).body("consequences[0].decidedBy", equalTo("QLS1"));
        as("QLS1", "supervisor").body(Map.of("kind", "NONE", "reason", "again")).post(consequence).then()
                .statusCode(409).contentType("application/problem+json");
        as("QLS1", "supervisor").body(Map.of("kind", "NONE", "reason", "x"))
                .post(IMPROVEMENT + "/" + met + "/consequence").then().statusCode(409);
        as("QLA2", "agent").get(IMPROVEMENT + "/" + missed).then().statusCode(200)
                .body("consequences[0].kind", equalTo("RETRAINING"))
                .body("consequences[0].reason",
                        equalTo("AHT above 420 s every other week; product retraining on 2026-10-12"))
                .body("consequences[0].previousDueDate", equalTo("2026-10-04"));

        // the settled plans are events; metrics tells the agents, and for the missed plan the leaders of its unit
        // and of the units above (the relay is asynchronous: wait for it)
        awaitFeed("QLA1", "agent", List.of("Your improvement plan " + met + " is met"));
        awaitFeed("QLA2", "agent", List.of("Your improvement plan " + missed + " was due on 2026-10-04 and its goals "
                + "did not hold; your coach records what follows"));
        String leaders = "Improvement plan " + missed + " of QLA2 was due on 2026-10-04 and missed: record its "
                + "consequence";
        awaitFeed("QLS1", "supervisor", List.of(leaders));
        awaitFeed("QLM1", "manager", List.of(leaders));
        // the other unit's supervisor is told nothing
        as("QLS2", "supervisor").get("/api/v1/metrics/notifications").then().statusCode(200).body("", hasSize(0));
        // evaluating a settled plan again changes nothing and emits nothing
        as("QLS1", "supervisor").post(IMPROVEMENT + "/" + met + "/evaluation").then().statusCode(200)
                .body("status", equalTo("MET"));
        sleep(3000);
        as("QLA1", "agent").get("/api/v1/metrics/notifications").then().statusCode(200).body("", hasSize(1));
    }

    private static Map<String, Object> improvementPlan(String employeeId) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("employeeId", employeeId);
        plan.put("unitCode", "QLG");
        plan.put("startDate", "2026-09-07");
        plan.put("dueDate", "2026-10-04");
        plan.put("reason", "AHT 480 s in August");
        plan.put("goals", List.of(goal(2)));
        return plan;
    }

    private static Map<String, Object> goal(int consecutive) {
        return Map.of("metricCode", "aht", "comparison", "AT_MOST", "value", 420, "window", "WEEK",
                "consecutive", consecutive);
    }

    /** Waits (up to 60 s) until the person's notification feed holds exactly these titles, in any order. */
    private static void awaitFeed(String employeeId, String role, List<String> titles) {
        long until = System.currentTimeMillis() + 60_000;
        while (true) {
            List<String> feed = as(employeeId, role).get("/api/v1/metrics/notifications").then().statusCode(200)
                    .extract().jsonPath().getList("title");
            if (new java.util.TreeSet<>(feed).equals(new java.util.TreeSet<>(titles)) && feed.size() == titles.size()) {
                return;
            }
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("notifications of " + employeeId + " not as expected within 60 s: " + feed
                        + ", expected " + titles);
            }
            sleep(250);
        }
    }

    /**
     * The manager of the center above (QLM2) makes a plan for QLA4 of group QLE: 2026-09-07 to 2026-09-20, AHT at most
     * 420 s in 2 consecutive weeks; weekly AHT 450, 400 → MISSED. The consequence EXTENDED to 2026-10-04 opens it
     * again; with weeks 410 and 430 added (450, 400, 410, 430) weeks 2 and 3 hold: MET, 2026-09-14 to 2026-09-27.
     * QLA4 is told both; QLE's supervisor and QLD's manager are told of the miss.
     */
    @Test
    void aMissedPlanExtendedByTheManagerAboveIsMetLater() {
        as(null, "records-writer").body(List.of(
                        call("ql-ex-1", "QLA4", "2026-09-09T10:00:00+08:00", 450, 0, 0),
                        call("ql-ex-2", "QLA4", "2026-09-16T10:00:00+08:00", 400, 0, 0),
                        call("ql-ex-3", "QLA4", "2026-09-23T10:00:00+08:00", 410, 0, 0),
                        call("ql-ex-4", "QLA4", "2026-09-30T10:00:00+08:00", 430, 0, 0)))
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(4));
        Map<String, Object> input = improvementPlan("QLA4");
        input.put("unitCode", "QLE");
        input.put("dueDate", "2026-09-20");
        // the manager of the other center leads neither QLE nor a unit above it
        as("QLM1", "manager").body(input).post(IMPROVEMENT).then().statusCode(403);
        long id = as("QLM2", "manager").body(input).post(IMPROVEMENT).then().statusCode(201)
                .body("createdBy", equalTo("QLM2")).extract().jsonPath().getLong("id");
        String one = IMPROVEMENT + "/" + id;
        JsonPath plan = as("QLS4", "supervisor").post(one + "/evaluation").then().statusCode(200)
                .body("status", equalTo("MISSED")).body("consequenceDue", equalTo(true)).extract().jsonPath();
        assertEquals(List.of("450", "400"), decimals(plan, "evaluation.goals[0].windows.value"));
        // an extension must lie after the due date
        as("QLM2", "manager").body(Map.of("kind", "EXTENDED", "reason", "x", "extendedTo", "2026-09-20"))
                .post(one + "/consequence").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("extendedTo"));
        as("QLM2", "manager").body(Map.of("kind", "EXTENDED", "reason", "Two more weeks with a buddy",
                        "extendedTo", "2026-10-04"))
                .post(one + "/consequence").then().statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("dueDate", equalTo("2026-10-04")).body("consequenceDue", equalTo(false))
                .body("consequences[0].kind", equalTo("EXTENDED"))
                .body("consequences[0].previousDueDate", equalTo("2026-09-20"));
        plan = as("QLA4", "agent").post(one + "/evaluation").then().statusCode(200).body("status", equalTo("MET"))
                .body("evaluation.goals[0].metFrom", equalTo("2026-09-14"))
                .body("evaluation.goals[0].metTo", equalTo("2026-09-27")).extract().jsonPath();
        assertEquals(List.of("450", "400", "410", "430"), decimals(plan, "evaluation.goals[0].windows.value"));
        as("QLA4", "agent").get(one).then().statusCode(200).body("status", equalTo("MET"))
                .body("consequences", hasSize(1)).body("consequences[0].reason", equalTo("Two more weeks with a buddy"));

        String missed = "Improvement plan " + id + " of QLA4 was due on 2026-09-20 and missed: record its consequence";
        awaitFeed("QLA4", "agent", List.of("Your improvement plan " + id + " was due on 2026-09-20 and its goals did "
                + "not hold; your coach records what follows", "Your improvement plan " + id + " is met"));
        awaitFeed("QLS4", "supervisor", List.of(missed));
        awaitFeed("QLM2", "manager", List.of(missed));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // indicator review

    /**
     * Group QLR's October, one call, one survey and one QA evaluation per agent, template QLRSEAT: aht linear (300 s
     * full, 480 s zero), csat target-achievement (target 4.5), qa linear (80 full, 50 zero).
     * <pre>
     *        aht   points   csat  points              qa  points
     * QLR1   300   100      5     100 (capped)        85  100
     * QLR2   360   66.67    5     100                 90  100
     * QLR3   420   33.33    4     4 / 4.5 = 88.89     95  100
     * QLR4   480   0        4     88.89               80  100
     * </pre>
     * aht values: Q1 300 + 0.75 × 60 = 345, median 390, Q3 435, mean 390, σ √((8100 + 900 + 900 + 8100) / 4) =
     * √4500 = 67.0820; points 0, 33.33, 66.67, 100: Q1 24.9975, median 50, Q3 75.0025, σ 37.2685; at full marks 1 of
     * 4 = 25 % (far below the 80 % aim), at zero 25 %. r(aht, csat): Σdxdy = −90·0.5 − 30·0.5 − 30·0.5 − 90·0.5 = −120,
     * Σdx² 18000, Σdy² 1 → −120 / √18000 = −0.8944. csat: 2 of 4 meet 4.5 → 50 %; values 4, 4, 5, 5: Q1 4,
     * median 4.5, Q3 5. qa: every agent at 80 or more → all at full marks: ceiling 100 %, flagged; far above the aim.
     */
    @Test
    void theIndicatorReviewOfAPublishedRunWithItsCsv() {
        int[] aht = {300, 360, 420, 480};
        int[] csat = {5, 5, 4, 4};
        int[] qa = {85, 90, 95, 80};
        List<Map<String, Object>> calls = new ArrayList<>();
        List<Map<String, Object>> surveys = new ArrayList<>();
        List<Map<String, Object>> evaluations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String agent = "QLR" + (i + 1);
            calls.add(call("ql-r-" + agent, agent, "2026-10-14T10:00:00+08:00", aht[i], 0, 0));
            surveys.add(Map.of("sourceSystem", "survey", "externalId", "ql-sv-" + agent, "employeeId", agent,
                    "answeredAt", "2026-10-14T12:00:00+08:00", "csat", csat[i], "solicited", true));
            evaluations.add(Map.of("sourceSystem", "qa-tool", "externalId", "ql-qa-" + agent, "employeeId", agent,
                    "evaluatorId", "QLQ1", "evaluatedOn", "2026-10-15", "score", qa[i]));
        }
        as(null, "records-writer").body(calls).post("/api/v1/metrics/records/calls").then().statusCode(200)
                .body("accepted", equalTo(4));
        as(null, "records-writer").body(surveys).post("/api/v1/metrics/records/surveys").then().statusCode(200)
                .body("accepted", equalTo(4));
        as(null, "records-writer").body(evaluations).post(EVALUATIONS).then().statusCode(200)
                .body("accepted", equalTo(4));
        as("QLH1", "hr").body(Map.of("code", "QLRSEAT", "name", "Quality loop seat", "position", "seat",
                        "items", List.of(
                                scoredItem("aht", "AHT", "aht", 40, Map.of("type", "linear", "full", 300, "zero", 480,
                                        "unit", "s")),
                                scoredItem("csat", "CSAT", "csat", 40, Map.of("type", "target-achievement",
                                        "target", 4.5)),
                                scoredItem("qa", "QA", "qa_score", 20, Map.of("type", "linear", "full", 80,
                                        "zero", 50))),
                        "gradeBands", List.of(Map.of("grade", "excellent", "minScore", 90),
                                Map.of("grade", "good", "minScore", 80), Map.of("grade", "fail", "minScore", 0))))
                .post("/api/v1/scoring/templates").then().statusCode(201);
        long run = as("QLH1", "hr").body(Map.of("templateCode", "QLRSEAT", "unitCode", "QLR", "period", "2026-10"))
                .post("/api/v1/scoring/runs").then().statusCode(201).body("scorecards", hasSize(4))
                .extract().jsonPath().getLong("id");
        // a run not yet published has no review
        as("QLS3", "supervisor").queryParam("unit", "QLR").queryParam("period", "2026-10").get(REVIEWS).then()
                .statusCode(404).contentType("application/problem+json");
        as("QLH1", "hr").post("/api/v1/scoring/runs/" + run + "/publish").then().statusCode(200);

        JsonPath review = as("QLS3", "supervisor").queryParam("unit", "QLR").queryParam("period", "2026-10")
                .get(REVIEWS).then().statusCode(200).body("templateCode", equalTo("QLRSEAT"))
                .body("runId", equalTo((int) run)).body("runStatus", equalTo("PUBLISHED"))
                .body("scorecards", equalTo(4)).extract().jsonPath();
        assertEquals(List.of("aht", "csat", "qa"), review.getList("items.itemCode"));
        assertEquals(4, review.getInt("items[0].scored"));
        assertEquals(List.of("300", "345", "390", "435", "480", "390", "67.082"), summary(review, "items[0].values"));
        assertEquals(List.of("0", "24.9975", "50", "75.0025", "100", "50", "37.2685"),
                summary(review, "items[0].points"));
        assertEquals("FULL_MARKS", review.getString("items[0].target.basis"));
        assertEquals(1, review.getInt("items[0].target.meeting"));
        assertEquals("25", decimal(review, "items[0].target.share"));
        assertEquals("FAR_BELOW", review.getString("items[0].target.aim"));
        assertEquals("25", decimal(review, "items[0].ceiling.share"));
        assertEquals("25", decimal(review, "items[0].floor.share"));
        assertEquals(false, review.getBoolean("items[0].ceiling.flagged"));
        assertEquals("-0.8944", decimal(review, "items[0].csat.r"));
        assertEquals(4, review.getInt("items[0].csat.pairs"));

        assertEquals("TARGET", review.getString("items[1].target.basis"));
        assertEquals(2, review.getInt("items[1].target.meeting"));
        assertEquals("50", decimal(review, "items[1].target.share"));
        assertEquals("FAR_BELOW", review.getString("items[1].target.aim"));
        assertEquals(List.of("4", "4", "4.5", "5", "5", "4.5", "0.5"), summary(review, "items[1].values"));
        assertEquals("50", decimal(review, "items[1].ceiling.share"));

        assertEquals(4, review.getInt("items[2].ceiling.count"));
        assertEquals("100", decimal(review, "items[2].ceiling.share"));
        assertEquals(true, review.getBoolean("items[2].ceiling.flagged"));
        assertEquals("100", decimal(review, "items[2].target.share"));
        assertEquals("FAR_ABOVE", review.getString("items[2].target.aim"));
        assertEquals("0", decimal(review, "items[2].points.stdDev"));

        String csv = as("QLH1", "hr").queryParam("unit", "QLR").queryParam("period", "2026-10")
                .get(REVIEWS + "/export").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"indicator-review-QLR-2026-10.csv\""))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(4, lines.length, csv);
        assertTrue(lines[0].startsWith("unitCode,period,templateCode,templateVersion,runId,itemCode,itemName,"),
                lines[0]);
        assertTrue(lines[1].startsWith("QLR,2026-10,QLRSEAT,1," + run + ",aht,AHT,aht,linear,4,0,300,345,390,435,"
                + "480,390,67.082,0,24.9975,50,75.0025,100,50,37.2685,FULL_MARKS,"), lines[1]);
        assertTrue(lines[1].endsWith(",1,25,FAR_BELOW,1,25,false,1,25,false,-0.8944,4,"), lines[1]);
        assertTrue(lines[3].startsWith("QLR,2026-10,QLRSEAT,1," + run + ",qa,QA,qa_score,linear,4,0,"), lines[3]);
        assertTrue(lines[3].contains(",4,100,true,"), lines[3]);

        // scope and roles: another unit's supervisor reads it as an unknown unit; agents and qa do not review
        as("QLS2", "supervisor").queryParam("unit", "QLR").queryParam("period", "2026-10").get(REVIEWS).then()
                .statusCode(404).body("detail", equalTo("Unit QLR does not exist"));
        as("QLS2", "supervisor").queryParam("unit", "QLR").queryParam("period", "2026-10").get(REVIEWS + "/export")
                .then().statusCode(404);
        as("QLR1", "agent").queryParam("unit", "QLR").queryParam("period", "2026-10").get(REVIEWS).then()
                .statusCode(403).contentType("application/problem+json");
        as("QLQ1", "qa").queryParam("unit", "QLR").queryParam("period", "2026-10").get(REVIEWS).then()
                .statusCode(403);
        as("QLS3", "supervisor").queryParam("unit", "QLR").queryParam("period", "2026-13").get(REVIEWS).then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("period"));
        as("QLS3", "supervisor").queryParam("period", "2026-10").get(REVIEWS).then().statusCode(400)
                .body("field", equalTo("unit"));
    }

    private static Map<String, Object> scoredItem(String code, String name, String metric, int weight,
                                                  Map<String, Object> rule) {
        return Map.of("code", code, "name", name, "category", "customer", "metricCode", metric, "weight", weight,
                "rule", rule);
    }

    private static List<String> summary(JsonPath review, String path) {
        List<String> out = new ArrayList<>();
        for (String part : List.of("min", "q1", "median", "q3", "max", "mean", "stdDev")) {
            out.add(decimal(review, path + "." + part));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    private static Map<String, Object> agent(String id, String unit) {
        return Map.of("employeeId", id, "name", "Agent " + id, "position", "seat", "hireDate", "2024-01-01",
                "unitCode", unit, "memberFrom", "2026-01-01");
    }

    private static Map<String, Object> call(String id, String agent, String startedAt, int talk, int hold, int wrap) {
        return Map.of("sourceSystem", "acd", "externalId", id, "employeeId", agent, "startedAt", startedAt,
                "talkSeconds", talk, "holdSeconds", hold, "wrapSeconds", wrap);
    }

    private static Map<String, Object> evaluation(String id, String agent, String day, Map<String, Object> items) {
        Map<String, Object> row = new HashMap<>(Map.of("sourceSystem", "qa-tool", "externalId", id,
                "employeeId", agent, "evaluatorId", "QLQ1", "evaluatedOn", day, "formCode", "QLFORM",
                "formVersion", 1));
        row.put("items", items);
        return row;
    }

    private static Map<String, Object> answers(Object greeting, Object info, Object risk, Object forbidden) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("greeting", greeting);
        a.put("info_accuracy", info);
        a.put("risk_disclosure", risk);
        a.put("no_forbidden_phrase", forbidden);
        return a;
    }

    private static Map<String, Object> itemRate(String code, String item) {
        Map<String, Object> passed = Map.of("record", "qa-items", "function", "COUNT", "where", List.of(
                Map.of("field", "itemCode", "op", "EQ", "value", item), Map.of("field", "passed", "op", "IS_TRUE")));
        Map<String, Object> answered = Map.of("record", "qa-items", "function", "COUNT", "where", List.of(
                Map.of("field", "itemCode", "op", "EQ", "value", item),
                Map.of("field", "notApplicable", "op", "IS_FALSE")));
        return Map.of("code", code, "nameZh", "问候语合规率", "nameEn", "Greeting compliance", "unit", "percent",
                "direction", "HIGHER_BETTER", "aggregation", "RATIO", "category", "internal-operations",
                "source", "qa", "derivation", Map.of("numerator", passed, "denominator", answered, "scale", 100));
    }

    /** A JSON number as written, without trailing zeros (JSON numbers arrive as Integer, Float or Double). */
    private static String decimal(JsonPath json, String path) {
        Object value = json.get(path);
        if (value == null) {
            throw new AssertionError(path + " is null in " + json.prettify());
        }
        BigDecimal d = new BigDecimal(value.toString()).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** A JSON number with the given decimals (as the service rounds them; here only the representation is fixed). */
    private static String decimal(JsonPath json, String path, int scale) {
        Object value = json.get(path);
        if (value == null) {
            throw new AssertionError(path + " is null in " + json.prettify());
        }
        return new BigDecimal(value.toString()).setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static List<String> decimals(JsonPath json, String path) {
        List<String> out = new ArrayList<>();
        for (Object value : json.getList(path)) {
            BigDecimal d = new BigDecimal(value.toString()).stripTrailingZeros();
            out.add(d.signum() == 0 ? "0" : d.toPlainString());
        }
        return out;
    }

    private static List<String> decimals(JsonPath json, String path, int scale) {
        List<String> out = new ArrayList<>();
        for (Object value : json.getList(path)) {
            out.add(new BigDecimal(value.toString()).setScale(scale, java.math.RoundingMode.UNNECESSARY)
                    .toPlainString());
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
