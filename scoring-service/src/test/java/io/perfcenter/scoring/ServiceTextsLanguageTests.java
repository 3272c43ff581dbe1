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

import static io.perfcenter.scoring.ScoringApi.APPEALS;
import static io.perfcenter.scoring.ScoringApi.REVIEWS;
import static io.perfcenter.scoring.ScoringApi.RUNS;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The texts the service writes itself besides the scorecards' explanations (V12): a coaching agenda's basis, audit
 * event details (a run computed, a coaching session, an appeal filed and decided) are kept in English and Chinese and
 * answered in the language Accept-Language asks for, saying which in Content-Language; what people wrote (a decision's
 * reason) is answered as written; rows stored before the Chinese was kept (the zh columns NULL, as V12 leaves the old
 * ones) answer English. (Improvement plans' evaluations: ImprovementPlanTests; an appeal's record: QaDisputeTests.)
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class ServiceTextsLanguageTests {

    static final String SESSIONS = "/api/v1/scoring/coaching-sessions";
    static final String BASIS_EN = "The 2 weakest of 2 scored items (3 asked) by points ÷ maximum points (lowest first; "
            + "ties: the heavier item first, then by code)";
    static final String BASIS_ZH = "已计分的 2 个项目中最弱的 2 个（要求 3 个），按得分 ÷ 满分从低到高排列（相同时权重较大的项目"
            + "在前，再按代码排序）";

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Inject
    EntityManager em;

    @Test
    void agendaBasisAndAuditDetailsFollowAcceptLanguageAndOldRowsAnswerEnglish() {
        hr().body(template("TXTS", List.of(
                item("aht", "aht_minutes", 40, Map.of("type", "linear", "full", 5, "zero", 10, "points", 10,
                        "unit", "min")),
                item("complaints", "complaints", 60, Map.of("type", "per-incident", "max", 100, "perIncident", 20,
                        "unit", "complaints")))))
                .post(TEMPLATES).then().statusCode(201);
        // TX1: aht 6.5 → 7 of 10 → 28; complaints 2 → 60 of 100 → 36; total 64 (fail, rank 2). TX2: 100 (rank 1)
        stubOctober(metrics, "GTXT", agent("TX1", "aht_minutes", 6.5, 20, "complaints", 2, 20),
                agent("TX2", "aht_minutes", 5, 20, "complaints", 0, 20));
        JsonPath computed = hr().body(run("TXTS", "GTXT", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath();
        long runId = computed.getLong("id");
        long card = computed.getLong("scorecards.find { it.employeeId == 'TX1' }.id");
        assertEquals(64.0, computed.getDouble("scorecards.find { it.employeeId == 'TX1' }.total"));
        hr().post(RUNS + "/" + runId + "/publish").then().statusCode(200);

        // the agenda's basis, stored in both languages: 3 items asked, 2 there
        String supervisor = TestTokens.token("STXT", "supervisor");
        stubMyUnits(metrics, supervisor, "GTXT");
        long session = as(supervisor).header("Accept-Language", "zh-CN").body(Map.of("scorecardId", card,
                        "agendaSize", 3)).post(SESSIONS).then().statusCode(201).header("Content-Language", "zh-CN")
                .body("agendaBasis", equalTo(BASIS_ZH)).body("agendaBasisZh", nullValue())
                .extract().jsonPath().getLong("id");
        as(supervisor).get(SESSIONS + "/" + session).then().statusCode(200).header("Content-Language", "en")
                .body("agendaBasis", equalTo(BASIS_EN));
        as(supervisor).header("Accept-Language", "zh-TW;q=0.9, en;q=0.5").queryParam("scorecardId", card)
                .get(SESSIONS).then().statusCode(200).body("[0].agendaBasis", equalTo(BASIS_ZH));

        // the agent appeals the complaints' score; hr accepts with 100 points: 28 + 60 = 88 (good), still rank 2
        long appeal = as("TX1", "agent").body(Map.of("scorecardId", card, "itemCode", "complaints", "kind", "SCORE",
                        "reason", "Both complaints were about the courier")).post(APPEALS).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        hr().body(Map.of("outcome", "ACCEPTED", "reason", "Recording checked: the courier's fault",
                "adjustment", Map.of("points", 100))).post(APPEALS + "/" + appeal + "/decision").then()
                .statusCode(200);
        hr().header("Accept-Language", "zh-CN").get(APPEALS + "/" + appeal).then().statusCode(200)
                .header("Content-Language", "zh-CN").body("reason", equalTo("Both complaints were about the courier"))
                .body("decisionReason", equalTo("Recording checked: the courier's fault"));

        // the scorecard's trail in Chinese: what the service wrote translated, the decider's reason as written
        JsonPath zh = hr().header("Accept-Language", "zh-CN").get(REVIEWS + "/" + card + "/history").then()
                .statusCode(200).header("Content-Language", "zh-CN").header("Vary", containsString("Accept-Language"))
                .extract().jsonPath();
        assertEquals("TXTS v1 第 1 次修订，GTXT，2026-10：2 张考核表", detail(zh, "RUN_COMPUTED"));
        assertEquals("辅导面谈 " + session + "，由 STXT 发起；议程：complaints、aht", detail(zh, "COACHING_OPENED"));
        assertEquals("对 complaints 提出分数申诉", detail(zh, "APPEAL_FILED"));
        assertEquals("Recording checked: the courier's fault", detail(zh, "APPEAL_ACCEPTED"));
        assertEquals("complaints：60 → 100 分；总分 64 → 88，等级 fail → good，排名 2 → 2", detail(zh, "SCORECARD_ADJUSTED"));
        JsonPath en = hr().header("Accept-Language", "en").get(REVIEWS + "/" + card + "/history").then()
                .statusCode(200).header("Content-Language", "en").extract().jsonPath();
        assertEquals("revision 1 of TXTS v1 for GTXT, 2026-10: 2 scorecards", detail(en, "RUN_COMPUTED"));
        assertEquals("coaching session " + session + " by STXT; agenda: complaints, aht", detail(en, "COACHING_OPENED"));
        assertEquals("SCORE appeal of complaints", detail(en, "APPEAL_FILED"));
        assertEquals("complaints: 60 → 100 points; total 64 → 88, grade fail → good, rank 2 → 2",
                detail(en, "SCORECARD_ADJUSTED"));
        // the run's trail as well
        hr().header("Accept-Language", "zh").get(RUNS + "/" + runId + "/history").then().statusCode(200)
                .header("Content-Language", "zh-CN")
                .body("find { it.action == 'RUN_COMPUTED' }.detail", equalTo("TXTS v1 第 1 次修订，GTXT，2026-10：2 张考核表"));

        // rows stored before V12 kept the Chinese: their English, whatever is asked, and Content-Language says so
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE coaching_session SET agenda_basis_zh = NULL WHERE id = :id")
                    .setParameter("id", session).executeUpdate();
            em.createNativeQuery("UPDATE audit_event SET detail_zh = NULL WHERE scorecard_id = :card "
                    + "AND action = 'COACHING_OPENED'").setParameter("card", card).executeUpdate();
        });
        // the agenda's items keep their Chinese (V10): the answer mixes both
        as(supervisor).header("Accept-Language", "zh-CN").get(SESSIONS + "/" + session).then().statusCode(200)
                .header("Content-Language", "zh-CN, en").body("agendaBasis", equalTo(BASIS_EN))
                .body("agenda[0].explanation", not(containsString("points")));
        JsonPath mixed = hr().header("Accept-Language", "zh-CN").get(REVIEWS + "/" + card + "/history").then()
                .statusCode(200).header("Content-Language", "zh-CN, en").extract().jsonPath();
        assertEquals("coaching session " + session + " by STXT; agenda: complaints, aht",
                detail(mixed, "COACHING_OPENED"));
        assertEquals("对 complaints 提出分数申诉", detail(mixed, "APPEAL_FILED"));
    }

    @Test
    void theOpenApiDocumentDeclaresTheSameParameterOnEveryOperationAnsweringInBothLanguages() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        for (String[] op : List.of(new String[]{"/api/v1/scoring/runs/{id}/history", "get"},
                new String[]{"/api/v1/scoring/improvement-plans/{id}", "get"},
                new String[]{"/api/v1/scoring/appeals", "get"})) {
            String at = "paths.'" + op[0] + "'." + op[1];
            assertTrue(doc.getString(at + ".description").contains("follow Accept-Language"), at);
            assertTrue(doc.getString(at + ".responses.'200'.headers.'Content-Language'.description")
                    .contains("zh-CN or en"), at);
        }
        // the worded operations (since session 14) take the parameter the explained ones took: one way, the same
        // parameter, on every operation that answers Content-Language, and on no other
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Map<String, Object> first = null;
        int bilingual = 0;
        for (var path : paths.entrySet()) {
            for (var method : path.getValue().entrySet()) {
                if (!(method.getValue() instanceof Map<?, ?>)) {
                    continue; // the path's own parameters
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> operation = (Map<String, Object>) method.getValue();
                String at = method.getKey() + " " + path.getKey();
                List<Map<String, Object>> accept = parameters(operation).stream()
                        .filter(p -> "Accept-Language".equals(p.get("name"))).toList();
                if (!answersContentLanguage(operation)) {
                    assertEquals(List.of(), accept, at);
                    continue;
                }
                bilingual++;
                assertEquals(1, accept.size(), at);
                Map<String, Object> parameter = accept.get(0);
                assertEquals("header", parameter.get("in"), at);
                assertTrue(parameter.get("required") == null || Boolean.FALSE.equals(parameter.get("required")), at);
                assertEquals(Map.of("type", "string"), parameter.get("schema"), at);
                assertTrue(String.valueOf(parameter.get("description")).startsWith("The language of the texts the "
                        + "service writes in the answer"), at);
                if (first == null) {
                    first = parameter;
                }
                assertEquals(first, parameter, at);
            }
        }
        assertEquals(io.perfcenter.scoring.web.Languages.EXPLAINED.size()
                + io.perfcenter.scoring.web.Languages.WORDED.size(), bilingual);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parameters(Map<String, Object> operation) {
        Object parameters = operation.get("parameters");
        return parameters instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static boolean answersContentLanguage(Map<String, Object> operation) {
        Object responses = operation.get("responses");
        if (!(responses instanceof Map<?, ?> byCode)) {
            return false;
        }
        return byCode.entrySet().stream().anyMatch(e -> String.valueOf(e.getKey()).startsWith("2")
                && e.getValue() instanceof Map<?, ?> answer && answer.get("headers") instanceof Map<?, ?> headers
                && headers.containsKey("Content-Language"));
    }

    private static String detail(JsonPath trail, String action) {
        return trail.getString("find { it.action == '" + action + "' }.detail");
    }
}
