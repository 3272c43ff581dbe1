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

import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.SCORECARDS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.agent;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.stubOctober;
import static io.perfcenter.scoring.ScoringApi.template;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every item is worth the points its rule states, in additive and weighted templates alike; the items show their
 * point range; rule enums are UPPER_CASE and their errors name the allowed values.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class PointScalesTests {

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Test
    void aWeightedItemIsScaledFromItsRulesPointsToItsWeight() {
        // "10 points at ≤ 5 min, 0 at ≥ 10 min, linear between", weighing 40; seed 004's 0–30 error table weighing 60
        hr().body(template("SCALE-W", List.of(
                item("aht", "aht_minutes", 40, Map.of("type", "linear", "full", 5, "zero", 10, "points", 10,
                        "unit", "min")),
                item("errors", "error_count", 60, Map.of("type", "lookup-table", "unit", "errors", "table", List.of(
                        Map.of("upTo", 3, "points", 30), Map.of("upTo", 5, "points", 27.5), Map.of("points", 0)))))))
                .post(TEMPLATES).then().statusCode(201)
                .body("maxTotal", equalTo(100))
                .body("items[0].minPoints", equalTo(0)).body("items[0].maxPoints", equalTo(10))
                .body("items[1].minPoints", equalTo(0)).body("items[1].maxPoints", equalTo(30));
        stubOctober(metrics, "RSCALE", agent("W1", "aht_minutes", 6.5, 22, "error_count", 5, 22));
        JsonPath run = hr().body(run("SCALE-W", "RSCALE", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath();
        // aht: 10 × (10 − 6.5) / (10 − 5) = 7 of 10 → 7 / 10 × 40 = 28
        // errors: 27.5 of 30 → 27.5 / 30 × 60 = 55 (it was 27.5 × 60 / 100 = 16.5, as if the table were 0–100)
        assertEquals(7f, run.getFloat("scorecards[0].items[0].points"));
        assertEquals(10f, run.getFloat("scorecards[0].items[0].maxPoints"));
        assertEquals(0f, run.getFloat("scorecards[0].items[0].minPoints"));
        assertEquals("6.5 min lies between 5 min (full marks) and 10 min (zero): 10 × (10 − 6.5) / (10 − 5) = 7 of "
                + "10 points; 7 / 10 × weight 40 → 28", run.getString("scorecards[0].items[0].explanation"));
        assertEquals(55f, run.getFloat("scorecards[0].items[1].weightedPoints"));
        assertEquals(83f, run.getFloat("scorecards[0].total"));
        long id = run.getLong("scorecards[0].id");
        hr().get(SCORECARDS + "/" + id).then().statusCode(200)
                .body("items.maxPoints", contains(10, 30)).body("items.minPoints", contains(0, 0));
    }

    @Test
    void anAdditiveItemIsWorthItsRulesMaximum() {
        List<Map<String, Object>> items = new ArrayList<>(List.of(
                item("errors", "error_count", 30, Map.of("type", "lookup-table", "table", List.of(
                        Map.of("upTo", 3, "points", 30), Map.of("upTo", 5, "points", 27.5), Map.of("points", 0)))),
                // no weight: the deduction's max (30) is the item's maximum
                item("qa", "qa_score", null, Map.of("type", "banded-deduction", "max", 30,
                        "bands", List.of(Map.of("atLeast", 99, "deduct", 0), Map.of("atLeast", 95, "deduct", 3)))),
                item("courier", "courier_violations", null, Map.of("type", "per-incident", "max", 10,
                        "perIncident", 0.5, "points", 5))));
        Map<String, Object> t = additive("SCALE-A", items);
        hr().body(t).post(TEMPLATES).then().statusCode(201)
                .body("items.weight", contains(30, 30, 5))
                .body("items.maxPoints", contains(30, 30, 5))
                .body("maxTotal", equalTo(65));

        // a weight that only capped the rule's points (30) is refused, naming both
        List<Map<String, Object>> capped = new ArrayList<>(items);
        capped.set(0, new LinkedHashMap<>(items.get(0)));
        capped.get(0).put("weight", 20);
        hr().body(additive("SCALE-A-BAD", capped)).post(TEMPLATES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("items[0].weight"))
                .body("detail", containsString("the rule gives 0–30 points"));
        hr().get(TEMPLATES + "/SCALE-A-BAD").then().statusCode(404);

        // the template's stated maximum must be what the items add up to: 30 + 30 + 5 = 65, not 70
        Map<String, Object> stated = additive("SCALE-A-70", items);
        stated.put("weightTotal", 70);
        hr().body(stated).post(TEMPLATES).then().statusCode(400).body("field", equalTo("items"))
                .body("detail", containsString("sum to 65"));
        stated.put("weightTotal", 65);
        hr().body(stated).post(TEMPLATES).then().statusCode(201).body("maxTotal", equalTo(65));

        stubOctober(metrics, "RSCALEA", agent("A1", "error_count", 5, 22, "qa_score", 96, 4, "courier_violations",
                3, 22));
        JsonPath run = hr().body(run("SCALE-A", "RSCALEA", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath();
        // 27.5 + (30 − 3) + (10 − 1.5) × 5 / 10 = 27.5 + 27 + 4.25
        assertEquals(58.75f, run.getFloat("scorecards[0].total"));
        assertEquals("3 × 0.5 = 1.5 deducted from 10 = 8.5; 8.5 / 10 (max) × 5 = 4.25 of 5 points; counts 4.25",
                run.getString("scorecards[0].items[2].explanation"));
    }

    @Test
    void ruleEnumsAreUpperCaseAndTheOldSpellingIsStillAccepted() {
        Map<String, Object> t = template("ENUMS", List.of(
                item("calls", "calls_handled", 60, Map.of("type", "tiered-rate", "mode", "progressive",
                        "maxPoints", 1000, "tiers", List.of(Map.of("upTo", 2000, "rate", 0.4), Map.of("rate", 0.5)))),
                item("complaints", "complaint_rate", 40, Map.of("type", "target-achievement", "target", 0.02,
                        "direction", "LOWER"))));
        hr().body(t).post(TEMPLATES).then().statusCode(201)
                .body("items[0].rule.mode", equalTo("PROGRESSIVE"))
                .body("items[1].rule.direction", equalTo("LOWER"));

        Map<String, Object> bad = template("ENUMS-BAD", List.of(
                item("calls", "calls_handled", 100, Map.of("type", "tiered-rate", "mode", "sideways",
                        "tiers", List.of(Map.of("rate", 0.5))))));
        hr().body(bad).post(TEMPLATES).then().statusCode(400)
                .body("field", equalTo("items[0].rule.mode"))
                .body("detail", equalTo("items[0].rule.mode: must be one of WHOLE, PROGRESSIVE"))
                .body("detail", not(containsString("$")))
                .body("detail", not(containsString("io.perfcenter")));
    }

    @Test
    void templateEnumsAreUpperCaseAndTheOldSpellingIsStillAccepted() {
        // a client of before still sends lower case: accepted, answered (and stored) in UPPER_CASE
        Map<String, Object> old = template("ENUMS-OLD", List.of(item("calls", "calls_handled", 100,
                Map.of("type", "linear", "full", 3000, "zero", 1000))));
        old.put("scoring", "weighted");
        old.put("subject", "agents");
        old.put("insufficientData", Map.of("policy", "neutral", "neutralPoints", 60));
        hr().body(old).post(TEMPLATES).then().statusCode(201)
                .body("scoring", equalTo("WEIGHTED"))
                .body("subject", equalTo("AGENTS"))
                .body("insufficientData.policy", equalTo("NEUTRAL"));
        hr().get(TEMPLATES + "/ENUMS-OLD").then().statusCode(200)
                .body("scoring", equalTo("WEIGHTED"))
                .body("subject", equalTo("AGENTS"))
                .body("insufficientData.policy", equalTo("NEUTRAL"));

        Map<String, Object> upper = additive("ENUMS-NEW", List.of(item("calls", "calls_handled", 100,
                Map.of("type", "linear", "full", 3000, "zero", 1000))));
        upper.put("subject", "AGENTS");
        upper.put("insufficientData", Map.of("policy", "EXCLUDE"));
        hr().body(upper).post(TEMPLATES).then().statusCode(201)
                .body("scoring", equalTo("ADDITIVE"))
                .body("insufficientData.policy", equalTo("EXCLUDE"));

        for (Object[] bad : new Object[][]{
                {"scoring", "sideways", "scoring: is not valid: must be one of WEIGHTED, ADDITIVE"},
                {"subject", "teams", "subject: is not valid: must be one of AGENTS, UNITS"},
                {"insufficientData", Map.of("policy", "skip"),
                        "insufficientData.policy: is not valid: must be one of ZERO, NEUTRAL, EXCLUDE"}}) {
            Map<String, Object> t = template("ENUMS-BAD", List.of(item("calls", "calls_handled", 100,
                    Map.of("type", "linear", "full", 3000, "zero", 1000))));
            t.put((String) bad[0], bad[1]);
            hr().body(t).post(TEMPLATES).then().statusCode(400)
                    .body("type", containsString("invalid-field"))
                    .body("detail", equalTo(bad[2]))
                    .body("detail", not(containsString("$")))
                    .body("detail", not(containsString("io.perfcenter")));
        }
        hr().get(TEMPLATES + "/ENUMS-BAD").then().statusCode(404);

        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.TemplateScoringMode.enum", contains("WEIGHTED", "ADDITIVE"))
                .body("components.schemas.TemplateSubject.enum", contains("AGENTS", "UNITS"))
                .body("components.schemas.InsufficientDataAction.enum", contains("ZERO", "NEUTRAL", "EXCLUDE"))
                .body("components.schemas.TemplateScoringMode.description", containsString("deprecated"));
    }

    @Test
    void theRuleParameterSchemasHaveDomainNames() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.TieredRateMode.enum", contains("WHOLE", "PROGRESSIVE"))
                .body("components.schemas.TargetDirection.enum", contains("HIGHER", "LOWER"))
                .body("components.schemas.Mode", nullValue())
                .body("components.schemas.Direction", nullValue())
                .body("components.schemas.ScorecardItem.properties.maxPoints", org.hamcrest.Matchers.notNullValue())
                .body("components.schemas.ScorecardTemplateItem.properties.maxPoints",
                        org.hamcrest.Matchers.notNullValue())
                .body("components.schemas.LinearRule.properties.points", org.hamcrest.Matchers.notNullValue());
    }

    private static Map<String, Object> additive(String code, List<Map<String, Object>> items) {
        Map<String, Object> t = template(code, items);
        t.put("scoring", "ADDITIVE");
        return t;
    }
}
