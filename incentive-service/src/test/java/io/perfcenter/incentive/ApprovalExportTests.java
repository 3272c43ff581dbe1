package io.perfcenter.incentive;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.perfcenter.incentive.DownstreamServices.InjectDownstream;
import io.perfcenter.incentive.TestApi.Card;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.incentive.TestApi.BASE;
import static io.perfcenter.incentive.TestApi.HR;
import static io.perfcenter.incentive.TestApi.PROBLEMS;
import static io.perfcenter.incentive.TestApi.as;
import static io.perfcenter.incentive.TestApi.money;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Approval locks a run; an approved run is exported for payroll as CSV and XLSX with what its statements say. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(DownstreamServices.class)
class ApprovalExportTests {

    static final String PERIOD = "2026-12";
    static final String MANAGER = TestTokens.token("M3", "manager");
    static final String AGENT = TestTokens.token("Y1", "agent");

    @InjectDownstream
    WireMockServer downstream;

    @Inject
    MeterRegistry registry;

    private static boolean seeded;
    private static long approved;
    private static long computed;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        as(HR).body(List.of(
                        Map.of("employeeId", "Y1", "monthlySalary", "8000.00", "currency", "CNY", "effectiveFrom", "2026-01-01"),
                        Map.of("employeeId", "Y2", "monthlySalary", "6000.00", "currency", "CNY", "effectiveFrom", "2026-01-01")))
                .put(BASE + "/salaries").then().statusCode(200);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("code", "EXPORT-PLAN");
        plan.put("name", "Export");
        plan.put("currency", "CNY");
        plan.put("performancePayShare", 0.3);
        plan.put("gradeCoefficients", Map.of("excellent", 1.1, "good", 1.0));
        plan.put("commission", Map.of("mode", "WHOLE", "brackets", List.of(Map.of("upTo", 100000, "rate", 0.01),
                Map.of("rate", 0.02, "teamFund", 100))));
        plan.put("perks", List.of(Map.of("code", "FLEX-SHIFTS", "name", "self-chosen shifts", "quantity", 2,
                "when", Map.of("rankAtMost", 1))));
        as(HR).body(plan).post(BASE + "/plans").then().statusCode(201);
        for (String unit : List.of("EX-1", "EX-2")) {
            TestApi.stubScorecards(downstream, PERIOD, unit, List.of(
                    new Card(1001, "Y1", unit, PERIOD, "93", "excellent", 1).item("sales_amount", "120000"),
                    new Card(1002, "Y2", unit, PERIOD, "85", "good", 2).item("sales_amount", "50000.50")));
        }
        approved = as(HR).body(Map.of("planCode", "EXPORT-PLAN", "period", PERIOD, "unitCode", "EX-1"))
                .post(BASE + "/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        as(HR).post(BASE + "/runs/" + approved + "/approve").then().statusCode(200).body("status", is("APPROVED"));
        computed = as(HR).body(Map.of("planCode", "EXPORT-PLAN", "period", PERIOD, "unitCode", "EX-2"))
                .post(BASE + "/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        downstream.stubFor(get(urlPathEqualTo(TestApi.MY_UNITS)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + MANAGER))
                .willReturn(okJson("[\"EX-1\"]")));
    }

    private double counted(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void runsComputedAndApprovedAndTheAmountsApprovedAreCounted() {
        // a month of its own: the other tests see December's runs
        String period = "2026-11";
        TestApi.stubScorecards(downstream, period, "EX-3", List.of(
                new Card(1003, "Y1", "EX-3", period, "93", "excellent", 1).item("sales_amount", "1000")));
        double revisions = counted("perfcenter.payout.runs.computed", "outcome", "revision");
        double unchanged = counted("perfcenter.payout.runs.computed", "outcome", "unchanged");
        double statements = counted("perfcenter.payout.statements.computed");
        double approvals = counted("perfcenter.payout.runs.approved");
        double paid = counted("perfcenter.pay.approved", "currency", "CNY");

        Map<String, String> input = Map.of("planCode", "EXPORT-PLAN", "period", period, "unitCode", "EX-3");
        long run = as(HR).body(input).post(BASE + "/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        as(HR).body(input).post(BASE + "/runs").then().statusCode(200);
        assertEquals(revisions + 1, counted("perfcenter.payout.runs.computed", "outcome", "revision"));
        assertEquals(unchanged + 1, counted("perfcenter.payout.runs.computed", "outcome", "unchanged"));
        assertEquals(statements + 1, counted("perfcenter.payout.statements.computed"));
        assertEquals(approvals, counted("perfcenter.payout.runs.approved"), "not approved yet");

        String total = as(HR).post(BASE + "/runs/" + run + "/approve").then().statusCode(200)
                .extract().jsonPath().getString("totalAmount");
        assertEquals(approvals + 1, counted("perfcenter.payout.runs.approved"));
        assertEquals(paid + Double.parseDouble(total), counted("perfcenter.pay.approved", "currency", "CNY"), 0.001);
        // a refused approval counts nothing
        as(HR).post(BASE + "/runs/" + run + "/approve").then().statusCode(409);
        assertEquals(approvals + 1, counted("perfcenter.payout.runs.approved"));

        String management = ConfigProvider.getConfig().getValue("test.management.url", String.class);
        given().get(management + "/metrics").then().statusCode(200)
                .body(containsString("perfcenter_pay_approved_total{currency=\"CNY\"}"))
                .body(containsString("perfcenter_payout_runs_computed_total{outcome=\"revision\"}"))
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("http_client_requests_seconds_bucket{"))
                .body(containsString("agroal_active_count{"));
    }

    @Test
    void theCsvHasARowPerStatementWithEachKindTotalAndEntitlements() throws IOException {
        Response file = as(HR).queryParam("format", "csv").get(BASE + "/runs/" + approved + "/export");
        file.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", is("attachment; filename=\"payroll-EXPORT-PLAN-2026-12-EX-1-r1.csv\""));
        try (CSVParser csv = CSVParser.parse(new StringReader(file.asString()),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(List.of("runId", "revision", "planCode", "planVersion", "period", "unitCode", "employeeId",
                    "currency", "performance-pay", "target-bonus", "challenge-bonus", "commission", "team-share",
                    "honor", "points", "total", "entitlements", "flags"), csv.getHeaderNames());
            List<CSVRecord> rows = csv.getRecords();
            assertEquals(2, rows.size());
            CSVRecord x1 = rows.get(0);
            assertEquals("Y1", x1.get("employeeId"));
            assertEquals(Long.toString(approved), x1.get("runId"));
            assertEquals("2640.00", x1.get("performance-pay"));
            // 120,000 is in the second tier: × 2%
            assertEquals("2400.00", x1.get("commission"));
            assertEquals("", x1.get("team-share"));
            assertEquals("5040.00", x1.get("total"));
            assertEquals("FLEX-SHIFTS ×2", x1.get("entitlements"));
            CSVRecord x2 = rows.get(1);
            // 6,000 × 30% × 1.0 and 50,000.50 × 1% = 500.005 → 500.01
            assertEquals("1800.00", x2.get("performance-pay"));
            assertEquals("500.01", x2.get("commission"));
            assertEquals("2300.01", x2.get("total"));
            assertEquals("", x2.get("entitlements"));
        }
        // csv is the default
        as(HR).get(BASE + "/runs/" + approved + "/export").then().statusCode(200).contentType(containsString("text/csv"));
    }

    @Test
    void theXlsxHoldsTheSameFiguresAsNumbers() throws IOException {
        byte[] file = as(HR).queryParam("format", "xlsx").get(BASE + "/runs/" + approved + "/export").then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("Payroll 2026-12", sheet.getSheetName());
            assertEquals("performance-pay", sheet.getRow(0).getCell(8).getStringCellValue());
            Row x1 = sheet.getRow(1);
            assertEquals("Y1", x1.getCell(6).getStringCellValue());
            assertEquals(2640.00, x1.getCell(8).getNumericCellValue());
            assertEquals("#,##0.00", x1.getCell(8).getCellStyle().getDataFormatString());
            assertEquals(5040.00, x1.getCell(15).getNumericCellValue());
            assertEquals("FLEX-SHIFTS ×2", x1.getCell(16).getStringCellValue());
            assertEquals(2300.01, sheet.getRow(2).getCell(15).getNumericCellValue());
            assertEquals(3, sheet.getPhysicalNumberOfRows());
        }
    }

    @Test
    void onlyApprovedRunsAreExportedAndOnlyByHrAdminOrThePayrollExport() {
        as(HR).get(BASE + "/runs/" + computed + "/export").then().statusCode(409)
                .contentType("application/problem+json").body("type", is(PROBLEMS + "run-not-approved"));
        as(HR).queryParam("format", "pdf").get(BASE + "/runs/" + approved + "/export").then().statusCode(400)
                .body("field", is("format"));
        as(HR).get(BASE + "/runs/999999/export").then().statusCode(404);
        as(TestApi.ADMIN).get(BASE + "/runs/" + approved + "/export").then().statusCode(200);
        // the payroll system finds approved runs and fetches their files, and does nothing else
        as(TestApi.PAYROLL_EXPORT).get(BASE + "/runs/" + approved + "/export").then().statusCode(200);
        as(TestApi.PAYROLL_EXPORT).queryParam("status", "APPROVED").get(BASE + "/runs").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem((int) approved));
        as(TestApi.PAYROLL_EXPORT).get(BASE + "/runs/" + approved).then().statusCode(200);
        as(TestApi.PAYROLL_EXPORT).post(BASE + "/runs/" + computed + "/approve").then().statusCode(403);
        as(TestApi.PAYROLL_EXPORT).body(Map.of("planCode", "EXPORT-PLAN", "period", PERIOD, "unitCode", "EX-2"))
                .post(BASE + "/runs").then().statusCode(403);
        as(TestApi.PAYROLL_EXPORT).get(BASE + "/statements").then().statusCode(403);
        for (String other : List.of(TestApi.RECORDS_WRITER, TestApi.ORG_SYNC)) {
            as(other).get(BASE + "/runs/" + approved + "/export").then().statusCode(403);
        }
        as(MANAGER).get(BASE + "/runs/" + approved + "/export").then().statusCode(403)
                .body("type", is(PROBLEMS + "forbidden"));
        as(AGENT).get(BASE + "/runs/" + approved + "/export").then().statusCode(403);
        given().get(BASE + "/runs/" + approved + "/export").then().statusCode(401);
    }

    @Test
    void anApprovedRunIsLocked() {
        as(HR).post(BASE + "/runs/" + approved + "/approve").then().statusCode(409)
                .body("type", is(PROBLEMS + "run-locked"));
        as(HR).body(Map.of("planCode", "EXPORT-PLAN", "period", PERIOD, "unitCode", "EX-1")).post(BASE + "/runs")
                .then().statusCode(409).body("type", is(PROBLEMS + "run-locked"));
        as(HR).get(BASE + "/runs/" + approved).then().body("status", is("APPROVED"))
                .body("totalAmount", is(money("7340.01")));
    }

    @Test
    void managersSeeTheTotalsAndStatementsOfTheirUnitsOnly() {
        as(MANAGER).queryParam("period", PERIOD).get(BASE + "/statements/totals").then().statusCode(200)
                .body("unitCode", org.hamcrest.Matchers.contains("EX-1"))
                .body("[0].total", is(money("7340.01")))
                .body("[0].byKind.commission", is(money("2900.01")))
                .body("[0].runStatus", is("APPROVED"));
        as(HR).queryParam("period", PERIOD).get(BASE + "/statements/totals").then().statusCode(200)
                .body("unitCode", org.hamcrest.Matchers.contains("EX-1", "EX-2"));
        as(HR).queryParam("period", "2026-1").get(BASE + "/statements/totals").then().statusCode(400)
                .body("field", is("period"));
        as(AGENT).get(BASE + "/statements").then().statusCode(200)
                .body("employeeId", org.hamcrest.Matchers.everyItem(is("Y1")));
    }
}
