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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
 * hr's pay, catalog, honors and ladder pages against stubbed services: who is refused before any call (admin on
 * salaries: pay is hr's alone), what the forms send, the cost against budget the page works out, the payroll file
 * handed through with the session's token, and the labels in Chinese.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class ConsoleHrPagesTests {

    private static final String CSRF = "test-csrf-token-0123456789abcdef";

    @InjectServiceStubs
    ServiceStubs stubs;

    @BeforeEach
    void reset() {
        stubs.servers().values().forEach(WireMockServer::resetRequests);
    }

    @Test
    void othersAreRefusedHrsPagesAndAdminTheSalariesBeforeAnyCall() {
        String agent = TestTokens.token("E7", "agent");
        for (String path : new String[]{"/console/catalog", "/console/catalog/calls_handled", "/console/pay/plans",
                "/console/pay/budgets", "/console/pay/runs", "/console/pay/runs/7", "/console/pay/runs/7/export",
                "/console/careers/honors", "/console/careers/ladders", "/console/pay/salaries"}) {
            given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent).get(path).then()
                    .statusCode(403).body(containsString("Not allowed"));
        }
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, TestTokens.token("E9002", "admin"))
                .get("/console/pay/salaries").then().statusCode(403)
                .body(containsString("Salaries are hr&#39;s alone"));
        stubs.get("incentive-service").verify(0, getRequestedFor(anyUrl()));
        stubs.get("metrics-service").verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void theBudgetPageSetsEachUnitsCostAgainstItsBudget() {
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/budgets"))
                .withQueryParam("period", equalTo("2026-10"))
                .willReturn(json(200, "[{\"unitCode\":\"G-1\",\"period\":\"2026-10\",\"amount\":20000.00,"
                        + "\"currency\":\"CNY\",\"updatedBy\":\"E9001\"},{\"unitCode\":\"G-2\",\"period\":\"2026-10\","
                        + "\"amount\":5000,\"currency\":\"CNY\"}]")));
        // G-1: 15000 (computed) + 7000 (approved, another plan) = 22000, the superseded 9000 no longer counts
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/runs"))
                .withQueryParam("period", equalTo("2026-10"))
                .willReturn(json(200, "[{\"id\":1,\"unitCode\":\"G-1\",\"status\":\"SUPERSEDED\",\"totalAmount\":9000,"
                        + "\"currency\":\"CNY\"},{\"id\":2,\"unitCode\":\"G-1\",\"status\":\"COMPUTED\","
                        + "\"totalAmount\":15000.00,\"currency\":\"CNY\"},{\"id\":3,\"unitCode\":\"G-1\","
                        + "\"status\":\"APPROVED\",\"totalAmount\":7000,\"currency\":\"CNY\"}]")));
        String html = given().redirects().follow(false)
                .cookie(ConsoleRoutes.SESSION_COOKIE, TestTokens.token("E9001", "hr"))
                .queryParam("period", "2026-10").get("/console/pay/budgets").then().statusCode(200).extract()
                .asString();
        // the chart: budget 20000 and 5000, cost 22000 and none
        assertTrue(html.contains("&quot;data&quot;:[20000,5000]") && html.contains("&quot;data&quot;:[22000,null]"),
                html);
        assertTrue(html.contains("<span class=\"flag\">-2000</span>"), "G-1 is 2000 over: " + html);
        assertTrue(html.contains("#2 computed, #3 approved"), html);
        assertFalse(html.contains("#1 "), "the superseded revision is left out");
    }

    @Test
    void aSalaryIsPutAsOneRowAndARefusedRowIsThePagesError() {
        stubs.get("incentive-service").stubFor(put(urlPathEqualTo("/api/v1/incentives/salaries"))
                .willReturn(json(200, "{\"accepted\":0,\"rejected\":1,\"errors\":[{\"row\":1,"
                        + "\"field\":\"effectiveFrom\",\"reason\":\"must be a date YYYY-MM-DD\"}]}")));
        String hr = TestTokens.token("E9001", "hr");
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("employeeId", "E3001")
                .formParam("monthlySalary", "8200.50").formParam("currency", "CNY").formParam("effectiveFrom", "x")
                .post("/console/pay/salaries").then().statusCode(400)
                .body(containsString("effectiveFrom: must be a date YYYY-MM-DD"));
        stubs.get("incentive-service").verify(putRequestedFor(urlPathEqualTo("/api/v1/incentives/salaries"))
                .withHeader("Authorization", equalTo("Bearer " + hr))
                .withRequestBody(equalToJson("[{\"employeeId\":\"E3001\",\"monthlySalary\":8200.50,"
                        + "\"currency\":\"CNY\",\"effectiveFrom\":\"x\"}]")));
        // without the CSRF token nothing is sent
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr).formParam("employeeId", "E3001")
                .post("/console/pay/salaries").then().statusCode(403);
        stubs.get("incentive-service").verify(1, putRequestedFor(urlPathEqualTo("/api/v1/incentives/salaries")));
    }

    @Test
    void thePayrollFileIsHandedThroughWithTheSessionsTokenWhichTheBrowserNeverHolds() {
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/runs/7/export"))
                .withQueryParam("format", equalTo("csv"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/csv")
                        .withHeader("Content-Disposition", "attachment; filename=\"payout-run-7.csv\"")
                        .withBody("runId,revision,employeeId,total\n7,2,E3001,2310.00\n")));
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/runs/8/export"))
                .willReturn(json(409, "{\"title\":\"Run not approved\",\"status\":409}")));
        String hr = TestTokens.token("E9001", "hr");
        Response file = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .queryParam("format", "csv").get("/console/pay/runs/7/export");
        assertEquals(200, file.statusCode());
        assertTrue(file.contentType().startsWith("text/csv"), file.contentType());
        assertEquals("attachment; filename=\"payout-run-7.csv\"", file.header("Content-Disposition"));
        assertEquals("runId,revision,employeeId,total", file.asString().lines().findFirst().orElseThrow());
        stubs.get("incentive-service").verify(getRequestedFor(urlPathEqualTo("/api/v1/incentives/runs/7/export"))
                .withHeader("Authorization", equalTo("Bearer " + hr)));

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr).get("/console/pay/runs/8/export")
                .then().statusCode(409).body(containsString("not approved yet"));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr).queryParam("format", "pdf")
                .get("/console/pay/runs/7/export").then().statusCode(400);
    }

    @Test
    void thePayRunOffersApprovalToHrOnlyAndTheLabelsAreInChineseWhenChosen() {
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/runs/9"))
                .willReturn(json(200, "{\"id\":9,\"planCode\":\"PERF\",\"planVersion\":1,\"period\":\"2026-10\","
                        + "\"unitCode\":\"G-1\",\"status\":\"COMPUTED\",\"revision\":1,\"currency\":\"CNY\","
                        + "\"totalAmount\":2310,\"statementCount\":1,\"flaggedCount\":0,\"statements\":[{\"id\":41,"
                        + "\"employeeId\":\"E3001\",\"total\":2310,\"currency\":\"CNY\",\"flags\":[],\"lines\":[{"
                        + "\"kind\":\"performance-pay\",\"amount\":2310,\"explanation\":\"7000 × 30% × 1.1\"}]}]}")));
        String hrPage = given().redirects().follow(false)
                .cookie(ConsoleRoutes.SESSION_COOKIE, TestTokens.token("E9001", "hr"))
                .cookie(ConsoleLanguage.COOKIE, "zh-CN").get("/console/pay/runs/9").then().statusCode(200)
                .extract().asString();
        assertTrue(hrPage.contains("id=\"approve-button\">审批通过<"), hrPage);
        assertTrue(hrPage.contains("7000 × 30% × 1.1") && hrPage.contains("薪酬单"), hrPage);
        assertTrue(hrPage.contains(">薪资</a>"), "the salaries link for hr");
        String adminPage = given().redirects().follow(false)
                .cookie(ConsoleRoutes.SESSION_COOKIE, TestTokens.token("E9002", "admin"))
                .get("/console/pay/runs/9").then().statusCode(200).extract().asString();
        assertFalse(adminPage.contains("approve-button"), "admin does not approve pay");
        assertTrue(adminPage.contains("Only hr approves pay runs."));
        assertFalse(adminPage.contains("/console/pay/salaries"), "no salaries link for admin");
    }

    @Test
    void aMetricIsRetiredWithTheCsrfTokenAndTheCatalogNamesItInThePagesLanguage() {
        stubs.get("metrics-service").stubFor(post(urlPathEqualTo("/api/v1/metrics/catalog/calls_handled/retire"))
                .willReturn(json(200, "{\"code\":\"calls_handled\"}")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/catalog"))
                .willReturn(json(200, "[{\"code\":\"calls_handled\",\"nameZh\":\"接听量\",\"nameEn\":"
                        + "\"Calls handled\",\"unit\":\"calls\",\"direction\":\"HIGHER_IS_BETTER\","
                        + "\"aggregation\":\"SUM\",\"category\":\"internal-operations\",\"source\":\"acd\"}]")));
        String hr = TestTokens.token("E9001", "hr");
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .post("/console/catalog/calls_handled/retire").then().statusCode(403);
        stubs.get("metrics-service").verify(0, postRequestedFor(anyUrl()));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .post("/console/catalog/calls_handled/retire").then().statusCode(303)
                .header("Location", containsString("/console/catalog/calls_handled"));
        stubs.get("metrics-service").verify(postRequestedFor(urlPathEqualTo(
                "/api/v1/metrics/catalog/calls_handled/retire")).withHeader("Authorization", equalTo("Bearer " + hr)));

        String zh = given().cookie(ConsoleRoutes.SESSION_COOKIE, hr).cookie(ConsoleLanguage.COOKIE, "zh-CN")
                .get("/console/catalog").then().statusCode(200).extract().asString();
        assertTrue(zh.contains("<td>接听量</td>") && zh.contains("<h1>指标库</h1>"), zh);
        String en = given().cookie(ConsoleRoutes.SESSION_COOKIE, hr).get("/console/catalog").then().statusCode(200)
                .extract().asString();
        assertTrue(en.contains("<td>Calls handled</td>") && en.contains("<h1>Metric catalog</h1>"), en);
    }

    @Test
    void aLadderCheckShowsWhoIsEligibleAndWhatTheOthersMiss() {
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/promotion/ladders"))
                .willReturn(json(200, "[{\"code\":\"CAREER\",\"version\":1,\"name\":\"Career\",\"nameEn\":\"Front-line career\","
                        + "\"positions\":"
                        + "[\"junior\",\"senior\"],\"steps\":[{\"from\":\"junior\",\"to\":\"senior\","
                        + "\"rules\":[{\"type\":\"TENURE\",\"label\":\"12 months in post\"}]}]}]")));
        stubs.get("incentive-service").stubFor(post(urlPathEqualTo("/api/v1/incentives/promotion/checks"))
                .willReturn(json(200, "{\"ladderCode\":\"CAREER\",\"ladderVersion\":1,\"unitCode\":\"G-1\","
                        + "\"asOf\":\"2026-10\",\"agents\":2,\"eligibleCount\":1,\"results\":["
                        + "{\"employeeId\":\"E7\",\"currentPosition\":\"junior\",\"nextPosition\":\"senior\","
                        + "\"eligible\":true,\"rules\":[{\"rule\":\"12 months in post\",\"passed\":true}]},"
                        + "{\"employeeId\":\"E8\",\"currentPosition\":\"junior\",\"nextPosition\":\"senior\","
                        + "\"eligible\":false,\"rules\":[{\"rule\":\"12 months in post\",\"passed\":false,"
                        + "\"missing\":\"5 more months in post\"}]}]}")));
        String hr = TestTokens.token("E9001", "hr");
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("ladderCode", "CAREER")
                .formParam("unitCode", "G-1").formParam("asOf", "2026-10").post("/console/careers/ladders/check")
                .then().statusCode(200).extract().asString();
        stubs.get("incentive-service").verify(postRequestedFor(urlPathEqualTo("/api/v1/incentives/promotion/checks"))
                .withRequestBody(equalToJson("{\"ladderCode\":\"CAREER\",\"unitCode\":\"G-1\","
                        + "\"asOf\":\"2026-10\"}")));
        assertTrue(html.contains("1 of 2 agents eligible"), html);
        assertTrue(html.contains("data-employee=\"E8\" data-eligible=\"false\"")
                && html.contains("<strong>5 more months in post</strong>"), html);
        assertTrue(html.contains("junior → senior") && html.contains("12 months in post"), "the ladder's steps");
        assertTrue(html.contains("Front-line career <span"), "the ladder's English label");
    }
}
