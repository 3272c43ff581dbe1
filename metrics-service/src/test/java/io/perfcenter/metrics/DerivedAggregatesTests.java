package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Metrics derived from raw records: ratios of sums for agents and units, NPS, effective-dated membership, the rule
 * that combines pushed values with derived ones, trends, anomaly flags, custom metrics and the scope of it all.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class DerivedAggregatesTests {

    private static boolean seeded;

    static RequestSpecification recordsWriter() {
        return as(null, "records-writer");
    }

    static Map<String, Object> call(String id, String agent, String startedAt, int talk, int hold, int wrap,
                                    boolean resolved) {
        return Map.of("sourceSystem", "acd", "externalId", id, "employeeId", agent, "startedAt", startedAt,
                "talkSeconds", talk, "holdSeconds", hold, "wrapSeconds", wrap, "resolvedFirstContact", resolved);
    }

    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(List.of(
                        Map.of("code", "DGA", "name", "Group A", "kind", "GROUP", "parentCode", "DT", "leaderEmployeeId", "DS1"),
                        Map.of("code", "DGB", "name", "Group B", "kind", "GROUP", "parentCode", "DT", "leaderEmployeeId", "DS2"),
                        Map.of("code", "DT", "name", "Team", "kind", "TEAM", "parentCode", "DC", "leaderEmployeeId", "DM"),
                        Map.of("code", "DC", "name", "Center", "kind", "CENTER")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(4));
        hr().body(List.of(
                        Map.of("employeeId", "D1", "name", "D1", "position", "seat", "unitCode", "DGA", "memberFrom", "2026-01-01"),
                        Map.of("employeeId", "D2", "name", "D2", "position", "seat", "unitCode", "DGA", "memberFrom", "2026-01-01"),
                        Map.of("employeeId", "D3", "name", "D3", "position", "seat", "unitCode", "DGB", "memberFrom", "2026-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(3));
        // D2 moves to group B on 16 October
        hr().body(List.of(Map.of("employeeId", "D2", "name", "D2", "position", "seat", "unitCode", "DGB",
                        "memberFrom", "2026-10-16")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("updated", equalTo(1));

        recordsWriter().body(List.of(
                        // D1: 4 calls, 700 handle seconds, 3 resolved on first contact
                        call("d1-1", "D1", "2026-10-05T09:00:00+08:00", 100, 0, 20, true),
                        call("d1-2", "D1", "2026-10-05T10:00:00+08:00", 200, 10, 10, true),
                        call("d1-3", "D1", "2026-10-05T11:00:00+08:00", 300, 0, 0, true),
                        call("d1-4", "D1", "2026-10-05T12:00:00+08:00", 50, 0, 10, false),
                        // D2: one long call in group A, one in group B
                        call("d2-1", "D2", "2026-10-10T09:00:00+08:00", 1000, 0, 0, true),
                        call("d2-2", "D2", "2026-10-20T09:00:00+08:00", 400, 0, 0, true),
                        // D3: two calls of 300
                        call("d3-1", "D3", "2026-10-21T09:00:00+08:00", 300, 0, 0, false),
                        call("d3-2", "D3", "2026-10-22T09:00:00+08:00", 300, 0, 0, false)))
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(8));
        // D1's handle time in July, August and September: 240 seconds a call
        for (String month : List.of("07", "08", "09")) {
            recordsWriter().body(List.of(call("d1-base-" + month, "D1", "2026-" + month + "-10T09:00:00+08:00", 200, 0,
                    40, true))).post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(1));
        }
        recordsWriter().body(List.of(
                        survey("s1", 10, 5), survey("s2", 9, 4), survey("s3", 9, 3), survey("s4", 7, null),
                        survey("s5", 2, null)))
                .post("/api/v1/metrics/records/surveys").then().statusCode(200).body("accepted", equalTo(5));
    }

    private static Map<String, Object> survey(String id, int nps, Integer csat) {
        Map<String, Object> row = new HashMap<>(Map.of("sourceSystem", "svy", "externalId", id, "employeeId", "D1",
                "answeredAt", "2026-10-06T15:00:00+08:00", "nps", nps));
        if (csat != null) {
            row.put("csat", csat);
        }
        return row;
    }

    private static RequestSpecification october(RequestSpecification spec) {
        return spec.queryParam("from", "2026-10-01").queryParam("to", "2026-10-31");
    }

    @Test
    void ahtIsARatioOfSumsForAgentsAndUnits() {
        october(hr()).queryParam("unit", "DGA").queryParam("metric", "aht").queryParam("metric", "calls_handled")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents.employeeId", containsInAnyOrder("D1", "D2"))
                .body("agents.find { it.employeeId == 'D1' }.values.aht.value", equalTo(175))
                .body("agents.find { it.employeeId == 'D1' }.values.aht.samples", equalTo(4))
                // D2 counts in group A only with the call before the move
                .body("agents.find { it.employeeId == 'D2' }.values.aht.value", equalTo(1000))
                // the group's AHT is 1,700 s over 5 calls, not the mean of 175 and 1,000
                .body("unitTotal.aht.value", equalTo(340))
                .body("unitTotal.calls_handled.value", equalTo(5));
        october(hr()).queryParam("unit", "DGB").queryParam("metric", "aht")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents.find { it.employeeId == 'D2' }.values.aht.value", equalTo(400))
                .body("unitTotal.aht.value", equalTo(333.3333f));
        october(hr()).queryParam("unit", "DT").queryParam("metric", "aht").queryParam("metric", "fcr")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("unitTotal.aht.value", equalTo(337.5f))
                .body("unitTotal.fcr.value", equalTo(62.5f))
                .body("agents.find { it.employeeId == 'D1' }.unitCode", equalTo("DGA"))
                .body("agents.find { it.employeeId == 'D2' }.unitCode", equalTo("DGB"))
                .body("agents.find { it.employeeId == 'D2' }.values.aht.value", equalTo(700));
    }

    @Test
    void npsAndCsatComeFromSurveys() {
        october(hr()).queryParam("employeeId", "D1").queryParam("metric", "nps").queryParam("metric", "csat")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                // 3 promoters, 1 detractor of 5 answers
                .body("agents[0].values.nps.value", equalTo(40))
                .body("agents[0].values.csat.value", equalTo(4))
                // only the 3 surveys with a csat answer (5, 4, 3) are csat's samples; all 5 answered nps
                .body("agents[0].values.csat.samples", equalTo(3))
                .body("agents[0].values.nps.samples", equalTo(5));
    }

    @Test
    void countsWithNothingToCountAreZeroAndRatiosWithoutDataAbsent() {
        october(hr()).queryParam("employeeId", "D3").queryParam("metric", "error_count").queryParam("metric", "csat")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.error_count.value", equalTo(0))
                .body("agents[0].values.error_count.samples", equalTo(0))
                .body("agents[0].values.csat", nullValue());
    }

    @Test
    void pushedValuesFillDaysWithoutRawRecords() {
        recordsWriter().body(List.of(
                        // D3 has calls on the 21st: this pushed figure describes the same calls and is ignored
                        Map.of("sourceSystem", "legacy", "externalId", "p-1", "employeeId", "D3",
                                "metricCode", "calls_handled", "date", "2026-10-21", "value", 99),
                        // no calls on the 23rd: the pushed figure counts
                        Map.of("sourceSystem", "legacy", "externalId", "p-2", "employeeId", "D3",
                                "metricCode", "calls_handled", "date", "2026-10-23", "value", 10),
                        // a daily AHT covering 10 calls weighs as 10 calls
                        Map.of("sourceSystem", "legacy", "externalId", "p-3", "employeeId", "D3",
                                "metricCode", "aht", "date", "2026-10-23", "value", 420, "weight", 10)))
                .post("/api/v1/metrics/values").then().statusCode(200).body("accepted", equalTo(3));
        october(hr()).queryParam("employeeId", "D3").queryParam("metric", "calls_handled").queryParam("metric", "aht")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.calls_handled.value", equalTo(12))
                // (600 + 420 x 10) / (2 + 10)
                .body("agents[0].values.aht.value", equalTo(400));
    }

    @Test
    void trendsGiveOnePointPerBucket() {
        hr().queryParam("employeeId", "D1").queryParam("metric", "aht").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-07").queryParam("granularity", "DAY")
                .get("/api/v1/metrics/trends").then().statusCode(200)
                .body("series", hasSize(7))
                .body("series[4].start", equalTo("2026-10-05"))
                .body("series[4].values.aht.value", equalTo(175))
                .body("series[3].values.aht", nullValue());
        hr().queryParam("unit", "DGA").queryParam("metric", "calls_handled").queryParam("period", "2026-Q3")
                .queryParam("granularity", "MONTH")
                .get("/api/v1/metrics/trends").then().statusCode(200)
                .body("series.start", equalTo(List.of("2026-07-01", "2026-08-01", "2026-09-01")))
                .body("series.values.calls_handled.value", equalTo(List.of(1, 1, 1)));
    }

    @Test
    void aSharpDropAgainstTheAgentsOwnBaselineIsFlagged() {
        hr().queryParam("unit", "DGA").queryParam("metric", "aht").queryParam("period", "2026-10")
                .queryParam("anomalies", true)
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents.find { it.employeeId == 'D1' }.anomalies", hasSize(1))
                .body("agents.find { it.employeeId == 'D1' }.anomalies[0].metric", equalTo("aht"))
                .body("agents.find { it.employeeId == 'D1' }.anomalies[0].baseline", equalTo(240))
                .body("agents.find { it.employeeId == 'D1' }.anomalies[0].periods", equalTo(3))
                .body("agents.find { it.employeeId == 'D1' }.anomalies[0].reason", containsString("fell 27.1% below"))
                .body("agents.find { it.employeeId == 'D2' }.anomalies", hasSize(0));
        hr().queryParam("employeeId", "D1").queryParam("metric", "aht").queryParam("period", "2026-10")
                .queryParam("anomalies", true).queryParam("anomalyThreshold", 0.5)
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].anomalies", hasSize(0));
        // without asking, no anomaly list at all (the bulk form stays as fast as before)
        hr().queryParam("employeeId", "D1").queryParam("metric", "aht").queryParam("period", "2026-10")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].anomalies", nullValue());
    }

    @Test
    void aRetiredMetricLeavesTheCatalogListButItsHistoryStillReads() {
        Map<String, Object> shortCalls = Map.of("code", "short_calls", "nameZh", "短通话", "nameEn", "Short calls",
                "unit", "calls", "direction", "HIGHER_BETTER", "aggregation", "SUM", "category", "internal-operations",
                "source", "acd", "derivation", Map.of("numerator", Map.of("record", "calls", "function", "COUNT",
                        "where", List.of(Map.of("field", "talkSeconds", "op", "LT", "value", "250")))));
        hr().body(shortCalls).post("/api/v1/metrics/catalog").then().statusCode(201).header("ETag", "\"1\"");
        // only hr and admin, who define metrics, retire them
        for (String role : List.of("agent", "supervisor", "manager", "qa", "records-writer")) {
            as("X1", role).post("/api/v1/metrics/catalog/short_calls/retire").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        hr().get("/api/v1/metrics/catalog/short_calls").then().statusCode(200).header("ETag", "\"1\"")
                .body("retiredAt", nullValue());
        hr().header("If-Match", "\"7\"").post("/api/v1/metrics/catalog/short_calls/retire").then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://perfcenter.io/problems/precondition-failed")).header("ETag", "\"1\"");
        hr().post("/api/v1/metrics/catalog/no_such_metric/retire").then().statusCode(404);

        hr().header("If-Match", "\"1\"").post("/api/v1/metrics/catalog/short_calls/retire").then().statusCode(200)
                .header("ETag", "\"2-retired\"").body("retiredBy", equalTo("H1"));
        as("AD1", "admin").post("/api/v1/metrics/catalog/short_calls/retire").then().statusCode(200)
                .header("ETag", "\"2-retired\"").body("retiredBy", equalTo("H1"));
        hr().get("/api/v1/metrics/catalog").then().statusCode(200).body("code", not(hasItem("short_calls")))
                .body("code", hasItem("aht"));
        hr().queryParam("includeRetired", "TRUE").get("/api/v1/metrics/catalog").then().statusCode(200)
                .body("code", hasItem("short_calls"));
        hr().get("/api/v1/metrics/catalog/short_calls").then().statusCode(200).body("retiredAt", notNullValue());
        hr().body(shortCalls).post("/api/v1/metrics/catalog").then().statusCode(409)
                .body("detail", containsString("retired"));
        // its history: aggregates over its records still read
        october(hr()).queryParam("employeeId", "D1").queryParam("metric", "short_calls")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.short_calls.value", notNullValue());
    }

    @Test
    void hrDefinesDerivedMetricsFromTheFixedVocabulary() {
        Map<String, Object> longCalls = Map.of("code", "long_calls", "nameZh", "长通话", "nameEn", "Long calls",
                "unit", "calls", "direction", "LOWER_BETTER", "aggregation", "SUM", "category", "internal-operations",
                "source", "acd", "derivation", Map.of("numerator", Map.of("record", "calls", "function", "COUNT",
                        "where", List.of(Map.of("field", "talkSeconds", "op", "GT", "value", "250")))));
        hr().body(longCalls).post("/api/v1/metrics/catalog").then().statusCode(201)
                .body("derivation.numerator.record", equalTo("calls"));
        october(hr()).queryParam("employeeId", "D1").queryParam("metric", "long_calls")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.long_calls.value", equalTo(1));
        Map<String, Object> bad = new HashMap<>(longCalls);
        bad.put("code", "bad_metric");
        bad.put("derivation", Map.of("numerator", Map.of("record", "calls", "function", "SUM",
                "fields", List.of("talkSeconds", "1; DROP TABLE agent"))));
        hr().body(bad).post("/api/v1/metrics/catalog").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("derivation.numerator.fields[1]"));
        bad.put("aggregation", "RATIO");
        bad.put("derivation", Map.of("numerator", Map.of("record", "calls", "function", "COUNT")));
        hr().body(bad).post("/api/v1/metrics/catalog").then().statusCode(400)
                .body("field", equalTo("derivation.denominator"));
        bad.put("derivation", Map.of("numerator", Map.of("record", "calls", "function", "COUNT"),
                "denominator", Map.of("record", "calls", "function", "COUNT",
                        "where", List.of(Map.of("field", "channel", "op", "EQ", "value", "PIGEON")))));
        hr().body(bad).post("/api/v1/metrics/catalog").then().statusCode(400)
                .body("field", equalTo("derivation.denominator.where[0].value"));
        hr().get("/api/v1/metrics/catalog/record-fields").then().statusCode(200)
                .body("record", hasItem("calls"))
                .body("find { it.record == 'calls' }.fields.name", hasItem("talkSeconds"));
        hr().get("/api/v1/metrics/catalog/aht").then().statusCode(200).body("aggregation", equalTo("RATIO"))
                .body("derivation.denominator.function", equalTo("COUNT"));
    }

    @Test
    void everyNewReadHonoursRoleAndScope() {
        RestAssured.given().queryParam("employeeId", "D1").queryParam("metric", "aht").queryParam("period", "2026-10")
                .get("/api/v1/metrics/trends").then().statusCode(401);
        as("Q1", "qa").queryParam("employeeId", "D1").queryParam("metric", "aht").queryParam("period", "2026-10")
                .get("/api/v1/metrics/trends").then().statusCode(403);
        as("D1", "agent").queryParam("employeeId", "D1").queryParam("metric", "aht").queryParam("period", "2026-10")
                .get("/api/v1/metrics/trends").then().statusCode(200);
        as("D1", "agent").queryParam("employeeId", "D3").queryParam("metric", "aht").queryParam("period", "2026-10")
                .get("/api/v1/metrics/trends").then().statusCode(404).contentType("application/problem+json");
        as("DS1", "supervisor").queryParam("unit", "DGB").queryParam("metric", "aht").queryParam("period", "2026-10")
                .get("/api/v1/metrics/trends").then().statusCode(404);
        as("DS1", "supervisor").queryParam("unit", "DGA").queryParam("metric", "aht").queryParam("period", "2026-10")
                .queryParam("granularity", "WEEK").get("/api/v1/metrics/trends").then().statusCode(200);
        as("DM", "manager").queryParam("unit", "DT").queryParam("metric", "aht").queryParam("period", "2026-10")
                .queryParam("anomalies", true).get("/api/v1/metrics/aggregates").then().statusCode(200);
        as("DS1", "supervisor").queryParam("unit", "DT").queryParam("metric", "aht").queryParam("period", "2026-10")
                .get("/api/v1/metrics/aggregates").then().statusCode(404);
        hr().queryParam("unit", "NOPE").queryParam("metric", "aht").queryParam("period", "2026-10")
                .get("/api/v1/metrics/trends").then().statusCode(404);
        hr().queryParam("unit", "DT").queryParam("metric", "aht").queryParam("period", "2026-13")
                .get("/api/v1/metrics/trends").then().statusCode(400).body("field", equalTo("period"));
        // catalog writes are hr/admin only
        as(null, "records-writer").body(Map.of()).post("/api/v1/metrics/catalog").then().statusCode(403);
    }
}
