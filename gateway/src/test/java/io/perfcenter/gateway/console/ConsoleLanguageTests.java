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
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's language: zh-CN or en, from the remembered choice (cookie), else the browser's Accept-Language, else
 * English; labels come from the message bundle, and the page's API calls carry the language.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class ConsoleLanguageTests {

    private static final String CSRF = "test-csrf-token-0123456789abcdef";

    @InjectServiceStubs
    ServiceStubs stubs;

    @BeforeEach
    void reset() {
        stubs.servers().values().forEach(WireMockServer::resetRequests);
    }

    @Test
    void theBrowsersAcceptLanguageChoosesWhenNothingIsRemembered() {
        assertEquals("zh-CN", ConsoleLanguage.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals("zh-CN", ConsoleLanguage.fromAcceptLanguage("fr;q=1, zh-TW;q=0.8, en;q=0.5"));
        assertEquals("en", ConsoleLanguage.fromAcceptLanguage("en-US,en;q=0.9,zh-CN;q=0.8"));
        assertEquals("en", ConsoleLanguage.fromAcceptLanguage("de, fr"));
        assertEquals("en", ConsoleLanguage.fromAcceptLanguage("zh;q=0, de"));
        assertEquals("en", ConsoleLanguage.fromAcceptLanguage(";;;=garbage"));
        assertEquals("en", ConsoleLanguage.fromAcceptLanguage(null));

        given().header("Accept-Language", "zh-CN,zh;q=0.9").get("/console/sign-in").then().statusCode(200)
                .body(containsString("<html lang=\"zh-CN\">")).body(containsString("<h1>登录</h1>"))
                .body(containsString("id=\"lang-zh-CN\" aria-pressed=\"true\""));
        given().header("Accept-Language", "en-GB").get("/console/sign-in").then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(containsString("<h1>Sign in</h1>"));
    }

    @Test
    void theRememberedChoiceWinsOverTheBrowser() {
        given().header("Accept-Language", "en").cookie(ConsoleLanguage.COOKIE, "zh-CN").get("/console/sign-in")
                .then().statusCode(200).body(containsString("<h1>登录</h1>"));
        given().header("Accept-Language", "zh-CN").cookie(ConsoleLanguage.COOKIE, "en").get("/console/sign-in")
                .then().statusCode(200).body(containsString("<h1>Sign in</h1>"));
        // a cookie naming no language the console speaks is ignored
        given().header("Accept-Language", "zh-CN").cookie(ConsoleLanguage.COOKIE, "<x>").get("/console/sign-in")
                .then().statusCode(200).body(containsString("<h1>登录</h1>"));
    }

    @Test
    void theSwitchRemembersTheChoiceAndGoesBackToThePage() {
        Response r = given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("lang", "zh-CN").header("Referer", "http://localhost:" + port() + "/console/group?period=2026-10")
                .post("/console/language");
        assertEquals(303, r.statusCode(), r.asString());
        assertTrue(r.header("Location").endsWith("/console/group?period=2026-10"), r.header("Location"));
        assertTrue(r.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(ConsoleLanguage.COOKIE
                + "=zh-CN") && c.contains("Max-Age=31536000")), r.headers().toString());
        // a form from another site is refused (CSRF: Origin/Referer); a page outside the console is not gone back to
        given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("lang", "en").header("Referer", "https://evil.example/console/group")
                .post("/console/language").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("lang", "en").header("Referer", "http://localhost:" + port() + "/q/swagger-ui")
                .post("/console/language").then().statusCode(303).header("Location", not(containsString("swagger")));
        // without the CSRF token, or a language the console does not speak: refused
        given().redirects().follow(false).formParam("lang", "zh-CN").post("/console/language").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("lang", "fr").post("/console/language").then().statusCode(400);
    }

    @Test
    void aPageIsLabelledInItsLanguageAndItsApiCallsCarryIt() {
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("period", equalTo("2026-10"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "[{\"id\":1,\"employeeId\":\"E3001\",\"unitCode\":\"G-1\",\"period\":\"2026-10\",\"total\":91.2,"
                                + "\"grade\":\"excellent\",\"rank\":1,\"status\":\"PUBLISHED\",\"items\":[]}]")));
        String token = TestTokens.token("E2001", "supervisor");
        given().cookie(ConsoleRoutes.SESSION_COOKIE, token).cookie(ConsoleLanguage.COOKIE, "zh-CN")
                .queryParam("period", "2026-10").get("/console/group").then().statusCode(200)
                .body(containsString(">总分<")).body(containsString(">我的小组<")).body(containsString(">退出<"));
        stubs.get("scoring-service").verify(getRequestedFor(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withHeader("Accept-Language", equalTo("zh-CN")));

        stubs.get("scoring-service").resetRequests();
        given().cookie(ConsoleRoutes.SESSION_COOKIE, token).header("Accept-Language", "en-US,en;q=0.9")
                .queryParam("period", "2026-10").get("/console/group").then().statusCode(200)
                .body(containsString(">Total<")).body(containsString(">My group<"));
        stubs.get("scoring-service").verify(getRequestedFor(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withHeader("Accept-Language", equalTo("en")));
    }

    @Test
    void theMonthAndGroupPagesShowExplanationsInTheirLanguageAndTheTemplatesLabels() {
        String card = "{\"id\":901,\"runId\":91,\"employeeId\":\"EL9\",\"unitCode\":\"G-9\",\"period\":\"2026-10\","
                + "\"templateCode\":\"SEAT-L\",\"templateVersion\":2,\"total\":83,\"grade\":\"good\",\"rank\":1,"
                + "\"status\":\"PUBLISHED\",\"totalExplanation\":\"%s\",\"items\":[{\"itemCode\":\"aht\","
                + "\"metricCode\":\"aht_minutes\",\"value\":6.5,\"points\":7,\"maxPoints\":10,\"weight\":40,"
                + "\"weightedPoints\":28,\"handling\":\"SCORED\",\"explanation\":\"%s\"},{\"itemCode\":\"qa\","
                + "\"metricCode\":\"qa_score\",\"points\":55,\"weight\":60,\"weightedPoints\":55,"
                + "\"handling\":\"SCORED\",\"explanation\":\"55\"}]}";
        String en = "6.5 min lies between 5 min (full marks) and 10 min (zero): 10 × (10 − 6.5) / (10 − 5) = 7 of 10 points";
        String zh = "6.5 分钟 介于 5 分钟（满分）与 10 分钟（零分）之间：10 × (10 − 6.5) / (10 − 5) = 7，满分 10 分";
        // scoring answers in the language asked for (as it does: explanations follow Accept-Language)
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("employeeId", equalTo("EL9")).withHeader("Accept-Language", equalTo("zh-CN"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[" + card.formatted("总分：28 + 55 = 83 → 83", zh) + "]")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("employeeId", equalTo("EL9")).withHeader("Accept-Language", equalTo("en"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[" + card.formatted("Total: 28 + 55 = 83 → 83", en) + "]")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("period", equalTo("2026-11")).withQueryParam("limit", equalTo("1000"))
                .withHeader("Accept-Language", equalTo("zh-CN"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[" + card.formatted("总分：28 + 55 = 83 → 83", zh) + "]")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("period", equalTo("2026-11")).withQueryParam("limit", equalTo("1000"))
                .withHeader("Accept-Language", equalTo("en"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[" + card.formatted("Total: 28 + 55 = 83 → 83", en) + "]")));
        // the template version names the aht item and the grade good in both languages; qa it does not name
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/templates/SEAT-L/versions/2"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"code\":\"SEAT-L\",\"version\":2,\"name\":\"Seat L\",\"nameZh\":\"坐席L\",\"items\":[{\"code\":\"aht\",\"name\":\"AHT\","
                                + "\"nameZh\":\"平均处理时长\",\"nameEn\":\"Average handling time\"},{\"code\":\"qa\","
                                + "\"name\":\"QA\"}],\"gradeBands\":[{\"grade\":\"good\",\"minScore\":80,"
                                + "\"nameZh\":\"良好\",\"nameEn\":\"Good\"}]}")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/agents/EL9"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"employeeId\":\"EL9\",\"name\":\"Wang Fang\",\"unitCode\":\"G-9\"}")));
        String token = TestTokens.token("EL9", "agent");

        String chinese = given().cookie(ConsoleRoutes.SESSION_COOKIE, token).cookie(ConsoleLanguage.COOKIE, "zh-CN")
                .queryParam("period", "2026-10").get("/").then().statusCode(200).extract().asString();
        assertTrue(chinese.contains(zh), chinese);
        assertTrue(chinese.contains("<h3>平均处理时长 <small>aht</small>"), chinese);
        assertTrue(chinese.contains("<h3>qa <small>"), "an item the template does not label: its code: " + chinese);
        assertTrue(chinese.contains("id=\"grade\">良好<"), chinese);
        assertTrue(chinese.contains("坐席L <small>SEAT-L</small> · <span title=\"PUBLISHED\">已发布</span>"), chinese);
        stubs.get("scoring-service").verify(getRequestedFor(urlPathEqualTo(
                "/api/v1/scoring/templates/SEAT-L/versions/2")).withHeader("Accept-Language", equalTo("zh-CN")));

        String english = given().cookie(ConsoleRoutes.SESSION_COOKIE, token).cookie(ConsoleLanguage.COOKIE, "en")
                .queryParam("period", "2026-10").get("/").then().statusCode(200).extract().asString();
        assertTrue(english.contains(en), english);
        assertFalse(english.contains(zh), english);
        assertTrue(english.contains("<h3>Average handling time <small>aht</small>"), english);
        assertTrue(english.contains("id=\"grade\">Good<"), english);
        assertTrue(english.contains("Seat L <small>SEAT-L</small> · <span title=\"PUBLISHED\">published</span>"),
                "no English name: the one name: " + english);

        String supervisor = TestTokens.token("E2009", "supervisor");
        given().cookie(ConsoleRoutes.SESSION_COOKIE, supervisor).cookie(ConsoleLanguage.COOKIE, "zh-CN")
                .queryParam("period", "2026-11").get("/console/group").then().statusCode(200)
                .body(containsString("data-sort=\"number\">平均处理时长<")).body(containsString("data-sort=\"number\">qa<"))
                .body(containsString("<td>良好</td>"));
        given().cookie(ConsoleRoutes.SESSION_COOKIE, supervisor).cookie(ConsoleLanguage.COOKIE, "en")
                .queryParam("period", "2026-11").get("/console/group").then().statusCode(200)
                .body(containsString("data-sort=\"number\">Average handling time<"))
                .body(containsString("<td>Good</td>"));
    }

    @Test
    void theApisCodesAreShownInWordsAndAnUnknownCodeAsItIs() {
        assertEquals("codeInReview", CodeLabels.key("code", "IN_REVIEW"));
        assertEquals("codeInReview", CodeLabels.key("code", "in review"));
        assertEquals("codeQaEvaluations", CodeLabels.key("code", "qa-evaluations"));
        assertEquals(null, CodeLabels.key("code", "<b>"));
        assertEquals("IN_REVIEW", CodeLabels.api("in review"));
        // outside a page: English
        assertEquals("in review", CodeLabels.label("IN_REVIEW"));
        assertEquals("review opened", CodeLabels.label("review opened"));
        assertEquals("QA evaluations", CodeLabels.label("qa-evaluations"));
        assertEquals("talk seconds", CodeLabels.field("talkSeconds"));
        assertEquals("open", CodeLabels.of("appeal", "OPEN"));
        assertEquals("accepted", CodeLabels.of("appeal", "ACCEPTED"), "an appeal's status, not the history's action");
        // a code the console has no words for yet is shown as the API gave it, never blank
        assertEquals("SOME_NEW_STATUS", CodeLabels.label("SOME_NEW_STATUS"));
        assertEquals("someNewField", CodeLabels.field("someNewField"));
        assertEquals("", CodeLabels.label(null));
        // every status, kind and action the services' APIs answer today has its words (ConsoleMessagesTests: in both
        // languages)
        for (String code : List.of("COMPUTED", "IN_REVIEW", "PUBLISHED", "LOCKED", "SUPERSEDED", "OPEN", "ACCEPTED",
                "REJECTED", "CLOSED", "WITHDRAWN", "APPROVED", "SCORE", "DATA_POINT", "IN_PROGRESS", "MET", "MISSED",
                "RETRAINING", "REASSIGNMENT", "EXTENDED", "NONE", "RUNNING", "DUE", "PASSED", "FAILED", "PENDING",
                "ACKNOWLEDGED", "DISPUTED", "SCORED", "ZERO", "NEUTRAL", "EXCLUDED", "ADJUSTED", "RUN_COMPUTED",
                "REVIEW_OPENED", "RUN_PUBLISHED", "RUN_LOCKED", "RUN_SUPERSEDED", "SCORECARD_ADJUSTED",
                "SCORECARD_RECOMPUTED", "SELF_ASSESSED", "REVIEWED", "RATED", "APPEAL_FILED", "APPEAL_ACCEPTED",
                "APPEAL_REJECTED", "APPEAL_ESCALATED", "COACHING_OPENED", "COACHING_NOTES", "COACHING_ACKNOWLEDGED",
                "COACHING_CLOSED", "ADDED", "REMOVED", "CHANGED", "RANK", "calls", "tickets", "surveys",
                "qa-evaluations", "qa-items", "mentorships", "adherence", "incidents", "sales", "values", "commission",
                "honor", "performance-pay", "perk", "points", "team-share")) {
            assertTrue(hasMethod("code" + CodeLabels.key("", code)), code + " has its words");
        }
    }

    @Test
    void theRunsAndRunPagesInChineseShowNoStatusActionOrTemplateCodeAsTheirWords() {
        String hr = TestTokens.token("EH77", "hr");
        String runs = "[{\"id\":9071,\"templateCode\":\"SEAT-Z\",\"templateVersion\":3,\"unitCode\":\"G-7\","
                + "\"period\":\"2031-07\",\"status\":\"IN_REVIEW\",\"revision\":1,\"scorecardCount\":2},"
                + "{\"id\":9072,\"templateCode\":\"OLD-Z\",\"templateVersion\":1,\"unitCode\":\"G-7\","
                + "\"period\":\"2031-07\",\"status\":\"LOCKED\",\"revision\":1},{\"id\":9073,\"templateCode\":"
                + "\"BARE-Z\",\"templateVersion\":1,\"unitCode\":\"G-8\",\"period\":\"2031-07\",\"status\":"
                + "\"LATER_STATUS\",\"revision\":1}]";
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/runs"))
                .withQueryParam("period", equalTo("2031-07")).willReturn(json(runs)));
        // the list of templates: SEAT-Z named in both languages, OLD-Z by one name, BARE-Z not at all
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/templates"))
                .withHeader("Authorization", equalTo("Bearer " + hr)).willReturn(json(
                        "[{\"code\":\"SEAT-Z\",\"version\":3,\"name\":\"Seat\",\"nameZh\":\"坐席月度考核\","
                                + "\"nameEn\":\"Seat monthly review\"},{\"code\":\"OLD-Z\",\"version\":1,"
                                + "\"name\":\"Old plan\"},{\"code\":\"BARE-Z\",\"version\":1}]")));
        String chinese = given().cookie(ConsoleRoutes.SESSION_COOKIE, hr).cookie(ConsoleLanguage.COOKIE, "zh-CN")
                .queryParam("period", "2031-07").get("/console/hr/runs").then().statusCode(200).extract().asString();
        assertTrue(chinese.contains(">评审中<") && chinese.contains(">已锁定<"), chinese);
        assertTrue(chinese.contains("坐席月度考核 <small>SEAT-Z</small>"), chinese);
        assertTrue(chinese.contains("Old plan <small>OLD-Z</small>"), "the one name when none is in Chinese: " + chinese);
        assertTrue(chinese.contains("<td>BARE-Z v1</td>"), "a template without a name: its code: " + chinese);
        assertTrue(chinese.contains("<option value=\"SEAT-Z\">坐席月度考核 (SEAT-Z)</option>"), chinese);
        assertTrue(chinese.contains("title=\"IN_REVIEW\""), "the API's code stays at hand: " + chinese);
        assertTrue(chinese.contains(">later status<"), "a status without words yet: as the API gave it: " + chinese);
        assertNoCodes(chinese, "in review", "locked");
        String english = given().cookie(ConsoleRoutes.SESSION_COOKIE, hr).cookie(ConsoleLanguage.COOKIE, "en")
                .queryParam("period", "2031-07").get("/console/hr/runs").then().statusCode(200).extract().asString();
        assertTrue(english.contains(">in review<") && english.contains("Seat monthly review <small>SEAT-Z</small>"),
                english);

        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/runs/9071")).willReturn(json(
                "{\"id\":9071,\"templateCode\":\"SEAT-Z\",\"templateVersion\":3,\"unitCode\":\"G-7\",\"period\":"
                        + "\"2031-07\",\"status\":\"IN_REVIEW\",\"revision\":2,\"scorecards\":[{\"id\":90711,"
                        + "\"employeeId\":\"EZ1\",\"total\":80,\"grade\":\"good\",\"rank\":1,\"status\":"
                        + "\"IN_REVIEW\"}]}")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/runs/9071/changes")).willReturn(json(
                "[{\"employeeId\":\"EZ1\",\"change\":\"CHANGED\",\"totalBefore\":78,\"totalAfter\":80,\"items\":[]},"
                        + "{\"employeeId\":\"EZ2\",\"change\":\"ADDED\",\"totalAfter\":70,\"items\":[]},"
                        + "{\"employeeId\":\"EZ3\",\"change\":\"RANK\",\"items\":[]}]")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/runs/9071/history")).willReturn(json(
                "[{\"action\":\"RUN_COMPUTED\",\"actor\":\"EH77\",\"at\":\"2031-08-01T10:00:00Z\"},"
                        + "{\"action\":\"REVIEW_OPENED\",\"actor\":\"EH77\",\"at\":\"2031-08-02T10:00:00Z\"},"
                        + "{\"action\":\"APPEAL_FILED\",\"actor\":\"EZ1\",\"at\":\"2031-08-03T10:00:00Z\"}]")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/templates/SEAT-Z/versions/3"))
                .willReturn(json("{\"code\":\"SEAT-Z\",\"version\":3,\"name\":\"Seat\",\"nameZh\":\"坐席月度考核\","
                        + "\"nameEn\":\"Seat monthly review\",\"items\":[],\"gradeBands\":[]}")));
        String run = given().cookie(ConsoleRoutes.SESSION_COOKIE, hr).cookie(ConsoleLanguage.COOKIE, "zh-CN")
                .get("/console/hr/runs/9071").then().statusCode(200).extract().asString();
        for (String words : List.of("坐席月度考核 <small>SEAT-Z</small> v3", "id=\"run-status\" title=\"IN_REVIEW\">评审中<",
                "<td>评审中</td>", ">有变化<", ">新增<", ">仅名次变化<", ">已计算<", ">已开启评审<", ">已提交申诉<")) {
            assertTrue(run.contains(words), words + ": " + run);
        }
        assertNoCodes(run, "in review", "changed", "added", "computed", "review opened", "appeal filed");
    }

    @Test
    void theAppealsPageInChineseShowsStatusesAndKindsInWordsAndTheDataPointAsStored() {
        String hr = TestTokens.token("EH78", "hr");
        String point = "calls CTI/C-1 (revision 1) of 2031-07-02: ";
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/appeals"))
                .withHeader("Authorization", equalTo("Bearer " + hr)).willReturn(json(
                        "[{\"id\":9301,\"scorecardId\":90711,\"employeeId\":\"EZ1\",\"itemCode\":\"aht\",\"kind\":"
                                + "\"DATA_POINT\",\"reason\":\"not mine\",\"dataPoint\":\"" + point + "\",\"status\":"
                                + "\"OPEN\",\"filedAt\":\"2031-08-03T10:00:00Z\"},{\"id\":9302,\"scorecardId\":90711,"
                                + "\"employeeId\":\"EZ1\",\"itemCode\":\"qa\",\"kind\":\"SCORE\",\"reason\":\"too low\","
                                + "\"status\":\"REJECTED\",\"decidedBy\":\"EH78\",\"decisionReason\":\"checked\"},"
                                + "{\"id\":9303,\"scorecardId\":90711,\"employeeId\":\"EZ1\",\"itemCode\":\"fcr\","
                                + "\"kind\":\"SCORE\",\"reason\":\"missed\",\"status\":\"ACCEPTED\",\"decidedBy\":"
                                + "\"EH78\"}]")));
        String chinese = given().cookie(ConsoleRoutes.SESSION_COOKIE, hr).cookie(ConsoleLanguage.COOKIE, "zh-CN")
                .get("/console/review/appeals").then().statusCode(200).extract().asString();
        for (String words : List.of(">待处理<", ">已驳回<", ">已接受<", "· 数据点</p>", "· 分数</p>", point)) {
            assertTrue(chinese.contains(words), words + ": " + chinese);
        }
        assertNoCodes(chinese.replace(point, ""), "open", "rejected", "accepted", "data point");
        String english = given().cookie(ConsoleRoutes.SESSION_COOKIE, hr).cookie(ConsoleLanguage.COOKIE, "en")
                .get("/console/review/appeals").then().statusCode(200).extract().asString();
        assertTrue(english.contains(">open<") && english.contains("· data point</p>"), english);
    }

    /**
     * The page's text (no tags, attributes or scripts) shows no API code (WORDS_LIKE_THIS) and none of the given
     * English words of codes.
     */
    private static void assertNoCodes(String html, String... english) {
        String text = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<[^>]*>", " ");
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)+\\b").matcher(text);
        assertFalse(code.find(), () -> "an API code on the page: " + code.group() + " in " + text);
        for (String word : english) {
            assertFalse(java.util.regex.Pattern.compile("(?i)(^|[^A-Za-z])" + java.util.regex.Pattern.quote(word)
                    + "($|[^A-Za-z])").matcher(text).find(), () -> "'" + word + "' on the page: " + text);
        }
    }

    private static boolean hasMethod(String name) {
        try {
            return ConsoleMessages.class.getMethod(name) != null;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void theCoachingPlansAndAppealsPagesShowTheServicesTextsInTheirLanguage() {
        // scoring answers its own texts in the language asked for (agenda basis, plan evaluation, the record named)
        String basisEn = "The 1 weakest of 2 scored items by points ÷ maximum points (lowest first; ties: the heavier "
                + "item first, then by code)";
        String basisZh = "已计分的 2 个项目中最弱的 1 个，按得分 ÷ 满分从低到高排列（相同时权重较大的项目在前，再按代码排序）";
        String session = "{\"id\":81,\"scorecardId\":881,\"employeeId\":\"EL8\",\"period\":\"2026-10\","
                + "\"coach\":\"S81\",\"status\":\"OPEN\",\"agenda\":[{\"position\":1,\"itemCode\":\"qa\","
                + "\"points\":40,\"maxPoints\":100,\"attainment\":0.4}],\"agendaBasis\":\"%s\"}";
        for (String[] language : new String[][]{{"zh-CN", basisZh}, {"en", basisEn}}) {
            stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/coaching-sessions/81"))
                    .withHeader("Accept-Language", equalTo(language[0]))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(session.formatted(language[1]))));
        }
        String agent = TestTokens.token("EL8", "agent");
        String coachingZh = given().cookie(ConsoleRoutes.SESSION_COOKIE, agent).cookie(ConsoleLanguage.COOKIE, "zh-CN")
                .get("/console/quality/coaching/81").then().statusCode(200).extract().asString();
        assertTrue(coachingZh.contains("id=\"agenda-basis\">" + basisZh + "<"), coachingZh);
        String coachingEn = given().cookie(ConsoleRoutes.SESSION_COOKIE, agent).cookie(ConsoleLanguage.COOKIE, "en")
                .get("/console/quality/coaching/81").then().statusCode(200).extract().asString();
        assertTrue(coachingEn.contains("id=\"agenda-basis\">" + basisEn + "<"), coachingEn);

        String plan = "[{\"id\":82,\"employeeId\":\"EL8\",\"unitCode\":\"G-8\",\"status\":\"MET\","
                + "\"startDate\":\"2026-09-07\",\"dueDate\":\"2026-10-04\",\"goals\":[{\"metricCode\":\"aht\","
                + "\"comparison\":\"AT_MOST\",\"value\":420,\"window\":\"WEEK\",\"consecutive\":2}],"
                + "\"evaluation\":{\"status\":\"MET\",\"goals\":[{\"met\":true,\"explanation\":\"%s\","
                + "\"windows\":[]}],\"explanation\":\"%s\"},\"checkIns\":[],\"consequences\":[]}]";
        String goalZh = "aht 在连续 2 个 ISO 周内不高于 420：已于 2026-09-14 至 2026-09-27 达成（415、400）";
        String outcomeZh = "已达成：所有目标均已达成（最后一项于 2026-09-27 达成）";
        String goalEn = "aht at most 420 in 2 consecutive ISO weeks: held 2026-09-14 to 2026-09-27 (415, 400)";
        String outcomeEn = "MET: every goal held (the last by 2026-09-27)";
        for (String[] language : new String[][]{{"zh-CN", goalZh, outcomeZh}, {"en", goalEn, outcomeEn}}) {
            stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/improvement-plans"))
                    .withQueryParam("employeeId", equalTo("EL8")).withHeader("Accept-Language", equalTo(language[0]))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(plan.formatted(language[1], language[2]))));
        }
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("employeeId", equalTo("EL8")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("[]")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/coaching-sessions"))
                .withQueryParam("employeeId", equalTo("EL8")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("[]")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/qa/evaluations"))
                .withQueryParam("employeeId", equalTo("EL8")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("[]")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/agents/EL8"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"employeeId\":\"EL8\",\"name\":\"Li Na\",\"unitCode\":\"G-8\"}")));
        String plansZh = given().cookie(ConsoleRoutes.SESSION_COOKIE, agent).cookie(ConsoleLanguage.COOKIE, "zh-CN")
                .queryParam("period", "2026-10").get("/console/quality/agents/EL8").then().statusCode(200)
                .extract().asString();
        assertTrue(plansZh.contains(goalZh) && plansZh.contains(outcomeZh), plansZh);
        String plansEn = given().cookie(ConsoleRoutes.SESSION_COOKIE, agent).cookie(ConsoleLanguage.COOKIE, "en")
                .queryParam("period", "2026-10").get("/console/quality/agents/EL8").then().statusCode(200)
                .extract().asString();
        assertTrue(plansEn.contains(goalEn) && plansEn.contains(outcomeEn) && !plansEn.contains(outcomeZh), plansEn);

        String appeal = "[{\"id\":83,\"employeeId\":\"EL8\",\"itemCode\":\"qa\",\"kind\":\"DATA_POINT\","
                + "\"status\":\"ACCEPTED\",\"reason\":\"The customer hung up\",\"dataPoint\":\"%s\","
                + "\"decidedBy\":\"E41\",\"decisionReason\":\"Recording checked\",\"mayDecide\":false}]";
        for (String[] language : new String[][]{{"zh-CN", "2026-10-09 的质检评估 17（qa-tool/QA-1）"},
                {"en", "QA evaluation 17 (qa-tool/QA-1) of 2026-10-09"}}) {
            stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/appeals"))
                    .withQueryParam("status", equalTo("ACCEPTED")).withHeader("Accept-Language", equalTo(language[0]))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(appeal.formatted(language[1]))));
        }
        String reviewer = TestTokens.token("E41", "appeals");
        given().cookie(ConsoleRoutes.SESSION_COOKIE, reviewer).cookie(ConsoleLanguage.COOKIE, "zh-CN")
                .queryParam("status", "ACCEPTED").get("/console/review/appeals").then().statusCode(200)
                .body(containsString("<strong>2026-10-09 的质检评估 17（qa-tool/QA-1）</strong>"))
                .body(containsString("Recording checked"));
        given().cookie(ConsoleRoutes.SESSION_COOKIE, reviewer).cookie(ConsoleLanguage.COOKIE, "en")
                .queryParam("status", "ACCEPTED").get("/console/review/appeals").then().statusCode(200)
                .body(containsString("<strong>QA evaluation 17 (qa-tool/QA-1) of 2026-10-09</strong>"));
    }

    @Test
    void theGatewaysOwnProblemTitlesFollowAcceptLanguage() {
        given().header("Accept-Language", "zh-CN,zh;q=0.9").get("/api/v1/metrics/catalog").then().statusCode(401)
                .header("Content-Language", "zh-CN").body("title", org.hamcrest.Matchers.equalTo("未授权"))
                .body("type", org.hamcrest.Matchers.equalTo("https://perfcenter.io/problems/unauthorized"));
        given().header("Accept-Language", "en-US").get("/api/v1/metrics/catalog").then().statusCode(401)
                .header("Content-Language", "en").body("title", org.hamcrest.Matchers.equalTo("Unauthorized"));
        given().get("/api/v1/metrics/catalog").then().statusCode(401)
                .body("title", org.hamcrest.Matchers.equalTo("Unauthorized"));
        given().header("Accept-Language", "zh").auth().oauth2(TestTokens.token("E7", "agent"))
                .get("/api/v1/nowhere").then().statusCode(404).body("title", org.hamcrest.Matchers.equalTo("未找到"));
        given().header("Accept-Language", "zh-CN").auth().oauth2(TestTokens.token("E7", "agent"))
                .get("/api/v1/me/overview?period=bad").then().statusCode(400)
                .body("title", org.hamcrest.Matchers.equalTo("字段无效")).body("field", org.hamcrest.Matchers.equalTo("period"));
    }

    private static int port() {
        return io.restassured.RestAssured.port;
    }
}
