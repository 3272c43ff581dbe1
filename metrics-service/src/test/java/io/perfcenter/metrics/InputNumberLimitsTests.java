package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Numbers are checked where they come in: a catalog number is below 10^15 in magnitude with at most 6 decimals
 * (400 naming the field, nothing stored); an uploaded number out of bounds, or a negative count, is a row error.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class InputNumberLimitsTests {

    private static boolean seeded;

    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(List.of(Map.of("code", "NLG", "name", "Limits group", "kind", "CENTER")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(1));
        hr().body(List.of(Map.of("employeeId", "NL1", "name", "NL1", "position", "seat", "unitCode", "NLG",
                        "memberFrom", "2026-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(1));
    }

    private static Map<String, Object> definition(String code, Map<String, Object> derivation) {
        return Map.of("code", code, "nameZh", code, "nameEn", code, "unit", "calls", "direction", "HIGHER_BETTER",
                "aggregation", "RATIO", "category", "internal-operations", "source", "acd", "derivation", derivation);
    }

    private static Map<String, Object> longCalls(String value, Object scale) {
        Map<String, Object> d = new HashMap<>();
        d.put("numerator", Map.of("record", "calls", "function", "COUNT",
                "where", List.of(Map.of("field", "talkSeconds", "op", "GT", "value", value))));
        d.put("denominator", Map.of("record", "calls", "function", "COUNT"));
        if (scale != null) {
            d.put("scale", scale);
        }
        return d;
    }

    @Test
    void aCatalogNumberOutOfBoundsIsRefusedNamingItsField() {
        hr().body(definition("huge_threshold", longCalls("1E+2147483647", null))).post("/api/v1/metrics/catalog")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://perfcenter.io/problems/invalid-field"))
                .body("field", equalTo("derivation.numerator.where[0].value"));
        hr().get("/api/v1/metrics/catalog/huge_threshold").then().statusCode(404);
        hr().body(definition("fine_threshold", longCalls("1e-7", null))).post("/api/v1/metrics/catalog")
                .then().statusCode(400).body("field", equalTo("derivation.numerator.where[0].value"))
                .body("reason", containsString("6 decimal places"));
        hr().body(definition("huge_scale", longCalls("300", new java.math.BigDecimal("1E+20"))))
                .post("/api/v1/metrics/catalog").then().statusCode(400).body("field", equalTo("derivation.scale"));
        hr().get("/api/v1/metrics/catalog/huge_scale").then().statusCode(404);
        // within bounds: stored, and its aggregate answers
        hr().body(definition("long_call_share", longCalls("300.5", 100))).post("/api/v1/metrics/catalog")
                .then().statusCode(201);
        hr().queryParam("employeeId", "NL1").queryParam("metric", "long_call_share").queryParam("period", "2026-10")
                .get("/api/v1/metrics/aggregates").then().statusCode(200);
    }

    @Test
    void uploadedNumbersOutOfBoundsAreRowErrors() {
        Map<String, Object> good = Map.of("sourceSystem", "nl", "externalId", "sale-ok", "employeeId", "NL1",
                "soldAt", "2026-10-05T10:00:00+08:00", "amount", "12.5");
        as(null, "records-writer").body(List.of(good,
                        Map.of("sourceSystem", "nl", "externalId", "sale-tiny", "employeeId", "NL1",
                                "soldAt", "2026-10-05T10:00:00+08:00", "amount", "1e-7"),
                        Map.of("sourceSystem", "nl", "externalId", "sale-ulp", "employeeId", "NL1",
                                "soldAt", "2026-10-05T10:00:00+08:00", "amount", "1E-999999999")))
                .post("/api/v1/metrics/records/sales").then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(2))
                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("amount"))
                .body("errors[1].row", equalTo(3)).body("errors[1].field", equalTo("amount"));
        as(null, "records-writer").contentType("application/json")
                .body("[{\"sourceSystem\":\"nl\",\"externalId\":\"call-huge\",\"employeeId\":\"NL1\","
                        + "\"startedAt\":\"2026-10-05T10:00:00+08:00\",\"talkSeconds\":1e309}]")
                .post("/api/v1/metrics/records/calls").then().statusCode(200)
                .body("rejected", equalTo(1)).body("errors[0].field", equalTo("talkSeconds"));
    }

    @Test
    void aPushedCountMustNotBeNegative() {
        String values = "[{\"sourceSystem\":\"nl\",\"externalId\":\"v-neg-calls\",\"employeeId\":\"NL1\","
                + "\"metricCode\":\"calls_handled\",\"date\":\"2026-10-06\",\"value\":-3},"
                + "{\"sourceSystem\":\"nl\",\"externalId\":\"v-neg-kb\",\"employeeId\":\"NL1\","
                + "\"metricCode\":\"knowledge_contributions\",\"date\":\"2026-10-06\",\"value\":-1},"
                + "{\"sourceSystem\":\"nl\",\"externalId\":\"v-huge\",\"employeeId\":\"NL1\","
                + "\"metricCode\":\"aht\",\"date\":\"2026-10-06\",\"value\":1e309},"
                + "{\"sourceSystem\":\"nl\",\"externalId\":\"v-ok\",\"employeeId\":\"NL1\","
                + "\"metricCode\":\"calls_handled\",\"date\":\"2026-10-06\",\"value\":0}]";
        as(null, "records-writer").contentType("application/json").body(values).post("/api/v1/metrics/values").then()
                .statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(3))
                .body("errors[0].field", equalTo("value")).body("errors[0].reason", containsString("negative"))
                .body("errors[1].field", equalTo("value")).body("errors[2].field", equalTo("value"));
        // the streamed endpoint applies the same checks
        as(null, "records-writer").contentType("application/json").body(values.replace("v-", "w-"))
                .post("/api/v1/metrics/records/values").then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(3));
    }
}
