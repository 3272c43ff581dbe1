package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * HR's files: units and agents from CSV (Chinese headers, a byte-order mark as Excel writes it) and XLSX (date cells,
 * numbers), rows rejected with their file row number and field, a dry run that reports the same and changes nothing,
 * a file without a required column refused whole, and who may import. Manual metric values from an XLSX sheet.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class HrImportTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String UNITS = "/api/v1/metrics/org/imports/units";
    private static final String AGENTS = "/api/v1/metrics/org/imports/agents";

    private static byte[] csv(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }

    /** A workbook whose first sheet holds the rows; LocalDate cells become date cells, numbers numeric cells. */
    private static byte[] xlsx(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("people");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            CellStyle twoPlaces = book.createCellStyle();
            twoPlaces.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("0.00"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    } else if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                        row.getCell(c).setCellStyle(twoPlaces);
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void units() {
        hr().contentType("text/csv").body(csv("编码,名称,类型,上级编码\nHIG1,Import group 1,组,HIT\n"
                        + "HIT,Import team,TEAM,HIC\nHIC,Import center,中心,\n"))
                .post(UNITS).then().statusCode(200).body("rejected", equalTo(0));
    }

    @Test
    void unitsFromCsvInAnyOrderWithChineseHeadersAndRowErrors() {
        hr().contentType("text/csv").body(csv("编码,名称,类型,上级编码,备注\n"
                        + "HUG1,Group 1,组,HUT,new\n"        // 1: waits for its team, two rows later
                        + "HUG2,Group 2,SQUAD,HUT,\n"        // 2: no such kind
                        + "HUT,Team,team,HUC,\n"             // 3: kinds in any case
                        + "HUC,Center,CENTER,,\n"            // 4
                        + "HUG3,Group 3,GROUP,NOPE,\n"))     // 5: unknown parent (the sync's own check)
                .post(UNITS).then().statusCode(200)
                .body("dryRun", equalTo(false)).body("rows", equalTo(5))
                .body("created", equalTo(3)).body("rejected", equalTo(2))
                .body("errors.row", contains(2, 5))
                .body("errors.field", contains("kind", "parentCode"))
                .body("errors[0].reason", equalTo("must be one of CENTER, TEAM, GROUP, not 'SQUAD'"))
                .body("ignoredColumns", contains("备注"));
        hr().get("/api/v1/metrics/org/units/HUG1").then().statusCode(200).body("parentCode", equalTo("HUT"))
                .body("kind", equalTo("GROUP"));
        // the same file again changes nothing
        hr().contentType("text/csv").body(csv("code,name,kind,parentCode\nHUG1,Group 1,GROUP,HUT\n"))
                .post(UNITS).then().statusCode(200).body("unchanged", equalTo(1)).body("created", equalTo(0));
    }

    @Test
    void agentsFromXlsxWithDateCellsAndADryRunThatChangesNothing() throws IOException {
        units();
        byte[] file = xlsx(List.of(
                List.of("工号", "姓名", "岗位", "入职日期", "组编码"),
                List.of("HIA1", "Li Na", "seat", LocalDate.of(2024, 3, 1), "HIG1"),
                List.of("HIA2", "Wang Wei", "seat", "2025/7/15", "HIG1"),
                List.of("HIA3", "Zhao Lei", "seat", "15.07.2025", "HIG1"),    // not a date HR files write
                List.of("HIA4", "Sun Li", "seat", LocalDate.of(2025, 1, 2), "NOPE"),
                List.of("HIA1", "Li Na", "seat", LocalDate.of(2024, 3, 1), "HIG1")));   // twice in the file

        String[] expected = {"created", "rejected"};
        for (boolean dryRun : new boolean[]{true, false}) {
            hr().contentType(XLSX).queryParam("dryRun", dryRun).body(file).post(AGENTS).then().statusCode(200)
                    .body("dryRun", equalTo(dryRun)).body("rows", equalTo(5))
                    .body(expected[0], equalTo(2)).body(expected[1], equalTo(3))
                    .body("errors.row", contains(3, 4, 5))
                    .body("errors.field", contains("hireDate", "unitCode", "employeeId"))
                    .body("errors[0].reason", equalTo("must be a date such as 2026-10-31, not '15.07.2025'"));
            if (dryRun) {
                hr().get("/api/v1/metrics/org/agents/HIA1").then().statusCode(404);
            }
        }
        hr().get("/api/v1/metrics/org/agents/HIA1").then().statusCode(200).body("hireDate", equalTo("2024-03-01"))
                .body("unitCode", equalTo("HIG1"));
        hr().get("/api/v1/metrics/org/agents/HIA2").then().statusCode(200).body("hireDate", equalTo("2025-07-15"));
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedWholeAndUnreadableFilesAreProblems() throws IOException {
        units();
        hr().contentType("text/csv").body("employeeId,name\nHIX1,No position\n").post(AGENTS).then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("position"));
        hr().get("/api/v1/metrics/org/agents/HIX1").then().statusCode(404);
        hr().contentType(XLSX).body("this is no workbook".getBytes(StandardCharsets.UTF_8)).post(AGENTS).then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
        hr().contentType("text/csv").body("code,name\nHIX3,No kind\n").post(UNITS).then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("kind"));
        hr().get("/api/v1/metrics/org/units/HIX3").then().statusCode(404);
        hr().contentType("application/json").body(List.of(Map.of("employeeId", "HIX2"))).post(AGENTS).then()
                .statusCode(415);
    }

    @Test
    void onlyThoseWhoKeepTheOrgDirectoryImportIt() {
        String file = "employeeId,name,position,unitCode\nHID1,Denied,seat,HIG1\n";
        for (String role : List.of("agent", "supervisor", "manager", "qa", "records-writer", "payroll-export",
                "service")) {
            as("HIS1", role).contentType("text/csv").body(file).post(AGENTS).then().statusCode(403);
            as("HIS1", role).contentType("text/csv").body("code,name,kind\nHID,Denied,CENTER\n").post(UNITS).then()
                    .statusCode(403);
        }
        // no token at all
        given().contentType("text/csv").body(file).post(AGENTS).then().statusCode(401);
        given().contentType("text/csv").body("code,name,kind\nHID,Denied,CENTER\n").post(UNITS).then().statusCode(401);
        hr().get("/api/v1/metrics/org/agents/HID1").then().statusCode(404);
        hr().get("/api/v1/metrics/org/units/HID").then().statusCode(404);
        units();
        as(null, "org-sync").contentType("text/csv").body(file).post(AGENTS).then().statusCode(200)
                .body("created", equalTo(1));
    }

    @Test
    void manualMetricValuesFromAnXlsxSheet() throws IOException {
        units();
        hr().contentType("text/csv").body("employeeId,name,position,hireDate,unitCode\nHIV1,Values,seat,2024-01-01,HIG1\n")
                .post(AGENTS).then().statusCode(200).body("created", equalTo(1));
        byte[] file = xlsx(List.of(
                List.of("sourceSystem", "externalId", "employeeId", "metricCode", "date", "value"),
                List.of("hr-sheet", "v1", "HIV1", "knowledge_contributions", LocalDate.of(2026, 10, 5), 2),
                List.of("hr-sheet", "v2", "HIV1", "knowledge_contributions", LocalDate.of(2026, 10, 6), 1.5),
                List.of("hr-sheet", "v3", "HIV1", "knowledge_contributions", "yesterday", 1)));
        hr().contentType(XLSX).body(file).post("/api/v1/metrics/records/values").then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("errors[0].row", equalTo(3)).body("errors[0].field", equalTo("date"));
        hr().queryParam("unit", "HIG1").queryParam("metric", "knowledge_contributions")
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents", hasSize(1))
                // 2 + 1.5, as written in the cells (shown as 2.00 and 1.50 in the sheet)
                .body("agents[0].values.knowledge_contributions.value", equalTo(3.5f));
    }
}
