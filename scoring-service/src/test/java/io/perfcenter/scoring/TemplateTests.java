package io.perfcenter.scoring;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.band;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.seatTemplate;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class TemplateTests {

    @Test
    void aTemplateIsStoredWithItsRulesAndVersioned() {
        hr().body(seatTemplate("SEAT-T")).post(TEMPLATES).then().statusCode(201)
                .header("Location", containsString(TEMPLATES + "/SEAT-T"))
                .body("code", equalTo("SEAT-T")).body("version", equalTo(1)).body("createdBy", equalTo("H1"))
                .body("items.code", contains("calls", "reply", "csat"))
                .body("items[0].rule.type", equalTo("tiered-rate"))
                .body("items[0].rule.mode", equalTo("WHOLE"))
                .body("items[0].rule.tiers[2].upTo", equalTo(2500))
                .body("items[0].rule.tiers[2].rate", equalTo(0.55f))
                .body("items[0].rule.tiers[5].upTo", nullValue())
                .body("items[1].rule.type", equalTo("linear"))
                .body("items[1].rule.full", equalTo(5))
                .body("gradeBands.grade", contains("excellent", "good", "pass", "fail"));
        Map<String, Object> redefined = seatTemplate("SEAT-T");
        redefined.put("name", "Front-line seat, monthly, from November");
        hr().body(redefined).post(TEMPLATES).then().statusCode(201).body("version", equalTo(2));

        as("A1", "agent").get(TEMPLATES + "/SEAT-T").then().statusCode(200).body("version", equalTo(2))
                .body("name", equalTo("Front-line seat, monthly, from November"));
        as("Q1", "qa").get(TEMPLATES + "/SEAT-T/versions/1").then().statusCode(200).body("version", equalTo(1))
                .body("name", equalTo("Front-line seat, monthly"))
                .body("items[2].rule.zero", equalTo(3.0f));
        hr().get(TEMPLATES).then().statusCode(200)
                .body("findAll { it.code == 'SEAT-T' }.version", contains(2));
        hr().get(TEMPLATES + "/SEAT-T/versions/3").then().statusCode(404).contentType("application/problem+json");
        hr().get(TEMPLATES + "/NO-SUCH").then().statusCode(404)
                .body("type", equalTo("https://perfcenter.io/problems/not-found"));
    }

    @Test
    void labelsInChineseAndEnglishAreKeptForTheTemplateItsItemsAndGrades() {
        Map<String, Object> template = seatTemplate("SEAT-LABELS");
        template.put("nameZh", " 一线坐席月度考核 ");
        template.put("nameEn", "Front-line seat, monthly");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = new java.util.ArrayList<>((List<Map<String, Object>>) template.get("items"));
        items.set(0, new java.util.LinkedHashMap<>(items.get(0)));
        items.get(0).put("nameZh", "接听量");
        items.get(0).put("nameEn", "Calls handled");
        template.put("items", items);
        template.put("gradeBands", List.of(Map.of("grade", "excellent", "minScore", 90, "nameZh", "优秀",
                "nameEn", "Excellent"), band("good", 80), band("pass", 70), band("fail", 0)));
        hr().body(template).post(TEMPLATES).then().statusCode(201);
        hr().get(TEMPLATES + "/SEAT-LABELS").then().statusCode(200)
                .body("nameZh", equalTo("一线坐席月度考核")).body("nameEn", equalTo("Front-line seat, monthly"))
                .body("items[0].nameZh", equalTo("接听量")).body("items[0].nameEn", equalTo("Calls handled"))
                .body("items[1].nameZh", nullValue())
                .body("gradeBands[0].nameZh", equalTo("优秀")).body("gradeBands[0].nameEn", equalTo("Excellent"))
                .body("gradeBands[1].nameZh", nullValue());
        // a blank label, or one past 200 characters, is refused naming it; nothing is stored
        items.get(0).put("nameZh", "  ");
        hr().body(template).post(TEMPLATES).then().statusCode(400).body("field", equalTo("items[0].nameZh"));
        items.get(0).put("nameZh", "接听量");
        template.put("gradeBands", List.of(Map.of("grade", "excellent", "minScore", 90, "nameEn", "E".repeat(201)),
                band("fail", 0)));
        hr().body(template).post(TEMPLATES).then().statusCode(400).body("field", equalTo("gradeBands[0].nameEn"));
        hr().get(TEMPLATES + "/SEAT-LABELS").then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void gradeBandsComeBackHighestFirst() {
        Map<String, Object> template = seatTemplate("SEAT-BANDS");
        template.put("gradeBands", List.of(band("fail", 0), band("pass", 70), band("excellent", 90),
                band("good", 80)));
        hr().body(template).post(TEMPLATES).then().statusCode(201)
                .body("gradeBands.grade", contains("excellent", "good", "pass", "fail"));
    }

    @Test
    void invalidTemplatesAreProblemsNamingTheFieldAndStoreNothing() {
        assertRejected("items", t -> weights(t, 40, 30, 25));
        assertRejected("items[0].rule.full", t -> rule(t, 0, Map.of("type", "linear", "zero", 10)));
        assertRejected("items[1].rule.full", t -> rule(t, 1, Map.of("type", "linear", "full", 10, "zero", 10)));
        assertRejected("items[0].rule.tiers[2].upTo", t -> rule(t, 0, Map.of("type", "tiered-rate",
                "tiers", List.of(Map.of("upTo", 2000, "rate", 0.4), Map.of("upTo", 2300, "rate", 0.5),
                        Map.of("upTo", 2100, "rate", 0.55), Map.of("rate", 0.7)))));
        assertRejected("items[0].rule.tiers[1].rate", t -> rule(t, 0, Map.of("type", "tiered-rate",
                "tiers", List.of(Map.of("upTo", 2000, "rate", 0.4), Map.of("upTo", 2300), Map.of("rate", 0.7)))));
        assertRejected("items[0].rule.maxPoints", t -> rule(t, 0, Map.of("type", "tiered-rate", "maxPoints", -1,
                "tiers", List.of(Map.of("rate", 0.7)))));
        assertRejected("items[2].rule.type", t -> rule(t, 2, Map.of("type", "no-such-rule")));
        assertRejected("items[2].rule.ful", t -> rule(t, 2, Map.of("type", "linear", "ful", 4.8, "zero", 3)));
        assertRejected("items[2].rule", t -> items(t).get(2).remove("rule"));
        assertRejected("items[1].code", t -> items(t).get(1).put("code", "calls"));
        assertRejected("items[1].metricCode", t -> items(t).get(1).put("metricCode", "Reply Minutes"));
        assertRejected("items[0].weight", t -> weights(t, 0, 70, 30));
        assertRejected("items", t -> t.put("items", List.of()));
        assertRejected("code", t -> t.put("code", ""));
        assertRejected("position", t -> t.remove("position"));
        assertRejected("gradeBands", t -> t.put("gradeBands", List.of(band("good", 80), band("pass", 60))));
        assertRejected("gradeBands[1].grade", t -> t.put("gradeBands", List.of(band("good", 80), band("good", 0))));
        assertRejected("gradeBands[1].minScore", t -> t.put("gradeBands", List.of(band("good", 0),
                band("pass", 0))));
    }

    @Test
    void anInvalidRedefinitionLeavesTheTemplateAsItWas() {
        hr().body(seatTemplate("SEAT-KEEP")).post(TEMPLATES).then().statusCode(201);
        Map<String, Object> bad = seatTemplate("SEAT-KEEP");
        weights(bad, 50, 30, 30);
        hr().body(bad).post(TEMPLATES).then().statusCode(400).body("field", equalTo("items"))
                .body("detail", equalTo("items: the weights must sum to 100, they sum to 110"));
        hr().get(TEMPLATES + "/SEAT-KEEP").then().statusCode(200).body("version", equalTo(1));
    }

    private static void assertRejected(String field, Consumer<Map<String, Object>> breakIt) {
        String code = "BAD-" + field.replaceAll("[^A-Za-z0-9]", "-");
        Map<String, Object> template = seatTemplate(code);
        breakIt.accept(template);
        hr().body(template).post(TEMPLATES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://perfcenter.io/problems/invalid-field"))
                .body("field", equalTo(field));
        if (!code.equals("BAD-code")) {
            hr().get(TEMPLATES + "/" + template.get("code")).then().statusCode(404);
        }
        hr().get(TEMPLATES).then().body("code", org.hamcrest.Matchers.not(hasItem(code)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> template) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : (List<Object>) template.get("items")) {
            items.add(new HashMap<>((Map<String, Object>) item));
        }
        template.put("items", items);
        return items;
    }

    private static void rule(Map<String, Object> template, int index, Map<String, Object> rule) {
        items(template).get(index).put("rule", rule);
    }

    private static void weights(Map<String, Object> template, int... weights) {
        List<Map<String, Object>> items = items(template);
        for (int i = 0; i < weights.length; i++) {
            items.get(i).put("weight", weights[i]);
        }
    }
}
