package io.perfcenter.gateway.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.gateway.AllServicesUp;
import io.perfcenter.gateway.InjectServiceStubs;
import io.perfcenter.gateway.ServiceStubs;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.gateway.ServiceStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The records under an item's days, the manual-rating forms of the reviews page and the escalation of an appeal,
 * against stubbed services: what the pages show of the answers, what the forms post (with the session's token, only
 * with the CSRF token from this origin), and to whom the escalation form is offered.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class ConsoleRecordsRatingsTests {

    private static final String CSRF = "test-csrf-token-0123456789abcdef";

    @InjectServiceStubs
    ServiceStubs stubs;

    @BeforeEach
    void reset() {
        stubs.servers().values().forEach(WireMockServer::resetRequests);
    }

    @Test
    void theItemPageListsTheRecordsUnderTheirDayWithAnAppealNamingEach() {
        String agent = TestTokens.token("E7", "agent");
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("employeeId", equalTo("E7"))
                .willReturn(json(200, "[{\"id\":501,\"employeeId\":\"E7\",\"period\":\"2026-10\",\"status\":"
                        + "\"PUBLISHED\",\"items\":[{\"itemCode\":\"errors\",\"metricCode\":\"error_count\","
                        + "\"value\":2,\"points\":90}]}]")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/trends"))
                .willReturn(json(200, "{\"series\":[{\"start\":\"2026-10-05\",\"values\":{\"error_count\":"
                        + "{\"value\":1,\"samples\":1}}},{\"start\":\"2026-10-06\",\"values\":{}},{\"start\":"
                        + "\"2026-10-20\",\"values\":{\"error_count\":{\"value\":1,\"samples\":1}}}]}")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/records"))
                .withQueryParam("employeeId", equalTo("E7")).withQueryParam("metric", equalTo("error_count"))
                .withQueryParam("period", equalTo("2026-10"))
                .willReturn(json(200, "[{\"kind\":\"incidents\",\"sourceSystem\":\"crm\",\"externalId\":\"CRM-1\","
                        + "\"revision\":2,\"day\":\"2026-10-05\",\"fields\":{\"kind\":\"ERROR\",\"note\":"
                        + "\"wrong tariff\",\"points\":null},\"countedIn\":[\"NUMERATOR\"]},{\"kind\":\"incidents\","
                        + "\"sourceSystem\":\"crm\",\"externalId\":\"CRM-9\",\"revision\":1,\"day\":\"2026-10-20\","
                        + "\"fields\":{\"kind\":\"ERROR\"},\"countedIn\":[\"NUMERATOR\"]}]")));
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .queryParam("period", "2026-10").get("/console/items/E7/errors").then().statusCode(200)
                .extract().asString();
        int day5 = html.indexOf("<tr class=\"day-records\" data-day=\"2026-10-05\"");
        int record1 = html.indexOf("data-id=\"CRM-1\"");
        int day20 = html.indexOf("<tr class=\"day-records\" data-day=\"2026-10-20\"");
        int record9 = html.indexOf("data-id=\"CRM-9\"");
        assertTrue(day5 > 0 && day5 < record1 && record1 < day20 && day20 < record9, html);
        assertTrue(html.contains("data-point=\"incidents crm/CRM-1 (revision 2) of 2026-10-05: \""), html);
        assertTrue(html.contains("kind error · note wrong tariff"), html);
        assertTrue(html.contains("<strong title=\"incidents\">incidents</strong>"), html);
        assertTrue(html.contains("counted in the numerator"), html);
        assertTrue(!html.contains("data-day=\"2026-10-06\""), "a day without figure or record is left out");
        // in Chinese: the record's kind, its fields' names and a choice in words; the appeal's data point as stored
        String chinese = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .cookie(ConsoleLanguage.COOKIE, "zh-CN").queryParam("period", "2026-10").get("/console/items/E7/errors")
                .then().statusCode(200).extract().asString();
        assertTrue(chinese.contains("<strong title=\"incidents\">事件</strong>"), chinese);
        assertTrue(chinese.contains("类型 差错 · 备注 wrong tariff"), chinese);
        assertTrue(chinese.contains("data-point=\"incidents crm/CRM-1 (revision 2) of 2026-10-05: \""), chinese);
    }

    @Test
    void aRatingPostsAScorePerDimensionOnlyWithTheCsrfToken() {
        stubs.get("scoring-service").stubFor(put(urlPathEqualTo("/api/v1/scoring/reviews/501/ratings"))
                .willReturn(json(200, "{\"id\":3,\"scorecardId\":501,\"itemCode\":\"conduct\",\"role\":\"supervisor\"}")));
        String supervisor = TestTokens.token("E2", "supervisor");
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, supervisor)
                .formParam("itemCode", "conduct").formParam("role", "supervisor").formParam("score.de", "4")
                .post("/console/review/scorecards/501/ratings").then().statusCode(403);
        stubs.get("scoring-service").verify(0, putRequestedFor(anyUrl()));

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, supervisor)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("itemCode", "conduct").formParam("role", "supervisor").formParam("score.de", "4")
                .formParam("score.neng", " 4.5 ").formParam("comment", "Reliable").formParam("period", "2026-10")
                .formParam("runId", "12").post("/console/review/scorecards/501/ratings").then().statusCode(303)
                .header("Location", containsString("/console/review/runs?period=2026-10&run=12&rated=501.conduct"
                        + "#scorecard-501"));
        stubs.get("scoring-service").verify(putRequestedFor(urlPathEqualTo("/api/v1/scoring/reviews/501/ratings"))
                .withHeader("Authorization", equalTo("Bearer " + supervisor))
                .withRequestBody(equalToJson("{\"itemCode\":\"conduct\",\"role\":\"supervisor\",\"scores\":"
                        + "{\"de\":4,\"neng\":4.5},\"comment\":\"Reliable\"}")));

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, supervisor)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("itemCode", "conduct").formParam("role", "supervisor").formParam("score.de", "four")
                .post("/console/review/scorecards/501/ratings").then().statusCode(400)
                .body(containsString("score is a number (de)"));
    }

    @Test
    void theReviewPageOffersTheSupervisorARatingFormPerManualItemAndShowsTheRatingsGiven() {
        String supervisor = TestTokens.token("E2", "supervisor");
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/runs"))
                .willReturn(json(200, "[{\"id\":12,\"templateCode\":\"CONDUCT\",\"templateVersion\":1,"
                        + "\"unitCode\":\"G-9\",\"period\":\"2026-10\",\"status\":\"IN_REVIEW\",\"revision\":1}]")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/runs/12"))
                .willReturn(json(200, "{\"id\":12,\"templateCode\":\"CONDUCT\",\"templateVersion\":1,"
                        + "\"unitCode\":\"G-9\",\"period\":\"2026-10\",\"status\":\"IN_REVIEW\",\"revision\":1,"
                        + "\"scorecards\":[{\"id\":501,\"employeeId\":\"E7\",\"status\":\"IN_REVIEW\",\"total\":80,"
                        + "\"review\":{}}]}")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/templates/CONDUCT/versions/1"))
                .willReturn(json(200, "{\"code\":\"CONDUCT\",\"version\":1,\"items\":[{\"code\":\"conduct\","
                        + "\"name\":\"Conduct\",\"rule\":{\"type\":\"manual-rating\",\"scaleMin\":1,\"scaleMax\":5,"
                        + "\"dimensions\":[{\"code\":\"de\",\"name\":\"integrity\",\"weight\":50},{\"code\":\"neng\","
                        + "\"weight\":50}],\"raters\":[{\"role\":\"supervisor\",\"weight\":100}]}},{\"code\":"
                        + "\"peers\",\"rule\":{\"type\":\"manual-rating\",\"raters\":[{\"role\":\"peer\","
                        + "\"weight\":100}]}},{\"code\":\"volume\",\"metricCode\":\"calls_handled\",\"rule\":"
                        + "{\"type\":\"linear\"}}]}")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/reviews/501/ratings"))
                .willReturn(json(200, "[{\"id\":3,\"scorecardId\":501,\"itemCode\":\"conduct\",\"role\":"
                        + "\"supervisor\",\"raterId\":\"E2\",\"scores\":{\"de\":4,\"neng\":5},\"comment\":\"Good\"}]")));
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, supervisor)
                .queryParam("period", "2026-10").queryParam("run", "12").get("/console/review/runs").then()
                .statusCode(200).extract().asString();
        assertTrue(html.contains("action=\"/console/review/scorecards/501/ratings\""), html);
        assertTrue(html.contains("name=\"score.de\"") && html.contains("name=\"score.neng\""), html);
        assertTrue(html.contains("min=\"1\" max=\"5\""), html);
        assertEquals(1, html.split("form method=\"post\" action=\"/console/review/scorecards/501/ratings\"").length
                - 1, "one form: the peers' item counts no supervisor rating, volume is no rating");
        assertTrue(html.contains("supervisor rating of conduct by E2: de 4 · neng 5 — Good"), html);
    }

    @Test
    void anEscalationIsPostedWithItsReasonOnlyWithTheCsrfToken() {
        stubs.get("scoring-service").stubFor(post(urlPathEqualTo("/api/v1/scoring/appeals/7/escalation"))
                .willReturn(json(200, "{\"id\":7,\"status\":\"OPEN\"}")));
        String reviewer = TestTokens.token("E41", "appeals");
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, reviewer)
                .formParam("reason", "x").post("/console/review/appeals/7/escalation").then().statusCode(403);
        stubs.get("scoring-service").verify(0, postRequestedFor(anyUrl()));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, reviewer)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("reason", "The recording is ambiguous").post("/console/review/appeals/7/escalation")
                .then().statusCode(303).header("Location", containsString("/console/review/appeals#appeal-7"));
        stubs.get("scoring-service").verify(postRequestedFor(urlPathEqualTo("/api/v1/scoring/appeals/7/escalation"))
                .withHeader("Authorization", equalTo("Bearer " + reviewer))
                .withRequestBody(equalToJson("{\"reason\":\"The recording is ambiguous\"}")));
    }

    @Test
    void theEscalationFormIsOfferedToTheReviewerOfAnOpenAppealAndTheAgentOfARejectedOneOnly() {
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/appeals"))
                .willReturn(json(200, "[{\"id\":1,\"employeeId\":\"E7\",\"itemCode\":\"a\",\"status\":\"OPEN\","
                        + "\"mayDecide\":true},{\"id\":2,\"employeeId\":\"E7\",\"itemCode\":\"b\",\"status\":"
                        + "\"REJECTED\",\"mayDecide\":false},{\"id\":3,\"employeeId\":\"E7\",\"itemCode\":\"c\","
                        + "\"status\":\"OPEN\",\"mayDecide\":true,\"escalatedAt\":\"2026-11-02T10:00:00+08:00\"},"
                        + "{\"id\":4,\"employeeId\":\"E8\",\"itemCode\":\"d\",\"status\":\"REJECTED\","
                        + "\"mayDecide\":false}]")));
        assertEquals("[1]", escalatable(TestTokens.token("E41", "appeals")));
        assertEquals("[2]", escalatable(TestTokens.token("E7", "agent")));
        assertEquals("[]", escalatable(TestTokens.token("E90", "hr")));
    }

    @Test
    void theItemReviewsAndAppealsPagesSpeakChineseWithTheTemplatesLabels() {
        // the item page: its records' labels (own agent, month and metric: no other test's stubs answer)
        String agent = TestTokens.token("E77", "agent");
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("employeeId", equalTo("E77"))
                .willReturn(json(200, "[{\"id\":577,\"employeeId\":\"E77\",\"period\":\"2026-09\",\"status\":"
                        + "\"PUBLISHED\",\"items\":[{\"itemCode\":\"errors\",\"metricCode\":\"error_count\","
                        + "\"value\":1,\"points\":95}]}]")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/trends"))
                .withQueryParam("employeeId", equalTo("E77"))
                .willReturn(json(200, "{\"series\":[{\"start\":\"2026-09-07\",\"values\":{\"error_count\":"
                        + "{\"value\":1,\"samples\":1}}}]}")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/records"))
                .withQueryParam("employeeId", equalTo("E77"))
                .willReturn(json(200, "[{\"kind\":\"incidents\",\"sourceSystem\":\"crm\",\"externalId\":"
                        + "\"CRM-77\",\"revision\":2,\"day\":\"2026-09-07\",\"fields\":{\"kind\":\"ERROR\"},"
                        + "\"countedIn\":[\"NUMERATOR\",\"DENOMINATOR\"]}]")));
        String item = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .cookie(ConsoleLanguage.COOKIE, "zh-CN").queryParam("period", "2026-09")
                .get("/console/items/E77/errors").then().statusCode(200).extract().asString();
        assertTrue(item.contains(">申诉此记录</a>") && item.contains(" · 第 2 版 · 计入分子、分母"), item);
        assertTrue(item.contains("按中心的自然日列出 metrics-service 算出的每日 error_count"), item);
        for (String english : List.of("Appeal this record", "counted in", " · revision 2", "Each day's", "the numerator")) {
            assertFalse(item.contains(english), english + " left in zh-CN: " + item);
        }
        // the same page in English says what it said before (the appeal's data point stays as the API reads it)
        String itemEn = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .cookie(ConsoleLanguage.COOKIE, "en").queryParam("period", "2026-09")
                .get("/console/items/E77/errors").then().statusCode(200).extract().asString();
        assertTrue(itemEn.contains(">Appeal this record</a>")
                && itemEn.contains(" · revision 2 · counted in the numerator and the denominator"), itemEn);
        assertTrue(item.contains("data-point=\"incidents crm/CRM-77 (revision 2) of 2026-09-07: \""), item);

        // the reviews page: a run whose template names its rating item and its grade in both languages
        String supervisor = TestTokens.token("E2", "supervisor");
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/runs"))
                .withQueryParam("period", equalTo("2026-09"))
                .willReturn(json(200, "[{\"id\":13,\"templateCode\":\"CONDUCT-L\",\"templateVersion\":1,"
                        + "\"unitCode\":\"G-9\",\"period\":\"2026-09\",\"status\":\"IN_REVIEW\",\"revision\":1}]")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/runs/13"))
                .willReturn(json(200, "{\"id\":13,\"templateCode\":\"CONDUCT-L\",\"templateVersion\":1,"
                        + "\"unitCode\":\"G-9\",\"period\":\"2026-09\",\"status\":\"IN_REVIEW\",\"revision\":1,"
                        + "\"scorecards\":[{\"id\":613,\"employeeId\":\"E71\",\"status\":\"IN_REVIEW\",\"total\":"
                        + "82,\"grade\":\"good\",\"review\":{}}]}")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/templates/CONDUCT-L/versions/1"))
                .willReturn(json(200, "{\"code\":\"CONDUCT-L\",\"version\":1,\"items\":[{\"code\":\"conduct\","
                        + "\"name\":\"Conduct\",\"nameZh\":\"品行\",\"nameEn\":\"Conduct and attitude\",\"rule\":"
                        + "{\"type\":\"manual-rating\",\"scaleMin\":1,\"scaleMax\":5,\"dimensions\":[{\"code\":"
                        + "\"de\",\"name\":\"integrity\"}],\"raters\":[{\"role\":\"supervisor\",\"weight\":100}]}}],"
                        + "\"gradeBands\":[{\"grade\":\"good\",\"minScore\":80,\"nameZh\":\"良好\",\"nameEn\":"
                        + "\"Good\"}]}")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/reviews/613/ratings"))
                .willReturn(json(200, "[{\"id\":4,\"scorecardId\":613,\"itemCode\":\"conduct\",\"role\":"
                        + "\"supervisor\",\"raterId\":\"E2\",\"scores\":{\"de\":4}}]")));
        String reviews = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, supervisor)
                .cookie(ConsoleLanguage.COOKIE, "zh-CN").queryParam("period", "2026-09").queryParam("run", "13")
                .get("/console/review/runs").then().statusCode(200).extract().asString();
        assertTrue(reviews.contains("<legend>对 E71 的「品行」主管评分（1–5 分）</legend>"), reviews);
        assertTrue(reviews.contains(">评语</label>") && reviews.contains(">为 E71 的「品行」评分</button>"), reviews);
        assertTrue(reviews.contains("<li class=\"rating\">主管对「品行」的评分（E2）：de 4</li>"), reviews);
        assertTrue(reviews.contains(" · 良好</h3>"), "the grade by the template's label: " + reviews);
        for (String english : List.of("Supervisor rating", "rating of", ">Comment<", ">Rate ", " · good</h3>")) {
            assertFalse(reviews.contains(english), english + " left in zh-CN: " + reviews);
        }
        String reviewsEn = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, supervisor)
                .cookie(ConsoleLanguage.COOKIE, "en").queryParam("period", "2026-09").queryParam("run", "13")
                .get("/console/review/runs").then().statusCode(200).extract().asString();
        assertTrue(reviewsEn.contains("<legend>Supervisor rating of Conduct and attitude for E71 (1–5)</legend>"),
                reviewsEn);
        assertTrue(reviewsEn.contains("supervisor rating of Conduct and attitude by E2: de 4")
                && reviewsEn.contains(" · Good</h3>"), reviewsEn);

        // hr's page of the run: the scorecards' grades by the template's label too
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, TestTokens.token("E90", "hr"))
                .cookie(ConsoleLanguage.COOKIE, "zh-CN").get("/console/hr/runs/13").then().statusCode(200)
                .body(containsString("<td class=\"num\">82</td><td>良好</td>"));

        // the appeals page: the escalation forms (a reviewer's open appeal, an agent's rejected one)
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/appeals"))
                .withQueryParam("status", equalTo("OPEN"))
                .willReturn(json(200, "[{\"id\":71,\"employeeId\":\"E71\",\"itemCode\":\"a\",\"status\":"
                        + "\"OPEN\",\"mayDecide\":true}]")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/appeals"))
                .withQueryParam("status", equalTo("REJECTED"))
                .willReturn(json(200, "[{\"id\":72,\"employeeId\":\"E71\",\"itemCode\":\"b\",\"status\":"
                        + "\"REJECTED\",\"mayDecide\":false}]")));
        String open = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE,
                        TestTokens.token("E41", "appeals")).cookie(ConsoleLanguage.COOKIE, "zh-CN")
                .queryParam("status", "OPEN").get("/console/review/appeals").then().statusCode(200).extract().asString();
        assertTrue(open.contains(">不自行裁定，转交人力资源部：原因</label>")
                && open.contains("<button type=\"submit\">升级至人力资源部</button>"), open);
        String rejected = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE,
                        TestTokens.token("E71", "agent")).cookie(ConsoleLanguage.COOKIE, "zh-CN")
                .queryParam("status", "REJECTED").get("/console/review/appeals").then().statusCode(200).extract()
                .asString();
        assertTrue(rejected.contains(">对驳回结果不满意？升级至人力资源部：原因</label>"), rejected);
        for (String english : List.of("Hand it to hr", "Not satisfied", "Escalate to hr", "Escalate it")) {
            assertFalse(open.contains(english) || rejected.contains(english), english + " left in zh-CN");
        }
    }

    /** The appeals whose escalation form the page offers the caller. */
    private static String escalatable(String token) {
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, token)
                .get("/console/review/appeals").then().statusCode(200).extract().asString();
        java.util.List<String> ids = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("action=\"/console/review/appeals/(\\d+)/"
                + "escalation\"").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        java.util.Collections.sort(ids);
        return ids.toString();
    }
}
