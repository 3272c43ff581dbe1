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
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.gateway.ServiceStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * hr's definition forms of the honors, ladders and plans pages: an award (or its next version, or retiring it), a
 * career ladder with its steps' rules, and a plan's next version field by field. What each form sends (rows left blank
 * skipped, numbers as numbers, what is not a number as typed for the API to name), the forms pre-filled from what the
 * API answers, the API's problem shown naming the field, and everyone but hr and admin refused before any call.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class CareerFormsPagesTests {

    private static final String CSRF = "test-csrf-token-0123456789abcdef";

    @InjectServiceStubs
    ServiceStubs stubs;

    @BeforeEach
    void reset() {
        stubs.servers().values().forEach(WireMockServer::resetRequests);
    }

    private static RequestSpecification as(String token) {
        return given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, token)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf", CSRF);
    }

    @Test
    void hrDefinesAnAwardFromTheFormAndTheApisProblemNamesTheField() {
        String hr = TestTokens.token("E9001", "hr");
        stubs.get("incentive-service").stubFor(post(urlPathEqualTo("/api/v1/incentives/honors/awards"))
                .withHeader("Authorization", equalTo("Bearer " + hr))
                .withRequestBody(equalToJson("{\"code\":\"QUIET-STAR\",\"name\":\"Quiet star\",\"nameZh\":\"静音之星\","
                        + "\"nameEn\":\"Quiet star\",\"cadence\":\"QUARTERLY\",\"rankBy\":{\"measure\":\"aht\","
                        + "\"direction\":\"LOWER\",\"minSamples\":30},\"eligibility\":[{\"measure\":\"calls_handled\","
                        + "\"atLeast\":1500},{\"measure\":\"upheld_complaints\",\"atMost\":0,\"whenMissing\":"
                        + "\"ELIGIBLE\"}],\"excludedGrades\":[\"fail\",\"pass\"],\"winners\":2,\"tieBreakers\":"
                        + "[{\"measure\":\"csat\",\"direction\":\"HIGHER\"}]}"))
                .willReturn(json(201, "{\"code\":\"QUIET-STAR\",\"version\":1}")));
        as(hr).formParam("code", "QUIET-STAR").formParam("name", "").formParam("nameZh", "静音之星")
                .formParam("nameEn", "Quiet star").formParam("cadence", "QUARTERLY").formParam("rankMeasure", "aht")
                .formParam("rankDirection", "LOWER").formParam("rankMinSamples", "30")
                .formParam("conditionMeasure", "calls_handled", "upheld_complaints", "")
                .formParam("conditionAtLeast", "1500", "", "")
                .formParam("conditionAtMost", "", "0", "")
                .formParam("conditionWhenMissing", "", "ELIGIBLE", "")
                .formParam("excludedGrades", "fail, pass").formParam("winners", "2")
                .formParam("tieMeasure", "csat", "").formParam("tieDirection", "HIGHER", "HIGHER")
                .post("/console/careers/awards").then().statusCode(303)
                .header("Location", containsString("/console/careers/honors"));

        // a winners count that is no number goes as typed: the API names it
        stubs.get("incentive-service").stubFor(post(urlPathEqualTo("/api/v1/incentives/honors/awards"))
                .withRequestBody(equalToJson("{\"code\":\"BAD\",\"winners\":\"two\"}", true, true))
                .willReturn(json(400, "{\"title\":\"Bad Request\",\"status\":400,\"field\":\"winners\","
                        + "\"detail\":\"must be a whole number\"}")));
        as(hr).formParam("code", "BAD").formParam("name", "Bad").formParam("rankMeasure", "score")
                .formParam("winners", "two").post("/console/careers/awards").then().statusCode(400)
                .body(containsString("winners: must be a whole number"));
        stubs.get("incentive-service").verify(2, postRequestedFor(urlPathEqualTo("/api/v1/incentives/honors/awards")));

        // a refusal passed on from the service behind (502 with a problem) is shown as such, not as "unavailable"
        stubs.get("incentive-service").stubFor(post(urlPathEqualTo("/api/v1/incentives/honors/runs"))
                .willReturn(json(502, "{\"title\":\"Dependency rejected the request\",\"status\":502,"
                        + "\"detail\":\"metrics-service answered HTTP 400; nothing was changed\"}")));
        as(hr).formParam("period", "2026-10").formParam("unitCode", "G1").post("/console/careers/honors")
                .then().statusCode(502).body(containsString("metrics-service answered HTTP 400"));
    }

    @Test
    void newVersionFillsTheAwardFormAndRetireRetires() {
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/honors/awards"))
                .willReturn(json(200, "[{\"code\":\"SERVICE-STAR\",\"version\":3,\"name\":\"Service Star\","
                        + "\"nameZh\":\"服务之星\",\"cadence\":\"MONTHLY\",\"rankBy\":{\"measure\":\"csat\","
                        + "\"minSamples\":30},\"eligibility\":[{\"measure\":\"calls_handled\",\"atLeast\":1500}],"
                        + "\"excludedGrades\":[\"fail\"],\"winners\":1,\"tieBreakers\":[{\"measure\":\"fcr\","
                        + "\"direction\":\"LOWER\"}]}]")));
        String hr = TestTokens.token("E9001", "hr");
        String html = given().cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .get("/console/careers/honors?period=2026-10&award=SERVICE-STAR").then().statusCode(200).extract()
                .asString();
        assertTrue(html.contains("Next version of the award SERVICE-STAR"), html);
        assertTrue(html.contains("name=\"code\" required maxlength=\"64\" value=\"SERVICE-STAR\" readonly"), html);
        assertTrue(html.contains("value=\"服务之星\"") && html.contains("name=\"rankMeasure\" required "
                + "maxlength=\"64\" value=\"csat\"") && html.contains("value=\"30\""), "the ranking as it stands");
        assertTrue(html.contains("name=\"conditionMeasure\" maxlength=\"64\" value=\"calls_handled\"")
                && html.contains("name=\"conditionAtLeast\" inputmode=\"decimal\" maxlength=\"32\" value=\"1500\""),
                "the condition as it stands");
        assertTrue(html.contains("name=\"excludedGrades\" maxlength=\"500\" value=\"fail\""), html);
        assertTrue(html.contains("<option value=\"LOWER\" selected>lower is better</option>"), "the tie-breaker's");
        assertTrue(html.contains("action=\"/console/careers/awards/SERVICE-STAR/retire\""), html);
        assertTrue(html.contains("<script src=\"/console/static/console.js\">"), "console.js adds the rows");

        String blank = given().cookie(ConsoleRoutes.SESSION_COOKIE, hr).get("/console/careers/honors?period=2026-10")
                .then().statusCode(200).extract().asString();
        assertTrue(blank.contains("Define an award") && blank.contains("name=\"code\" required maxlength=\"64\" "
                + "value=\"\">"), "without ?award= the form is blank");
        String zh = given().cookie(ConsoleRoutes.SESSION_COOKIE, hr).header("Accept-Language", "zh-CN")
                .get("/console/careers/honors?period=2026-10").then().statusCode(200).extract().asString();
        assertTrue(zh.contains("定义奖项") && zh.contains("并列时的比较依据") && !zh.contains("Tie-breakers"), zh);

        stubs.get("incentive-service").stubFor(post(urlPathEqualTo("/api/v1/incentives/honors/awards/SERVICE-STAR"
                + "/retire")).withHeader("Authorization", equalTo("Bearer " + hr))
                .willReturn(json(200, "{\"code\":\"SERVICE-STAR\",\"version\":3}")));
        as(hr).post("/console/careers/awards/SERVICE-STAR/retire").then().statusCode(303)
                .header("Location", containsString("/console/careers/honors"));
        stubs.get("incentive-service").stubFor(post(urlPathEqualTo("/api/v1/incentives/honors/awards/GONE/retire"))
                .willReturn(json(404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No award GONE\"}")));
        as(hr).post("/console/careers/awards/GONE/retire").then().statusCode(404)
                .body(containsString("No award GONE"));
    }

    @Test
    void hrDefinesALadderWithEachRuleInTheStepItsRowNames() {
        String hr = TestTokens.token("E9001", "hr");
        stubs.get("incentive-service").stubFor(post(urlPathEqualTo("/api/v1/incentives/promotion/ladders"))
                .withHeader("Authorization", equalTo("Bearer " + hr))
                .withRequestBody(equalToJson("{\"code\":\"CAREER2\",\"name\":\"Career 2\",\"nameZh\":\"职业通道二\","
                        + "\"positions\":[\"seat\",\"group-lead\",\"qa-specialist\"],\"steps\":["
                        + "{\"from\":\"seat\",\"to\":\"group-lead\",\"rules\":[{\"type\":\"consecutiveGrades\","
                        + "\"periods\":3,\"grades\":[\"good\",\"excellent\"]},{\"type\":\"tenure\",\"months\":12}]},"
                        + "{\"from\":\"group-lead\",\"to\":\"qa-specialist\",\"rules\":[{\"type\":\"metric\","
                        + "\"label\":\"mentoring\",\"periods\":3,\"measure\":\"mentoring_pass_rate\",\"atLeast\":0.9,"
                        + "\"passWhenMissing\":false}]}]}"))
                .willReturn(json(201, "{\"code\":\"CAREER2\",\"version\":1}")));
        as(hr).formParam("code", "CAREER2").formParam("name", "Career 2").formParam("nameZh", "职业通道二")
                .formParam("nameEn", "").formParam("position", "seat", "group-lead", "", "qa-specialist")
                .formParam("ruleFrom", "seat", "group-lead", "seat", "")
                .formParam("ruleType", "consecutiveGrades", "metric", "tenure", "")
                .formParam("ruleLabel", "", "mentoring", "", "")
                .formParam("rulePeriods", "3", "3", "", "")
                .formParam("ruleGrades", "good, excellent", "", "", "")
                .formParam("ruleMonths", "", "", "12", "")
                .formParam("ruleMeasure", "", "mentoring_pass_rate", "", "")
                .formParam("ruleAtLeast", "", "0.9", "", "")
                .formParam("ruleAtMost", "", "", "", "")
                .formParam("rulePassWhenMissing", "", "false", "", "")
                .post("/console/careers/ladders").then().statusCode(303)
                .header("Location", containsString("/console/careers/ladders"));

        // a rule of a step the ladder does not have (from the top position) is refused naming it, nothing sent
        as(hr).formParam("code", "CAREER3").formParam("name", "Career 3").formParam("position", "seat", "lead")
                .formParam("ruleFrom", "lead").formParam("ruleType", "tenure").formParam("ruleMonths", "6")
                .post("/console/careers/ladders").then().statusCode(400)
                .body(containsString("ruleFrom: lead is no position the ladder steps up from"));
        stubs.get("incentive-service").stubFor(post(urlPathEqualTo("/api/v1/incentives/promotion/ladders"))
                .withRequestBody(equalToJson("{\"code\":\"CAREER4\"}", true, true))
                .willReturn(json(400, "{\"title\":\"Bad Request\",\"status\":400,\"field\":\"steps[0].rules[0].months\","
                        + "\"detail\":\"must be at least 1\"}")));
        as(hr).formParam("code", "CAREER4").formParam("name", "Career 4").formParam("position", "seat", "lead")
                .formParam("ruleFrom", "seat").formParam("ruleType", "tenure").formParam("ruleMonths", "0")
                .post("/console/careers/ladders").then().statusCode(400)
                .body(containsString("steps[0].rules[0].months: must be at least 1"));
        stubs.get("incentive-service").verify(2, postRequestedFor(urlPathEqualTo(
                "/api/v1/incentives/promotion/ladders")));
    }

    @Test
    void newVersionFillsTheLadderForm() {
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/promotion/ladders"))
                .willReturn(json(200, "[{\"code\":\"PATH\",\"version\":2,\"name\":\"Path\",\"positions\":[\"seat\","
                        + "\"lead\"],\"steps\":[{\"from\":\"seat\",\"to\":\"lead\",\"rules\":[{\"type\":\"tenure\","
                        + "\"months\":18}]}]}]")));
        String hr = TestTokens.token("E9001", "hr");
        String html = given().cookie(ConsoleRoutes.SESSION_COOKIE, hr).get("/console/careers/ladders?ladder=PATH")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("Next version of the ladder PATH"), html);
        assertTrue(html.contains("name=\"position\" maxlength=\"64\" value=\"seat\"")
                && html.contains("name=\"position\" maxlength=\"64\" value=\"lead\""), html);
        assertTrue(html.contains("name=\"ruleFrom\" maxlength=\"64\" value=\"seat\"")
                && html.contains("<option value=\"tenure\" selected>")
                && html.contains("name=\"ruleMonths\" inputmode=\"numeric\" maxlength=\"4\" value=\"18\""), html);
        given().cookie(ConsoleRoutes.SESSION_COOKIE, hr).get("/console/careers/ladders?ladder=no%20such")
                .then().statusCode(400);
    }

    @Test
    void thePlanFormIsFilledFromTheVersionShownAndSendsItsNextVersion() {
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/plans"))
                .willReturn(json(200, "[{\"code\":\"FORM-PLAN\",\"version\":2,\"name\":\"Form plan\","
                        + "\"currency\":\"CNY\",\"performancePayShare\":0.3}]")));
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/plans/FORM-PLAN"))
                .willReturn(json(200, "{\"code\":\"FORM-PLAN\",\"version\":2,\"name\":\"Form plan\","
                        + "\"currency\":\"CNY\",\"performancePayShare\":0.30,\"gradeCoefficients\":{\"excellent\":1.1,"
                        + "\"good\":1.0},\"targets\":{\"measure\":\"fcr\",\"basic\":{\"threshold\":0.8,\"amount\":500},"
                        + "\"positionWeights\":{\"expert-seat\":1.2}},\"commission\":{\"mode\":\"PROGRESSIVE\","
                        + "\"brackets\":[{\"upTo\":100000,\"rate\":0.01},{\"rate\":0.015,\"teamFund\":200}]},"
                        + "\"teamReward\":{\"measure\":\"csat\",\"target\":4.5,\"pool\":10000,\"split\":\"BY_HOURS\","
                        + "\"hoursMeasure\":\"login_hours\",\"includeTeamFund\":true},\"perks\":[{\"code\":\"FLEX\","
                        + "\"name\":\"flex shifts\",\"quantity\":2,\"when\":{\"rankAtMost\":3,\"grades\":"
                        + "[\"excellent\"],\"match\":\"ALL\"}}],\"honorPrizes\":{\"SERVICE-STAR\":500},"
                        + "\"overBudget\":{\"policy\":\"SCALE\",\"scaledKinds\":[\"performance-pay\",\"target-bonus\"]},"
                        + "\"pointsConversion\":{\"ratePerPoint\":0.5}}")));
        String hr = TestTokens.token("E9001", "hr");
        String html = given().cookie(ConsoleRoutes.SESSION_COOKIE, hr).get("/console/pay/plans?code=FORM-PLAN")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("Next version of FORM-PLAN (from v2)"), html);
        for (String filled : new String[]{"name=\"performancePayShare\" inputmode=\"decimal\" maxlength=\"32\" "
                + "value=\"0.3\"", "name=\"gradeName\" maxlength=\"64\" value=\"excellent\"",
                "name=\"gradeCoefficient\" inputmode=\"decimal\" maxlength=\"32\" value=\"1.1\"",
                "name=\"targetBasicAmount\" inputmode=\"decimal\" maxlength=\"32\" value=\"500\"",
                "name=\"weightPosition\" maxlength=\"64\" value=\"expert-seat\"",
                "<option value=\"PROGRESSIVE\" selected>", "name=\"bracketUpTo\" inputmode=\"decimal\" "
                + "maxlength=\"32\" value=\"100000\"", "name=\"bracketTeamFund\" inputmode=\"decimal\" maxlength=\"32\""
                + " value=\"200\"", "<option value=\"BY_HOURS\" selected>", "name=\"perkCode\" maxlength=\"64\" "
                + "value=\"FLEX\"", "<option value=\"ALL\" selected>", "name=\"prizeAward\" maxlength=\"64\" "
                + "value=\"SERVICE-STAR\"", "<option value=\"SCALE\" selected>", "value=\"performance-pay, "
                + "target-bonus\"", "name=\"pointsRate\" inputmode=\"decimal\" maxlength=\"32\" value=\"0.5\""}) {
            assertTrue(html.contains(filled), filled);
        }

        // hr changes the share, empties the team reward and adds a score band: that is the next version sent
        stubs.get("incentive-service").stubFor(post(urlPathEqualTo("/api/v1/incentives/plans"))
                .withHeader("Authorization", equalTo("Bearer " + hr))
                .withRequestBody(equalToJson("{\"code\":\"FORM-PLAN\",\"name\":\"Form plan\",\"currency\":\"CNY\","
                        + "\"performancePayShare\":0.35,\"gradeCoefficients\":{\"excellent\":1.1,\"good\":1.0},"
                        + "\"scoreBands\":[{\"range\":\"(95,100]\",\"coefficient\":1.2,\"label\":\"A\"}],"
                        + "\"targets\":{\"measure\":\"fcr\",\"basic\":{\"threshold\":0.8,\"amount\":500},"
                        + "\"positionWeights\":{\"expert-seat\":1.2}},\"commission\":{\"mode\":\"PROGRESSIVE\","
                        + "\"brackets\":[{\"upTo\":100000,\"rate\":0.01},{\"rate\":0.015,\"teamFund\":200}]},"
                        + "\"perks\":[{\"code\":\"FLEX\",\"name\":\"flex shifts\",\"quantity\":2,\"when\":"
                        + "{\"rankAtMost\":3,\"grades\":[\"excellent\"],\"match\":\"ALL\"}}],"
                        + "\"honorPrizes\":{\"SERVICE-STAR\":500},\"overBudget\":{\"policy\":\"SCALE\","
                        + "\"scaledKinds\":[\"performance-pay\",\"target-bonus\"]},"
                        + "\"pointsConversion\":{\"ratePerPoint\":0.5}}"))
                .willReturn(json(201, "{\"code\":\"FORM-PLAN\",\"version\":3}")));
        as(hr).formParam("code", "FORM-PLAN").formParam("name", "Form plan").formParam("currency", "CNY")
                .formParam("performancePayShare", "0.35")
                .formParam("gradeName", "excellent", "good", "", "").formParam("gradeCoefficient", "1.1", "1.0", "", "")
                .formParam("bandRange", "(95,100]", "").formParam("bandCoefficient", "1.2", "")
                .formParam("bandLabel", "A", "")
                .formParam("targetMeasure", "fcr").formParam("targetDirection", "")
                .formParam("targetBasicThreshold", "0.8").formParam("targetBasicAmount", "500")
                .formParam("targetChallengeThreshold", "").formParam("targetChallengeAmount", "")
                .formParam("weightPosition", "expert-seat", "").formParam("weightValue", "1.2", "")
                .formParam("commissionMeasure", "").formParam("commissionMode", "PROGRESSIVE")
                .formParam("bracketUpTo", "100000", "", "").formParam("bracketRate", "0.01", "0.015", "")
                .formParam("bracketTeamFund", "", "200", "")
                .formParam("teamMeasure", "").formParam("teamDirection", "").formParam("teamTarget", "")
                .formParam("teamPool", "").formParam("teamSplit", "EQUAL").formParam("teamHoursMeasure", "")
                .formParam("teamIncludeFund", "")
                .formParam("perkCode", "FLEX", "").formParam("perkName", "flex shifts", "")
                .formParam("perkQuantity", "2", "").formParam("perkUnit", "", "")
                .formParam("perkRankAtMost", "3", "").formParam("perkGrades", "excellent", "")
                .formParam("perkScoreAtLeast", "", "").formParam("perkMatch", "ALL", "")
                .formParam("prizeAward", "SERVICE-STAR", "").formParam("prizeAmount", "500", "")
                .formParam("overBudgetPolicy", "SCALE").formParam("overBudgetKinds", "performance-pay, target-bonus")
                .formParam("pointsRate", "0.5").formParam("pointsCap", "")
                .post("/console/define/plans/fields").then().statusCode(303)
                .header("Location", containsString("/console/pay/plans?code=FORM-PLAN"));

        stubs.get("incentive-service").stubFor(post(urlPathEqualTo("/api/v1/incentives/plans"))
                .withRequestBody(equalToJson("{\"code\":\"FORM-BAD\"}", true, true))
                .willReturn(json(400, "{\"title\":\"Bad Request\",\"status\":400,\"field\":"
                        + "\"commission.brackets[1].upTo\",\"detail\":\"must be above the bracket before\"}")));
        as(hr).formParam("code", "FORM-BAD").formParam("name", "Bad").formParam("currency", "CNY")
                .formParam("bracketUpTo", "100", "50").formParam("bracketRate", "0.01", "0.02")
                .post("/console/define/plans/fields").then().statusCode(400)
                .body(containsString("commission.brackets[1].upTo: must be above the bracket before"));
        stubs.get("incentive-service").verify(2, postRequestedFor(urlPathEqualTo("/api/v1/incentives/plans")));
    }

    @Test
    void othersAndForgedFormsAreRefusedBeforeAnyCall() {
        String supervisor = TestTokens.token("E2001", "supervisor");
        for (String path : new String[]{"/console/careers/awards", "/console/careers/awards/SERVICE-STAR/retire",
                "/console/careers/ladders", "/console/define/plans/fields"}) {
            as(supervisor).formParam("code", "X1").formParam("name", "x").post(path).then().statusCode(403)
                    .body(containsString("Not allowed"));
            String forged = given().redirects().follow(false)
                    .cookie(ConsoleRoutes.SESSION_COOKIE, TestTokens.token("E9001", "hr"))
                    .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", "another-token-0123456789abcdef")
                    .formParam("code", "X1").post(path).then().statusCode(403).extract().asString();
            assertFalse(forged.isBlank(), path);
        }
        stubs.get("incentive-service").verify(0, postRequestedFor(anyUrl()));
    }
}
