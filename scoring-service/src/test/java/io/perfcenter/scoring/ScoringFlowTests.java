package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.SCORECARDS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.aggregateReport;
import static io.perfcenter.scoring.ScoringApi.aggregatesOf;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.seatTemplate;
import static io.perfcenter.scoring.ScoringApi.stubMyUnits;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Template → run for a unit (metrics stubbed) → scorecards → publish → who sees which scorecard. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class ScoringFlowTests {

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Inject
    MeterRegistry registry;

    private static boolean seeded;
    private static long runG1;
    private static long runG2;
    private static JsonPath computedG1;
    private static String supervisorG1;
    private static String supervisorG2;
    private static String managerT1;

    // RestAssured knows the random test port only from the first test on, so the shared data is made here once
    @BeforeEach
    void scoreTwoGroups() {
        if (seeded) {
            return;
        }
        seeded = true;
        String g1 = aggregateReport("G1",
                new Object[]{"E1", "calls_handled", 2412, "reply_minutes", 4.2, "csat", 4.9},
                new Object[]{"E2", "calls_handled", 2412, "reply_minutes", 5.5, "csat", 4.62},
                new Object[]{"E3", "calls_handled", 3100, "reply_minutes", 6},
                new Object[]{"E4", "calls_handled", 3100, "reply_minutes", 6});
        metrics.stubFor(aggregatesOf("G1").willReturn(okJson(g1)));
        ScoringApi.stubStayers(metrics, "G1", "2026-10-01", "2026-10-31", g1);
        String g2 = aggregateReport("G2",
                new Object[]{"F1", "calls_handled", 2000, "reply_minutes", 10, "csat", 3.0},
                new Object[]{"F2", "calls_handled", 2600, "reply_minutes", 5, "csat", 4.8});
        metrics.stubFor(aggregatesOf("G2").willReturn(okJson(g2)));
        ScoringApi.stubStayers(metrics, "G2", "2026-10-01", "2026-10-31", g2);
        supervisorG1 = TestTokens.token("S1", "supervisor");
        supervisorG2 = TestTokens.token("S2", "supervisor");
        managerT1 = TestTokens.token("M1", "manager");
        stubMyUnits(metrics, supervisorG1, "G1");
        stubMyUnits(metrics, supervisorG2, "G2");
        stubMyUnits(metrics, managerT1, "T1", "G1", "G2");

        hr().body(seatTemplate("SEAT-FLOW")).post(TEMPLATES).then().statusCode(201).body("version", equalTo(1));
        computedG1 = hr().body(run("SEAT-FLOW", "G1", "2026-10")).post(RUNS).then().statusCode(201)
                .body("status", equalTo("COMPUTED")).extract().jsonPath();
        runG1 = computedG1.getLong("id");
        hr().post(RUNS + "/" + runG1 + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("scorecards.status", everyItem(equalTo("PUBLISHED")));
        runG2 = hr().body(run("SEAT-FLOW", "G2", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void aRunScoresEveryAgentWithTotalGradeRankAndExplanations() {
        JsonPath run = computedG1;
        assertEquals("SEAT-FLOW", run.getString("templateCode"));
        assertEquals(1, run.getInt("templateVersion"));
        assertEquals("2026-10-01", run.getString("from"));
        assertEquals("2026-10-31", run.getString("to"));
        assertEquals(List.of("E1", "E2", "E3", "E4"), run.getList("scorecards.employeeId"));
        assertEquals(List.of(95.38f, 89.38f, 64.0f, 64.0f), run.getList("scorecards.total"));
        assertEquals(List.of("excellent", "good", "fail", "fail"), run.getList("scorecards.grade"));
        // ties share a rank
        assertEquals(List.of(1, 2, 3, 3), run.getList("scorecards.rank"));

        String e1 = "scorecards.find { it.employeeId == 'E1' }";
        assertEquals(List.of("calls", "reply", "csat"), run.getList(e1 + ".items.itemCode"));
        assertEquals(2412, run.getInt(e1 + ".items[0].value"));
        assertEquals(88.44f, run.getFloat(e1 + ".items[0].points"));
        assertEquals(40, run.getInt(e1 + ".items[0].weight"));
        assertEquals(35.376f, run.getFloat(e1 + ".items[0].weightedPoints"));
        assertEquals("2,412 calls × 0.55 (tier 2300–2500) = 1,326.6; 1,326.6 / 1,500 (max) × 100 = 88.44 points; "
                + "weight 40% → 35.376", run.getString(e1 + ".items[0].explanation"));
        assertEquals("4.2 min ≤ 5 min (full marks) → 100 of 100 points; weight 30% → 30",
                run.getString(e1 + ".items[1].explanation"));

        String e3 = "scorecards.find { it.employeeId == 'E3' }";
        assertEquals(true, run.getBoolean(e3 + ".items[2].insufficientData"));
        assertNull(run.get(e3 + ".items[2].value"));
        assertEquals(0, run.getInt(e3 + ".items[2].points"));
        assertEquals("No csat data for 2026-10: insufficient data, 0 points (not scored)",
                run.getString(e3 + ".items[2].explanation"));
        assertEquals(false, run.getBoolean(e3 + ".items[0].insufficientData"));

        // what was stored is what was answered
        hr().get(RUNS + "/" + runG1).then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("scorecards.employeeId", contains("E1", "E2", "E3", "E4"))
                .body("scorecards.total", contains(95.38f, 89.38f, 64.0f, 64.0f))
                .body("scorecards.rank", contains(1, 2, 3, 3))
                .body("scorecards[0].items[0].explanation", equalTo(run.getString(e1 + ".items[0].explanation")))
                .body("publishedBy", equalTo("H1"));
    }

    @Test
    void scorecardsAreListedByPeriodUnitStatusAndEmployee() {
        hr().queryParam("period", "2026-10").queryParam("unit", "G1").queryParam("status", "PUBLISHED")
                .get(SCORECARDS).then().statusCode(200)
                .body("employeeId", hasItems("E1", "E2", "E3", "E4"))
                .body("unitCode", everyItem(equalTo("G1")))
                .body("status", everyItem(equalTo("PUBLISHED")))
                .body("runId", everyItem(equalTo((int) runG1)));
        hr().queryParam("unit", "G2").queryParam("status", "COMPUTED").get(SCORECARDS).then().statusCode(200)
                .body("employeeId", containsInAnyOrder("F1", "F2"))
                .body("find { it.employeeId == 'F2' }.total", equalTo(100.0f))
                .body("find { it.employeeId == 'F2' }.grade", equalTo("excellent"))
                .body("find { it.employeeId == 'F1' }.total", equalTo(21.33f));
        hr().queryParam("employeeId", "E1").queryParam("period", "2026-10").get(SCORECARDS).then().statusCode(200)
                .body("employeeId", everyItem(equalTo("E1")))
                .body("[0].templateCode", equalTo("SEAT-FLOW")).body("[0].templateVersion", equalTo(1))
                .body("[0].period", equalTo("2026-10"));
        hr().queryParam("period", "2026-11").get(SCORECARDS).then().statusCode(200).body("$", empty());
        // incentive-service reads published scorecards with its own token
        as(TestTokens.system("service")).queryParam("status", "PUBLISHED").queryParam("unit", "G1")
                .get(SCORECARDS).then().statusCode(200).body("employeeId", hasItems("E1", "E2", "E3", "E4"));
        hr().queryParam("status", "DONE").get(SCORECARDS).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("status"));
        hr().queryParam("period", "2026-13").get(SCORECARDS).then().statusCode(400).body("field", equalTo("period"));
    }

    @Test
    void anAgentSeesOnlyTheirOwnPublishedScorecard() {
        as("E1", "agent").queryParam("period", "2026-10").get(SCORECARDS).then().statusCode(200)
                .body("employeeId", contains("E1")).body("[0].total", equalTo(95.38f));
        // filters cannot widen the scope
        as("E1", "agent").queryParam("employeeId", "E2").get(SCORECARDS).then().statusCode(200).body("$", empty());
        long own = idOf("G1", "E1");
        long other = idOf("G1", "E2");
        as("E1", "agent").get(SCORECARDS + "/" + own).then().statusCode(200).body("employeeId", equalTo("E1"))
                .body("items.itemCode", contains("calls", "reply", "csat"));
        // someone else's scorecard answers exactly as an unknown id (only the id differs): ids cannot be probed
        as("E1", "agent").get(SCORECARDS + "/" + other).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://perfcenter.io/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("Scorecard " + other + " does not exist"));
        as("E1", "agent").get(SCORECARDS + "/999999").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://perfcenter.io/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("Scorecard 999999 does not exist"));
        // before publication an agent sees nothing of their own result, not even that it exists
        long unpublished = idOf("G2", "F1");
        as("F1", "agent").get(SCORECARDS).then().statusCode(200).body("$", empty());
        as("F1", "agent").get(SCORECARDS + "/" + unpublished).then().statusCode(404)
                .body("detail", equalTo("Scorecard " + unpublished + " does not exist"));
    }

    @Test
    void supervisorsAndManagersSeeTheUnitsTheyLead() {
        as(supervisorG1).queryParam("period", "2026-10").get(SCORECARDS).then().statusCode(200)
                .body("employeeId", hasItems("E1", "E2", "E3", "E4"))
                .body("unitCode", everyItem(equalTo("G1")));
        as(supervisorG2).queryParam("period", "2026-10").get(SCORECARDS).then().statusCode(200)
                .body("employeeId", containsInAnyOrder("F1", "F2"));
        as(managerT1).queryParam("period", "2026-10").get(SCORECARDS).then().statusCode(200)
                .body("employeeId", hasItems("E1", "E2", "E3", "E4", "F1", "F2"));
        as(supervisorG1).get(SCORECARDS + "/" + idOf("G2", "F1")).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Scorecard " + idOf("G2", "F1") + " does not exist"));
        as(supervisorG1).get(SCORECARDS + "/" + idOf("G1", "E3")).then().statusCode(200)
                .body("employeeId", equalTo("E3"));
        as(supervisorG1).get(RUNS + "/" + runG1).then().statusCode(200).body("unitCode", equalTo("G1"));
        as(supervisorG1).get(RUNS + "/" + runG2).then().statusCode(404)
                .body("type", equalTo("https://perfcenter.io/problems/not-found"))
                .body("detail", equalTo("Run " + runG2 + " does not exist"));
        as(supervisorG1).queryParam("period", "2026-10").get(RUNS).then().statusCode(200)
                .body("unitCode", everyItem(equalTo("G1"))).body("id", hasItems((int) runG1))
                .body("id", not(hasItems((int) runG2)));
        as(managerT1).get(RUNS + "/" + runG2).then().statusCode(200).body("scorecards.employeeId",
                contains("F2", "F1"));
    }

    @Test
    void publishingIsOncePerTemplateUnitAndPeriod() {
        hr().post(RUNS + "/" + runG1 + "/publish").then().statusCode(409)
                .body("type", equalTo("https://perfcenter.io/problems/conflict"));
        // the same inputs give the same run back: no new revision
        hr().body(run("SEAT-FLOW", "G1", "2026-10")).post(RUNS).then().statusCode(200)
                .body("id", equalTo((int) runG1)).body("unchanged", equalTo(true)).body("revision", equalTo(1))
                .body("status", equalTo("PUBLISHED"));
        hr().post(RUNS + "/" + runG1 + "/publish").then().statusCode(409)
                .body("detail", equalTo("Run " + runG1 + " is published already"));
        hr().post(RUNS + "/999999/publish").then().statusCode(404).contentType("application/problem+json");
        hr().get(RUNS + "/999999").then().statusCode(404);
        hr().get(SCORECARDS + "/999999").then().statusCode(404);
        // the agent still sees exactly one published scorecard for the period
        as("E1", "agent").queryParam("period", "2026-10").get(SCORECARDS).then().body("id", contains(
                (int) idOf("G1", "E1")));
    }

    @Test
    void runsAndScorecardsComputedAreCounted() {
        var computed = registry.find("perfcenter.scoring.runs.computed").tag("outcome", "revision").counter();
        // at least the two runs seeded above, with their 4 + 2 scorecards
        assertTrue(computed != null && computed.count() >= 2);
        assertTrue(registry.find("perfcenter.scoring.scorecards.computed").counter().count() >= 6);
        var unchanged = registry.find("perfcenter.scoring.runs.computed").tag("outcome", "unchanged").counter();
        double before = unchanged == null ? 0 : unchanged.count();
        hr().body(run("SEAT-FLOW", "G2", "2026-10")).post(RUNS).then().statusCode(200)
                .body("unchanged", equalTo(true));
        assertEquals(before + 1,
                registry.find("perfcenter.scoring.runs.computed").tag("outcome", "unchanged").counter().count());

        String management = ConfigProvider.getConfig().getValue("test.management.url", String.class);
        given().get(management + "/metrics").then().statusCode(200)
                .body(containsString("perfcenter_scoring_runs_computed_total{outcome=\"revision\"}"))
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("http_client_requests_seconds_bucket{"))
                .body(containsString("agroal_active_count{"));
    }

    /** The scorecard of the seeded run of the unit. */
    private static long idOf(String unit, String employeeId) {
        long run = unit.equals("G1") ? runG1 : runG2;
        return hr().queryParam("unit", unit).queryParam("employeeId", employeeId).queryParam("period", "2026-10")
                .get(SCORECARDS).then().statusCode(200)
                .extract().jsonPath().getLong("find { it.runId == " + run + " }.id");
    }

    @Test
    void scorecardsPageInAStableOrderWithANextLinkWhileMoreExist() {
        String report = aggregateReport("PG1",
                new Object[]{"P1", "calls_handled", 3000, "reply_minutes", 4, "csat", 4.9},
                new Object[]{"P2", "calls_handled", 2500, "reply_minutes", 5, "csat", 4.5},
                new Object[]{"P3", "calls_handled", 2000, "reply_minutes", 6, "csat", 4.0},
                new Object[]{"P4", "calls_handled", 2000, "reply_minutes", 6, "csat", 4.0});
        metrics.stubFor(aggregatesOf("PG1").willReturn(okJson(report)));
        ScoringApi.stubStayers(metrics, "PG1", "2026-10-01", "2026-10-31", report);
        hr().body(run("SEAT-FLOW", "PG1", "2026-10")).post(RUNS).then().statusCode(201);

        // by rank, then employee id (P3 and P4 tie)
        var first = hr().urlEncodingEnabled(false).get(SCORECARDS + "?unit=PG1&period=2026-10&limit=3");
        first.then().statusCode(200).header("X-Total-Count", "4").body("employeeId", contains("P1", "P2", "P3"));
        String next = first.header("Link").replaceAll("^<([^>]+)>; rel=\"next\"$", "$1");
        assertEquals(SCORECARDS + "?unit=PG1&period=2026-10&offset=3&limit=3", next);
        hr().urlEncodingEnabled(false).get(next).then().statusCode(200).body("employeeId", contains("P4"))
                .body("[0].items", not(empty())).header("Link", nullValue());
        // the scope still applies page by page: G2's supervisor sees none of PG1's
        as(supervisorG2).queryParam("unit", "PG1").get(SCORECARDS).then().statusCode(200).body("$", empty())
                .header("X-Total-Count", "0");
        hr().queryParam("limit", 1001).get(SCORECARDS).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("limit"));
        hr().queryParam("offset", -1).get(RUNS).then().statusCode(400).body("field", equalTo("offset"));
        hr().body(seatTemplate("PG-SECOND")).post(TEMPLATES).then().statusCode(201);
        hr().queryParam("limit", 1).get(TEMPLATES).then().statusCode(200).body("size()", equalTo(1))
                .header("Link", org.hamcrest.Matchers.containsString("offset=1"));
    }
}
