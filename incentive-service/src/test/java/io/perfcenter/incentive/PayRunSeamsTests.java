package io.perfcenter.incentive;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.perfcenter.incentive.DownstreamServices.InjectDownstream;
import io.perfcenter.incentive.TestApi.Card;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.incentive.TestApi.BASE;
import static io.perfcenter.incentive.TestApi.HR;
import static io.perfcenter.incentive.TestApi.RECORDS_WRITER;
import static io.perfcenter.incentive.TestApi.PROBLEMS;
import static io.perfcenter.incentive.TestApi.as;
import static io.perfcenter.incentive.TestApi.money;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where pay meets scoring and the org directory: locked scorecards are paid, an employee is paid once per period and
 * plan whichever unit's run lists them, and salaries are effective-dated and HR's alone. Figures worked by hand.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(DownstreamServices.class)
class PayRunSeamsTests {

    @InjectDownstream
    WireMockServer downstream;

    @Inject
    AgroalDataSource dataSource;

    static Map<String, Object> salary(String employee, String amount, String effectiveFrom) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("employeeId", employee);
        row.put("monthlySalary", amount);
        row.put("currency", "CNY");
        row.put("effectiveFrom", effectiveFrom);
        return row;
    }

    static Map<String, Object> plan(String code) {
        return Map.of("code", code, "name", "Performance pay " + code, "currency", "CNY",
                "performancePayShare", 0.30, "gradeCoefficients", Map.of("excellent", 1.1, "good", 1.0));
    }

    static Map<String, Object> run(String plan, String period, String unit) {
        return Map.of("planCode", plan, "period", period, "unitCode", unit);
    }

    private static Card card(long id, String employee, String unit, String period, String grade, String status) {
        Card card = new Card(id, employee, unit, period, "90", grade, 1);
        card.build().put("status", status);
        return card;
    }

    // ---- 1. scoring treats LOCKED as final for pay; so does incentive

    @Test
    void lockedScorecardsArePaid() {
        as(HR).body(List.of(salary("L1", "8000.00", "2026-01-01"), salary("L2", "6000.00", "2026-01-01")))
                .put(BASE + "/salaries").then().statusCode(200).body("accepted", is(2));
        as(HR).body(plan("LOCK-PLAN")).post(BASE + "/plans").then().statusCode(201);
        // HR locked the scoring run: scoring lists its scorecards for status=PUBLISHED with status LOCKED
        TestApi.stubScorecards(downstream, "2026-10", "LK-1", List.of(
                card(4101, "L1", "LK-1", "2026-10", "excellent", "LOCKED"),
                card(4102, "L2", "LK-1", "2026-10", "good", "LOCKED")));
        // 8,000.00 × 30% × 1.1 = 2,640.00; 6,000.00 × 30% × 1.0 = 1,800.00; run 4,440.00
        as(HR).body(run("LOCK-PLAN", "2026-10", "LK-1")).post(BASE + "/runs").then().statusCode(201)
                .body("statementCount", is(2)).body("totalAmount", is(money("4440.00")))
                .body("statements.employeeId", contains("L1", "L2"))
                .body("statements.total", contains(money("2640.00"), money("1800.00")));
    }

    // ---- 2. one current statement per employee, period and plan, across units' runs

    @Test
    void anAgentListedByTwoUnitsIsPaidOnceAndTheSecondRunSaysWhy() {
        as(HR).body(List.of(salary("M1", "8000.00", "2026-01-01"), salary("M2", "6000.00", "2026-01-01"),
                        salary("M3", "5000.00", "2026-01-01")))
                .put(BASE + "/salaries").then().statusCode(200).body("accepted", is(3));
        as(HR).body(plan("MOVE-PLAN")).post(BASE + "/plans").then().statusCode(201);
        TestApi.stubScorecards(downstream, "2026-09", "MV-1", List.of(
                card(4201, "M1", "MV-1", "2026-09", "excellent", "PUBLISHED"),
                card(4202, "M2", "MV-1", "2026-09", "good", "PUBLISHED")));
        // M1 moved to MV-2 mid-month; MV-2's scorecards list M1 too
        TestApi.stubScorecards(downstream, "2026-09", "MV-2", List.of(
                card(4203, "M1", "MV-2", "2026-09", "excellent", "PUBLISHED"),
                card(4204, "M3", "MV-2", "2026-09", "good", "PUBLISHED")));

        Response first = as(HR).body(run("MOVE-PLAN", "2026-09", "MV-1")).post(BASE + "/runs");
        first.then().statusCode(201).body("statements.employeeId", contains("M1", "M2")).body("skipped", empty());
        long firstRun = first.jsonPath().getLong("id");

        // M3: 5,000.00 × 30% × 1.0 = 1,500.00; M1 is MV-1's already
        as(HR).body(run("MOVE-PLAN", "2026-09", "MV-2")).post(BASE + "/runs").then().statusCode(201)
                .body("statementCount", is(1)).body("statements.employeeId", contains("M3"))
                .body("totalAmount", is(money("1500.00")))
                .body("skipped", hasSize(1)).body("skipped[0].employeeId", is("M1"))
                .body("skipped[0].paidInRunId", is((int) firstRun)).body("skipped[0].paidInUnitCode", is("MV-1"))
                .body("skipped[0].reason", is("already paid for MOVE-PLAN 2026-09 by run " + firstRun
                        + " of unit MV-1 (COMPUTED): one statement per employee, period and plan"));
        as(HR).queryParam("employeeId", "M1").queryParam("period", "2026-09").get(BASE + "/statements")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].runId", is((int) firstRun));

        // re-running MV-1 after a change keeps working with revisions; MV-2 again is unchanged
        TestApi.stubScorecards(downstream, "2026-09", "MV-1", List.of(
                card(4201, "M1", "MV-1", "2026-09", "excellent", "PUBLISHED"),
                card(4202, "M2", "MV-1", "2026-09", "excellent", "PUBLISHED")));
        Response second = as(HR).body(run("MOVE-PLAN", "2026-09", "MV-1")).post(BASE + "/runs");
        second.then().statusCode(201).body("revision", is(2)).body("statements.employeeId", contains("M1", "M2"))
                // M2: 6,000.00 × 30% × 1.1 = 1,980.00
                .body("statements[1].total", is(money("1980.00")));
        long secondRun = second.jsonPath().getLong("id");
        as(HR).queryParam("employeeId", "M1").queryParam("period", "2026-09").get(BASE + "/statements")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].runId", is((int) secondRun));
        as(HR).body(run("MOVE-PLAN", "2026-09", "MV-2")).post(BASE + "/runs").then().statusCode(201)
                .body("revision", is(2)).body("skipped[0].paidInRunId", is((int) secondRun));
    }

    @Test
    void theDatabaseRefusesASecondCurrentStatementForTheSameEmployeePeriodAndPlan() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long runA = insertRun(c, "DB-1");
            long runB = insertRun(c, "DB-2");
            insertStatement(c, runA, "D1");
            SQLException refused = assertThrows(SQLException.class, () -> insertStatement(c, runB, "D1"));
            assertEquals("23505", refused.getSQLState(), refused.getMessage()); // unique_violation
            assertTrue(refused.getMessage().contains("payout_statement_current_idx"), refused.getMessage());
        }
    }

    private static long insertRun(Connection c, String unit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO payout_run (plan_id, plan_code, plan_version, period, unit_code, status, currency,
                                        total_amount, statement_count, flagged_count)
                SELECT id, code, version, '2026-08', ?, 'COMPUTED', 'CNY', 0, 0, 0 FROM incentive_plan LIMIT 1
                RETURNING id""")) {
            st.setString(1, unit);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertStatement(Connection c, long runId, String employee) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO payout_statement (run_id, employee_id, unit_code, period, plan_code, currency)
                VALUES (?, ?, 'DB', '2026-08', 'DB-PLAN', 'CNY')""")) {
            st.setLong(1, runId);
            st.setString(2, employee);
            st.executeUpdate();
        }
    }

    // ---- 3. effective-dated salaries, HR's alone; person data is the org directory's

    @Test
    void recomputingOctoberAfterADecemberRaisePaysOctoberAtTheOldSalary() {
        as(HR).body(plan("RAISE-PLAN")).post(BASE + "/plans").then().statusCode(201);
        as(HR).body(List.of(salary("R7", "7000.00", "2026-01-01"))).put(BASE + "/salaries").then().statusCode(200)
                .body("accepted", is(1));
        TestApi.stubScorecards(downstream, "2026-10", "RS-1",
                List.of(card(4301, "R7", "RS-1", "2026-10", "excellent", "PUBLISHED")));
        TestApi.stubScorecards(downstream, "2026-12", "RS-1",
                List.of(card(4302, "R7", "RS-1", "2026-12", "excellent", "PUBLISHED")));
        // 7,000.00 × 30% × 1.1 = 2,310.00
        Response october = as(HR).body(run("RAISE-PLAN", "2026-10", "RS-1")).post(BASE + "/runs");
        october.then().statusCode(201).body("totalAmount", is(money("2310.00")))
                .body("statements[0].lines[0].explanation",
                        is("7,000.00 (salary effective 2026-01-01) × 30% × 1.1 (excellent) = 2,310.00"))
                .body("statements[0].lines[0].source.salaryEffectiveFrom", is("2026-01-01"));

        // a raise to 9,000.00 from December on
        as(HR).body(List.of(salary("R7", "9000.00", "2026-12-01"))).put(BASE + "/salaries").then().statusCode(200)
                .body("accepted", is(1));
        as(HR).body(run("RAISE-PLAN", "2026-10", "RS-1")).post(BASE + "/runs").then().statusCode(200)
                .body("id", is((int) october.jsonPath().getLong("id"))).body("totalAmount", is(money("2310.00")));
        // December: 9,000.00 × 30% × 1.1 = 2,970.00
        as(HR).body(run("RAISE-PLAN", "2026-12", "RS-1")).post(BASE + "/runs").then().statusCode(201)
                .body("totalAmount", is(money("2970.00")))
                .body("statements[0].lines[0].explanation",
                        is("9,000.00 (salary effective 2026-12-01) × 30% × 1.1 (excellent) = 2,970.00"));
        as(HR).get(BASE + "/salaries/R7").then().statusCode(200)
                .body("history.effectiveFrom", contains("2026-12-01", "2026-01-01"))
                .body("history.monthlySalary", contains(money("9000.00"), money("7000.00")));
    }

    @Test
    void aMonthIsPaidAtTheSalaryInEffectOnItsLastDay() {
        as(HR).body(plan("MID-PLAN")).post(BASE + "/plans").then().statusCode(201);
        as(HR).body(List.of(salary("R8", "6000.00", "2026-01-01"), salary("R8", "6500.00", "2026-11-16")))
                .put(BASE + "/salaries").then().statusCode(200).body("accepted", is(2));
        TestApi.stubScorecards(downstream, "2026-11", "RS-2",
                List.of(card(4311, "R8", "RS-2", "2026-11", "good", "PUBLISHED")));
        // raised on the 16th: November is paid at 6,500.00 (in effect on 30 November) × 30% × 1.0 = 1,950.00
        as(HR).body(run("MID-PLAN", "2026-11", "RS-2")).post(BASE + "/runs").then().statusCode(201)
                .body("statements[0].lines[0].explanation",
                        is("6,500.00 (salary effective 2026-11-16) × 30% × 1.0 (good) = 1,950.00"));
    }

    @Test
    void onlyHrSetsAndReadsSalaries() {
        as(HR).body(List.of(salary("R9", "5000.00", "2026-01-01"))).put(BASE + "/salaries").then().statusCode(200);
        // pay is HR's alone (issue 9): no integration client of any purpose, and not admin either
        for (String token : List.of(RECORDS_WRITER, TestApi.ORG_SYNC, TestApi.PAYROLL_EXPORT, TestApi.ADMIN)) {
            as(token).body(List.of(salary("R9", "99999.00", "2026-02-01"))).put(BASE + "/salaries").then()
                    .statusCode(403).contentType("application/problem+json").body("type", is(PROBLEMS + "forbidden"));
            as(token).get(BASE + "/salaries/R9").then().statusCode(403);
        }
        as(HR).get(BASE + "/salaries/R9").then().statusCode(200)
                .body("history.monthlySalary", contains(money("5000.00")));
    }

    @Test
    void personDataInASalaryUploadIsRefusedAndNothingIsStored() {
        Map<String, Object> withHireDate = salary("R10", "5000.00", "2026-01-01");
        withHireDate.put("hiredOn", "2024-03-01");
        as(HR).body(List.of(salary("R11", "5000.00", "2026-01-01"), withHireDate)).put(BASE + "/salaries").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", is(PROBLEMS + "invalid-field")).body("field", is("[1].hiredOn"))
                .body("detail", containsString("org directory"));
        Map<String, Object> withPosition = salary("R10", "5000.00", "2026-01-01");
        withPosition.put("position", "seat");
        as(HR).body(List.of(withPosition)).put(BASE + "/salaries").then().statusCode(400)
                .body("field", is("[0].position"));
        as(HR).get(BASE + "/salaries/R11").then().statusCode(404);
        as(HR).get(BASE + "/salaries/R10").then().statusCode(404);
    }

    // ---- 4. a unit of several pages: every page asked once and as the run asks, every scorecard paid once

    @Test
    void aUnitOfSeveralPagesIsPaidWholeAndEveryPageIsAskedAsTheRunAsksTheFirst() {
        int agents = 2_345;
        List<Map<String, Object>> salaries = new java.util.ArrayList<>();
        List<Map<String, Object>> cards = new java.util.ArrayList<>();
        for (int i = 1; i <= agents; i++) {
            String employee = String.format("PG%04d", i);
            salaries.add(salary(employee, "1000.00", "2026-01-01"));
            // scoring lists a unit by rank, not by employee: the run orders its statements itself
            cards.add(card(60_000 + i, employee, "PG-1", "2026-08", i % 2 == 0 ? "excellent" : "good", "LOCKED")
                    .build());
        }
        java.util.Collections.reverse(cards);
        as(HR).body(salaries).put(BASE + "/salaries").then().statusCode(200).body("accepted", is(agents));
        as(HR).body(plan("PAGE-PLAN")).post(BASE + "/plans").then().statusCode(201);
        for (int offset = 0; offset < agents; offset += 1000) {
            downstream.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(TestApi.SCORECARDS))
                    .withQueryParam("unit", com.github.tomakehurst.wiremock.client.WireMock.equalTo("PG-1"))
                    .withQueryParam("offset", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                            Integer.toString(offset)))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                                    TestApi.json(cards.subList(offset, Math.min(offset + 1000, agents))))
                            .withHeader("X-Total-Count", Integer.toString(agents))));
        }

        // 1,173 × 1,000.00 × 30% × 1.0 + 1,172 × 1,000.00 × 30% × 1.1 = 351,900.00 + 386,760.00 = 738,660.00
        Response paid = as(HR).header("X-Request-Id", "req-pages").body(run("PAGE-PLAN", "2026-08", "PG-1"))
                .post(BASE + "/runs");
        paid.then().statusCode(201).body("statementCount", is(agents)).body("totalAmount", is(money("738660.00")));
        List<String> employees = paid.jsonPath().getList("statements.employeeId");
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 1; i <= agents; i++) {
            expected.add(String.format("PG%04d", i));
        }
        assertEquals(expected, employees);

        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> asked = downstream.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(TestApi.SCORECARDS))
                        .withQueryParam("unit", com.github.tomakehurst.wiremock.client.WireMock.equalTo("PG-1")));
        // up to the list's X-Total-Count: 2,345 scorecards are three pages
        assertEquals(List.of("0", "1000", "2000"),
                asked.stream().map(r -> r.queryParameter("offset").firstValue()).sorted().toList());
        for (com.github.tomakehurst.wiremock.verification.LoggedRequest r : asked) {
            // every page, also those read on other threads, carries the run's request id and the person it acts
            // for, as incentive-service
            assertEquals("req-pages", r.getHeader("X-Request-Id"), r.getUrl());
            assertEquals("H1", r.getHeader("X-Acting-For"), r.getUrl());
            assertTrue(TestApi.bearerClaims(r).contains("\"sub\":\"incentive-service\""), r.getUrl());
        }
    }
}
