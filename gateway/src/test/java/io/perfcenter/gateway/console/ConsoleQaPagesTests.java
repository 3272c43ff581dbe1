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

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.gateway.ServiceStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The QA forms and sampling plan pages, and opening a calibration session, against stubbed services: who may use them
 * (QA, hr, admin; the others are refused before any call), what the forms post (with the session's token, only with
 * this origin's CSRF token) and what the pages show of the API's answers.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class ConsoleQaPagesTests {

    private static final String CSRF = "test-csrf-token-0123456789abcdef";

    private static final String FORM_V2 = "{\"code\":\"QF\",\"version\":2,\"name\":\"Call quality\",\"sections\":["
            + "{\"code\":\"open\",\"name\":\"Opening\",\"items\":[{\"code\":\"greeting\",\"name\":\"Greeting\","
            + "\"weight\":10,\"answer\":\"SCALE\",\"scaleMax\":2,\"passMark\":1}]},{\"code\":\"comp\",\"name\":"
            + "\"Compliance\",\"items\":[{\"code\":\"risk\",\"name\":\"Risk disclosed\",\"weight\":20,\"answer\":"
            + "\"YES_NO\",\"allowNotApplicable\":true,\"critical\":\"CAP\",\"capAt\":60}]}],\"createdAt\":"
            + "\"2026-11-02T09:00:00Z\",\"createdBy\":\"Q1\"}";

    @InjectServiceStubs
    ServiceStubs stubs;

    @BeforeEach
    void reset() {
        stubs.servers().values().forEach(WireMockServer::resetRequests);
    }

    @Test
    void anAgentOrSupervisorIsRefusedTheQaPagesBeforeAnyCallAndSeesNoLinkToThem() {
        for (String[] who : new String[][]{{"E71", "agent"}, {"S71", "supervisor"}}) {
            String token = TestTokens.token(who[0], who[1]);
            for (String page : new String[]{"/console/qa/forms", "/console/qa/forms/QF", "/console/qa/sampling",
                    "/console/qa/sampling/5"}) {
                String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, token)
                        .get(page).then().statusCode(403).extract().asString();
                assertTrue(html.contains("QA forms and sampling plans are for QA specialists, hr and admin."), html);
                assertFalse(html.contains("id=\"nav-qa-forms\"") || html.contains("id=\"nav-sampling\""),
                        who[1] + " sees no link to the QA pages");
            }
        }
        stubs.get("metrics-service").verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void qaListsTheFormsWithEveryVersionAndDefinesANewFormFromTheRows() {
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/qa/forms"))
                .willReturn(json(200, "[" + FORM_V2 + "]")));
        stubs.get("metrics-service").stubFor(post(urlPathEqualTo("/api/v1/metrics/qa/forms"))
                .willReturn(json(201, "{\"code\":\"NEWF\",\"version\":1}")));
        String qa = TestTokens.token("Q1", "qa");
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, qa)
                .get("/console/qa/forms").then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"qa-form-QF\"") && html.contains("/console/qa/forms/QF/versions/1")
                && html.contains("/console/qa/forms/QF/versions/2"), "each version is linked: " + html);
        assertTrue(html.contains("id=\"nav-qa-forms\"") && html.contains("id=\"nav-sampling\""), "qa's links");
        assertTrue(html.contains("id=\"item-code-4\"") && !html.contains("id=\"item-code-5\""),
                "a new form offers four blank rows");

        // without this origin's CSRF token nothing is posted
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, qa).formParam("code", "NEWF")
                .post("/console/qa/forms").then().statusCode(403);
        stubs.get("metrics-service").verify(0, postRequestedFor(anyUrl()));

        // rows: two items of section "open" (the second inherits it), a blank row left out, a critical one in "comp"
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, qa)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("code", "NEWF")
                .formParam("name", "New form").formParam("description", "")
                .formParam("sectionCode", "open", "", "", "comp")
                .formParam("sectionName", "Opening", "", "", "Compliance")
                .formParam("itemCode", "greeting", "name_used", "", "risk")
                .formParam("itemName", "Greeting", "Name used", "", "Risk disclosed")
                .formParam("weight", "10", "5", "", "20.5")
                .formParam("answer", "SCALE", "YES_NO", "SCALE", "YES_NO")
                .formParam("scaleMax", "2", "7", "", "")
                .formParam("passMark", "", "", "", "")
                .formParam("notApplicable", "false", "true", "false", "false")
                .formParam("critical", "", "", "", "CAP")
                .formParam("capAt", "", "", "", "60")
                .post("/console/qa/forms").then().statusCode(303)
                .header("Location", endsWith("/console/qa/forms/NEWF/versions/1"));
        stubs.get("metrics-service").verify(postRequestedFor(urlPathEqualTo("/api/v1/metrics/qa/forms"))
                .withHeader("Authorization", equalTo("Bearer " + qa))
                .withRequestBody(equalToJson("{\"code\":\"NEWF\",\"name\":\"New form\",\"sections\":["
                        + "{\"code\":\"open\",\"name\":\"Opening\",\"items\":["
                        + "{\"code\":\"greeting\",\"name\":\"Greeting\",\"weight\":10,\"answer\":\"SCALE\","
                        + "\"scaleMax\":2},"
                        + "{\"code\":\"name_used\",\"name\":\"Name used\",\"weight\":5,\"answer\":\"YES_NO\","
                        + "\"allowNotApplicable\":true}]},"
                        + "{\"code\":\"comp\",\"name\":\"Compliance\",\"items\":[{\"code\":\"risk\",\"name\":"
                        + "\"Risk disclosed\",\"weight\":20.5,\"answer\":\"YES_NO\",\"critical\":\"CAP\","
                        + "\"capAt\":60}]}]}")));
    }

    @Test
    void aVersionsPageShowsItsItemsAndItsNextVersionStartsFromThemAndTheApisProblemIsAPage() {
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/qa/forms/QF"))
                .willReturn(json(200, FORM_V2)));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/qa/forms/QF/versions/2"))
                .willReturn(json(200, FORM_V2)));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/qa/forms/QF/versions/9"))
                .willReturn(json(404, "{\"title\":\"Not found\",\"status\":404}")));
        String hr = TestTokens.token("H1", "hr");
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .get("/console/qa/forms/QF/versions/2").then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"item-risk\"") && html.contains("CAP 60"), "the critical item's cap: " + html);
        assertTrue(html.contains("0–2 (≥ 1)"), "the greeting's scale and pass mark");
        assertTrue(html.contains("/console/qa/forms/QF/versions/1"), "the other version is linked");
        assertTrue(html.contains("id=\"next-qa-form-version\"") && html.contains("name=\"code\" value=\"QF\""),
                "the next version keeps the code");
        assertTrue(html.contains("id=\"item-code-2\" name=\"itemCode\" maxlength=\"64\" size=\"10\" value=\"risk\""),
                "the editor's second row is the risk item: " + html);
        assertTrue(html.contains("id=\"item-code-6\"") && !html.contains("id=\"item-code-7\""),
                "two rows of the version and four blank ones");

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .get("/console/qa/forms/QF/versions/9").then().statusCode(404);

        stubs.get("metrics-service").stubFor(post(urlPathEqualTo("/api/v1/metrics/qa/forms"))
                .withRequestBody(equalToJson("{\"code\":\"QF\"}", true, true))
                .willReturn(json(400, "{\"title\":\"Invalid field\",\"status\":400,\"field\":"
                        + "\"sections[0].items[0].scaleMax\",\"detail\":\"must be 1-100\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("code", "QF")
                .formParam("name", "Call quality").formParam("sectionCode", "open").formParam("sectionName", "")
                .formParam("itemCode", "greeting").formParam("itemName", "Greeting").formParam("weight", "10")
                .formParam("answer", "SCALE").formParam("scaleMax", "500").formParam("passMark", "")
                .formParam("notApplicable", "false").formParam("critical", "").formParam("capAt", "")
                .post("/console/qa/forms").then().statusCode(400)
                .body(containsString("sections[0].items[0].scaleMax: must be 1-100"));
        stubs.get("metrics-service").verify(postRequestedFor(urlPathEqualTo("/api/v1/metrics/qa/forms"))
                .withRequestBody(equalToJson("{\"code\":\"QF\",\"name\":\"Call quality\",\"sections\":[{\"code\":"
                        + "\"open\",\"name\":\"open\",\"items\":[{\"code\":\"greeting\",\"name\":\"Greeting\","
                        + "\"weight\":10,\"answer\":\"SCALE\",\"scaleMax\":500}]}]}")));
    }

    @Test
    void qaListsAPeriodsPlansDrawsOneSeesItsAssignmentsAndTopsItUp() {
        String plan = "{\"id\":57,\"unitCode\":\"G-71\",\"from\":\"2026-10-01\",\"to\":\"2026-10-31\","
                + "\"agentShare\":0.5,\"evaluationsPerAgent\":2,\"evaluators\":[\"Q1\",\"Q2\"],\"seed\":42,"
                + "\"formCode\":\"QF\",\"formVersion\":2,\"agentsEligible\":4,\"agentsSampled\":2,\"planned\":3,"
                + "\"done\":1,\"progress\":[{\"evaluatorId\":\"Q1\",\"planned\":2,\"done\":1},{\"evaluatorId\":"
                + "\"Q2\",\"planned\":1,\"done\":0}],\"assignments\":[{\"employeeId\":\"E71\",\"sourceSystem\":"
                + "\"acd\",\"externalId\":\"call-1\",\"date\":\"2026-10-08\",\"evaluatorId\":\"Q1\",\"evaluated\":"
                + "true,\"round\":0,\"checklist\":[{\"code\":\"greeting\"},{\"code\":\"risk\"}]},{\"employeeId\":"
                + "\"E72\",\"sourceSystem\":\"acd\",\"externalId\":\"call-2\",\"date\":\"2026-10-09\","
                + "\"evaluatorId\":\"Q2\",\"evaluated\":false,\"notCounted\":\"evaluated without the plan's form\","
                + "\"round\":1}],\"rounds\":[{\"round\":1,\"drawnAt\":\"2026-11-03T09:30:00Z\",\"drawnBy\":\"Q1\","
                + "\"agentsShort\":1,\"added\":1}],\"createdBy\":\"Q1\"}";
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/qa/sampling-plans"))
                .willReturn(json(200, "[" + plan + "]")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/qa/sampling-plans/57"))
                .willReturn(json(200, plan)));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/qa/forms"))
                .willReturn(json(200, "[" + FORM_V2 + "]")));
        stubs.get("metrics-service").stubFor(post(urlPathEqualTo("/api/v1/metrics/qa/sampling-plans"))
                .willReturn(json(201, plan)));
        stubs.get("metrics-service").stubFor(post(urlPathEqualTo("/api/v1/metrics/qa/sampling-plans/57/top-up"))
                .willReturn(json(409, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"The plan closed to "
                        + "top-ups on 2026-12-01\"}")));
        String qa = TestTokens.token("Q1", "qa");
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, qa)
                .queryParam("period", "2026-10").queryParam("unitCode", "G-71").get("/console/qa/sampling").then()
                .statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"sampling-link-57\"") && html.contains("<option value=\"QF\">"), html);
        stubs.get("metrics-service").verify(getRequestedFor(urlPathEqualTo("/api/v1/metrics/qa/sampling-plans"))
                .withQueryParam("period", equalTo("2026-10")).withQueryParam("unit", equalTo("G-71"))
                .withHeader("Authorization", equalTo("Bearer " + qa)));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, qa).queryParam("period", "10/2026")
                .get("/console/qa/sampling").then().statusCode(400);

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, qa)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("unitCode", "G-71")
                .formParam("period", "2026-10").formParam("agentShare", "0.5")
                .formParam("evaluationsPerAgent", "2").formParam("evaluators", "Q1, Q2")
                .formParam("seed", "42").formParam("formCode", "QF").formParam("formVersion", "")
                .post("/console/qa/sampling").then().statusCode(303)
                .header("Location", endsWith("/console/qa/sampling/57"));
        stubs.get("metrics-service").verify(postRequestedFor(urlPathEqualTo("/api/v1/metrics/qa/sampling-plans"))
                .withRequestBody(equalToJson("{\"unitCode\":\"G-71\",\"period\":\"2026-10\",\"agentShare\":0.5,"
                        + "\"evaluationsPerAgent\":2,\"evaluators\":[\"Q1\",\"Q2\"],\"seed\":42,"
                        + "\"formCode\":\"QF\"}")));

        String page = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, qa)
                .get("/console/qa/sampling/57").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"assignment-call-1\"") && page.contains("greeting, risk"), page);
        assertTrue(page.contains("evaluated without the plan&#39;s form")
                || page.contains("evaluated without the plan's form"), "why the evaluation does not count");
        assertTrue(page.contains("id=\"progress-Q2\"") && page.contains("id=\"round-1\""), page);
        assertTrue(page.contains("id=\"sampling-done\">1<"), "one of three done");

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, qa)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .post("/console/qa/sampling/57/top-up").then().statusCode(409)
                .body(containsString("The plan closed to top-ups on 2026-12-01"));
    }

    @Test
    void qaOpensACalibrationSessionFromTheCalibrationsPage() {
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/qa/calibrations"))
                .willReturn(json(200, "[]")));
        stubs.get("metrics-service").stubFor(post(urlPathEqualTo("/api/v1/metrics/qa/calibrations"))
                .willReturn(json(201, "{\"id\":88,\"status\":\"OPEN\"}")));
        String qa = TestTokens.token("Q1", "qa");
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, qa)
                .get("/console/quality/calibrations").then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"calibration-form\""), html);

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, qa)
                .formParam("employeeId", "E71").post("/console/quality/calibrations").then().statusCode(403);
        stubs.get("metrics-service").verify(0, postRequestedFor(anyUrl()));

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, qa)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("employeeId", "E71")
                .formParam("contactExternalId", "call-1").formParam("formCode", "QF").formParam("formVersion", "2")
                .formParam("evaluators", "Q1,Q2 Q3").formParam("note", "Monthly")
                .post("/console/quality/calibrations").then().statusCode(303)
                .header("Location", endsWith("/console/quality/calibrations/88"));
        stubs.get("metrics-service").verify(postRequestedFor(urlPathEqualTo("/api/v1/metrics/qa/calibrations"))
                .withHeader("Authorization", equalTo("Bearer " + qa))
                .withRequestBody(equalToJson("{\"employeeId\":\"E71\",\"contactExternalId\":\"call-1\","
                        + "\"formCode\":\"QF\",\"formVersion\":2,\"evaluators\":[\"Q1\",\"Q2\",\"Q3\"],"
                        + "\"note\":\"Monthly\"}")));
    }
}
