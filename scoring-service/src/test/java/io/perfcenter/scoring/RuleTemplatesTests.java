package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.agent;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.stubOctober;
import static io.perfcenter.scoring.ScoringApi.template;
import static io.perfcenter.scoring.ScoringApi.with;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every rule type of docs/domain.md §3 defined by HR as configuration and computed in a run: seed 004's additive scheme
 * (volume points + error points + QA deductions + per-incident deductions), expressions, minimum samples with each
 * insufficient-data policy, and the problems naming the offending field.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class RuleTemplatesTests {

    @MetricsServiceMock.Server
    WireMockServer metrics;

    static Map<String, Object> seed004(String code) {
        Map<String, Object> t = template(code, List.of(
                item("volume", "calls_handled", null, Map.of("type", "tiered-rate", "unit", "calls", "tiers", List.of(
                        Map.of("upTo", 2000, "rate", 0.4), Map.of("upTo", 2300, "rate", 0.5),
                        Map.of("upTo", 2500, "rate", 0.55), Map.of("upTo", 2800, "rate", 0.6),
                        Map.of("upTo", 3000, "rate", 0.65), Map.of("rate", 0.7)))),
                item("errors", "error_count", 30, Map.of("type", "lookup-table", "unit", "errors", "table", List.of(
                        Map.of("upTo", 3, "points", 30), Map.of("upTo", 4, "points", 28),
                        Map.of("upTo", 5, "points", 27.5), Map.of("upTo", 6, "points", 26.4),
                        Map.of("upTo", 7, "points", 25.8), Map.of("upTo", 8, "points", 25.2),
                        Map.of("upTo", 9, "points", 23.7), Map.of("upTo", 10, "points", 23), Map.of("points", 0)))),
                item("qa", "qa_score", 30, Map.of("type", "banded-deduction", "max", 30, "unit", "QA points",
                        "bands", List.of(Map.of("atLeast", 99, "deduct", 0), Map.of("atLeast", 95, "deduct", 3),
                                Map.of("atLeast", 90, "deduct", 6)))),
                item("courier", "courier_violations", 10, Map.of("type", "per-incident", "max", 10,
                        "perIncident", 0.5, "unit", "violations"))));
        t.put("scoring", "ADDITIVE");
        t.put("gradeBands", List.of(Map.of("grade", "excellent", "minScore", 1300), Map.of("grade", "good",
                "minScore", 1000), Map.of("grade", "pass", "minScore", 0)));
        return t;
    }

    @Test
    void seed004AdditiveSchemeAddsThePointsOfEveryRuleType() {
        hr().body(seed004("SEED-004")).post(TEMPLATES).then().statusCode(201)
                .body("scoring", equalTo("ADDITIVE")).body("items[1].rule.table[2].points", equalTo(27.5f))
                .body("items[0].weight", org.hamcrest.Matchers.nullValue());
        stubOctober(metrics, "R004", agent("A1", "calls_handled", 2412, 22, "error_count", 5, 22, "qa_score", 96, 4,
                "courier_violations", 3, 22));
        JsonPath run = hr().body(run("SEED-004", "R004", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath();
        String a1 = "scorecards[0]";
        // 1,326.6 + 27.5 + 27 + 8.5
        assertEquals(1389.6f, run.getFloat(a1 + ".total"));
        assertEquals("excellent", run.getString(a1 + ".grade"));
        assertEquals(List.of("2,412 calls × 0.55 (tier 2300–2500) = 1,326.6 points; counts 1,326.6",
                "5 errors (row 4 < value ≤ 5) → 27.5 points; counts 27.5",
                "96 QA points (band ≥ 95): 30 − 3 = 27 points; counts 27",
                "3 violations × 0.5 = 1.5 deducted from 10 = 8.5 points; counts 8.5"),
                run.getList(a1 + ".items.explanation"));
        assertEquals("Total: 1,326.6 + 27.5 + 27 + 8.5 = 1,389.6 → 1,389.6", run.getString(a1 + ".totalExplanation"));
    }

    @Test
    void expressionsAreCelOverTheItemsValueAndOtherMetrics() {
        Map<String, Object> t = template("EXPR", List.of(
                item("resolution", "resolution_rate", 60, Map.of("type", "expression",
                        "expression", "value >= 0.95 ? 100.0 : value / 0.95 * 100.0")),
                item("balance", "csat", 40, Map.of("type", "expression", "metrics", List.of("aht"),
                        "expression", "aht < 240.0 ? value * 10.0 : value * 20.0", "max", 100))));
        hr().body(t).post(TEMPLATES).then().statusCode(201);
        stubOctober(metrics, "REXPR", agent("X1", "resolution_rate", 0.76, 40, "csat", 4.5, 30, "aht", 300, 40),
                agent("X2", "resolution_rate", 0.97, 40, "csat", 4.5, 30, "aht", 200, 40));
        JsonPath run = hr().body(run("EXPR", "REXPR", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath();
        String x1 = "scorecards.find { it.employeeId == 'X1' }";
        assertEquals(80f, run.getFloat(x1 + ".items[0].points"));
        assertEquals(90f, run.getFloat(x1 + ".items[1].points"));
        assertEquals("expression `aht < 240.0 ? value * 10.0 : value * 20.0` with value = 4.5, aht = 300 = 90 points; "
                + "weight 40% → 36", run.getString(x1 + ".items[1].explanation"));
        assertEquals(84f, run.getFloat(x1 + ".total"));
        assertEquals(78f, run.getFloat("scorecards.find { it.employeeId == 'X2' }.total"));
    }

    @Test
    void tooFewSamplesAreHandledByTheTemplatesPolicy() {
        List<Map<String, Object>> items = List.of(
                item("calls", "calls_handled", 70, Map.of("type", "linear", "full", 3000, "zero", 1000)),
                with(item("csat", "csat", 30, Map.of("type", "linear", "full", 4.8, "zero", 3.0)), "minSamples", 20));
        hr().body(with(template("THIN-EXCL", items), "insufficientData", Map.of("policy", "EXCLUDE")))
                .post(TEMPLATES).then().statusCode(201).body("insufficientData.policy", equalTo("EXCLUDE"))
                .body("items[1].minSamples", equalTo(20));
        hr().body(with(template("THIN-NEUT", items), "insufficientData", Map.of("policy", "NEUTRAL",
                "neutralPoints", 60))).post(TEMPLATES).then().statusCode(201);
        hr().body(template("THIN-ZERO", items)).post(TEMPLATES).then().statusCode(201)
                .body("insufficientData.policy", equalTo("ZERO"));
        // T1 has 12 surveys only; T2 enough
        stubOctober(metrics, "RTHIN", agent("T1", "calls_handled", 2600, 22, "csat", 4.8, 12),
                agent("T2", "calls_handled", 2600, 22, "csat", 3.9, 25));
        JsonPath excluded = hr().body(run("THIN-EXCL", "RTHIN", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath();
        String t1 = "scorecards.find { it.employeeId == 'T1' }";
        assertEquals(true, excluded.getBoolean(t1 + ".items[1].insufficientData"));
        assertEquals("EXCLUDED", excluded.getString(t1 + ".items[1].handling"));
        assertEquals(12, excluded.getInt(t1 + ".items[1].samples"));
        assertEquals("4.8 rests on 12 samples, fewer than the 20 required: insufficient data, left out of the total "
                + "(policy); the other items' weights are re-normalised", excluded.getString(t1 + ".items[1].explanation"));
        // calls 80 points × 70% = 56, re-normalised × 100 / 70
        assertEquals(80f, excluded.getFloat(t1 + ".total"));
        assertEquals(71f, excluded.getFloat("scorecards.find { it.employeeId == 'T2' }.total"));
        JsonPath neutral = hr().body(run("THIN-NEUT", "RTHIN", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath();
        assertEquals("NEUTRAL", neutral.getString(t1 + ".items[1].handling"));
        assertEquals(74f, neutral.getFloat(t1 + ".total"));
        JsonPath zero = hr().body(run("THIN-ZERO", "RTHIN", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath();
        assertEquals("ZERO", zero.getString(t1 + ".items[1].handling"));
        assertEquals(true, zero.getBoolean(t1 + ".items[1].insufficientData"));
        assertEquals(56f, zero.getFloat(t1 + ".total"));
    }

    @Test
    void invalidNewSectionsAreProblemsNamingTheField() {
        rejected("items[1].rule.table[1].points", seed004("BAD-1"), t -> rule(t, 1, Map.of("type", "lookup-table",
                "table", List.of(Map.of("upTo", 3, "points", 30), Map.of("upTo", 4), Map.of("points", 0)))));
        rejected("items[2].rule.bands[1].atLeast", seed004("BAD-2"), t -> rule(t, 2, Map.of("type",
                "banded-deduction", "max", 30, "bands", List.of(Map.of("atLeast", 95, "deduct", 0),
                        Map.of("atLeast", 99, "deduct", 3)))));
        rejected("items[3].rule.perIncident", seed004("BAD-3"), t -> rule(t, 3, Map.of("type", "per-incident",
                "max", 10)));
        rejected("items[0].rule.expression", seed004("BAD-4"), t -> rule(t, 0, Map.of("type", "expression",
                "expression", "value * 2")));
        rejected("items[0].rule.raters", seed004("BAD-5"), t -> rule(t, 0, Map.of("type", "manual-rating",
                "raters", List.of(Map.of("role", "supervisor", "weight", 60)))));
        rejected("items[0].rule.cap", seed004("BAD-6"), t -> rule(t, 0, Map.of("type", "target-achievement",
                "cap", -1)));
        rejected("items[0].weight", seed004("BAD-7"), t -> t.put("weightTotal", 100));
        rejected("insufficientData.neutralPoints", seed004("BAD-8"), t -> t.put("insufficientData",
                Map.of("policy", "NEUTRAL")));
        rejected("items[1].minSamples", seed004("BAD-9"), t -> items(t).get(1).put("minSamples", 0));
        rejected("distribution.quotas", seed004("BAD-10"), t -> t.put("distribution", Map.of("quotas", List.of(
                Map.of("grade", "excellent", "share", 10), Map.of("grade", "pass", "share", 80)))));
        rejected("distribution.quotas[1].grade", seed004("BAD-11"), t -> t.put("distribution", Map.of("quotas",
                List.of(Map.of("grade", "excellent", "share", 10), Map.of("grade", "great", "share", 90)))));
        Map<String, Object> weighted = template("BAD-12", List.of(
                with(item("a", "calls_handled", 60, Map.of("type", "linear", "full", 1, "zero", 0)), "category", "q"),
                with(item("b", "csat", 40, Map.of("type", "linear", "full", 1, "zero", 0)), "category", "r")));
        rejected("categories[0].weight", weighted, t -> t.put("categories", List.of(Map.of("code", "q", "weight", 50),
                Map.of("code", "r", "weight", 50))));
        rejected("items[1].category", weighted, t -> t.put("categories", List.of(Map.of("code", "q", "weight", 100))));
        rejected("items[1].weight", weighted, t -> items(t).get(1).remove("weight"));
        // a manual rating needs no metric; every other rule does
        Map<String, Object> manual = template("MANUAL-OK", List.of(item("a", "calls_handled", 60,
                Map.of("type", "linear", "full", 1, "zero", 0)), new LinkedHashMap<>(Map.of("code", "b", "name", "B",
                "category", "x", "weight", 40, "rule", Map.of("type", "manual-rating", "raters",
                        List.of(Map.of("role", "supervisor", "weight", 100)))))));
        hr().body(manual).post(TEMPLATES).then().statusCode(201).body("items[1].metricCode",
                org.hamcrest.Matchers.nullValue());
        rejected("items[0].metricCode", manual, t -> items(t).get(0).remove("metricCode"));
    }

    private static void rejected(String field, Map<String, Object> template, Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> copy = new LinkedHashMap<>(template);
        breakIt.accept(copy);
        hr().body(copy).post(TEMPLATES).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://perfcenter.io/problems/invalid-field"))
                .body("field", equalTo(field));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> template) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : (List<Object>) template.get("items")) {
            items.add(new LinkedHashMap<>((Map<String, Object>) item));
        }
        template.put("items", items);
        return items;
    }

    private static void rule(Map<String, Object> template, int index, Map<String, Object> rule) {
        items(template).get(index).put("rule", rule);
    }
}
