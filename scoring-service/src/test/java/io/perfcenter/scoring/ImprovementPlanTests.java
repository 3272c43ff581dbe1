package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.scoring.ScoringApi.AGGREGATES;
import static io.perfcenter.scoring.ScoringApi.ORG_UNITS;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.problem;
import static io.perfcenter.scoring.ScoringApi.stubMyUnits;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Improvement plans: made by the agent's supervisor, evaluated from weekly (or monthly) figures metrics-service gives
 * (read as the service, acting for the evaluator), a consequence recorded after a miss and read by the agent; scope,
 * roles and bad input. Unit IPG1 (supervisor IPS1) has agents IPA1, IPA2, IPA3, IPA4; IPS9 leads IPG9 only.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class ImprovementPlanTests {

    @Inject
    CircuitBreakerMaintenance breakers;


    static final String PLANS = "/api/v1/scoring/improvement-plans";

    @MetricsServiceMock.Server
    WireMockServer metrics;

    String supervisor;
    String otherSupervisor;

    @BeforeEach
    void org() {
        // other test classes make metrics-service fail on purpose; the breaker they open is not this class's concern
        breakers.resetAll();
        supervisor = TestTokens.token("IPS1", "supervisor");
        otherSupervisor = TestTokens.token("IPS9", "supervisor");
        stubMyUnits(metrics, supervisor, "IPG1");
        stubMyUnits(metrics, otherSupervisor, "IPG9");
        metrics.stubFor(get(urlPathEqualTo(ORG_UNITS + "IPG1/members")).willReturn(okJson("["
                + member("IPA1") + "," + member("IPA2") + "," + member("IPA3") + "," + member("IPA4") + "]")));
        metrics.stubFor(get(urlPathEqualTo(ORG_UNITS + "IPG9/members")).willReturn(okJson("[]")));
    }

    @Test
    void metByTwoConsecutiveWeeksAtMost420() {
        // weekly AHT = handle seconds / calls: 45,000 / 100 = 450, 41,500 / 100 = 415, 40,000 / 100 = 400,
        // 43,000 / 100 = 430 in the ISO weeks from Monday 2026-09-07 to Sunday 2026-10-04: weeks 2 and 3 hold
        stubWeeks("IPA1", "aht", "2026-09-07", 450, 415, 400, 430);
        long id = create(supervisor, plan("IPA1", "2026-09-07", "2026-10-04",
                goal("aht", "AT_MOST", 420, "WEEK", 2))).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString(PLANS + "/"))
                .body("status", equalTo("IN_PROGRESS")).body("createdBy", equalTo("IPS1"))
                .body("goals[0].consecutive", equalTo(2)).body("reason", equalTo("AHT 480 s in August"))
                .extract().jsonPath().getLong("id");
        JsonPath plan = as(supervisor).post(PLANS + "/" + id + "/evaluation").then().statusCode(200)
                .body("status", equalTo("MET")).body("consequenceDue", equalTo(false))
                .body("evaluatedBy", equalTo("IPS1"))
                .body("evaluation.goals[0].met", equalTo(true))
                .body("evaluation.goals[0].metFrom", equalTo("2026-09-14"))
                .body("evaluation.goals[0].metTo", equalTo("2026-09-27"))
                .body("evaluation.goals[0].windows", hasSize(4))
                .body("evaluation.goals[0].windows.value", contains(450, 415, 400, 430))
                .body("evaluation.goals[0].windows.holds", contains(false, true, true, false))
                .body("evaluation.goals[0].explanation", equalTo("aht at most 420 in 2 consecutive ISO weeks: "
                        + "held 2026-09-14 to 2026-09-27 (415, 400)"))
                .extract().jsonPath();
        assertEquals("MET: every goal held (the last by 2026-09-27)", plan.getString("evaluation.explanation"));
        // the evaluation is stored in English and Chinese; each read answers the language asked for, the fields' names
        // unchanged and the Chinese not shown beside it
        as(supervisor).header("Accept-Language", "zh-CN,zh;q=0.9").get(PLANS + "/" + id).then().statusCode(200)
                .header("Content-Language", "zh-CN")
                .body("evaluation.explanation", equalTo("已达成：所有目标均已达成（最后一项于 2026-09-27 达成）"))
                .body("evaluation.goals[0].explanation", equalTo("aht 在连续 2 个 ISO 周内不高于 420：已于 2026-09-14 至 "
                        + "2026-09-27 达成（415、400）"))
                .body("evaluation.explanationZh", nullValue()).body("evaluation.goals[0].explanationZh", nullValue());
        as(supervisor).header("Accept-Language", "en-US").get(PLANS).then().statusCode(200)
                .header("Content-Language", "en")
                .body("find { it.id == " + id + " }.evaluation.explanation", equalTo("MET: every goal held (the last by "
                        + "2026-09-27)"));
        // read as the service, acting for the supervisor who evaluated, one request per week
        metrics.verify(getRequestedFor(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId", WireMock.equalTo("IPA1"))
                .withQueryParam("from", WireMock.equalTo("2026-09-14")).withQueryParam("to", WireMock.equalTo("2026-09-20"))
                .withHeader("X-Acting-For", WireMock.equalTo("IPS1")));
        // a met plan is settled; a consequence does not follow it
        as(supervisor).post(PLANS + "/" + id + "/evaluation").then().statusCode(200).body("status", equalTo("MET"));
        // the change is an event in the same transaction (once: evaluating a settled plan again emits nothing)
        List<io.perfcenter.scoring.events.OutboxEvent> events = io.quarkus.narayana.jta.QuarkusTransaction
                .requiringNew().call(() -> io.perfcenter.scoring.events.OutboxEvent.list("subject", "IPA1"));
        assertEquals(List.of("io.perfcenter.scoring.improvement-plan.met"),
                events.stream().map(e -> e.type).toList());
        assertEquals(id, JsonPath.from(events.get(0).data).getLong("planId"));
        as(supervisor).body(Map.of("kind", "NONE", "reason", "x")).post(PLANS + "/" + id + "/consequence").then()
                .statusCode(409).contentType("application/problem+json");
        // the agent reads their plan; check-ins from both sides
        as("IPA1", "agent").body(Map.of("note", "Shorter holds since Monday")).post(PLANS + "/" + id + "/check-ins")
                .then().statusCode(200).body("checkIns[0].authorRole", equalTo("AGENT"))
                .body("checkIns[0].author", equalTo("IPA1"));
        as(supervisor).body(Map.of("note", "Listened to five calls together")).post(PLANS + "/" + id + "/check-ins")
                .then().statusCode(200).body("checkIns[1].authorRole", equalTo("COACH"));
        as("IPA1", "agent").get(PLANS + "/" + id).then().statusCode(200).body("status", equalTo("MET"))
                .body("checkIns", hasSize(2));
    }

    @Test
    void missedWhenTheWeeksAlternateAndTheConsequenceIsNeverSilent() {
        // 410, 430, 415, 425: every other week ≤ 420, never two in a row; the due date 2026-10-04 has passed
        stubWeeks("IPA2", "aht", "2026-09-07", 410, 430, 415, 425);
        long id = create(supervisor, plan("IPA2", "2026-09-07", "2026-10-04",
                goal("aht", "AT_MOST", 420, "WEEK", 2))).then().statusCode(201).extract().jsonPath().getLong("id");
        as(supervisor).post(PLANS + "/" + id + "/evaluation").then().statusCode(200)
                .body("status", equalTo("MISSED")).body("consequenceDue", equalTo(true))
                .body("evaluation.goals[0].met", equalTo(false))
                .body("evaluation.goals[0].metFrom", nullValue())
                .body("evaluation.goals[0].explanation", equalTo("aht at most 420 in 2 consecutive ISO weeks: "
                        + "not yet held, longest run 1 of 2 (410, 430, 415, 425)"))
                .body("evaluation.explanation", equalTo("MISSED: 1 of 1 goals did not hold by the due date "
                        + "2026-10-04; the coach records the consequence"));
        String consequence = PLANS + "/" + id + "/consequence";
        // the reason is required, the kind one of four; nothing is stored by a refused request
        as(supervisor).body(Map.of("kind", "RETRAINING", "reason", "  ")).post(consequence).then().statusCode(400)
                .body("field", equalTo("reason"));
        as(supervisor).body(Map.of("kind", "RETRAINING")).post(consequence).then().statusCode(400)
                .body("field", equalTo("reason"));
        as(supervisor).body(Map.of("reason", "x")).post(consequence).then().statusCode(400)
                .body("field", equalTo("kind"));
        as(supervisor).body(Map.of("kind", "FIRED", "reason", "x")).post(consequence).then().statusCode(400);
        as(supervisor).body(Map.of("kind", "EXTENDED", "reason", "x")).post(consequence).then().statusCode(400)
                .body("field", equalTo("extendedTo"));
        as(supervisor).body(Map.of("kind", "NONE", "reason", "x", "extendedTo", "2026-11-01")).post(consequence)
                .then().statusCode(400).body("field", equalTo("extendedTo"));
        // not the agent, not another unit's supervisor
        // the plan came due unmet: an event for the agent and the coach (metrics tells them, see NotificationTests)
        List<io.perfcenter.scoring.events.OutboxEvent> missed = io.quarkus.narayana.jta.QuarkusTransaction
                .requiringNew().call(() -> io.perfcenter.scoring.events.OutboxEvent.list("subject", "IPA2"));
        assertEquals(List.of("io.perfcenter.scoring.improvement-plan.missed"),
                missed.stream().map(e -> e.type).toList());
        assertEquals("2026-10-04", JsonPath.from(missed.get(0).data).getString("dueDate"));
        as("IPA2", "agent").body(Map.of("kind", "NONE", "reason", "x")).post(consequence).then().statusCode(403);
        as(otherSupervisor).body(Map.of("kind", "NONE", "reason", "x")).post(consequence).then().statusCode(404);
        as("IPA2", "agent").get(PLANS + "/" + id).then().statusCode(200).body("consequences", hasSize(0))
                .body("consequenceDue", equalTo(true));
        as(supervisor).body(Map.of("kind", "RETRAINING", "reason", "AHT stayed above 420 s in alternate weeks; "
                + "product retraining on 2026-10-12")).post(consequence).then().statusCode(200)
                .body("consequenceDue", equalTo(false)).body("status", equalTo("MISSED"))
                .body("consequences[0].kind", equalTo("RETRAINING"))
                .body("consequences[0].decidedBy", equalTo("IPS1"));
        as(supervisor).body(Map.of("kind", "NONE", "reason", "again")).post(consequence).then().statusCode(409);
        // visible to the agent
        as("IPA2", "agent").get(PLANS + "/" + id).then().statusCode(200)
                .body("consequences[0].reason", equalTo("AHT stayed above 420 s in alternate weeks; product "
                        + "retraining on 2026-10-12"))
                .body("consequences[0].previousDueDate", equalTo("2026-10-04"));
    }

    @Test
    void anEvaluationStoredBeforeTheChineseWasKeptAnswersEnglish() {
        stubWeeks("IPA4", "aht", "2026-09-07", 410, 430, 415, 425);
        long id = create(supervisor, plan("IPA4", "2026-09-07", "2026-10-04",
                goal("aht", "AT_MOST", 420, "WEEK", 2))).then().statusCode(201).extract().jsonPath().getLong("id");
        as(supervisor).header("Accept-Language", "zh-CN").post(PLANS + "/" + id + "/evaluation").then()
                .statusCode(200).header("Content-Language", "zh-CN")
                .body("evaluation.explanation", equalTo("未达成：截至到期日 2026-10-04，1 个目标中有 1 个未达成；由辅导人"
                        + "记录后续处理"))
                .body("evaluation.goals[0].explanation", equalTo("aht 在连续 2 个 ISO 周内不高于 420：尚未达成，最长连续"
                        + "达标 1 个，需 2 个（410、430、415、425）"));
        // as an evaluation stored before V12: no explanationZh in its JSON
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.perfcenter.scoring.improvement
                .ImprovementPlan.getEntityManager().createNativeQuery("UPDATE improvement_plan SET evaluation = "
                        + "(evaluation - 'explanationZh') #- '{goals,0,explanationZh}' WHERE id = :id")
                .setParameter("id", id).executeUpdate());
        as(supervisor).header("Accept-Language", "zh-CN").get(PLANS + "/" + id).then().statusCode(200)
                .header("Content-Language", "en")
                .body("evaluation.explanation", equalTo("MISSED: 1 of 1 goals did not hold by the due date 2026-10-04; "
                        + "the coach records the consequence"))
                .body("evaluation.goals[0].explanation", equalTo("aht at most 420 in 2 consecutive ISO weeks: not yet "
                        + "held, longest run 1 of 2 (410, 430, 415, 425)"));
    }

    @Test
    void anExtensionOpensTheMissedPlanAgainAndAMonthGoalHolds() {
        // CSAT at least 0.85 in a calendar month between 2026-08-15 and 2026-09-30: September alone counts
        metrics.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId", WireMock.equalTo("IPA3"))
                .willReturn(okJson(agentFigures("IPA3", null, null))));
        stubMonth("IPA3", "csat", "2026-09-01", "2026-09-30", "0.82");
        stubMonth("IPA3", "csat", "2026-10-01", "2026-10-31", "0.87");
        long id = create(hr(), plan("IPA3", "2026-08-15", "2026-09-30", goal("csat", "AT_LEAST", 0.85, "MONTH",
                null))).then().statusCode(201).body("createdBy", equalTo("H1")).extract().jsonPath().getLong("id");
        hr().post(PLANS + "/" + id + "/evaluation").then().statusCode(200).body("status", equalTo("MISSED"))
                .body("evaluation.goals[0].windows", hasSize(1))
                .body("evaluation.goals[0].windows[0].start", equalTo("2026-09-01"));
        as(supervisor).body(Map.of("kind", "EXTENDED", "reason", "One more month with a buddy",
                "extendedTo", "2026-10-31")).post(PLANS + "/" + id + "/consequence").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("dueDate", equalTo("2026-10-31"))
                .body("consequences[0].extendedTo", equalTo("2026-10-31"));
        as(supervisor).post(PLANS + "/" + id + "/evaluation").then().statusCode(200).body("status", equalTo("MET"))
                .body("evaluation.goals[0].metFrom", equalTo("2026-10-01"))
                .body("evaluation.goals[0].windows.value", contains(0.82f, 0.87f));
    }

    @Test
    void inProgressUntilTheDueDate() {
        // any week of IPA1's: 450 s, never ≤ 420; the plan runs from ten days ago for a year
        metrics.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId", WireMock.equalTo("IPA1"))
                .withQueryParam("metric", WireMock.equalTo("handle_time")).willReturn(okJson(agentFigures("IPA1",
                        "handle_time", "450"))));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long id = create(supervisor, plan("IPA1", today.minusDays(10).toString(), today.plusDays(300).toString(),
                goal("handle_time", "AT_MOST", 420, "WEEK", 2))).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        as(supervisor).post(PLANS + "/" + id + "/evaluation").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("consequenceDue", equalTo(false));
        as(supervisor).body(Map.of("kind", "NONE", "reason", "x")).post(PLANS + "/" + id + "/consequence").then()
                .statusCode(409);
    }

    @Test
    void scopeAndRoles() {
        stubWeeks("IPA1", "aht", "2026-09-07", 450, 450, 450, 450);
        long id = create(supervisor, plan("IPA1", "2026-09-07", "2026-10-04",
                goal("aht", "AT_MOST", 420, "WEEK", 2))).then().statusCode(201).extract().jsonPath().getLong("id");
        String one = PLANS + "/" + id;
        // without a token 401; an agent or qa may not make plans; another unit's supervisor may not either
        RestAssured.given().get(one).then().statusCode(401);
        RestAssured.given().contentType("application/json").body(plan("IPA1", "2026-09-07", "2026-10-04",
                goal("aht", "AT_MOST", 420, "WEEK", 2))).post(PLANS).then().statusCode(401);
        create(as("IPA1", "agent"), plan("IPA2", "2026-09-07", "2026-10-04", goal("aht", "AT_MOST", 420, "WEEK", 2)))
                .then().statusCode(403);
        create(as("Q1", "qa"), plan("IPA2", "2026-09-07", "2026-10-04", goal("aht", "AT_MOST", 420, "WEEK", 2)))
                .then().statusCode(403);
        create(otherSupervisor, plan("IPA2", "2026-09-07", "2026-10-04", goal("aht", "AT_MOST", 420, "WEEK", 2)))
                .then().statusCode(403).body("type", equalTo("https://perfcenter.io/problems/out-of-scope"));
        create(as(null, "service"), plan("IPA2", "2026-09-07", "2026-10-04",
                goal("aht", "AT_MOST", 420, "WEEK", 2))).then().statusCode(403);
        // out of scope reads and writes answer exactly as an unknown id
        String unknown = as(otherSupervisor).get(PLANS + "/999999").then().statusCode(404).extract().path("title");
        as(otherSupervisor).get(one).then().statusCode(404).body("title", equalTo(unknown))
                .body("detail", equalTo("Improvement plan " + id + " does not exist"));
        as("IPA2", "agent").get(one).then().statusCode(404);
        as("IPA2", "agent").body(Map.of("note", "x")).post(one + "/check-ins").then().statusCode(404);
        as("IPA2", "agent").post(one + "/evaluation").then().statusCode(404);
        as(otherSupervisor).post(one + "/evaluation").then().statusCode(404);
        as(otherSupervisor).body(Map.of("note", "x")).post(one + "/check-ins").then().statusCode(404);
        // lists hold only what the caller reads
        as("IPA2", "agent").get(PLANS).then().statusCode(200).body("employeeId", org.hamcrest.Matchers
                .everyItem(equalTo("IPA2")));
        as(otherSupervisor).get(PLANS).then().statusCode(200).body("", hasSize(0));
        as(supervisor).queryParam("employeeId", "IPA1").get(PLANS).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem((int) id));
        hr().queryParam("status", "SOMETIMES").get(PLANS).then().statusCode(400).body("field", equalTo("status"));
        // a supervisor's token without employee id leads nothing
        String anonymous = TestTokens.token(null, "supervisor");
        as(anonymous).get(one).then().statusCode(404);
        as(anonymous).get(PLANS).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        stubWeeks("IPA1", "aht", "2026-09-07", 450, 450, 450, 450);
        int before = hr().get(PLANS).then().statusCode(200).extract().jsonPath().getList("").size();
        // two consecutive weeks do not fit in 2026-09-09 … 2026-09-20 (one full ISO week)
        create(supervisor, plan("IPA1", "2026-09-09", "2026-09-20", goal("aht", "AT_MOST", 420, "WEEK", 2)))
                .then().statusCode(400).body("field", equalTo("goals[0].consecutive"))
                .body("detail", equalTo("goals[0].consecutive: the plan from 2026-09-09 to 2026-09-20 holds 1 full "
                        + "ISO week(s), fewer than 2"));
        create(supervisor, plan("IPA1", "2026-09-07", "2026-09-01", goal("aht", "AT_MOST", 420, "WEEK", 1)))
                .then().statusCode(400).body("field", equalTo("dueDate"));
        create(supervisor, plan("IPA1", "2026-09-07", "2027-12-01", goal("aht", "AT_MOST", 420, "WEEK", 1)))
                .then().statusCode(400).body("field", equalTo("dueDate"));
        create(supervisor, plan("IPA1", "2026-09-07", "2026-10-04", goal("AHT!", "AT_MOST", 420, "WEEK", 1)))
                .then().statusCode(400).body("field", equalTo("goals[0].metricCode"));
        create(supervisor, plan("IPA1", "2026-09-07", "2026-10-04", goal("aht", "AROUND", 420, "WEEK", 1)))
                .then().statusCode(400);
        create(supervisor, plan("IPA1", "2026-09-07", "2026-10-04", goal("aht", "AT_MOST", 420, "WEEK", 27)))
                .then().statusCode(400).body("field", equalTo("goals[0].consecutive"));
        create(supervisor, plan("IPA1", "2026-09-07", "2026-10-04", goal("aht", "AT_MOST", null, "WEEK", 1)))
                .then().statusCode(400).body("field", equalTo("goals[0].value"));
        create(supervisor, plan("IPA1", "2026-09-07", "2026-10-04")).then().statusCode(400)
                .body("field", equalTo("goals"));
        // an agent not in the unit on the start date, a scorecard that is not the agent's
        create(supervisor, plan("IPX", "2026-09-07", "2026-10-04", goal("aht", "AT_MOST", 420, "WEEK", 1)))
                .then().statusCode(400).body("field", equalTo("employeeId"));
        Map<String, Object> withScorecard = new LinkedHashMap<>(plan("IPA1", "2026-09-07", "2026-10-04",
                goal("aht", "AT_MOST", 420, "WEEK", 1)));
        withScorecard.put("scorecardId", 999999);
        create(supervisor, withScorecard).then().statusCode(400).body("field", equalTo("scorecardId"));
        // an unknown metric: metrics-service refuses it
        metrics.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId", WireMock.equalTo("IPA1"))
                .withQueryParam("metric", WireMock.equalTo("no_such_metric"))
                .willReturn(problem(400, "metric", "unknown metric no_such_metric")));
        create(supervisor, plan("IPA1", "2026-09-07", "2026-10-04", goal("no_such_metric", "AT_MOST", 1, "WEEK", 1)))
                .then().statusCode(400).body("field", equalTo("goals"));
        // a plan for oneself
        create(as("IPA1", "supervisor"), plan("IPA1", "2026-09-07", "2026-10-04",
                goal("aht", "AT_MOST", 420, "WEEK", 1))).then().statusCode(403);
        assertEquals(before, hr().get(PLANS).then().statusCode(200).extract().jsonPath().getList("").size());
        // check-ins need a note
        long id = create(supervisor, plan("IPA1", "2026-09-07", "2026-10-04",
                goal("aht", "AT_MOST", 420, "WEEK", 1))).then().statusCode(201).extract().jsonPath().getLong("id");
        as(supervisor).body(Map.of("note", "")).post(PLANS + "/" + id + "/check-ins").then().statusCode(400)
                .body("field", equalTo("note"));
        hr().get(PLANS + "/" + id).then().body("checkIns", hasSize(0));
    }

    // ---- helpers ----

    private static io.restassured.response.Response create(String token, Map<String, Object> plan) {
        return as(token).body(plan).post(PLANS);
    }

    private static io.restassured.response.Response create(io.restassured.specification.RequestSpecification who,
                                                           Map<String, Object> plan) {
        return who.body(plan).post(PLANS);
    }

    @SafeVarargs
    private static Map<String, Object> plan(String employeeId, String start, String due, Map<String, Object>... goals) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("employeeId", employeeId);
        plan.put("unitCode", "IPG1");
        plan.put("startDate", start);
        plan.put("dueDate", due);
        plan.put("goals", List.of(goals));
        plan.put("reason", "AHT 480 s in August");
        return plan;
    }

    private static Map<String, Object> goal(String metric, String comparison, Object value, String window,
                                            Integer consecutive) {
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("metricCode", metric);
        goal.put("comparison", comparison);
        goal.put("value", value);
        goal.put("window", window);
        if (consecutive != null) {
            goal.put("consecutive", consecutive);
        }
        return goal;
    }

    /** The agent's value of the metric in consecutive ISO weeks from the Monday; any other day range: no data. */
    private void stubWeeks(String employeeId, String metric, String monday, int... values) {
        metrics.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId", WireMock.equalTo(employeeId))
                .willReturn(okJson(agentFigures(employeeId, null, null))));
        LocalDate from = LocalDate.parse(monday);
        for (int value : values) {
            stubMonth(employeeId, metric, from.toString(), from.plusDays(6).toString(), Integer.toString(value));
            from = from.plusWeeks(1);
        }
    }

    private void stubMonth(String employeeId, String metric, String from, String to, String value) {
        metrics.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId", WireMock.equalTo(employeeId))
                .withQueryParam("from", WireMock.equalTo(from)).withQueryParam("to", WireMock.equalTo(to))
                .willReturn(okJson(agentFigures(employeeId, metric, value))));
    }

    private static String agentFigures(String employeeId, String metric, String value) {
        return "{\"agents\":[{\"employeeId\":\"" + employeeId + "\",\"values\":{" + (metric == null ? ""
                : "\"" + metric + "\":{\"value\":" + value + ",\"samples\":100}") + "}}]}";
    }

    private static String member(String employeeId) {
        return "{\"employeeId\":\"" + employeeId + "\",\"unitCode\":\"IPG1\",\"from\":\"2024-01-01\",\"to\":null}";
    }
}
