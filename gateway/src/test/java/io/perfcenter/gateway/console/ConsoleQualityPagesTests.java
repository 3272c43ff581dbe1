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
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.gateway.ServiceStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quality and coaching pages against stubbed services: what they show of the API's answers to whom, what their
 * forms post (with the session's token, only with this origin's CSRF token), and a refusal shown as a page.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class ConsoleQualityPagesTests {

    private static final String CSRF = "test-csrf-token-0123456789abcdef";

    @InjectServiceStubs
    ServiceStubs stubs;

    @BeforeEach
    void reset() {
        stubs.servers().values().forEach(WireMockServer::resetRequests);
    }

    private void agentE71() {
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/agents/E71"))
                .willReturn(json(200, "{\"employeeId\":\"E71\",\"name\":\"Agent 71\",\"unitCode\":\"G-71\"}")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("employeeId", equalTo("E71"))
                .willReturn(json(200, "[{\"id\":771,\"employeeId\":\"E71\",\"period\":\"2026-10\",\"status\":"
                        + "\"PUBLISHED\",\"items\":[{\"itemCode\":\"qa\",\"itemName\":\"Call quality\"}]}]")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/coaching-sessions"))
                .withQueryParam("employeeId", equalTo("E71"))
                .willReturn(json(200, "[{\"id\":31,\"employeeId\":\"E71\",\"period\":\"2026-10\",\"coach\":\"S71\","
                        + "\"status\":\"OPEN\",\"openedAt\":\"2026-11-03T10:00:00Z\"}]")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/improvement-plans"))
                .withQueryParam("employeeId", equalTo("E71"))
                .willReturn(json(200, "[{\"id\":41,\"employeeId\":\"E71\",\"unitCode\":\"G-71\",\"status\":"
                        + "\"MISSED\",\"startDate\":\"2026-11-02\",\"dueDate\":\"2026-11-15\",\"consequenceDue\":true,"
                        + "\"goals\":[{\"metricCode\":\"aht\",\"comparison\":\"AT_MOST\",\"value\":420,\"window\":"
                        + "\"WEEK\",\"consecutive\":2}],\"evaluation\":{\"status\":\"MISSED\",\"goals\":[{\"met\":false,"
                        + "\"windows\":[{\"start\":\"2026-11-02\",\"end\":\"2026-11-08\",\"value\":431,\"samples\":"
                        + "12,\"holds\":false}]}],\"explanation\":\"MISSED: aht above 420\"},\"checkIns\":[],"
                        + "\"consequences\":[]}]")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/qa/evaluations"))
                .withQueryParam("employeeId", equalTo("E71"))
                .willReturn(json(200, "[{\"id\":17,\"externalId\":\"QA-71\",\"evaluatedOn\":\"2026-10-09\","
                        + "\"evaluatorId\":\"Q1\",\"score\":0,\"criticalItem\":\"risk\",\"agentStatus\":\"PENDING\"}]")));
    }

    @Test
    void aLeaderSeesTheAgentsSessionsPlansAndEvaluationsWithTheFormsACoachUses() {
        agentE71();
        String supervisor = TestTokens.token("S71", "supervisor");
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, supervisor)
                .queryParam("period", "2026-10").get("/console/quality/agents/E71").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("/console/quality/coaching/31"), "the session is linked: " + html);
        assertTrue(html.contains("id=\"open-session-form\""), "a leader opens a session on the published card");
        assertTrue(html.contains("id=\"plan-form\""), "a leader creates a plan");
        assertTrue(html.contains("id=\"consequence-form-41\""), "the missed plan's consequence is due");
        assertTrue(html.contains("MISSED: aht above 420") && html.contains(">431<"), "the plan's figures");
        assertTrue(html.contains("QA-71"), "the QA evaluation");
        assertFalse(html.contains("/console/quality/qa/17/acknowledgement"), "only the agent acknowledges");
        stubs.get("metrics-service").verify(getRequestedFor(urlPathEqualTo("/api/v1/metrics/qa/evaluations"))
                .withQueryParam("period", equalTo("2026-10")).withHeader("Authorization",
                        equalTo("Bearer " + supervisor)));

        String own = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE,
                        TestTokens.token("E71", "agent")).queryParam("period", "2026-10")
                .get("/console/quality/agents/E71").then().statusCode(200).extract().asString();
        assertTrue(own.contains("/console/quality/qa/17/acknowledgement") && own.contains("/console/quality/qa/17/"
                + "dispute"), "the agent acknowledges or disputes their evaluation");
        assertFalse(own.contains("id=\"plan-form\"") || own.contains("id=\"open-session-form\""),
                "an agent neither opens sessions nor makes plans");
    }

    @Test
    void anAgentTheDirectoryRefusesIsRefusedAsAPage() {
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/agents/E72"))
                .willReturn(json(404, "{\"title\":\"Not found\",\"status\":404}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, TestTokens.token("S71", "supervisor"))
                .get("/console/quality/agents/E72").then().statusCode(404)
                .body(containsString("E72 is not an agent you may see, or is unknown."));
    }

    @Test
    void theCoachsNotesArePutWithTheActionsOnlyWithTheCsrfToken() {
        stubs.get("scoring-service").stubFor(put(urlPathEqualTo("/api/v1/scoring/coaching-sessions/31/notes"))
                .willReturn(json(200, "{\"id\":31}")));
        String coach = TestTokens.token("S71", "supervisor");
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, coach).formParam("notes", "x")
                .post("/console/quality/coaching/31/notes").then().statusCode(403);
        stubs.get("scoring-service").verify(0, putRequestedFor(anyUrl()));

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, coach)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("notes", "Went through two calls")
                .formParam("actionText", "Read the script", "").formParam("actionOwner", "E71", "")
                .formParam("actionDue", "2026-11-30", "")
                .post("/console/quality/coaching/31/notes").then().statusCode(303)
                .header("Location", endsWith("/console/quality/coaching/31"));
        stubs.get("scoring-service").verify(putRequestedFor(urlPathEqualTo(
                        "/api/v1/scoring/coaching-sessions/31/notes")).withHeader("Authorization",
                        equalTo("Bearer " + coach))
                .withRequestBody(equalToJson("{\"notes\":\"Went through two calls\",\"actions\":[{\"text\":"
                        + "\"Read the script\",\"owner\":\"E71\",\"dueDate\":\"2026-11-30\"}]}")));
    }

    @Test
    void theSessionPageShowsTheAgendaAndTheAgentAcknowledges() {
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/coaching-sessions/32"))
                .willReturn(json(200, "{\"id\":32,\"scorecardId\":771,\"employeeId\":\"E71\",\"period\":\"2026-10\","
                        + "\"coach\":\"S71\",\"status\":\"OPEN\",\"agenda\":[{\"position\":1,\"itemCode\":\"qa\","
                        + "\"name\":\"Call quality\",\"points\":40,\"maxPoints\":100,\"attainment\":0.4,"
                        + "\"explanation\":\"qa_score 40\"}],\"agendaBasis\":\"The 1 weakest\",\"notes\":\"Two calls\","
                        + "\"actions\":[{\"text\":\"Read the script\",\"owner\":\"E71\",\"dueDate\":\"2026-11-30\"}]}")));
        stubs.get("scoring-service").stubFor(post(urlPathEqualTo(
                        "/api/v1/scoring/coaching-sessions/32/acknowledgement"))
                .willReturn(json(200, "{\"id\":32,\"status\":\"OPEN\"}")));
        String agent = TestTokens.token("E71", "agent");
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .get("/console/quality/coaching/32").then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"agenda-qa\"") && html.contains("qa_score 40"), html);
        assertTrue(html.contains("Read the script") && html.contains("id=\"acknowledge-form\""), html);
        assertFalse(html.contains("id=\"notes-form\""), "the agent does not edit the notes");

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("comment", "Agreed")
                .post("/console/quality/coaching/32/acknowledgement").then().statusCode(303);
        stubs.get("scoring-service").verify(postRequestedFor(urlPathEqualTo(
                "/api/v1/scoring/coaching-sessions/32/acknowledgement")).withRequestBody(equalToJson(
                "{\"comment\":\"Agreed\"}")));
    }

    @Test
    void aDisputeFilesTheAppealNamingTheEvaluationAndAProblemIsShownAsAPage() {
        stubs.get("scoring-service").stubFor(post(urlPathEqualTo("/api/v1/scoring/appeals"))
                .willReturn(json(409, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"The appeal window "
                        + "closed on 2026-11-10\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, TestTokens.token("E71", "agent"))
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("scorecardId", "771")
                .formParam("itemCode", "qa").formParam("reason", "The customer hung up")
                .formParam("employeeId", "E71").formParam("period", "2026-10")
                .post("/console/quality/qa/17/dispute").then().statusCode(409)
                .body(containsString("The appeal window closed on 2026-11-10"));
        stubs.get("scoring-service").verify(postRequestedFor(urlPathEqualTo("/api/v1/scoring/appeals"))
                .withRequestBody(equalToJson("{\"scorecardId\":771,\"itemCode\":\"qa\",\"kind\":\"DATA_POINT\","
                        + "\"reason\":\"The customer hung up\",\"record\":{\"kind\":\"qa-evaluations\",\"id\":17}}")));
    }

    @Test
    void anEvaluatorAnswersBlindAndAnAgentIsRefusedCalibrationBeforeAnyCall() {
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, TestTokens.token("E71", "agent"))
                .get("/console/quality/calibrations").then().statusCode(403)
                .body(containsString("Calibration sessions are for QA specialists, hr and admin."));
        stubs.get("metrics-service").verify(0, getRequestedFor(urlPathEqualTo("/api/v1/metrics/qa/calibrations")));

        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/qa/calibrations/12"))
                .willReturn(json(200, "{\"id\":12,\"employeeId\":\"E71\",\"contactExternalId\":\"call-1\","
                        + "\"formCode\":\"F\",\"formVersion\":1,\"evaluators\":[\"Q1\",\"Q2\"],\"ownerId\":\"Q2\","
                        + "\"status\":\"OPEN\",\"pending\":[\"Q1\"],\"withheld\":\"others' answers are shown once "
                        + "you have submitted yours\"}")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/qa/forms/F/versions/1"))
                .willReturn(json(200, "{\"code\":\"F\",\"version\":1,\"sections\":[{\"code\":\"o\",\"name\":"
                        + "\"Opening\",\"items\":[{\"code\":\"greeting\",\"name\":\"Greeting\",\"answer\":\"SCALE\","
                        + "\"scaleMax\":2}]}]}")));
        stubs.get("metrics-service").stubFor(put(urlPathEqualTo("/api/v1/metrics/qa/calibrations/12/answers"))
                .willReturn(json(200, "{\"id\":12}")));
        String q1 = TestTokens.token("Q1", "qa");
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, q1)
                .get("/console/quality/calibrations/12").then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"answer-greeting\"") && html.contains("id=\"withheld\""), html);
        assertFalse(html.contains("id=\"mean-score\""), "blind until answered");
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, q1)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("code", "greeting")
                .formParam("answer", "1").post("/console/quality/calibrations/12/answers").then().statusCode(303)
                .header("Location", endsWith("/console/quality/calibrations/12#results"));
        stubs.get("metrics-service").verify(putRequestedFor(urlPathEqualTo(
                "/api/v1/metrics/qa/calibrations/12/answers")).withRequestBody(equalToJson(
                "{\"items\":{\"greeting\":1}}")));
    }

    @Test
    void aSupervisorSeesTheMenteesOfTheMentorsInTheirUnitWithoutTheHrForms() {
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/my-units"))
                .willReturn(json(200, "[\"G-73\"]")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/agents"))
                .withQueryParam("unitCode", equalTo("G-73"))
                .willReturn(json(200, "[{\"employeeId\":\"E73\",\"unitCode\":\"G-73\"}]")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/agents/E73/mentees"))
                .willReturn(json(200, "{\"mentorId\":\"E73\",\"finished\":1,\"passed\":1,\"mentees\":[{\"id\":9,"
                        + "\"mentorId\":\"E73\",\"menteeId\":\"E79\",\"from\":\"2026-10-01\",\"to\":\"2026-10-31\","
                        + "\"criterion\":{\"metricCode\":\"qa_score\",\"atLeast\":85},\"status\":\"PASSED\","
                        + "\"value\":87,\"passed\":true,\"reason\":\"qa_score 87: at least 85 holds\"}]}")));
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE,
                        TestTokens.token("S73", "supervisor")).get("/console/quality/mentoring").then()
                .statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"mentorship-9\"") && html.contains("qa_score 87: at least 85 holds"), html);
        assertFalse(html.contains("id=\"mentorship-form\""), "only hr starts mentorships");
        assertFalse(html.contains("/console/quality/mentoring/9/end"), "only hr ends them");

        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, TestTokens.token("E71", "agent"))
                .get("/console/quality/mentoring").then().statusCode(403);
    }
}
