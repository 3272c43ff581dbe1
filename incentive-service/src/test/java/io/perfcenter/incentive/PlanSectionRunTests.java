package io.perfcenter.incentive;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.incentive.DownstreamServices.InjectDownstream;
import io.perfcenter.incentive.TestApi.Card;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.incentive.TestApi.BASE;
import static io.perfcenter.incentive.TestApi.HR;
import static io.perfcenter.incentive.TestApi.PROBLEMS;
import static io.perfcenter.incentive.TestApi.as;
import static io.perfcenter.incentive.TestApi.money;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan with every optional section (score bands, basic + challenge targets weighted by position, progressive
 * commission with team fund, team reward split by hours, perks, budget scaling) run over stubbed scorecards and
 * metrics; idempotent recomputation, revisions with their diff, and the checks of plan sections and budgets.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(DownstreamServices.class)
class PlanSectionRunTests {

    static final String PERIOD = "2026-11";
    static final String AGENT_S1 = TestTokens.token("S1", "agent");
    static final String MANAGER = TestTokens.token("M7", "manager");

    @InjectDownstream
    WireMockServer downstream;

    private static boolean seeded;
    private static Response salesRun;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        as(HR).body(List.of(
                        salary("S1", "8000"), salary("S2", "6000"), salary("S3", "5000"),
                        salary("S4", "5000"), salary("R1", "7000"), salary("R2", "7000")))
                .put(BASE + "/salaries").then().statusCode(200).body("accepted", is(6));
        as(HR).body(salesPlan()).post(BASE + "/plans").then().statusCode(201).body("version", is(1))
                .body("scoreBands[0].range", is("(95,100]"))
                .body("commission.brackets[2].teamFund", is(300))
                .body("perks[1].when.match", is("ALL"));
        as(HR).body(List.of(Map.of("unitCode", "SALES-1", "period", PERIOD, "amount", "15000.00", "currency", "CNY")))
                .put(BASE + "/budgets").then().statusCode(200).body("accepted", is(1));

        TestApi.stubScorecards(downstream, PERIOD, "SALES-1", List.of(
                new Card(801, "S1", "SALES-1", PERIOD, "96.5", "excellent", 1).item("fcr", "0.92"),
                new Card(802, "S2", "SALES-1", PERIOD, "91", "excellent", 2).item("fcr", "0.85"),
                new Card(803, "S3", "SALES-1", PERIOD, "82", "good", 3).item("fcr", "0.78"),
                new Card(804, "S4", "SALES-1", PERIOD, "65", "fail", 4).item("fcr", null)));
        Map<String, Map<String, Object>> agents = new LinkedHashMap<>();
        agents.put("S1", Map.of("sales_amount", 250000, "login_hours", 160));
        agents.put("S2", Map.of("sales_amount", 150000, "login_hours", 170));
        agents.put("S3", Map.of("sales_amount", 80000, "login_hours", 150));
        agents.put("S4", Map.of());
        TestApi.stubAggregates(downstream, "SALES-1", "2026-11-01", "2026-11-30", agents,
                Map.of("csat", new BigDecimal("4.62")));

        // target-bonus weights read positions from the org directory (metrics-service); S4 is not listed there
        TestApi.stubMembers(downstream, "SALES-1", "2026-11-01", "2026-11-30",
                Map.of("S1", "expert-seat", "S2", "seat", "S3", "seat"));
        salesRun = as(HR).body(run("SALES-PLAN", "SALES-1")).post(BASE + "/runs");
        salesRun.then().statusCode(201);
    }

    static Map<String, Object> salary(String employee, String amount) {
        Map<String, Object> row = new HashMap<>();
        row.put("employeeId", employee);
        row.put("monthlySalary", amount);
        row.put("currency", "CNY");
        row.put("effectiveFrom", "2026-01-01");
        return row;
    }

    static Map<String, Object> run(String plan, String unit) {
        return Map.of("planCode", plan, "period", PERIOD, "unitCode", unit);
    }

    static Map<String, Object> salesPlan() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("code", "SALES-PLAN");
        plan.put("name", "Sales seats 2026");
        plan.put("currency", "CNY");
        plan.put("performancePayShare", 0.30);
        plan.put("scoreBands", List.of(
                Map.of("range", "(95,100]", "coefficient", 1.1, "label", "A"),
                Map.of("range", "(90,95]", "coefficient", 1.0, "label", "B"),
                Map.of("range", "(80,90]", "coefficient", 0.9, "label", "C"),
                Map.of("range", "(,80]", "coefficient", 0.5, "label", "D")));
        plan.put("targets", Map.of("measure", "fcr",
                "basic", Map.of("threshold", 0.80, "amount", 500),
                "challenge", Map.of("threshold", 0.90, "amount", 300),
                "positionWeights", Map.of("expert-seat", 1.2)));
        plan.put("commission", Map.of("mode", "PROGRESSIVE", "brackets", List.of(
                Map.of("upTo", 100000, "rate", 0.01),
                Map.of("upTo", 200000, "rate", 0.015, "teamFund", 200),
                Map.of("rate", 0.02, "teamFund", 300))));
        plan.put("teamReward", Map.of("measure", "csat", "target", 4.5, "pool", 3000, "split", "BY_HOURS",
                "hoursMeasure", "login_hours", "includeTeamFund", true));
        plan.put("perks", List.of(
                Map.of("code", "FLEX-SHIFTS", "name", "self-chosen shifts", "quantity", 2, "unit", "a month",
                        "when", Map.of("rankAtMost", 1, "grades", List.of("excellent"))),
                Map.of("code", "REMOTE-DAYS", "name", "remote days", "quantity", 3, "unit", "a month",
                        "when", Map.of("rankAtMost", 2, "scoreAtLeast", 95, "match", "ALL"))));
        plan.put("overBudget", Map.of("policy", "SCALE",
                "scaledKinds", List.of("performance-pay", "target-bonus", "challenge-bonus", "team-share")));
        return plan;
    }

    @Test
    void everyComponentIsALineWithTheFiguresItCameFrom() {
        // before the budget: S1 2,640 + 600 + 360 + 3,500 + 1,233.33; S2 1,800 + 500 + 0 + 1,750 + 1,310.42;
        // S3 1,350 + 0 + 0 + 800 + 1,156.25 → 17,000.00 against 15,000.00. Commission (6,050) is not scaled:
        // the rest shrinks by 8,950 / 10,950 = 0.817351 (cut down), each line cut down to the cent.
        salesRun.then()
                .body("revision", is(1)).body("previousRunId", nullValue())
                .body("statementCount", is(4)).body("flaggedCount", is(1))
                .body("totalAmount", is(money("14999.96")))
                .body("budget.amount", is(money("15000.00")))
                .body("budget.requested", is(money("17000.00")))
                .body("budget.cost", is(money("14999.96")))
                .body("budget.overBudget", is(true))
                .body("budget.policy", is("SCALE"))
                .body("budget.scaleFactor", is(money("0.817351")))
                .body("budget.explanation", is("Cost 17,000.00 over budget 15,000.00 by 2,000.00: challenge-bonus, "
                        + "performance-pay, target-bonus, team-share scaled × 0.817351 → cost 14,999.96"))
                .body("team.teamFund", is(money("700.00")))
                .body("team.teamFundContributors", is(2))
                .body("team.teamReward.met", is(true))
                .body("team.teamReward.unitValue", is(money("4.62")))
                .body("team.teamReward.pool", is(money("3700.00")))
                .body("statements.employeeId", contains("S1", "S2", "S3", "S4"));

        Response s1 = as(HR).queryParam("runId", salesRun.jsonPath().getLong("id")).queryParam("employeeId", "S1")
                .get(BASE + "/statements");
        s1.then().statusCode(200)
                .body("[0].total", is(money("7450.51")))
                .body("[0].flags", empty())
                .body("[0].lines.kind", contains("performance-pay", "target-bonus", "challenge-bonus", "commission",
                        "team-share", "perk", "perk"))
                .body("[0].lines.amount", contains(money("2157.80"), money("490.41"), money("294.24"),
                        money("3500.00"), money("1008.06"), null, null))
                .body("[0].lines.monetary", contains(true, true, true, true, true, false, false))
                .body("[0].lines[0].explanation", is("8,000.00 (salary effective 2026-01-01) × 30% × 1.1 (score 96.5 in (95,100] A) = 2,640.00; "
                        + "scaled × 0.817351 to fit the budget = 2,157.80"))
                .body("[0].lines[0].source.band", is("(95,100]"))
                .body("[0].lines[0].source.unscaledAmount", is(money("2640.00")))
                .body("[0].lines[1].explanation", is("fcr 0.92 ≥ basic target 0.8: 500.00 × 1.2 (position "
                        + "expert-seat) = 600.00; scaled × 0.817351 to fit the budget = 490.41"))
                .body("[0].lines[3].explanation", is("Sales by bracket: 100,000.00 × 1% + 100,000.00 × 1.5% + "
                        + "50,000.00 × 2% = 3,500.00; tiers 2 and 3 reached: 200.00 + 300.00 = 500.00 to the team fund"))
                .body("[0].lines[3].source.teamFundContribution", is(money("500.00")))
                .body("[0].lines[3].source.planVersion", is(1))
                .body("[0].lines[4].explanation", is("SALES-1 csat 4.62 ≥ target 4.5: pool 3,000.00 + team fund "
                        + "700.00 = 3,700.00 × 160 h / 480 h (login_hours) = 1,233.33; scaled × 0.817351 to fit the "
                        + "budget = 1,008.06"))
                .body("[0].lines[5].explanation", is("rank 1 ≤ 1 and grade excellent: 2 self-chosen shifts (a month)"))
                .body("[0].lines[6].explanation", is("rank 1 ≤ 2 and score 96.5 ≥ 95: 3 remote days (a month)"));

        Response all = as(HR).queryParam("runId", salesRun.jsonPath().getLong("id")).get(BASE + "/statements");
        all.then()
                // S2: challenge missed, the leftover cent of the team split (remainder .0067 beats S1's .0033)
                .body("[1].lines[2].explanation", is("fcr 0.85 below challenge target 0.9 (short by 0.05): no "
                        + "challenge bonus"))
                .body("[1].lines[2].amount", is(money("0.00")))
                .body("[1].lines[4].source.unscaledAmount", is(money("1310.42")))
                .body("[1].lines.kind", contains("performance-pay", "target-bonus", "challenge-bonus", "commission",
                        "team-share", "perk"))
                .body("[1].total", is(money("4700.97")))
                // S3: whole sales below the first bound
                .body("[2].lines[3].explanation", is("Sales by bracket: 80,000.00 × 1% = 800.00"))
                .body("[2].total", is(money("2848.48")))
                // S4: no fcr, no sales, no hours: flagged, never a silent zero
                .body("[3].total", nullValue())
                .body("[3].flags", contains("missingFigure"))
                .body("[3].lines[1].explanation", is("No fcr figure for S4: target bonuses not computed"))
                .body("[3].lines[2].explanation", is("No sales_amount recorded for 2026-11: no commission"))
                .body("[3].lines[3].amount", nullValue())
                .body("[3].lines[3].explanation", is("No login_hours figure for S4: team share not computed"));
        // metrics-service was asked, as incentive-service acting for the caller, for the metrics the cards lack
        downstream.verify(moreThanOrExactly(1), getRequestedFor(urlPathEqualTo(TestApi.AGGREGATES))
                .withQueryParam("unit", equalTo("SALES-1"))
                .withHeader("X-Acting-For", equalTo("H1")));
        downstream.findAll(getRequestedFor(urlPathEqualTo(TestApi.AGGREGATES))
                .withQueryParam("unit", equalTo("SALES-1"))).forEach(r -> assertTrue(
                TestApi.bearerClaims(r).contains("\"sub\":\"incentive-service\""), TestApi.bearerClaims(r)));
    }

    @Test
    void recomputingWithTheSameInputsAnswersTheLiveRun() {
        as(HR).body(run("SALES-PLAN", "SALES-1")).post(BASE + "/runs").then().statusCode(200)
                .body("id", is(salesRun.jsonPath().getInt("id"))).body("revision", is(1))
                .body("status", is("COMPUTED"))
                .body("statements[0].lines[0].amount", is(money("2157.80")));
    }

    @Test
    void anAppealThatChangesAScorecardMakesANewRevisionThatShowsWhatChanged() {
        as(HR).body(Map.of("code", "REV-PLAN", "name", "Revisions", "currency", "CNY", "performancePayShare", 0.30,
                "gradeCoefficients", Map.of("excellent", 1.1, "good", 1.0))).post(BASE + "/plans").then()
                .statusCode(201);
        TestApi.stubScorecards(downstream, PERIOD, "REV-1", List.of(
                new Card(901, "R1", "REV-1", PERIOD, "92", "excellent", 1),
                new Card(902, "R2", "REV-1", PERIOD, "84", "good", 2)));
        long first = as(HR).body(run("REV-PLAN", "REV-1")).post(BASE + "/runs").then().statusCode(201)
                .body("revision", is(1)).body("totalAmount", is(money("4410.00")))
                .extract().jsonPath().getLong("id");
        as(HR).get(BASE + "/runs/" + first + "/changes").then().statusCode(200)
                .body("revision", is(1)).body("previousRunId", nullValue()).body("changes", empty());

        // the appeal raised R2 to 91, excellent
        TestApi.stubScorecards(downstream, PERIOD, "REV-1", List.of(
                new Card(901, "R1", "REV-1", PERIOD, "92", "excellent", 1),
                new Card(902, "R2", "REV-1", PERIOD, "91", "excellent", 1)));
        long second = as(HR).body(run("REV-PLAN", "REV-1")).post(BASE + "/runs").then().statusCode(201)
                .body("revision", is(2)).body("previousRunId", is((int) first))
                .body("totalAmount", is(money("4620.00")))
                .extract().jsonPath().getLong("id");
        as(HR).get(BASE + "/runs/" + first).then().body("status", is("SUPERSEDED"));
        as(HR).get(BASE + "/runs/" + second + "/changes").then().statusCode(200)
                .body("revision", is(2)).body("previousRevision", is(1)).body("previousRunId", is((int) first))
                .body("totalBefore", is(money("4410.00"))).body("totalAfter", is(money("4620.00")))
                .body("changedCount", is(1)).body("unchangedCount", is(1))
                .body("changes[0].employeeId", is("R2"))
                .body("changes[0].change", is("CHANGED"))
                .body("changes[0].totalBefore", is(money("2100.00")))
                .body("changes[0].totalAfter", is(money("2310.00")))
                .body("changes[0].difference", is(money("210.00")))
                .body("changes[0].lines[0].kind", is("performance-pay"))
                .body("changes[0].lines[0].explanationBefore", is("7,000.00 (salary effective 2026-01-01) × 30% × 1.0 (good) = 2,100.00"))
                .body("changes[0].lines[0].explanationAfter", is("7,000.00 (salary effective 2026-01-01) × 30% × 1.1 (excellent) = 2,310.00"))
                .body("changes[0].lines[0].sourceChanges.grade", contains("good", "excellent"))
                .body("changes[0].lines[0].sourceChanges.total", contains(84, 91));
        // a plan of performance pay by grade only never asks metrics-service
        downstream.verify(0, getRequestedFor(urlPathEqualTo(TestApi.AGGREGATES)).withQueryParam("unit",
                equalTo("REV-1")));
    }

    @Test
    void metricsDownWhenThePlanNeedsAFigureIsA503AndStoresNothing() {
        TestApi.stubScorecards(downstream, PERIOD, "SALES-DOWN", List.of(
                new Card(811, "S1", "SALES-DOWN", PERIOD, "96.5", "excellent", 1)));
        downstream.stubFor(get(urlPathEqualTo(TestApi.AGGREGATES)).withQueryParam("unit", equalTo("SALES-DOWN"))
                .willReturn(aResponse().withStatus(503)));
        as(HR).body(run("SALES-PLAN", "SALES-DOWN")).post(BASE + "/runs").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", is(PROBLEMS + "dependency-unavailable")).body("service", is("metrics-service"));
        as(HR).queryParam("unitCode", "SALES-DOWN").get(BASE + "/runs").then().statusCode(200).body("$", empty());
    }

    @Test
    void aCommissionOnlyPlanNeedsNoPerformancePay() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("code", "COMMISSION-ONLY");
        plan.put("name", "Commission only");
        plan.put("currency", "CNY");
        plan.put("commission", Map.of("mode", "WHOLE", "brackets", List.of(Map.of("upTo", 100000, "rate", 0.01),
                Map.of("rate", 0.02))));
        as(HR).body(plan).post(BASE + "/plans").then().statusCode(201)
                .body("performancePayShare", nullValue()).body("gradeCoefficients", nullValue())
                .body("commission.mode", is("WHOLE"));
        as(HR).body(run("COMMISSION-ONLY", "SALES-1")).post(BASE + "/runs").then().statusCode(201)
                .body("statements[0].lines.kind", contains("commission"))
                .body("statements[0].lines[0].explanation", is("Sales 250,000.00 in tier 2 (above 100,000.00) × 2% "
                        + "= 5,000.00"))
                .body("budget.overBudget", is(false));
    }

    @Test
    void aRetiredPlanKeepsItsRunsAndStatementsButPaysNoNewRun() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("code", "RETIRE-PLAN");
        plan.put("name", "Retiring plan");
        plan.put("currency", "CNY");
        plan.put("performancePayShare", 0.3);
        plan.put("gradeCoefficients", Map.of("excellent", 1.2, "good", 1, "fail", 0));
        as(HR).body(plan).post(BASE + "/plans").then().statusCode(201).header("ETag", "\"1\"");
        String tag = as(HR).get(BASE + "/plans/RETIRE-PLAN").then().statusCode(200).extract().header("ETag");
        // If-Match: the version read is current, so the next one is stored; the same tag again is stale
        plan.put("name", "Retiring plan, v2");
        as(HR).header("If-Match", tag).body(plan).post(BASE + "/plans").then().statusCode(201)
                .header("ETag", "\"2\"").body("version", is(2));
        as(HR).header("If-Match", tag).body(plan).post(BASE + "/plans").then().statusCode(412)
                .contentType("application/problem+json").body("type", is(PROBLEMS + "precondition-failed"));
        long runId = as(HR).body(run("RETIRE-PLAN", "SALES-1")).post(BASE + "/runs").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        for (String token : List.of(AGENT_S1, MANAGER, TestApi.QA, TestApi.RECORDS_WRITER)) {
            as(token).post(BASE + "/plans/RETIRE-PLAN/retire").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        as(HR).post(BASE + "/plans/NO-PLAN/retire").then().statusCode(404);
        as(HR).header("If-Match", tag).post(BASE + "/plans/RETIRE-PLAN/retire").then().statusCode(412);
        as(HR).post(BASE + "/plans/RETIRE-PLAN/retire").then().statusCode(200).header("ETag", "\"2-retired\"")
                .body("retiredBy", is("H1"));

        as(HR).get(BASE + "/plans").then().statusCode(200).body("code", not(hasItem("RETIRE-PLAN")));
        as(HR).queryParam("includeRetired", true).get(BASE + "/plans").then().statusCode(200)
                .body("code", hasItem("RETIRE-PLAN"));
        as(HR).queryParam("includeRetired", "maybe").get(BASE + "/plans").then().statusCode(400)
                .body("field", is("includeRetired"));
        as(HR).queryParam("version", 1).get(BASE + "/plans/RETIRE-PLAN").then().statusCode(200)
                .body("name", is("Retiring plan"));
        as(HR).get(BASE + "/runs/" + runId).then().statusCode(200).body("planCode", is("RETIRE-PLAN"));
        as(HR).queryParam("period", PERIOD).get(BASE + "/statements").then().statusCode(200)
                .body("planCode", hasItem("RETIRE-PLAN"));
        as(HR).body(run("RETIRE-PLAN", "SALES-1")).post(BASE + "/runs").then().statusCode(409)
                .body("type", is(PROBLEMS + "conflict"));
        as(HR).body(plan).post(BASE + "/plans").then().statusCode(409);
    }

    @Test
    void emptyOptionalListsAndMapsAreFieldsLeftOut() {
        // what a generated client sends for fields the caller never set
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("code", "EMPTY-LISTS");
        plan.put("name", "Empty lists");
        plan.put("currency", "CNY");
        plan.put("performancePayShare", 0.3);
        plan.put("gradeCoefficients", Map.of("good", 1));
        plan.put("scoreBands", List.of());
        plan.put("perks", List.of());
        plan.put("honorPrizes", Map.of());
        plan.put("overBudget", Map.of("policy", "FLAG", "scaledKinds", List.of()));
        as(HR).body(plan).post(BASE + "/plans").then().statusCode(201)
                .body("gradeCoefficients.good", is(1)).body("scoreBands", nullValue())
                .body("overBudget.policy", is("FLAG")).body("overBudget.scaledKinds", nullValue());
        plan.put("code", "EMPTY-COEFFICIENTS");
        plan.put("gradeCoefficients", Map.of());
        plan.put("scoreBands", List.of(Map.of("range", "[0,100]", "coefficient", 1)));
        as(HR).body(plan).post(BASE + "/plans").then().statusCode(201)
                .body("gradeCoefficients", nullValue()).body("scoreBands[0].range", is("[0,100]"));
        plan.put("code", "EMPTY-BOTH");
        plan.put("scoreBands", List.of());
        assertInvalid(plan, "gradeCoefficients");
    }

    @Test
    void planSectionsAreCheckedFieldByFieldWithTheirPath() {
        assertInvalid(with("scoreBands", List.of(Map.of("range", "(90,100]", "coefficient", 1.1),
                Map.of("range", "[95,)", "coefficient", 1.2))), "scoreBands[1].range");
        assertInvalid(with("scoreBands", List.of(Map.of("range", "90 to 100", "coefficient", 1.1))),
                "scoreBands[0].range");
        Map<String, Object> both = with("gradeCoefficients", Map.of("good", 1));
        assertInvalid(both, "scoreBands");
        assertInvalid(with("commission", Map.of("mode", "WHOLE", "brackets", List.of(Map.of("upTo", 200000, "rate",
                0.01), Map.of("upTo", 100000, "rate", 0.015), Map.of("rate", 0.02)))), "commission.brackets[1].upTo");
        assertInvalid(with("commission", Map.of("mode", "WHOLE", "brackets", List.of(Map.of("upTo", 100000, "rate",
                0.01), Map.of("upTo", 200000, "rate", 0.02)))), "commission.brackets[1].upTo");
        assertInvalid(with("commission", Map.of("mode", "WHOLE", "brackets", List.of(Map.of("upTo", 100000, "rate",
                0.01, "teamFund", 50), Map.of("rate", 0.02)))), "commission.brackets[0].teamFund");
        assertInvalid(with("commission", Map.of("brackets", List.of(Map.of("rate", 0.02)))), "commission.mode");
        assertInvalid(with("commission", Map.of("mode", "WHOLE", "brackets", List.of(Map.of("rate", 1.5)))),
                "commission.brackets[0].rate");
        assertInvalid(with("targets", Map.of("measure", "fcr", "basic", Map.of("threshold", 0.8, "amount", 500),
                "challenge", Map.of("threshold", 0.7, "amount", 300))), "targets.challenge.threshold");
        assertInvalid(with("targets", Map.of("measure", "FCR rate", "basic", Map.of("threshold", 0.8, "amount",
                500))), "targets.measure");
        assertInvalid(with("targets", Map.of("measure", "fcr", "basic", Map.of("threshold", 0.8, "amount",
                "12.345"))), "targets.basic.amount");
        assertInvalid(with("teamReward", Map.of("measure", "csat", "target", 4.5, "pool", 1000, "split",
                "BY_HOURS")), "teamReward.hoursMeasure");
        assertInvalid(with("teamReward", Map.of("measure", "csat", "target", 4.5, "pool", 1000, "split", "EQUAL",
                "includeTeamFund", true)), "teamReward.includeTeamFund");
        assertInvalid(with("perks", List.of(Map.of("code", "X", "name", "x", "quantity", 1, "when", Map.of()))),
                "perks[0].when");
        assertInvalid(with("perks", List.of(Map.of("code", "X", "name", "x", "quantity", 0, "when",
                Map.of("rankAtMost", 1)))), "perks[0].quantity");
        assertInvalid(with("honorPrizes", Map.of("SERVICE-STAR", -5)), "honorPrizes.SERVICE-STAR");
        assertInvalid(with("overBudget", Map.of("policy", "SCALE", "scaledKinds", List.of("salary"))),
                "overBudget.scaledKinds[0]");
        Map<String, Object> nothing = new LinkedHashMap<>(Map.of("code", "BAD-EMPTY", "name", "x", "currency",
                "CNY"));
        assertInvalid(nothing, "performancePayShare");
        as(HR).get(BASE + "/plans/BAD-SECTION").then().statusCode(404);
    }

    private static Map<String, Object> with(String section, Object value) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("code", "BAD-SECTION");
        plan.put("name", "Bad section");
        plan.put("currency", "CNY");
        plan.put("performancePayShare", 0.3);
        plan.put("scoreBands", List.of(Map.of("range", "[0,100]", "coefficient", 1)));
        plan.put(section, value);
        return plan;
    }

    private static void assertInvalid(Map<String, Object> plan, String field) {
        as(HR).body(plan).post(BASE + "/plans").then().statusCode(400).contentType("application/problem+json")
                .body("type", is(PROBLEMS + "invalid-field")).body("field", is(field));
    }

    @Test
    void budgetsAreKeptPerUnitAndMonthAndBadRowsReported() {
        as(HR).body(List.of(
                        Map.of("unitCode", "B-1", "period", "2026-12", "amount", "1000.50", "currency", "CNY"),
                        Map.of("unitCode", "B-1", "period", "2026-13", "amount", "1", "currency", "CNY"),
                        Map.of("unitCode", "B-2", "period", "2026-12", "amount", "-1", "currency", "CNY"),
                        Map.of("unitCode", "B-3", "period", "2026-12", "amount", "5", "currency", "yuan")))
                .put(BASE + "/budgets").then().statusCode(200)
                .body("accepted", is(1)).body("rejected", is(3))
                .body("errors.field", contains("period", "amount", "currency"));
        as(TestApi.ADMIN).queryParam("unitCode", "B-1").get(BASE + "/budgets").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].amount", is(money("1000.50"))).body("[0].updatedBy", is("H1"));
        as(HR).queryParam("period", "2026-1").get(BASE + "/budgets").then().statusCode(400)
                .body("field", is("period"));
        as(HR).body("{}").put(BASE + "/budgets").then().statusCode(400);
    }

    @Test
    void newEndpointsWantATokenAndTheRightRole() {
        long id = salesRun.jsonPath().getLong("id");
        for (String[] e : new String[][]{{"PUT", "/budgets"}, {"GET", "/budgets"}, {"GET", "/runs/1/changes"}}) {
            var anonymous = given().contentType("application/json");
            if (!e[0].equals("GET")) {
                anonymous.body("[]");
            }
            anonymous.request(e[0], BASE + e[1]).then().statusCode(401)
                    .body("type", is(PROBLEMS + "unauthorized"));
        }
        as(AGENT_S1).body(List.of()).put(BASE + "/budgets").then().statusCode(403)
                .body("type", is(PROBLEMS + "forbidden"));
        as(MANAGER).get(BASE + "/budgets").then().statusCode(403);
        as(AGENT_S1).get(BASE + "/runs/" + id + "/changes").then().statusCode(403);
        // a manager who leads no unit (metrics' my-units answers []) does not see the run's changes
        downstream.stubFor(get(urlPathEqualTo(TestApi.MY_UNITS)).atPriority(10).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson("[]")));
        as(MANAGER).get(BASE + "/runs/" + id + "/changes").then().statusCode(404)
                .body("type", is(PROBLEMS + "not-found")).body("detail", is("Run " + id + " does not exist"));
        as(HR).get(BASE + "/runs/999999/changes").then().statusCode(404).body("type", is(PROBLEMS + "not-found"));
        // agents read their own statement with its perks
        as(AGENT_S1).get(BASE + "/statements").then().statusCode(200)
                .body("employeeId", contains("S1")).body("[0].lines", hasSize(7))
                .body("[0].lines[0].explanation", containsString("2,640.00"));
    }

    @Test
    void listsPageByLimitAndOffsetInAStableOrder() {
        as(HR).body(List.of(
                        Map.of("unitCode", "PG-3", "period", "2025-07", "amount", "3", "currency", "CNY"),
                        Map.of("unitCode", "PG-1", "period", "2025-07", "amount", "1", "currency", "CNY"),
                        Map.of("unitCode", "PG-2", "period", "2025-07", "amount", "2", "currency", "CNY")))
                .put(BASE + "/budgets").then().statusCode(200).body("accepted", is(3));
        var first = as(HR).urlEncodingEnabled(false).get(BASE + "/budgets?period=2025-07&limit=2");
        first.then().statusCode(200).header("X-Total-Count", "3").body("unitCode", contains("PG-1", "PG-2"));
        String next = first.header("Link").replaceAll("^<([^>]+)>; rel=\"next\"$", "$1");
        org.junit.jupiter.api.Assertions.assertEquals(BASE + "/budgets?period=2025-07&offset=2&limit=2", next);
        as(HR).urlEncodingEnabled(false).get(next).then().statusCode(200).body("unitCode", contains("PG-3"))
                .header("Link", nullValue());
        for (String bad : new String[]{"limit=0", "limit=1001", "limit=all"}) {
            as(HR).urlEncodingEnabled(false).get(BASE + "/budgets?" + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("field", is("limit"));
        }
        as(HR).queryParam("offset", "-1").get(BASE + "/statements").then().statusCode(400).body("field", is("offset"));
    }
}
