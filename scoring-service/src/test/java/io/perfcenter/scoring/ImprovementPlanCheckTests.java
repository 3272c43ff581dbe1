package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.perfcenter.scoring.events.OutboxEvent;
import io.perfcenter.scoring.improvement.ImprovementPlanCheck;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.scoring.ScoringApi.AGGREGATES;
import static io.perfcenter.scoring.ScoringApi.ORG_UNITS;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.stubMyUnits;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The scheduled check of improvement plans (ImprovementPlanCheck), run by hand: plans past their due date settled MET
 * or MISSED as the explicit evaluation would, a plan met before its due date settled early, {@code
 * improvement-plan.due} once within 3 days of the due date (again for an extended one), and every event exactly once
 * however often or concurrently the check runs. Dates are relative to today in the center's calendar (Asia/Shanghai):
 * M is this week's Monday. Unit IPCG (supervisor IPCS) has agents IPC1..IPC7; goals: AHT at most 420 s in 2
 * consecutive ISO weeks.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class ImprovementPlanCheckTests {

    static final String PLANS = "/api/v1/scoring/improvement-plans";

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    ImprovementPlanCheck check;

    @MetricsServiceMock.Server
    WireMockServer metrics;

    String supervisor;
    LocalDate today;
    LocalDate monday;

    @BeforeEach
    void org() {
        breakers.resetAll();
        supervisor = TestTokens.token("IPCS", "supervisor");
        stubMyUnits(metrics, supervisor, "IPCG");
        List<String> members = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            members.add("{\"employeeId\":\"IPC" + i + "\",\"unitCode\":\"IPCG\",\"from\":\"2024-01-01\",\"to\":null}");
        }
        metrics.stubFor(get(urlPathEqualTo(ORG_UNITS + "IPCG/members")).willReturn(okJson("[" + String.join(",",
                members) + "]")));
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        monday = today.with(DayOfWeek.MONDAY);
    }

    @Test
    void duePlansAreSettledOnceEarlyMetPlansTooAndTheDueDateIsRemindedOnce() {
        // IPC1: M−5w … M−1d (five full weeks, due last Sunday): 450, 415, 400, 430, 440: weeks 2 and 3 hold → MET
        LocalDate start = monday.minusWeeks(5);
        stubWeeks("IPC1", start, 450, 415, 400, 430, 440);
        long met = create("IPC1", start, monday.minusDays(1));
        // IPC2: the same weeks, 410, 430, 415, 425, 450: never two in a row → MISSED
        stubWeeks("IPC2", start, 410, 430, 415, 425, 450);
        long missed = create("IPC2", start, monday.minusDays(1));
        // IPC3: from M−3w, due in 60 days: 450, 400, 410: weeks 2 and 3 hold already → MET before the due date
        stubWeeks("IPC3", monday.minusWeeks(3), 450, 400, 410);
        long early = create("IPC3", monday.minusWeeks(3), today.plusDays(60));
        // IPC4: from M−2w, due in 2 days: 450, 450 → IN_PROGRESS, reminded; IPC5: due in 10 days → not yet
        stubWeeks("IPC4", monday.minusWeeks(2), 450, 450);
        long soon = create("IPC4", monday.minusWeeks(2), today.plusDays(2));
        stubWeeks("IPC5", monday.minusWeeks(2), 450, 450);
        long later = create("IPC5", monday.minusWeeks(2), today.plusDays(10));

        ImprovementPlanCheck.Outcome first = check.runOnce();
        assertFalse(first.skipped());
        String lastSunday = monday.minusDays(1).toString();
        hr().get(PLANS + "/" + met).then().statusCode(200).body("status", equalTo("MET"))
                .body("evaluatedBy", equalTo("scoring-service")).body("consequenceDue", equalTo(false))
                .body("evaluation.goals[0].metFrom", equalTo(start.plusWeeks(1).toString()))
                .body("evaluation.goals[0].metTo", equalTo(start.plusWeeks(3).minusDays(1).toString()))
                .body("evaluation.goals[0].windows.value", contains(450, 415, 400, 430, 440))
                .body("evaluation.explanation", equalTo("MET: every goal held (the last by "
                        + start.plusWeeks(3).minusDays(1) + ")"));
        hr().get(PLANS + "/" + missed).then().statusCode(200).body("status", equalTo("MISSED"))
                .body("consequenceDue", equalTo(true))
                .body("evaluation.explanation", equalTo("MISSED: 1 of 1 goals did not hold by the due date "
                        + lastSunday + "; the coach records the consequence"));
        hr().get(PLANS + "/" + early).then().statusCode(200).body("status", equalTo("MET"))
                .body("evaluation.goals[0].metFrom", equalTo(monday.minusWeeks(2).toString()))
                .body("evaluation.goals[0].windows.value", contains(450, 400, 410));
        hr().get(PLANS + "/" + soon).then().statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("evaluatedBy", equalTo("scoring-service"))
                .body("evaluation.goals[0].windows.value", contains(450, 450));
        hr().get(PLANS + "/" + later).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        // figures read as the service, acting for nobody
        metrics.verify(getRequestedFor(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId",
                WireMock.equalTo("IPC1")).withQueryParam("from", WireMock.equalTo(start.toString()))
                .withoutHeader("X-Acting-For"));

        // the events, through the outbox: met, missed, met (early), due for IPC4 only
        assertEquals(List.of("io.perfcenter.scoring.improvement-plan.met"), types("IPC1"));
        assertEquals(List.of("io.perfcenter.scoring.improvement-plan.missed"), types("IPC2"));
        assertEquals(List.of("io.perfcenter.scoring.improvement-plan.met"), types("IPC3"));
        assertEquals(List.of("io.perfcenter.scoring.improvement-plan.due"), types("IPC4"));
        assertEquals(List.of(), types("IPC5"));
        JsonPath due = JsonPath.from(events("IPC4").get(0).data);
        assertEquals(soon, due.getLong("planId"));
        assertEquals("IPCG", due.getString("unitCode"));
        assertEquals(today.plusDays(2).toString(), due.getString("dueDate"));
        assertEquals("IN_PROGRESS", due.getString("status"));
        assertEquals("due on " + today.plusDays(2) + ", in 2 days", due.getString("explanation"));

        // the second check changes nothing: settled plans stay, IN_PROGRESS ones were looked at today, IPC4 reminded
        int requests = metrics.findAll(getRequestedFor(urlPathEqualTo(AGGREGATES))
                .withQueryParam("employeeId", WireMock.matching("IPC[1-5]"))).size();
        check.runOnce();
        assertEquals(requests, metrics.findAll(getRequestedFor(urlPathEqualTo(AGGREGATES))
                .withQueryParam("employeeId", WireMock.matching("IPC[1-5]"))).size());
        for (String agent : List.of("IPC1", "IPC2", "IPC3", "IPC4")) {
            assertEquals(1, types(agent).size(), agent);
        }
        assertEquals(List.of(), types("IPC5"));
        // a coach's evaluation after the check answers the settled plan unchanged
        as(supervisor).post(PLANS + "/" + met + "/evaluation").then().statusCode(200).body("status", equalTo("MET"))
                .body("evaluatedBy", equalTo("scoring-service"));
        assertEquals(1, types("IPC1").size());

        // the missed plan extended to the day after tomorrow: open again, and its new due date is reminded of once
        as(supervisor).body(Map.of("kind", "EXTENDED", "reason", "Two more days with a buddy", "extendedTo",
                today.plusDays(2).toString())).post(PLANS + "/" + missed + "/consequence").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        check.runOnce();
        check.runOnce();
        assertEquals(List.of("io.perfcenter.scoring.improvement-plan.missed",
                "io.perfcenter.scoring.improvement-plan.due"), types("IPC2"));
        hr().get(PLANS + "/" + missed).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void concurrentChecksAndACoachSettleAPlanOnce() throws Exception {
        // IPC6 and IPC7: M−3w … M−1d, 400, 400, 400: held from the first two weeks → MET, due last Sunday
        LocalDate start = monday.minusWeeks(3);
        stubWeeks("IPC6", start, 400, 400, 400);
        stubWeeks("IPC7", start, 430, 430, 430);
        long met = create("IPC6", start, monday.minusDays(1));
        long missed = create("IPC7", start, monday.minusDays(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> work = List.of(check::runOnce, check::runOnce, check::runOnce,
                    () -> as(supervisor).post(PLANS + "/" + met + "/evaluation").then().statusCode(200)
                            .extract().path("status"));
            List<Future<Object>> done = pool.invokeAll(work);
            for (Future<Object> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        hr().get(PLANS + "/" + met).then().statusCode(200).body("status", equalTo("MET"));
        hr().get(PLANS + "/" + missed).then().statusCode(200).body("status", equalTo("MISSED"))
                .body("evaluatedBy", equalTo("scoring-service"));
        assertEquals(List.of("io.perfcenter.scoring.improvement-plan.met"), types("IPC6"));
        assertEquals(List.of("io.perfcenter.scoring.improvement-plan.missed"), types("IPC7"));
        check.runOnce();
        assertEquals(1, types("IPC6").size());
        assertEquals(1, types("IPC7").size());
        // nobody was reminded of a due date that had passed
        hr().get(PLANS + "/" + met).then().body("consequences", org.hamcrest.Matchers.hasSize(0))
                .body("evaluation.goals[0].metTo", equalTo(start.plusWeeks(2).minusDays(1).toString()))
                .body("reason", nullValue());
    }

    // ---- helpers ----

    private long create(String agent, LocalDate start, LocalDate due) {
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("metricCode", "aht");
        goal.put("comparison", "AT_MOST");
        goal.put("value", 420);
        goal.put("window", "WEEK");
        goal.put("consecutive", 2);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("employeeId", agent);
        plan.put("unitCode", "IPCG");
        plan.put("startDate", start.toString());
        plan.put("dueDate", due.toString());
        plan.put("goals", List.of(goal));
        return as(supervisor).body(plan).post(PLANS).then().statusCode(201).body("status", equalTo("IN_PROGRESS"))
                .extract().jsonPath().getLong("id");
    }

    private static List<OutboxEvent> events(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("subject = ?1 order by seq",
                subject));
    }

    private static List<String> types(String subject) {
        return events(subject).stream().map(e -> e.type).toList();
    }

    /** The agent's AHT in consecutive ISO weeks from the Monday; any other day range: no data. */
    private void stubWeeks(String agent, LocalDate from, int... values) {
        metrics.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId", WireMock.equalTo(agent))
                .willReturn(okJson(figures(agent, null))));
        for (int value : values) {
            metrics.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId", WireMock.equalTo(agent))
                    .withQueryParam("from", WireMock.equalTo(from.toString()))
                    .withQueryParam("to", WireMock.equalTo(from.plusDays(6).toString()))
                    .willReturn(okJson(figures(agent, Integer.toString(value)))));
            from = from.plusWeeks(1);
        }
    }

    private static String figures(String agent, String aht) {
        return "{\"agents\":[{\"employeeId\":\"" + agent + "\",\"values\":{" + (aht == null ? ""
                : "\"aht\":{\"value\":" + aht + ",\"samples\":100}") + "}}]}";
    }
}
