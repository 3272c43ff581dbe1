package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.SCORECARDS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.agent;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.stubMyUnits;
import static io.perfcenter.scoring.ScoringApi.stubOctober;
import static io.perfcenter.scoring.ScoringApi.template;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Explanations are kept in English and Chinese when a scorecard is computed, and the API answers the one
 * Accept-Language asks for (any zh: Chinese; en, none or anything else: English), saying which in Content-Language; a
 * scorecard computed before the Chinese was kept (its zh columns NULL, as V10 leaves the old ones) answers English.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class ExplanationLanguageTests {

    static final String SESSIONS = "/api/v1/scoring/coaching-sessions";
    static final String AHT_EN = "6.5 min lies between 5 min (full marks) and 10 min (zero): 10 × (10 − 6.5) / (10 − 5) "
            + "= 7 of 10 points; 7 / 10 × weight 40 → 28";
    static final String AHT_ZH = "6.5 分钟 介于 5 分钟（满分）与 10 分钟（零分）之间：10 × (10 − 6.5) / (10 − 5) = 7，满分 10 分；"
            + "7 / 10 × 权重 40 → 28";
    static final String ERRORS_EN = "5 errors (row 4 < value ≤ 5) → 27.5 points; 27.5 / 30 × weight 60 → 55";
    static final String ERRORS_ZH = "5 个错误（4 < 数值 ≤ 5 档）→ 27.5 分；27.5 / 30 × 权重 60 → 55";

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Inject
    EntityManager em;

    @Test
    void explanationsFollowAcceptLanguageAndOldScorecardsFallBackToEnglish() {
        hr().body(template("LANG", List.of(
                item("aht", "aht_minutes", 40, Map.of("type", "linear", "full", 5, "zero", 10, "points", 10,
                        "unit", "min")),
                item("errors", "error_count", 60, Map.of("type", "lookup-table", "unit", "errors", "table", List.of(
                        Map.of("upTo", 3, "points", 30), Map.of("upTo", 4, "points", 28),
                        Map.of("upTo", 5, "points", 27.5), Map.of("upTo", 10, "points", 23),
                        Map.of("points", 0)))))))
                .post(TEMPLATES).then().statusCode(201);
        // LZH1 and LZH2 the same: aht 6.5 → 7 of 10 → 28 of 40; errors 5 → 27.5 of 30 → 55 of 60; total 83
        stubOctober(metrics, "GLANG", agent("LZH1", "aht_minutes", 6.5, 20, "error_count", 5, 20),
                agent("LZH2", "aht_minutes", 6.5, 20, "error_count", 5, 20));
        JsonPath computed = hr().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .body(run("LANG", "GLANG", "2026-10")).post(RUNS).then().statusCode(201)
                .header("Content-Language", "zh-CN").header("Vary", containsString("Accept-Language"))
                .extract().jsonPath();
        String l1 = "scorecards.find { it.employeeId == 'LZH1' }";
        assertEquals(List.of(AHT_ZH, ERRORS_ZH), computed.getList(l1 + ".items.explanation"));
        assertEquals("总分：28 + 55 = 83 → 83", computed.getString(l1 + ".totalExplanation"));
        long runId = computed.getLong("id");
        long card = computed.getLong(l1 + ".id");
        long old = computed.getLong("scorecards.find { it.employeeId == 'LZH2' }.id");

        // one scorecard in each language; the field names stay
        for (String chinese : List.of("zh-CN", "zh", "zh-Hans-CN", "zh-TW;q=0.9, en;q=0.5")) {
            hr().header("Accept-Language", chinese).get(SCORECARDS + "/" + card).then().statusCode(200)
                    .header("Content-Language", "zh-CN")
                    .body("items.explanation", contains(AHT_ZH, ERRORS_ZH))
                    .body("totalExplanation", equalTo("总分：28 + 55 = 83 → 83"));
        }
        for (String english : List.of("en", "en-US,zh-CN;q=0.8", "fr", ";;garbage")) {
            hr().header("Accept-Language", english).get(SCORECARDS + "/" + card).then().statusCode(200)
                    .header("Content-Language", "en").body("items.explanation", contains(AHT_EN, ERRORS_EN))
                    .body("totalExplanation", equalTo("Total: 28 + 55 = 83 → 83"));
        }
        given().auth().oauth2(TestTokens.token("HR1", "hr")).get(SCORECARDS + "/" + card).then().statusCode(200)
                .header("Content-Language", "en").body("items.explanation", contains(AHT_EN, ERRORS_EN));
        // the run and the list answer the same way
        hr().header("Accept-Language", "zh-CN").get(RUNS + "/" + runId).then().statusCode(200)
                .header("Content-Language", "zh-CN").body("scorecards[0].items[0].explanation", equalTo(AHT_ZH));
        hr().header("Accept-Language", "en").queryParam("unit", "GLANG").get(SCORECARDS).then().statusCode(200)
                .header("Content-Language", "en").body("collect { it.items[0].explanation }", contains(AHT_EN, AHT_EN));

        // LZH2's scorecard as one computed before V10 kept the Chinese: its English, whatever is asked
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE scorecard SET total_explanation_zh = NULL WHERE id = :id")
                    .setParameter("id", old).executeUpdate();
            em.createNativeQuery("UPDATE scorecard_item SET explanation_zh = NULL WHERE scorecard_id = :id")
                    .setParameter("id", old).executeUpdate();
        });
        hr().header("Accept-Language", "zh-CN").get(SCORECARDS + "/" + old).then().statusCode(200)
                .header("Content-Language", "en").body("items.explanation", contains(AHT_EN, ERRORS_EN))
                .body("totalExplanation", equalTo("Total: 28 + 55 = 83 → 83"));
        // a list holding both says both
        hr().header("Accept-Language", "zh-CN").queryParam("unit", "GLANG").get(SCORECARDS).then().statusCode(200)
                .header("Content-Language", "zh-CN, en")
                .body("find { it.employeeId == 'LZH1' }.items[0].explanation", equalTo(AHT_ZH))
                .body("find { it.employeeId == 'LZH2' }.items[0].explanation", equalTo(AHT_EN));

        // the coaching agenda copies the items' explanations in both and answers the one asked for
        hr().post(RUNS + "/" + runId + "/publish").then().statusCode(200);
        String supervisor = TestTokens.token("SLANG", "supervisor");
        stubMyUnits(metrics, supervisor, "GLANG");
        long session = as(supervisor).header("Accept-Language", "zh-CN").body(Map.of("scorecardId", card, "agendaSize", 2))
                .post(SESSIONS).then().statusCode(201).header("Content-Language", "zh-CN")
                .body("agenda.itemCode", contains("aht", "errors"))
                .body("agenda.explanation", contains(AHT_ZH, ERRORS_ZH))
                .body("agenda[0].explanationZh", org.hamcrest.Matchers.nullValue())
                .extract().jsonPath().getLong("id");
        as(supervisor).get(SESSIONS + "/" + session).then().statusCode(200).header("Content-Language", "en")
                .body("agenda.explanation", contains(AHT_EN, ERRORS_EN));
        as(supervisor).header("Accept-Language", "zh").get(SESSIONS + "/" + session).then().statusCode(200)
                .body("agenda.explanation", contains(AHT_ZH, ERRORS_ZH));
    }

    @Test
    void theOpenApiDocumentSaysSo() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/scoring/scorecards/{id}'.get.parameters.find { it.name == 'Accept-Language' }.in",
                        equalTo("header"))
                .body("paths.'/api/v1/scoring/scorecards/{id}'.get.responses.'200'.headers.'Content-Language'"
                        + ".description", containsString("zh-CN or en"))
                .body("paths.'/api/v1/scoring/coaching-sessions/{id}'.get.parameters.find { it.name == "
                        + "'Accept-Language' }.in", equalTo("header"))
                .body("paths.'/api/v1/scoring/templates'.get.parameters.find { it.name == 'Accept-Language' }",
                        org.hamcrest.Matchers.nullValue());
    }
}
