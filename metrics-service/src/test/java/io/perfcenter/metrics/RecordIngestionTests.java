package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** Bulk upload of raw records: formats, per-row errors, dry runs, all-or-nothing, idempotency and the audit trail. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RecordIngestionTests {

    private static final String NDJSON = "application/x-ndjson";
    private static boolean seeded;

    static {
        // NDJSON bodies are sent as the text they are
        RestAssured.config = RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                .encodeContentTypeAs(NDJSON, io.restassured.http.ContentType.TEXT));
    }

    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(List.of(
                        Map.of("code", "IG", "name", "Ingest group", "kind", "GROUP", "parentCode", "IT"),
                        Map.of("code", "IT", "name", "Ingest team", "kind", "TEAM", "parentCode", "IC"),
                        Map.of("code", "IC", "name", "Ingest center", "kind", "CENTER")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(3));
        hr().body(List.of(
                        Map.of("employeeId", "I1", "name", "Agent I1", "position", "seat", "unitCode", "IG",
                                "memberFrom", "2026-01-01"),
                        Map.of("employeeId", "I2", "name", "Agent I2", "position", "seat", "unitCode", "IG",
                                "memberFrom", "2026-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(2));
    }

    static String call(String id, String agent, String startedAt, Object talk) {
        return "{\"sourceSystem\":\"acd\",\"externalId\":\"" + id + "\",\"employeeId\":\"" + agent
                + "\",\"startedAt\":\"" + startedAt + "\",\"talkSeconds\":" + talk + ",\"holdSeconds\":10,"
                + "\"wrapSeconds\":20,\"resolvedFirstContact\":true}";
    }

    private static long calls(String agent, String day) {
        Object v = hr().queryParam("employeeId", agent).queryParam("metric", "calls_handled")
                .queryParam("period", day).get("/api/v1/metrics/aggregates").then().statusCode(200)
                .extract().path("agents[0].values.calls_handled.value");
        return ((Number) v).longValue();
    }

    @Test
    void anObjectOrArrayWhereASingleValueBelongsIsARowErrorNotItsJsonText() {
        // found by the e2e bad-input corpus: {"sourceSystem": {"nested": …}} was stored as the text of the object
        String body = "[" + call("shape-1", "I1", "2026-03-03T09:00:00+08:00", 100)
                .replace("\"acd\"", "{\"nested\":{\"x\":1}}") + ","
                + call("shape-2", "I1", "2026-03-03T09:05:00+08:00", "[1, 2]") + ","
                + call("shape-3", "I1", "2026-03-03T09:10:00+08:00", 100) + "]";
        as(null, "records-writer").body(body).post("/api/v1/metrics/records/calls").then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(2))
                .body("errors.row", contains(1, 2)).body("errors.field", contains("sourceSystem", "talkSeconds"))
                .body("errors[0].reason", equalTo("must be a single value, not a JSON object or array"));
        // only shape-3's call counts on that day
        org.junit.jupiter.api.Assertions.assertEquals(1, calls("I1", "2026-03-03"));
    }

    @Test
    void ndjsonRowsAreCheckedOneByOneAndGoodRowsKept() {
        String body = String.join("\n",
                call("nd-1", "I1", "2026-03-02T09:00:00+08:00", 100),
                "{not json",
                call("nd-3", "I1", "2026-03-02T09:10:00+08:00", "\"abc\""),
                call("nd-4", "NOBODY", "2026-03-02T09:20:00+08:00", 100),
                "",
                call("nd-6", "I2", "2026-03-02T09:30:00", 100),
                "{\"sourceSystem\":\"acd\",\"employeeId\":\"I1\",\"startedAt\":\"2026-03-02T10:00:00\",\"talkSeconds\":1}",
                call("nd-8", "I1", "2026-03-02T09:40:00+08:00", -5)) + "\n";
        as(null, "records-writer").contentType(NDJSON).body(body).post("/api/v1/metrics/records/calls")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("duplicate", equalTo(0)).body("rejected", equalTo(5))
                .body("errors.row", contains(2, 3, 4, 7, 8))
                .body("errors.field", contains("row", "talkSeconds", "employeeId", "externalId", "talkSeconds"))
                .body("errors[1].reason", startsWith("must be a whole number"));
        // the same upload again: nothing new
        as(null, "records-writer").contentType(NDJSON).body(body).post("/api/v1/metrics/records/calls")
                .then().statusCode(200).body("accepted", equalTo(0)).body("duplicate", equalTo(2));
        org.junit.jupiter.api.Assertions.assertEquals(1, calls("I1", "2026-03-02"));
    }

    @Test
    void csvUploadsUseTheHeaderForFieldNames() {
        String csv = """
                sourceSystem,externalId,employeeId,startedAt,talkSeconds,holdSeconds,wrapSeconds,direction,resolvedFirstContact,ignoredColumn
                acd,csv-1,I1,2026-04-01T09:00:00+08:00,120,0,30,INBOUND,true,x
                acd,csv-2,I1,2026-04-01T10:00:00+08:00,60,0,0,outbound,false,x
                acd,csv-3,I1,2026-04-01T11:00:00+08:00,60,0,0,SIDEWAYS,false,x
                "acd","csv-4","I2","2026-04-01T11:00:00+08:00","90","","","","",""
                """;
        as(null, "records-writer").contentType("text/csv").body(csv).post("/api/v1/metrics/records/calls")
                .then().statusCode(200)
                .body("accepted", equalTo(3)).body("rejected", equalTo(1))
                .body("errors[0].row", equalTo(3)).body("errors[0].field", equalTo("direction"));
        hr().queryParam("employeeId", "I1").queryParam("metric", "aht").queryParam("metric", "fcr")
                .queryParam("period", "2026-04-01").get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.aht.value", equalTo(105))
                .body("agents[0].values.fcr.value", equalTo(50));
    }

    @Test
    void aCsvSavedByASpreadsheetWithAByteOrderMarkKeepsItsFirstColumn() {
        // Excel's "CSV UTF-8" starts with EF BB BF; without skipping it the first column would be "\uFEFFsourceSystem"
        byte[] text = """
                sourceSystem,externalId,employeeId,startedAt,talkSeconds,holdSeconds,wrapSeconds
                acd,csv-bom-1,I1,2026-04-20T09:00:00+08:00,100,0,20
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        as(null, "records-writer").contentType("text/csv").body(withMark).post("/api/v1/metrics/records/calls")
                .then().statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(0));
        org.junit.jupiter.api.Assertions.assertEquals(1, calls("I1", "2026-04-20"));
    }

    @Test
    void jsonArraysOfEveryKindAreAccepted() {
        as(null, "records-writer").body(List.of(
                        Map.of("sourceSystem", "crm", "externalId", "t-1", "employeeId", "I1",
                                "openedAt", "2026-05-04T09:00:00+08:00", "closedAt", "2026-05-05T09:00:00+08:00"),
                        Map.of("sourceSystem", "crm", "externalId", "t-2", "employeeId", "I1",
                                "openedAt", "2026-05-04T09:00:00+08:00", "closedAt", "2026-05-03T09:00:00+08:00")))
                .post("/api/v1/metrics/records/tickets").then().statusCode(200)
                .body("accepted", equalTo(1)).body("errors[0].field", equalTo("closedAt"));
        as(null, "records-writer").body(List.of(
                        Map.of("sourceSystem", "svy", "externalId", "s-1", "employeeId", "I1",
                                "answeredAt", "2026-05-04T12:00:00+08:00", "csat", 5),
                        Map.of("sourceSystem", "svy", "externalId", "s-2", "employeeId", "I1",
                                "answeredAt", "2026-05-04T12:00:00+08:00", "csat", 6),
                        Map.of("sourceSystem", "svy", "externalId", "s-3", "employeeId", "I1",
                                "answeredAt", "2026-05-04T12:00:00+08:00")))
                .post("/api/v1/metrics/records/surveys").then().statusCode(200)
                .body("accepted", equalTo(1)).body("errors.field", contains("csat", "csat"));
        as(null, "records-writer").body(List.of(Map.of("sourceSystem", "wfm", "externalId", "a-1", "employeeId", "I1",
                        "date", "2026-05-04", "scheduledMinutes", 480, "adherentMinutes", 432)))
                .post("/api/v1/metrics/records/adherence").then().statusCode(200).body("accepted", equalTo(1));
        as(null, "records-writer").body(List.of(Map.of("sourceSystem", "crm", "externalId", "i-1", "employeeId", "I1",
                        "occurredAt", "2026-05-04T12:00:00+08:00", "kind", "ERROR")))
                .post("/api/v1/metrics/records/incidents").then().statusCode(200).body("accepted", equalTo(1));
        as(null, "records-writer").body(List.of(Map.of("sourceSystem", "crm", "externalId", "o-1", "employeeId", "I1",
                        "soldAt", "2026-05-04T12:00:00+08:00", "amount", 1299.5)))
                .post("/api/v1/metrics/records/sales").then().statusCode(200).body("accepted", equalTo(1));
        as(null, "records-writer").body(List.of(Map.of("sourceSystem", "qa", "externalId", "q-1", "employeeId", "I1",
                        "evaluatorId", "Q1", "evaluatedOn", "2026-05-04", "score", 96.5,
                        "items", List.of(Map.of("code", "greeting", "score", 10)))))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("accepted", equalTo(1));
        hr().queryParam("employeeId", "I1").queryParam("period", "2026-05-04")
                .queryParam("metric", "tickets_handled").queryParam("metric", "ticket_handling_hours")
                .queryParam("metric", "closure_3day_rate").queryParam("metric", "csat")
                .queryParam("metric", "adherence").queryParam("metric", "error_count")
                .queryParam("metric", "sales_amount").queryParam("metric", "qa_score")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.tickets_handled.value", equalTo(1))
                .body("agents[0].values.ticket_handling_hours.value", equalTo(24))
                .body("agents[0].values.closure_3day_rate.value", equalTo(100))
                .body("agents[0].values.csat.value", equalTo(5))
                .body("agents[0].values.adherence.value", equalTo(90))
                .body("agents[0].values.error_count.value", equalTo(1))
                .body("agents[0].values.sales_amount.value", equalTo(1299.5f))
                .body("agents[0].values.qa_score.value", equalTo(96.5f));
    }

    @Test
    void aDryRunReportsButStoresNothing() {
        String body = call("dry-1", "I2", "2026-06-01T09:00:00+08:00", 100) + "\n"
                + call("dry-2", "I2", "2026-06-01T09:05:00+08:00", 100) + "\n";
        as(null, "records-writer").contentType(NDJSON).queryParam("dryRun", true).body(body)
                .post("/api/v1/metrics/records/calls").then().statusCode(200)
                .body("accepted", equalTo(2)).body("dryRun", equalTo(true));
        org.junit.jupiter.api.Assertions.assertEquals(0, calls("I2", "2026-06-01"));
        as(null, "records-writer").contentType(NDJSON).body(body).post("/api/v1/metrics/records/calls")
                .then().statusCode(200).body("accepted", equalTo(2)).body("dryRun", equalTo(false));
    }

    @Test
    void flagsAreTrueOrFalseAndAnythingElseIsRefusedNamingTheFlag() {
        String body = call("flag-1", "I2", "2026-06-04T09:00:00+08:00", 100) + "\n";
        for (String[] bad : new String[][]{{"dryRun", "maybe"}, {"atomic", "yes"}, {"dryRun", "1"}, {"atomic", "on"}}) {
            as(null, "records-writer").contentType(NDJSON).queryParam(bad[0], bad[1]).body(body)
                    .post("/api/v1/metrics/records/calls").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://perfcenter.io/problems/invalid-field"))
                    .body("field", equalTo(bad[0]));
        }
        as(null, "records-writer").queryParam("atomic", "yes").body(List.of())
                .post("/api/v1/metrics/values").then().statusCode(400).body("field", equalTo("atomic"));
        as(null, "hr").queryParam("unit", "ROOT").queryParam("metric", "calls_handled")
                .queryParam("period", "2026-06").queryParam("anomalies", "sometimes")
                .get("/api/v1/metrics/aggregates").then().statusCode(400).body("field", equalTo("anomalies"));
        org.junit.jupiter.api.Assertions.assertEquals(0, calls("I2", "2026-06-04"));
        as(null, "records-writer").contentType(NDJSON).queryParam("dryRun", "TRUE").body(body)
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("dryRun", equalTo(true));
        as(null, "records-writer").contentType(NDJSON).queryParam("dryRun", "False").body(body)
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("dryRun", equalTo(false));
        org.junit.jupiter.api.Assertions.assertEquals(1, calls("I2", "2026-06-04"));
    }

    @Test
    void anAtomicUploadWithABadRowStoresNothing() {
        String body = call("atom-1", "I2", "2026-06-02T09:00:00+08:00", 100) + "\n"
                + call("atom-2", "I2", "2026-06-02T09:05:00+08:00", "null") + "\n";
        as(null, "records-writer").contentType(NDJSON).queryParam("atomic", true).body(body)
                .post("/api/v1/metrics/records/calls").then().statusCode(422)
                .contentType("application/problem+json")
                .body("rejected", equalTo(1)).body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("talkSeconds"));
        org.junit.jupiter.api.Assertions.assertEquals(0, calls("I2", "2026-06-02"));
        // the original JSON endpoint takes the same switch
        as(null, "records-writer").queryParam("atomic", true).body(List.of(
                        Map.of("sourceSystem", "x", "externalId", "atom-v1", "employeeId", "I2",
                                "metricCode", "calls_handled", "date", "2026-06-03", "value", 5),
                        Map.of("sourceSystem", "x", "externalId", "atom-v2", "employeeId", "I2",
                                "metricCode", "nope", "date", "2026-06-03", "value", 5)))
                .post("/api/v1/metrics/values").then().statusCode(422).body("errors[0].field", equalTo("metricCode"));
        org.junit.jupiter.api.Assertions.assertEquals(0, calls("I2", "2026-06-03"));
    }

    @Test
    void aNewerRevisionReplacesAndTheOldOneIsKeptInTheAuditTrail() {
        String v1 = "{\"sourceSystem\":\"acd\",\"externalId\":\"rev-1\",\"employeeId\":\"I1\",\"revision\":1,"
                + "\"startedAt\":\"2026-07-01T09:00:00+08:00\",\"talkSeconds\":100}";
        String v2 = v1.replace("\"revision\":1", "\"revision\":2").replace("100", "300");
        as(null, "records-writer").contentType(NDJSON).body(v1).post("/api/v1/metrics/records/calls").then()
                .body("accepted", equalTo(1));
        as(null, "records-writer").contentType(NDJSON).body(v2).post("/api/v1/metrics/records/calls").then()
                .body("accepted", equalTo(1)).body("duplicate", equalTo(0));
        // a late copy of the old revision changes nothing
        as(null, "records-writer").contentType(NDJSON).body(v1).post("/api/v1/metrics/records/calls").then()
                .body("accepted", equalTo(0)).body("duplicate", equalTo(1));
        hr().queryParam("employeeId", "I1").queryParam("metric", "aht").queryParam("period", "2026-07-01")
                .get("/api/v1/metrics/aggregates").then().body("agents[0].values.aht.value", equalTo(300));
        hr().queryParam("sourceSystem", "acd").queryParam("externalId", "rev-1")
                .get("/api/v1/metrics/records/revisions").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].kind", equalTo("calls")).body("[0].revision", equalTo(1))
                .body("[0].replacedByRevision", equalTo(2)).body("[0].content.talk_seconds", equalTo(100));
        // in one upload, a record sent twice applies in order: the correction wins
        String v3 = v1.replace("\"revision\":1", "\"revision\":3").replace("100", "200");
        as(null, "records-writer").contentType(NDJSON).body(v2 + "\n" + v3 + "\n").post("/api/v1/metrics/records/calls")
                .then().body("accepted", equalTo(1)).body("duplicate", equalTo(1));
        hr().queryParam("employeeId", "I1").queryParam("metric", "aht").queryParam("period", "2026-07-01")
                .get("/api/v1/metrics/aggregates").then().body("agents[0].values.aht.value", equalTo(200));
    }

    @Test
    void aLargeStreamIsStoredInChunksAndResentAsDuplicates() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            body.append(call("bulk-" + i, i % 2 == 0 ? "I1" : "I2", "2026-08-0" + (1 + i % 9) + "T10:00:00+08:00", 60))
                    .append('\n');
        }
        as(null, "records-writer").contentType(NDJSON).body(body.toString()).post("/api/v1/metrics/records/calls")
                .then().statusCode(200).body("accepted", equalTo(3000));
        as(null, "records-writer").contentType(NDJSON).body(body.toString()).post("/api/v1/metrics/records/calls")
                .then().statusCode(200).body("accepted", equalTo(0)).body("duplicate", equalTo(3000));
        hr().queryParam("unit", "IC").queryParam("metric", "calls_handled").queryParam("period", "2026-08")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("unitTotal.calls_handled.value", equalTo(3000));
    }

    @Test
    void concurrentUploadsOfTheSameRecordsStoreAndCountEachOnce() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            body.append(call("race-" + i, "I2", "2026-09-1" + (i % 9) + "T10:00:00+08:00", 60)).append('\n');
        }
        String upload = body.toString();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> both = pool.invokeAll(List.of(
                    () -> as(null, "records-writer").contentType(NDJSON).body(upload).post("/api/v1/metrics/records/calls"),
                    () -> as(null, "records-writer").contentType(NDJSON).body(upload).post("/api/v1/metrics/records/calls")));
            int accepted = 0;
            int duplicate = 0;
            for (var f : both) {
                io.restassured.response.Response r = f.get();
                org.junit.jupiter.api.Assertions.assertEquals(200, r.statusCode(), r.asString());
                accepted += r.jsonPath().getInt("accepted");
                duplicate += r.jsonPath().getInt("duplicate");
            }
            org.junit.jupiter.api.Assertions.assertEquals(2500, accepted);
            org.junit.jupiter.api.Assertions.assertEquals(2500, duplicate);
        } finally {
            pool.shutdown();
        }
        // a later upload with half the same records and half new ones (chunks of 1000 in tests)
        StringBuilder mixed = new StringBuilder();
        for (int i = 1250; i < 3750; i++) {
            mixed.append(call("race-" + i, "I2", "2026-09-1" + (i % 9) + "T10:00:00+08:00", 60)).append('\n');
        }
        as(null, "records-writer").contentType(NDJSON).body(mixed.toString()).post("/api/v1/metrics/records/calls")
                .then().statusCode(200).body("accepted", equalTo(1250)).body("duplicate", equalTo(1250));
        hr().queryParam("employeeId", "I2").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-09-10").queryParam("to", "2026-09-18")
                .get("/api/v1/metrics/aggregates").then().body("agents[0].values.calls_handled.value", equalTo(3750));
    }

    @Test
    void onlyWritersMayUploadAndQaOnlyTheirOwnEvaluations() {
        String body = call("role-1", "I1", "2026-09-01T09:00:00+08:00", 1);
        RestAssured.given().contentType(NDJSON).body(body).post("/api/v1/metrics/records/calls").then().statusCode(401);
        as("S1", "supervisor").contentType(NDJSON).body(body).post("/api/v1/metrics/records/calls").then()
                .statusCode(403);
        as("Q1", "qa").contentType(NDJSON).body(body).post("/api/v1/metrics/records/calls").then().statusCode(403);
        as("I1", "agent").body(List.of()).post("/api/v1/metrics/records/values").then().statusCode(403);
        List<Map<String, Object>> evaluations = new ArrayList<>();
        evaluations.add(Map.of("sourceSystem", "qa", "externalId", "qa-own", "employeeId", "I1", "evaluatorId", "Q1",
                "evaluatedOn", "2026-09-01", "score", 90));
        evaluations.add(Map.of("sourceSystem", "qa", "externalId", "qa-other", "employeeId", "I1",
                "evaluatorId", "Q2", "evaluatedOn", "2026-09-01", "score", 90));
        as("Q1", "qa").body(evaluations).post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200)
                .body("accepted", equalTo(1)).body("errors[0].field", equalTo("evaluatorId"));
        // the audit trail is for hr and admin
        RestAssured.given().queryParam("sourceSystem", "acd").get("/api/v1/metrics/records/revisions").then()
                .statusCode(401);
        as("S1", "supervisor").queryParam("sourceSystem", "acd").get("/api/v1/metrics/records/revisions").then()
                .statusCode(403);
        as(null, "records-writer").queryParam("sourceSystem", "acd").get("/api/v1/metrics/records/revisions").then()
                .statusCode(403);
        as("A1", "admin").get("/api/v1/metrics/records/revisions").then().statusCode(400)
                .body("field", equalTo("sourceSystem"));
    }

    @Test
    void everyUploadEndpointWantsATokenAndAWriterRole() {
        for (String kind : List.of("calls", "tickets", "surveys", "qa-evaluations", "adherence", "incidents", "sales",
                "values")) {
            String path = "/api/v1/metrics/records/" + kind;
            RestAssured.given().contentType("application/json").body("[]").post(path).then().statusCode(401);
            as("I1", "agent").body("[]").post(path).then().statusCode(403);
            as("S1", "supervisor").body("[]").post(path).then().statusCode(403);
            as("M1", "manager").body("[]").post(path).then().statusCode(403);
            as(null, "records-writer").body("[]").post(path).then().statusCode(200).body("accepted", equalTo(0));
            hr().body("[]").post(path).then().statusCode(200);
        }
        RestAssured.given().get("/api/v1/metrics/catalog/record-fields").then().statusCode(401);
    }

    @Test
    void aBodyThatIsNotItsFormatIsAProblemAndStoresNothing() {
        as(null, "records-writer").body("{\"not\":\"an array\"}").post("/api/v1/metrics/records/calls").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
        as(null, "records-writer").body("[" + call("trunc-1", "I1", "2026-09-02T09:00:00+08:00", 1) + ",")
                .post("/api/v1/metrics/records/calls").then().statusCode(400);
        org.junit.jupiter.api.Assertions.assertEquals(0, calls("I1", "2026-09-02"));
    }
}
