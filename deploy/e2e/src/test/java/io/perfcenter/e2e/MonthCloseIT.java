package io.perfcenter.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * September 2026 closed the way an HR team closes a month, driven only through the gateway against the packaged
 * suite. Every expected figure is worked out by hand in the comments; nothing the system computed is asserted
 * against itself.
 * <ol>
 * <li>Org: center MC-C (Asia/Shanghai, the default center time zone), team MC-T, groups MC-G1 (supervisor MC-S1)
 * and MC-G2 (MC-S2), agents MC-A1, MC-A2 (G1), MC-A4 (G2) and MC-A3, who moves from G1 to G2 on 21 September:
 * 20 days in G1, 10 in G2, so scoring's default mover policy MOST_DAYS scores them once, in G1, on the whole
 * month's figures (including the G2 days).</li>
 * <li>Raw calls, surveys, QA evaluations, incidents and sales, with timestamps around the month's edges in three
 * offsets: {@code 2026-09-30T20:00Z} is 04:00 on 1 October in Shanghai (October, not counted),
 * {@code 2026-08-31T17:00Z} is 01:00 on 1 September (counted), {@code 2026-09-01T00:30+08:00} and
 * {@code 2026-09-30T23:30+08:00} are September.</li>
 * <li>A five-item template on catalog metrics derived from those records (calls_handled, aht, csat, qa_score,
 * error_count), one run per group, review, publish.</li>
 * <li>Appeals decided by an appeals reviewer: MC-A2's QA item adjusted, MC-A1's error of 30 September corrected
 * to 0 in metrics-service (scorecard recomputed). A late revision (revision 2) of one of MC-A2's calls makes
 * revision 2 of G1's run, which keeps both outcomes.</li>
 * <li>Both runs locked; the incentive run on the locked month (performance pay by grade) pays MC-A1 on a raise
 * effective 16 September and MC-A2 on the salary before a raise effective 1 October; approval and payroll CSV.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthCloseIT {

    private static final String HR = "MC-H1";
    private static final String REVIEWER = "MC-R1";
    private static final String PERIOD = "2026-09";
    private static final String TEMPLATE = "MC-SEAT";
    private static final String PLAN = "MC-PERF";

    private static RunningSuite running;
    private static long g1RunId;
    private static long g2RunId;
    private static long g1Revision2Id;

    @BeforeAll
    static void startSuite() {
        running = RunningSuite.get();
    }

    private static RequestSpecification as(String employeeId, String role) {
        return running.as(employeeId, role);
    }

    @Test
    @Order(1)
    void theOrgAndTheMoverAreOnFile() {
        unit("MC-C", "Month-close center", "CENTER", null, null);
        unit("MC-T", "Month-close team", "TEAM", "MC-C", "MC-M");
        unit("MC-G1", "Month-close group 1", "GROUP", "MC-T", "MC-S1");
        unit("MC-G2", "Month-close group 2", "GROUP", "MC-T", "MC-S2");
        agent("MC-A1", "MC-G1");
        agent("MC-A2", "MC-G1");
        agent("MC-A3", "MC-G1");
        agent("MC-A4", "MC-G2");
        // MC-A3 moves to group 2 from 21 September: 1–20 September in G1 (20 days), 21–30 in G2 (10 days)
        as(HR, "hr").body(Map.of("unitCode", "MC-G2", "from", "2026-09-21"))
                .post("/api/v1/metrics/org/agents/MC-A3/moves").then().statusCode(200);

        // MOST_DAYS: 20 of 30 days in G1 → home unit G1, although G2 is where they are at the month's end
        JsonPath g1 = json(as(HR, "hr").queryParam("from", "2026-09-01").queryParam("to", "2026-09-30")
                .get("/api/v1/metrics/org/units/MC-G1/assignments").then().statusCode(200).extract().response());
        String a3 = "find { it.employeeId == 'MC-A3' }.";
        assertEquals("MC-G1", g1.getString(a3 + "homeUnitCode"));
        assertEquals(true, g1.getBoolean(a3 + "assigned"));
        assertEquals(20, g1.getInt(a3 + "daysInHomeUnit"));
        assertEquals(30, g1.getInt(a3 + "periodDays"));
        JsonPath g2 = json(as(HR, "hr").queryParam("from", "2026-09-01").queryParam("to", "2026-09-30")
                .get("/api/v1/metrics/org/units/MC-G2/assignments").then().statusCode(200).extract().response());
        assertEquals(false, g2.getBoolean(a3 + "assigned"));
        assertEquals(10, g2.getInt(a3 + "daysInUnit"));
    }

    @Test
    @Order(2)
    void rawRecordsCountInTheCentersMonth() {
        // calls (handle time = talk + hold + wrap seconds)
        List<Map<String, Object>> calls = List.of(
                // MC-A1: 240 s on 1 Sep, 500 s at 04:00 on 1 Oct Shanghai (October), 360 s on 15 Sep, 300 s on 30 Sep
                call("a1-1", "MC-A1", "2026-09-01T00:30+08:00", 200, 20, 20),
                call("a1-2", "MC-A1", "2026-09-30T20:00Z", 500, 0, 0),
                call("a1-3", "MC-A1", "2026-09-15T10:00+08:00", 300, 0, 60),
                call("a1-4", "MC-A1", "2026-09-30T23:30+08:00", 250, 0, 50),
                // MC-A2: 420 s at 01:00 on 1 Sep Shanghai (September), 300 s on 10 Sep, 360 s on 20 Sep
                call("a2-1", "MC-A2", "2026-08-31T17:00Z", 360, 0, 60),
                call("a2-2", "MC-A2", "2026-09-10T09:00+08:00", 240, 30, 30),
                call("a2-3", "MC-A2", "2026-09-20T14:00+08:00", 330, 0, 30),
                // MC-A3: 400 s on 5 Sep (in G1), 500 s on 25 Sep and 450 s on 28 Sep (in G2), 999 s in October
                call("a3-1", "MC-A3", "2026-09-05T10:00+08:00", 350, 0, 50),
                call("a3-2", "MC-A3", "2026-09-25T10:00+08:00", 400, 50, 50),
                call("a3-3", "MC-A3", "2026-09-28T10:00+08:00", 450, 0, 0),
                call("a3-4", "MC-A3", "2026-09-30T20:00Z", 999, 0, 0),
                // MC-A4: four calls of 300 s on 2–5 Sep
                call("a4-1", "MC-A4", "2026-09-02T09:00+08:00", 240, 0, 60),
                call("a4-2", "MC-A4", "2026-09-03T09:00+08:00", 240, 0, 60),
                call("a4-3", "MC-A4", "2026-09-04T09:00+08:00", 240, 0, 60),
                call("a4-4", "MC-A4", "2026-09-05T09:00+08:00", 240, 0, 60));
        upload("calls", calls, 15);
        upload("surveys", List.of(
                survey("a1-1", "MC-A1", "2026-09-01T00:30+08:00", 5),
                survey("a1-2", "MC-A1", "2026-09-30T23:30+08:00", 4),
                survey("a1-3", "MC-A1", "2026-09-30T20:00Z", 1),            // October
                survey("a2-1", "MC-A2", "2026-08-31T17:00Z", 5),            // 1 September in Shanghai
                survey("a2-2", "MC-A2", "2026-09-12T11:00+08:00", 3),
                survey("a3-1", "MC-A3", "2026-09-06T11:00+08:00", 4),
                survey("a3-2", "MC-A3", "2026-09-26T11:00+08:00", 5),
                survey("a4-1", "MC-A4", "2026-09-02T11:00+08:00", 5),
                survey("a4-2", "MC-A4", "2026-09-03T11:00+08:00", 5)), 9);
        upload("qa-evaluations", List.of(
                qa("a1-1", "MC-A1", "2026-09-02", 90),
                qa("a1-2", "MC-A1", "2026-09-29", 80),
                qa("a1-3", "MC-A1", "2026-10-01", 10),                      // October
                qa("a2-1", "MC-A2", "2026-09-11", 70),
                qa("a3-1", "MC-A3", "2026-09-08", 80),
                qa("a3-2", "MC-A3", "2026-09-24", 90),
                qa("a4-1", "MC-A4", "2026-09-04", 95)), 7);
        upload("incidents", List.of(
                incident("a1-1", "MC-A1", "2026-09-30T23:30+08:00"),        // 30 September: appealed below
                incident("a1-2", "MC-A1", "2026-09-30T20:00Z"),             // October
                incident("a3-1", "MC-A3", "2026-09-07T10:00+08:00"),
                incident("a3-2", "MC-A3", "2026-09-27T10:00+08:00"),
                incident("a4-1", "MC-A4", "2026-08-31T17:00Z")), 5);        // 1 September in Shanghai
        upload("sales", List.of(
                sale("a1-1", "MC-A1", "2026-09-30T23:30+08:00", "1000.50"),
                sale("a1-2", "MC-A1", "2026-09-30T20:00Z", "2000.00"),      // October
                sale("a2-1", "MC-A2", "2026-08-31T17:00Z", "500.25")), 3);  // September

        // MC-A1 in September: calls a1-1, a1-3, a1-4 = 3; AHT (240 + 360 + 300) / 3 = 300; CSAT (5 + 4) / 2 = 4.5;
        // QA (90 + 80) / 2 = 85; 1 error (30 Sep); sales 1,000.50
        JsonPath a1 = agentAggregates("MC-A1", PERIOD);
        assertFigure("3", a1, "calls_handled");
        assertFigure("300", a1, "aht");
        assertFigure("4.5", a1, "csat");
        assertFigure("85", a1, "qa_score");
        assertFigure("1", a1, "error_count");
        assertFigure("1000.50", a1, "sales_amount");
        // samples: the records each figure rests on — 3 calls, 2 surveys, 2 evaluations, 1 error of September
        assertEquals(3, a1.getInt("agents[0].values.calls_handled.samples"));
        assertEquals(2, a1.getInt("agents[0].values.csat.samples"));
        assertEquals(2, a1.getInt("agents[0].values.qa_score.samples"));
        assertEquals(1, a1.getInt("agents[0].values.error_count.samples"));
        // MC-A1 in October: what fell after the boundary — 1 call of 500 s, 1 error, sales 2,000.00, QA 10
        JsonPath a1October = agentAggregates("MC-A1", "2026-10");
        assertFigure("1", a1October, "calls_handled");
        assertFigure("500", a1October, "aht");
        assertFigure("1", a1October, "error_count");
        assertFigure("2000.00", a1October, "sales_amount");
        // MC-A2 in September: 3 calls, AHT (420 + 300 + 360) / 3 = 360; CSAT (5 + 3) / 2 = 4; sales 500.25
        JsonPath a2 = agentAggregates("MC-A2", PERIOD);
        assertFigure("3", a2, "calls_handled");
        assertFigure("360", a2, "aht");
        assertFigure("4", a2, "csat");
        assertFigure("500.25", a2, "sales_amount");
        // MC-A2 in August: nothing (17:00 UTC on 31 August is already September in Shanghai)
        assertFigure("0", agentAggregates("MC-A2", "2026-08"), "calls_handled");
        // MC-A4: the error of 17:00 UTC on 31 August counts in September
        assertFigure("1", agentAggregates("MC-A4", PERIOD), "error_count");

        // group 1's own figures count MC-A3 only while in G1 (call a3-1): calls 3 + 3 + 1 = 7,
        // AHT (900 + 1,080 + 400) / 7 = 2,380 / 7 = 340 (ratio of sums)
        JsonPath g1 = json(as(HR, "hr").queryParam("unit", "MC-G1").queryParam("period", PERIOD)
                .queryParam("metric", "calls_handled").queryParam("metric", "aht")
                .get("/api/v1/metrics/aggregates").then().statusCode(200).extract().response());
        assertAmount("7", g1.get("unitTotal.calls_handled.value"));
        assertAmount("340", g1.get("unitTotal.aht.value"));
        assertAmount("1", g1.get("agents.find { it.employeeId == 'MC-A3' }.values.calls_handled.value"));
        assertAmount("400", g1.get("agents.find { it.employeeId == 'MC-A3' }.values.aht.value"));
    }

    @Test
    @Order(3)
    void eachGroupIsScoredAndPublished() {
        // weights 30/20/20/20/10; every rule on a 0–100 scale, so weighted points = points × weight / 100
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("code", TEMPLATE);
        template.put("name", "Month-close seat");
        template.put("position", "seat");
        template.put("items", List.of(
                item("volume", "results", "calls_handled", 30, Map.of("type", "linear", "full", 4, "zero", 0)),
                item("aht", "results", "aht", 20, Map.of("type", "linear", "full", 300, "zero", 600)),
                item("csat", "customer", "csat", 20, Map.of("type", "linear", "full", 5, "zero", 1)),
                item("qa", "quality", "qa_score", 20, Map.of("type", "linear", "full", 100, "zero", 0)),
                item("errors", "quality", "error_count", 10,
                        Map.of("type", "per-incident", "max", 100, "perIncident", 25))));
        template.put("gradeBands", List.of(Map.of("grade", "excellent", "minScore", 90),
                Map.of("grade", "good", "minScore", 85), Map.of("grade", "pass", "minScore", 60),
                Map.of("grade", "fail", "minScore", 0)));
        as(HR, "hr").body(template).post("/api/v1/scoring/templates").then().statusCode(201);

        JsonPath g1 = json(as(HR, "hr").body(Map.of("templateCode", TEMPLATE, "unitCode", "MC-G1", "period", PERIOD))
                .post("/api/v1/scoring/runs").then().statusCode(201).body("scorecards", hasSize(3))
                .extract().response());
        g1RunId = g1.getLong("id");
        // MC-A1: volume 3 of 4 → 75 × 30% = 22.5; AHT 300 ≤ 300 → 100 × 20% = 20; CSAT 4.5 → (4.5 − 1) / 4 × 100
        // = 87.5 × 20% = 17.5; QA 85 × 20% = 17; 1 error → 100 − 25 = 75 × 10% = 7.5; total 84.5 → pass (< 85)
        String a1 = card("MC-A1");
        assertItem(g1, a1, "volume", "3", "75");
        assertItem(g1, a1, "aht", "300", "100");
        assertItem(g1, a1, "csat", "4.5", "87.5");
        assertItem(g1, a1, "errors", "1", "75");
        assertAmount("84.5", g1.get(a1 + "total"));
        assertEquals("pass", g1.getString(a1 + "grade"));
        // MC-A2: 75 × 30% = 22.5; AHT 360 → (600 − 360) / 300 × 100 = 80 × 20% = 16; CSAT 4 → 75 × 20% = 15;
        // QA 70 × 20% = 14; no error → 100 × 10% = 10; total 77.5 → pass
        String a2 = card("MC-A2");
        assertItem(g1, a2, "aht", "360", "80");
        assertAmount("77.5", g1.get(a2 + "total"));
        // MC-A3, the mover, on the whole month (G1 and G2 days): 3 calls → 22.5; AHT (400 + 500 + 450) / 3 = 450
        // → 50 × 20% = 10; CSAT 4.5 → 17.5; QA (80 + 90) / 2 = 85 → 17; 2 errors → 50 × 10% = 5; total 72 → pass
        String a3 = card("MC-A3");
        assertItem(g1, a3, "volume", "3", "75");
        assertItem(g1, a3, "aht", "450", "50");
        assertItem(g1, a3, "errors", "2", "50");
        assertAmount("72", g1.get(a3 + "total"));
        assertEquals("MC-G1", g1.getString(a3 + "unitCode"));
        // ranks: 84.5 > 77.5 > 72
        assertEquals(1, g1.getInt(a1 + "rank"));
        assertEquals(2, g1.getInt(a2 + "rank"));
        assertEquals(3, g1.getInt(a3 + "rank"));

        JsonPath g2 = json(as(HR, "hr").body(Map.of("templateCode", TEMPLATE, "unitCode", "MC-G2", "period", PERIOD))
                .post("/api/v1/scoring/runs").then().statusCode(201).body("scorecards", hasSize(1))
                .body("scorecards[0].employeeId", equalTo("MC-A4"))
                .body("skipped.employeeId", org.hamcrest.Matchers.contains("MC-A3"))
                .extract().response());
        g2RunId = g2.getLong("id");
        // the mover is left out of G2's run, with the unit that scores them
        assertTrue(g2.getString("skipped[0].reason").contains("MC-G1"), g2.getString("skipped[0].reason"));
        // MC-A4: 4 calls → 100 × 30% = 30; AHT 300 → 20; CSAT 5 → 20; QA 95 → 19; 1 error → 7.5; total 96.5
        assertAmount("96.5", g2.get(card("MC-A4") + "total"));
        assertEquals("excellent", g2.getString(card("MC-A4") + "grade"));

        for (long run : List.of(g1RunId, g2RunId)) {
            as(HR, "hr").post("/api/v1/scoring/runs/" + run + "/review").then().statusCode(200)
                    .body("status", equalTo("IN_REVIEW"));
            as(HR, "hr").post("/api/v1/scoring/runs/" + run + "/publish").then().statusCode(200)
                    .body("status", equalTo("PUBLISHED"));
        }
    }

    @Test
    @Order(4)
    void appealsEndInAnAdjustmentAndADataCorrection() {
        // MC-A2 appeals the QA score; the appeals reviewer adjusts it to 85 (within the rule's 0–100)
        long a2Card = scorecardId("MC-A2");
        long adjusted = as("MC-A2", "agent").body(Map.of("scorecardId", a2Card, "itemCode", "qa", "kind", "SCORE",
                        "reason", "The evaluation of 11 September scored a call I did not take"))
                .post("/api/v1/scoring/appeals").then().statusCode(201).body("status", equalTo("OPEN"))
                .extract().jsonPath().getLong("id");
        // the agent's own supervisor does not decide it
        as("MC-S1", "supervisor").body(Map.of("outcome", "ACCEPTED", "reason", "x",
                        "adjustment", Map.of("points", 85)))
                .post("/api/v1/scoring/appeals/" + adjusted + "/decision").then().statusCode(403);
        // an adjustment beyond what the linear rule can give (0–100) is refused, and the appeal stays open
        as(REVIEWER, "appeals").body(Map.of("outcome", "ACCEPTED", "reason", "x", "adjustment", Map.of("points", 120)))
                .post("/api/v1/scoring/appeals/" + adjusted + "/decision").then().statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("adjustment.points"));
        JsonPath adjustment = json(as(REVIEWER, "appeals").body(Map.of("outcome", "ACCEPTED",
                        "reason", "Re-evaluated: 85", "adjustment", Map.of("points", 85)))
                .post("/api/v1/scoring/appeals/" + adjusted + "/decision").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).extract().response());
        // 77.5 − 70 × 20% + 85 × 20% = 77.5 − 14 + 17 = 80.5
        assertAmount("70", adjustment.get("pointsBefore"));
        assertAmount("85", adjustment.get("pointsAfter"));
        assertAmount("77.5", adjustment.get("totalBefore"));
        assertAmount("80.5", adjustment.get("totalAfter"));

        // MC-A1 appeals the error of 30 September; the reviewer corrects the day's error count to 0
        long a1Card = scorecardId("MC-A1");
        long corrected = as("MC-A1", "agent").body(Map.of("scorecardId", a1Card, "itemCode", "errors",
                        "kind", "DATA_POINT", "reason", "The order error of 30 September was the courier's",
                        "dataPoint", "incident mc-crm/a1-1 of 2026-09-30"))
                .post("/api/v1/scoring/appeals").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath correction = json(as(REVIEWER, "appeals").body(Map.of("outcome", "ACCEPTED",
                        "reason", "Courier's error", "correction",
                        Map.of("metricCode", "error_count", "date", "2026-09-30", "value", 0)))
                .post("/api/v1/scoring/appeals/" + corrected + "/decision").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).extract().response());
        // errors 1 → 0: 75 → 100 points, 7.5 → 10 weighted; 84.5 + 2.5 = 87 → good (≥ 85)
        assertAmount("75", correction.get("pointsBefore"));
        assertAmount("100", correction.get("pointsAfter"));
        assertAmount("84.5", correction.get("totalBefore"));
        assertAmount("87", correction.get("totalAfter"));
        assertEquals("pass", correction.getString("gradeBefore"));
        assertEquals("good", correction.getString("gradeAfter"));
        // the figure changed in metrics-service: September's errors 1 → 0
        assertFigure("0", agentAggregates("MC-A1", PERIOD), "error_count");
        // and the agent reads the outcome
        as("MC-A1", "agent").get("/api/v1/scoring/appeals/" + corrected).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("gradeAfter", equalTo("good"));
    }

    @Test
    @Order(5)
    void aLateCorrectionMakesARevisionThatKeepsBothOutcomes() {
        // the ACD re-sends call a2-2 as revision 2: talk 240 → 330 s, handle 300 → 390 s;
        // MC-A2's AHT (420 + 390 + 360) / 3 = 1,170 / 3 = 390
        Map<String, Object> revised = new HashMap<>(call("a2-2", "MC-A2", "2026-09-10T09:00+08:00", 330, 30, 30));
        revised.put("revision", 2);
        as(null, "records-writer").body(List.of(revised)).post("/api/v1/metrics/records/calls").then().statusCode(200)
                .body("accepted", equalTo(1));
        assertFigure("390", agentAggregates("MC-A2", PERIOD), "aht");

        JsonPath rev2 = json(as(HR, "hr").body(Map.of("templateCode", TEMPLATE, "unitCode", "MC-G1", "period", PERIOD))
                .post("/api/v1/scoring/runs").then().statusCode(201)
                .body("revision", equalTo(2)).body("scorecards", hasSize(3)).extract().response());
        g1Revision2Id = rev2.getLong("id");
        assertEquals(g1RunId, rev2.getLong("previousRunId"));
        // MC-A2: AHT 390 → (600 − 390) / 300 × 100 = 70 × 20% = 14; QA still adjusted to 85 → 17;
        // 22.5 + 14 + 15 + 17 + 10 = 78.5 → pass
        String a2 = card("MC-A2");
        assertItem(rev2, a2, "aht", "390", "70");
        assertAmount("85", rev2.get(a2 + "items.find { it.itemCode == 'qa' }.points"));
        assertAmount("78.5", rev2.get(a2 + "total"));
        // MC-A1: the corrected error count stays 0 → 100 points; total 87 → good
        String a1 = card("MC-A1");
        assertItem(rev2, a1, "errors", "0", "100");
        assertAmount("87", rev2.get(a1 + "total"));
        assertEquals("good", rev2.getString(a1 + "grade"));
        // MC-A3 unchanged at 72
        assertAmount("72", rev2.get(card("MC-A3") + "total"));
        // the only change against revision 1 (as the appeals left it): MC-A2 80.5 → 78.5; ranks stay 1, 2, 3
        List<Map<String, Object>> changes = rev2.getList("changes");
        assertEquals(1, changes.size(), "changes: " + changes);
        assertEquals("MC-A2", rev2.getString("changes[0].employeeId"));
        assertEquals("CHANGED", rev2.getString("changes[0].change"));
        assertAmount("80.5", rev2.get("changes[0].totalBefore"));
        assertAmount("78.5", rev2.get("changes[0].totalAfter"));

        as(HR, "hr").post("/api/v1/scoring/runs/" + g1Revision2Id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        as(HR, "hr").get("/api/v1/scoring/runs/" + g1RunId).then().statusCode(200)
                .body("status", equalTo("SUPERSEDED"));
        for (long run : List.of(g1Revision2Id, g2RunId)) {
            as(HR, "hr").post("/api/v1/scoring/runs/" + run + "/lock").then().statusCode(200)
                    .body("status", equalTo("LOCKED"));
        }

        // one final scorecard per employee for the month and template, the mover once, in G1
        JsonPath finals = json(as(HR, "hr").queryParam("period", PERIOD).queryParam("status", "PUBLISHED")
                .get("/api/v1/scoring/scorecards").then().statusCode(200).extract().response());
        List<Map<String, Object>> cards = finals.getList("findAll { it.templateCode == '" + TEMPLATE + "' }");
        assertEquals(4, cards.size(), "one scorecard per employee: " + cards);
        assertEquals(4, new HashSet<>(cards.stream().map(c -> c.get("employeeId")).toList()).size());
        Map<String, Object> mover = cards.stream().filter(c -> "MC-A3".equals(c.get("employeeId"))).findFirst()
                .orElseThrow();
        assertEquals("MC-G1", mover.get("unitCode"));
        assertTrue(cards.stream().allMatch(c -> "LOCKED".equals(c.get("status"))), "all locked: " + cards);
    }

    @Test
    @Order(6)
    void theLockedMonthIsPaidAndExported() {
        // salaries: MC-A1 8,000 then 9,000 from 16 September (in effect on 30 September → paid);
        // MC-A2 6,000 then 6,600 from 1 October (not yet in effect on 30 September → 6,000 paid)
        as(HR, "hr").body(List.of(salary("MC-A1", "8000", "2026-01-01"), salary("MC-A1", "9000", "2026-09-16"),
                        salary("MC-A2", "6000", "2026-01-01"), salary("MC-A2", "6600", "2026-10-01"),
                        salary("MC-A3", "7000", "2026-01-01"), salary("MC-A4", "7500", "2026-01-01")))
                .put("/api/v1/incentives/salaries").then().statusCode(200).body("accepted", equalTo(6));
        as(HR, "hr").body(Map.of("code", PLAN, "name", "Month-close performance pay", "currency", "CNY",
                        "performancePayShare", 0.30, "gradeCoefficients",
                        Map.of("excellent", 1.2, "good", 1.0, "pass", 0.6, "fail", 0)))
                .post("/api/v1/incentives/plans").then().statusCode(201);

        JsonPath g1 = json(as(HR, "hr").body(Map.of("planCode", PLAN, "period", PERIOD, "unitCode", "MC-G1"))
                .post("/api/v1/incentives/runs").then().statusCode(201).body("statements", hasSize(3))
                .extract().response());
        // MC-A1 good: 9,000.00 × 30% × 1.0 = 2,700.00
        assertMoney("2700.00", g1.get(statement("MC-A1") + "total"));
        assertEquals("2026-09-16", g1.getString(statement("MC-A1") + "lines[0].source.salaryEffectiveFrom"));
        // MC-A2 pass: 6,000.00 × 30% × 0.6 = 1,080.00
        assertMoney("1080.00", g1.get(statement("MC-A2") + "total"));
        assertEquals("2026-01-01", g1.getString(statement("MC-A2") + "lines[0].source.salaryEffectiveFrom"));
        // MC-A3 pass: 7,000.00 × 30% × 0.6 = 1,260.00
        assertMoney("1260.00", g1.get(statement("MC-A3") + "total"));
        // run total 2,700.00 + 1,080.00 + 1,260.00 = 5,040.00
        assertMoney("5040.00", g1.get("totalAmount"));
        JsonPath g2 = json(as(HR, "hr").body(Map.of("planCode", PLAN, "period", PERIOD, "unitCode", "MC-G2"))
                .post("/api/v1/incentives/runs").then().statusCode(201).body("statements", hasSize(1))
                .extract().response());
        // MC-A4 excellent: 7,500.00 × 30% × 1.2 = 2,700.00
        assertMoney("2700.00", g2.get(statement("MC-A4") + "total"));
        assertMoney("2700.00", g2.get("totalAmount"));

        long g1Pay = g1.getLong("id");
        long g2Pay = g2.getLong("id");
        for (long run : List.of(g1Pay, g2Pay)) {
            as(HR, "hr").post("/api/v1/incentives/runs/" + run + "/approve").then().statusCode(200)
                    .body("status", equalTo("APPROVED"));
        }

        // one statement per employee for the month and plan
        JsonPath all = json(as(HR, "hr").queryParam("period", PERIOD).get("/api/v1/incentives/statements")
                .then().statusCode(200).extract().response());
        List<Map<String, Object>> statements = all.getList("findAll { it.planCode == '" + PLAN + "' }");
        assertEquals(4, statements.size(), "one statement per employee: " + statements);
        assertEquals(4, new HashSet<>(statements.stream().map(s -> s.get("employeeId")).toList()).size());

        // the agent reads their own statement only
        JsonPath own = json(as("MC-A1", "agent").queryParam("period", PERIOD).get("/api/v1/incentives/statements")
                .then().statusCode(200).extract().response());
        assertEquals(List.of("MC-A1"), own.getList("employeeId"));
        assertMoney("2700.00", own.get("[0].total"));

        // payroll export: runId, revision, planCode, planVersion, period, unitCode, employeeId, currency,
        // performance-pay, target-bonus, challenge-bonus, commission, team-share, honor, points, total, entitlements,
        // flags
        String csv = as(HR, "hr").queryParam("format", "csv").get("/api/v1/incentives/runs/" + g1Pay + "/export")
                .then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertTrue(lines.contains(g1Pay + ",1," + PLAN + ",1," + PERIOD + ",MC-G1,MC-A1,CNY,2700.00,,,,,,,2700.00,,"),
                csv);
        assertTrue(lines.contains(g1Pay + ",1," + PLAN + ",1," + PERIOD + ",MC-G1,MC-A2,CNY,1080.00,,,,,,,1080.00,,"),
                csv);
        assertTrue(lines.contains(g1Pay + ",1," + PLAN + ",1," + PERIOD + ",MC-G1,MC-A3,CNY,1260.00,,,,,,,1260.00,,"),
                csv);
        assertEquals(4, lines.size(), "header and three statements: " + csv);
        String csv2 = as(HR, "hr").queryParam("format", "csv").get("/api/v1/incentives/runs/" + g2Pay + "/export")
                .then().statusCode(200).extract().asString();
        assertTrue(csv2.lines().toList()
                .contains(g2Pay + ",1," + PLAN + ",1," + PERIOD + ",MC-G2,MC-A4,CNY,2700.00,,,,,,,2700.00,,"), csv2);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static void unit(String code, String name, String kind, String parent, String leader) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "kind", kind));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        if (leader != null) {
            body.put("leaderEmployeeId", leader);
        }
        as(HR, "hr").body(body).post("/api/v1/metrics/org/units").then().statusCode(201);
    }

    private static void agent(String id, String unit) {
        as(HR, "hr").body(Map.of("employeeId", id, "name", "Agent " + id, "position", "seat",
                "hireDate", "2025-06-01", "unitCode", unit, "memberFrom", "2026-01-01"))
                .post("/api/v1/metrics/org/agents").then().statusCode(201);
    }

    private static Map<String, Object> call(String id, String agent, String startedAt, int talk, int hold, int wrap) {
        return Map.of("sourceSystem", "mc-acd", "externalId", id, "employeeId", agent, "startedAt", startedAt,
                "talkSeconds", talk, "holdSeconds", hold, "wrapSeconds", wrap);
    }

    private static Map<String, Object> survey(String id, String agent, String answeredAt, int csat) {
        return Map.of("sourceSystem", "mc-survey", "externalId", id, "employeeId", agent, "answeredAt", answeredAt,
                "csat", csat, "solicited", true);
    }

    private static Map<String, Object> qa(String id, String agent, String evaluatedOn, int score) {
        return Map.of("sourceSystem", "mc-qa", "externalId", id, "employeeId", agent, "evaluatorId", "MC-Q1",
                "evaluatedOn", evaluatedOn, "score", score);
    }

    private static Map<String, Object> incident(String id, String agent, String occurredAt) {
        return Map.of("sourceSystem", "mc-crm", "externalId", "err-" + id, "employeeId", agent,
                "occurredAt", occurredAt, "kind", "ERROR", "note", "order error");
    }

    private static Map<String, Object> sale(String id, String agent, String soldAt, String amount) {
        return Map.of("sourceSystem", "mc-crm", "externalId", "sale-" + id, "employeeId", agent, "soldAt", soldAt,
                "amount", new BigDecimal(amount));
    }

    private static void upload(String kind, List<Map<String, Object>> rows, int accepted) {
        as(null, "records-writer").body(rows).post("/api/v1/metrics/records/" + kind).then().statusCode(200)
                .body("accepted", equalTo(accepted)).body("rejected", equalTo(0));
    }

    private static Map<String, Object> item(String code, String category, String metric, int weight,
                                            Map<String, Object> rule) {
        return Map.of("code", code, "name", code, "category", category, "metricCode", metric, "weight", weight,
                "rule", rule);
    }

    private static Map<String, Object> salary(String agent, String monthly, String from) {
        return Map.of("employeeId", agent, "monthlySalary", new BigDecimal(monthly), "currency", "CNY",
                "effectiveFrom", from);
    }

    private static JsonPath agentAggregates(String agent, String period) {
        return json(as(HR, "hr").queryParam("employeeId", agent).queryParam("period", period)
                .queryParam("metric", "calls_handled").queryParam("metric", "aht").queryParam("metric", "csat")
                .queryParam("metric", "qa_score").queryParam("metric", "error_count")
                .queryParam("metric", "sales_amount")
                .get("/api/v1/metrics/aggregates").then().statusCode(200).extract().response());
    }

    private static long scorecardId(String agent) {
        return as(HR, "hr").queryParam("period", PERIOD).queryParam("employeeId", agent)
                .get("/api/v1/scoring/scorecards").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.templateCode == '" + TEMPLATE + "' }.id");
    }

    /** Numbers as BigDecimal, so figures compare exactly. */
    private static JsonPath json(Response response) {
        return JsonPath.from(response.asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static String card(String agent) {
        return "scorecards.find { it.employeeId == '" + agent + "' }.";
    }

    private static String statement(String agent) {
        return "statements.find { it.employeeId == '" + agent + "' }.";
    }

    private static void assertFigure(String expected, JsonPath aggregates, String metric) {
        assertAmount(expected, aggregates.get("agents[0].values." + metric + ".value"));
    }

    private static void assertItem(JsonPath run, String card, String item, String value, String points) {
        String prefix = card + "items.find { it.itemCode == '" + item + "' }.";
        assertAmount(value, run.get(prefix + "value"));
        assertAmount(points, run.get(prefix + "points"));
    }

    /** Equal in value (scores and figures: the scale the service writes does not matter). */
    private static void assertAmount(String expected, Object actual) {
        assertNotNull(actual, "expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())),
                "expected " + expected + ", got " + actual);
    }

    /** Money: equal in value and scale (2 decimals). */
    private static void assertMoney(String expected, Object actual) {
        assertNotNull(actual, "expected " + expected);
        assertEquals(new BigDecimal(expected), new BigDecimal(actual.toString()));
    }
}
