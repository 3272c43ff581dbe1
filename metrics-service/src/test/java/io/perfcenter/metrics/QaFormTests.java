package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * QA forms (issue 13): versions and retirement, evaluations checked and scored by their form with hand-computed
 * figures (a critical item that zeroes, one that caps, an n/a item, a repeating decimal), bad evaluations refused row
 * by row naming the field, per-item metrics derived from the catalog, roles and scope.
 *
 * <p>Form QFORM v1: opening — greeting SCALE 0..2 weight 10; needs_confirmation SCALE 0..4 passMark 3 weight 20;
 * compliance — info_accuracy YES_NO weight 30; emotion_control SCALE 0..3 weight 20, n/a allowed; risk_disclosure
 * YES_NO weight 20, n/a allowed, critical ZERO; no_forbidden_phrase YES_NO weight 0, critical CAP at 60.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class QaFormTests {

    private static boolean seeded;

    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(List.of(Map.of("code", "QFC", "name", "QA center", "kind", "CENTER"),
                        Map.of("code", "QFG", "name", "QA group 1", "kind", "GROUP", "parentCode", "QFC",
                                "leaderEmployeeId", "QS1"),
                        Map.of("code", "QFH", "name", "QA group 2", "kind", "GROUP", "parentCode", "QFC",
                                "leaderEmployeeId", "QS2")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(3));
        hr().body(List.of(agent("QF1", "QFG"), agent("QF2", "QFG"), agent("QF3", "QFH")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(3));
        as("Q1", "qa").body(form("QFORM", "Inbound call quality")).post("/api/v1/metrics/qa/forms").then()
                .statusCode(201).header("ETag", "\"1\"").body("version", equalTo(1))
                .body("sections[1].items[3].critical", equalTo("CAP"));
    }

    private static Map<String, Object> agent(String id, String unit) {
        return Map.of("employeeId", id, "name", id, "position", "seat", "unitCode", unit, "memberFrom", "2026-01-01");
    }

    static Map<String, Object> form(String code, String name) {
        return Map.of("code", code, "name", name, "sections", List.of(
                Map.of("code", "opening", "name", "Opening", "items", List.of(
                        Map.of("code", "greeting", "name", "Greeting", "weight", 10, "answer", "SCALE", "scaleMax", 2),
                        Map.of("code", "needs_confirmation", "name", "Needs confirmed", "weight", 20,
                                "answer", "SCALE", "scaleMax", 4, "passMark", 3))),
                Map.of("code", "compliance", "name", "Compliance", "items", List.of(
                        Map.of("code", "info_accuracy", "name", "Information accurate", "weight", 30,
                                "answer", "YES_NO"),
                        Map.of("code", "emotion_control", "name", "Emotion control", "weight", 20,
                                "answer", "SCALE", "scaleMax", 3, "allowNotApplicable", true),
                        Map.of("code", "risk_disclosure", "name", "Risk disclosed", "weight", 20,
                                "answer", "YES_NO", "allowNotApplicable", true, "critical", "ZERO"),
                        Map.of("code", "no_forbidden_phrase", "name", "No forbidden phrase", "weight", 0,
                                "answer", "YES_NO", "critical", "CAP", "capAt", 60)))));
    }

    private static Map<String, Object> evaluation(String id, String agent, String day, Object items) {
        Map<String, Object> row = new HashMap<>(Map.of("sourceSystem", "qa-tool", "externalId", id,
                "employeeId", agent, "evaluatorId", "Q1", "evaluatedOn", day, "formCode", "QFORM", "formVersion", 1));
        row.put("items", items);
        return row;
    }

    private static Map<String, Object> answers(Object greeting, Object needs, Object info, Object emotion, Object risk,
                                               Object forbidden) {
        Map<String, Object> a = new HashMap<>();
        a.put("greeting", greeting);
        a.put("needs_confirmation", needs);
        a.put("info_accuracy", info);
        a.put("emotion_control", emotion);
        a.put("risk_disclosure", risk);
        a.put("no_forbidden_phrase", forbidden);
        return a;
    }

    private static JsonPath evaluations(String employeeId, String period) {
        return hr().queryParam("employeeId", employeeId).queryParam("period", period)
                .get("/api/v1/metrics/qa/evaluations").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theFormScoresEvaluationsWithCriticalItemsAndPerItemMetricsFollow() {
        hr().body(List.of(
                        // A: 10 + 20·3/4 + 30 + (n/a) + 20 + 0 = 75 of weights 80 → 93.75
                        evaluation("qf-a", "QF1", "2026-10-05", answers(2, 3, "yes", "n/a", "yes", "yes")),
                        // B: 5 + 20 + 30 + 20 + 0 + 0 = 75 of 100, but risk_disclosure (critical ZERO) failed → 0.00
                        evaluation("qf-b", "QF1", "2026-10-06", answers(1, 4, true, 3, "no", "yes")),
                        // C, as an array: 10 + 20 + 30 + 20 + (n/a) + 0 = 80 of 80 → 100, forbidden phrase → cap 60.00
                        evaluation("qf-c", "QF1", "2026-10-07", List.of(Map.of("code", "greeting", "value", 2),
                                Map.of("code", "needs_confirmation", "value", 4),
                                Map.of("code", "info_accuracy", "value", "yes"),
                                Map.of("code", "emotion_control", "value", 3),
                                Map.of("code", "risk_disclosure", "value", "N/A"),
                                Map.of("code", "no_forbidden_phrase", "value", "no"))),
                        // D: 10 + 20 + 30 + 20·1/3 + 20 + 0 = 86.666… of 100 → 86.67 (half-up, 2 decimals)
                        evaluation("qf-d", "QF1", "2026-10-08", answers(2, 4, "yes", 1, "yes", "yes"))))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200)
                .body("accepted", equalTo(4)).body("rejected", equalTo(0));
        // an evaluation without a form: as before, its own score and free items, kept as sent
        hr().body(List.of(Map.of("sourceSystem", "qa-tool", "externalId", "qf-free", "employeeId", "QF1",
                        "evaluatorId", "Q1", "evaluatedOn", "2026-10-09", "score", 80,
                        "items", Map.of("risk_disclosure", "n/a", "anything", List.of(1, 2)))))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("accepted", equalTo(1));

        JsonPath list = evaluations("QF1", "2026-10");
        assertEquals(List.of("qf-a", "qf-b", "qf-c", "qf-d", "qf-free"), list.getList("externalId"));
        assertEquals(93.75f, list.getFloat("[0].score"));
        assertEquals(0f, list.getFloat("[1].score"));
        assertEquals("risk_disclosure", list.getString("[1].criticalItem"));
        assertEquals("greeting 1/2: 5 of 10 (failed); needs_confirmation 4/4: 20 of 20; info_accuracy yes: 30 of 30; "
                        + "emotion_control 3/3: 20 of 20; risk_disclosure no: 0 of 20 (failed, critical); "
                        + "no_forbidden_phrase yes: 0 of 0 → zeroed by critical item risk_disclosure: 0.00",
                list.getString("[1].explanation"));
        assertEquals(60f, list.getFloat("[2].score"));
        assertEquals("no_forbidden_phrase", list.getString("[2].criticalItem"));
        assertEquals(true, list.getString("[2].explanation").endsWith(
                "→ capped at 60 by critical item no_forbidden_phrase: 60.00"));
        assertEquals(true, list.getBoolean("[2].itemResults[4].notApplicable"));
        assertEquals(86.67f, list.getFloat("[3].score"));
        assertEquals("6.6667", list.getString("[3].itemResults[3].points"));
        org.junit.jupiter.api.Assertions.assertNull(list.get("[0].criticalItem"));
        org.junit.jupiter.api.Assertions.assertNull(list.get("[4].formCode"));
        assertEquals(80f, list.getFloat("[4].score"));
        assertEquals("n/a", list.getString("[4].items.risk_disclosure"));

        // per-item metrics, derived from record kind qa-items like any other metric
        hr().body(itemRate("greeting_compliance_rate", "greeting")).post("/api/v1/metrics/catalog").then()
                .statusCode(201);
        hr().body(itemRate("risk_disclosure_rate", "risk_disclosure")).post("/api/v1/metrics/catalog").then()
                .statusCode(201);
        hr().queryParam("employeeId", "QF1").queryParam("period", "2026-10")
                .queryParam("metric", "greeting_compliance_rate").queryParam("metric", "risk_disclosure_rate")
                .queryParam("metric", "qa_score").queryParam("metric", "qa_critical_failures")
                .queryParam("metric", "qa_item_pass_rate")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                // greeting passed in A, C, D of 4 → 75
                .body("agents[0].values.greeting_compliance_rate.value", equalTo(75))
                .body("agents[0].values.greeting_compliance_rate.samples", equalTo(4))
                // risk disclosed in A and D; B failed; C n/a (left out) → 2 / 3
                .body("agents[0].values.risk_disclosure_rate.value", equalTo(66.6667f))
                .body("agents[0].values.risk_disclosure_rate.samples", equalTo(3))
                // the form's scores feed qa_score: (93.75 + 0 + 60 + 86.67 + 80) / 5
                .body("agents[0].values.qa_score.value", equalTo(64.084f))
                .body("agents[0].values.qa_critical_failures.value", equalTo(2))
                // items passed / items answered: A 5/5, B 4/6, C 4/5, D 5/6 → 18 / 22
                .body("agents[0].values.qa_item_pass_rate.value", equalTo(81.8182f));

        // a newer revision replaces the item results: D re-sent with greeting 1 → greeting passes in A and C only
        Map<String, Object> revised = evaluation("qf-d", "QF1", "2026-10-08", answers(1, 4, "yes", 1, "yes", "yes"));
        revised.put("revision", 2);
        hr().body(List.of(revised)).post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200)
                .body("accepted", equalTo(1));
        hr().queryParam("employeeId", "QF1").queryParam("period", "2026-10")
                .queryParam("metric", "greeting_compliance_rate")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.greeting_compliance_rate.value", equalTo(50))
                .body("agents[0].values.greeting_compliance_rate.samples", equalTo(4));
    }

    private static Map<String, Object> itemRate(String code, String item) {
        Map<String, Object> passed = Map.of("record", "qa-items", "function", "COUNT", "where", List.of(
                Map.of("field", "itemCode", "op", "EQ", "value", item), Map.of("field", "passed", "op", "IS_TRUE")));
        Map<String, Object> answered = Map.of("record", "qa-items", "function", "COUNT", "where", List.of(
                Map.of("field", "itemCode", "op", "EQ", "value", item),
                Map.of("field", "notApplicable", "op", "IS_FALSE")));
        return Map.of("code", code, "nameZh", "合规率", "nameEn", "Compliance " + item, "unit", "percent",
                "direction", "HIGHER_BETTER", "aggregation", "RATIO", "category", "internal-operations",
                "source", "qa", "derivation", Map.of("numerator", passed, "denominator", answered, "scale", 100));
    }

    @Test
    void badEvaluationsAreRefusedRowByRowNamingTheField() {
        Map<String, Object> unknownItem = answers(2, 3, "yes", 2, "yes", "yes");
        unknownItem.put("smile", "yes");
        Map<String, Object> mismatch = evaluation("qb-6", "QF2", "2026-10-05", answers(2, 4, "yes", 3, "yes", "yes"));
        mismatch.put("score", 90);
        Map<String, Object> missing = answers(2, 3, "yes", 2, "yes", "yes");
        missing.remove("needs_confirmation");
        Map<String, Object> wrongVersion = evaluation("qb-4", "QF2", "2026-10-05", answers(2, 3, "yes", 2, "yes", "yes"));
        wrongVersion.put("formVersion", 9);
        hr().body(List.of(
                        evaluation("qb-1", "QF2", "2026-10-05", unknownItem),
                        evaluation("qb-2", "QF2", "2026-10-05", answers(3, 3, "yes", 2, "yes", "yes")),
                        evaluation("qb-3", "QF2", "2026-10-05", answers(2, 3, "n/a", 2, "yes", "yes")),
                        wrongVersion,
                        evaluation("qb-5", "QF2", "2026-10-05", answers(2, 3, "yes", 2, "yes", "yes")),
                        mismatch,
                        evaluation("qb-7", "QF2", "2026-10-05", missing),
                        evaluation("qb-8", "QF2", "2026-10-05", answers(2, 3, "maybe", 2, "yes", "yes"))))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(7))
                .body("errors.row", equalTo(List.of(1, 2, 3, 4, 6, 7, 8)))
                .body("errors.field", equalTo(List.of("items.smile", "items.greeting", "items.info_accuracy",
                        "formVersion", "score", "items.needs_confirmation", "items.info_accuracy")))
                .body("errors[0].reason", equalTo("form QFORM v1 has no item smile"))
                .body("errors[1].reason", equalTo("must be a whole number from 0 to 2, not 3"))
                .body("errors[2].reason", equalTo("n/a is not allowed for this item of form QFORM v1"))
                .body("errors[4].reason", equalTo("QA form QFORM v1 scores this evaluation 100.00; leave score out "
                        + "or send that"));
        // only the good row is stored (2 of 2: 10 + 20·3/4 + 30 + 20·2/3 + 20 + 0 = 88.333… → 88.33)
        JsonPath list = evaluations("QF2", "2026-10");
        assertEquals(List.of("qb-5"), list.getList("externalId"));
        assertEquals(88.33f, list.getFloat("[0].score"));
        // without a form and without a score; a version without a form
        hr().body(List.of(Map.of("sourceSystem", "qa-tool", "externalId", "qb-9", "employeeId", "QF2",
                                "evaluatorId", "Q1", "evaluatedOn", "2026-10-05"),
                        Map.of("sourceSystem", "qa-tool", "externalId", "qb-10", "employeeId", "QF2",
                                "evaluatorId", "Q1", "evaluatedOn", "2026-10-05", "score", 50, "formVersion", 1),
                        Map.of("sourceSystem", "qa-tool", "externalId", "qb-11", "employeeId", "QF2",
                                "evaluatorId", "Q1", "evaluatedOn", "2026-10-05", "formCode", "NOFORM",
                                "formVersion", 1, "items", Map.of())))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200)
                .body("rejected", equalTo(3)).body("errors.field", equalTo(List.of("score", "formCode", "formCode")))
                .body("errors[2].reason", equalTo("no QA form NOFORM is defined"));
    }

    @Test
    void formsAreVersionedAndRetiredLikeTemplates() {
        as("H1", "hr").body(form("QVER", "Versioned")).post("/api/v1/metrics/qa/forms").then().statusCode(201)
                .header("ETag", "\"1\"");
        // the next version, only while version 1 is the latest
        as("H1", "hr").header("If-Match", "\"1\"").body(form("QVER", "Versioned, v2"))
                .post("/api/v1/metrics/qa/forms").then().statusCode(201).header("ETag", "\"2\"")
                .header("Location", containsString("/api/v1/metrics/qa/forms/QVER/versions/2"));
        as("H1", "hr").header("If-Match", "\"1\"").body(form("QVER", "Versioned, v3"))
                .post("/api/v1/metrics/qa/forms").then().statusCode(412)
                .contentType("application/problem+json").header("ETag", "\"2\"");
        as("E1", "agent").get("/api/v1/metrics/qa/forms/QVER").then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("Versioned, v2"));
        as("E1", "agent").get("/api/v1/metrics/qa/forms/QVER/versions/1").then().statusCode(200)
                .body("name", equalTo("Versioned"));
        as("E1", "agent").get("/api/v1/metrics/qa/forms/QVER/versions/7").then().statusCode(404);
        // retire: kept, out of the default list, not defined again, scores no new evaluation
        as("Q1", "qa").post("/api/v1/metrics/qa/forms/QVER/retire").then().statusCode(200)
                .header("ETag", "\"2-retired\"").body("retiredBy", equalTo("Q1"));
        as("Q1", "qa").post("/api/v1/metrics/qa/forms/QVER/retire").then().statusCode(200)
                .header("ETag", "\"2-retired\"");
        List<String> inUse = hr().get("/api/v1/metrics/qa/forms").then().statusCode(200).extract().path("code");
        assertEquals(false, inUse.contains("QVER"));
        List<String> all = hr().queryParam("includeRetired", true).get("/api/v1/metrics/qa/forms").then()
                .statusCode(200).extract().path("code");
        assertEquals(true, all.contains("QVER"));
        hr().get("/api/v1/metrics/qa/forms/QVER/versions/1").then().statusCode(200)
                .body("retiredAt", org.hamcrest.Matchers.notNullValue());
        hr().body(form("QVER", "Again")).post("/api/v1/metrics/qa/forms").then().statusCode(409);
        Map<String, Object> late = evaluation("qv-1", "QF3", "2026-10-05", answers(2, 3, "yes", 2, "yes", "yes"));
        late.put("formCode", "QVER");
        hr().body(List.of(late)).post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200)
                .body("rejected", equalTo(1)).body("errors[0].field", equalTo("formCode"))
                .body("errors[0].reason", containsString("was retired"));
    }

    @Test
    void aFormThatCannotScoreIsRefusedNamingTheField() {
        Map<String, Object> bad = new HashMap<>(form("QBAD", "Bad"));
        bad.put("sections", List.of(Map.of("code", "s", "name", "S", "items", List.of(
                Map.of("code", "a", "name", "A", "weight", 10, "answer", "YES_NO"),
                Map.of("code", "b", "name", "B", "weight", 10, "answer", "SCALE")))));
        hr().body(bad).post("/api/v1/metrics/qa/forms").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("sections[0].items[1].scaleMax"));
        bad.put("sections", List.of(Map.of("code", "s", "name", "S", "items", List.of(
                Map.of("code", "a", "name", "A", "weight", 10, "answer", "SCALE", "scaleMax", 3, "passMark", 4)))));
        hr().body(bad).post("/api/v1/metrics/qa/forms").then().statusCode(400)
                .body("field", equalTo("sections[0].items[0].passMark"));
        bad.put("sections", List.of(Map.of("code", "s", "name", "S", "items", List.of(
                Map.of("code", "a", "name", "A", "weight", 10, "answer", "YES_NO", "critical", "CAP")))));
        hr().body(bad).post("/api/v1/metrics/qa/forms").then().statusCode(400)
                .body("field", equalTo("sections[0].items[0].capAt"));
        bad.put("sections", List.of(Map.of("code", "s", "name", "S", "items", List.of(
                Map.of("code", "a", "name", "A", "weight", 10, "answer", "YES_NO"),
                Map.of("code", "a", "name", "A again", "weight", 10, "answer", "YES_NO")))));
        hr().body(bad).post("/api/v1/metrics/qa/forms").then().statusCode(400)
                .body("field", equalTo("sections[0].items[1].code"));
        bad.put("sections", List.of(Map.of("code", "s", "name", "S", "items", List.of(
                Map.of("code", "a", "name", "A", "weight", 10, "answer", "MAYBE")))));
        hr().body(bad).post("/api/v1/metrics/qa/forms").then().statusCode(400)
                .contentType("application/problem+json");
        hr().body(Map.of("code", "bad code!", "name", "x", "sections", List.of())).post("/api/v1/metrics/qa/forms")
                .then().statusCode(400).body("field", equalTo("code"));
        hr().get("/api/v1/metrics/qa/forms/QBAD").then().statusCode(404);
        // a derivation compares a code field only with a code
        Map<String, Object> metric = new HashMap<>(itemRate("bad_item_rate", "greeting"));
        metric.put("derivation", Map.of("numerator", Map.of("record", "qa-items", "function", "COUNT", "where",
                List.of(Map.of("field", "itemCode", "op", "EQ", "value", "x' OR 1=1 --")))));
        metric.put("aggregation", "SUM");
        hr().body(metric).post("/api/v1/metrics/catalog").then().statusCode(400)
                .body("field", equalTo("derivation.numerator.where[0].value"));
    }

    @Test
    void rolesAndScope() {
        for (String role : List.of("agent", "supervisor", "manager", "records-writer")) {
            as("X1", role).body(form("QROLE", "Roles")).post("/api/v1/metrics/qa/forms").then().statusCode(403)
                    .contentType("application/problem+json");
            as("X1", role).post("/api/v1/metrics/qa/forms/QFORM/retire").then().statusCode(403);
        }
        as(null, "records-writer").get("/api/v1/metrics/qa/forms/QFORM").then().statusCode(200);
        as(null, "org-sync").get("/api/v1/metrics/qa/forms").then().statusCode(403);
        as("Q1", "qa").body(form("QROLE", "Roles")).post("/api/v1/metrics/qa/forms").then().statusCode(201);
        hr().body(List.of(evaluation("qs-1", "QF3", "2026-11-03", answers(2, 3, "yes", 2, "yes", "yes"))))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("accepted", equalTo(1));
        // the agent reads their own, another agent gets 404 as for an unknown agent
        as("QF3", "agent").queryParam("employeeId", "QF3").queryParam("period", "2026-11")
                .get("/api/v1/metrics/qa/evaluations").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].score", equalTo(88.33f));
        as("QF1", "agent").queryParam("employeeId", "QF3").queryParam("period", "2026-11")
                .get("/api/v1/metrics/qa/evaluations").then().statusCode(404)
                .body("detail", equalTo("Agent QF3 does not exist"));
        // QF3's supervisor reads them, the other group's supervisor does not; QA specialists read every agent's
        as("QS2", "supervisor").queryParam("employeeId", "QF3").queryParam("period", "2026-11")
                .get("/api/v1/metrics/qa/evaluations").then().statusCode(200).body("size()", equalTo(1));
        as("QS1", "supervisor").queryParam("employeeId", "QF3").queryParam("period", "2026-11")
                .get("/api/v1/metrics/qa/evaluations").then().statusCode(404);
        as("Q9", "qa").queryParam("employeeId", "QF3").queryParam("period", "2026-11")
                .get("/api/v1/metrics/qa/evaluations").then().statusCode(200).body("size()", equalTo(1));
        as(null, "service").queryParam("employeeId", "QF3").queryParam("period", "2026-11")
                .get("/api/v1/metrics/qa/evaluations").then().statusCode(403);
        hr().queryParam("period", "2026-11").get("/api/v1/metrics/qa/evaluations").then().statusCode(400)
                .body("field", equalTo("employeeId"));
        hr().queryParam("employeeId", "NOBODY").queryParam("period", "2026-11")
                .get("/api/v1/metrics/qa/evaluations").then().statusCode(404);
        hr().queryParam("employeeId", "QF3").get("/api/v1/metrics/qa/evaluations").then().statusCode(400)
                .body("field", equalTo("from"));
        // a QA specialist's own upload naming a form: checked the same way
        as("Q1", "qa").body(List.of(evaluation("qs-2", "QF3", "2026-11-04", answers(2, 3, "yes", 9, "yes", "yes"))))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200)
                .body("rejected", equalTo(1)).body("errors[0].field", equalTo("items.emotion_control"))
                .body("errors[0].row", equalTo(1));
        org.junit.jupiter.api.Assertions.assertNull(hr().queryParam("employeeId", "QF3").queryParam("period", "2026-11-04")
                .get("/api/v1/metrics/qa/evaluations").then().statusCode(200).extract().path("[0]"));
    }
}
