package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.equalTo;

/**
 * Least privilege for machine clients (issue 9): each has one purpose and its role reaches only that. Record upload
 * ({@code records-writer}) pushes records and values; org sync ({@code org-sync}) writes units and agents; a service
 * reading as itself ({@code service}) reads aggregates and the org directory; only scoring-service
 * ({@code corrections-writer}) writes data corrections; payroll export has nothing to do here. Every denial is a 403
 * problem and changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class IntegrationScopesTests {

    private static final String VALUES = "/api/v1/metrics/values";
    private static final String UNITS_BULK = "/api/v1/metrics/org/units/bulk";
    private static final String AGENTS_BULK = "/api/v1/metrics/org/agents/bulk";
    private static final String AGGREGATES = "/api/v1/metrics/aggregates";

    private static List<Map<String, Object>> value(String externalId) {
        return List.of(Map.of("sourceSystem", "acd", "externalId", externalId, "employeeId", "IS1",
                "metricCode", "calls_handled", "date", "2026-10-05", "value", 40));
    }

    private static Map<String, Object> correction() {
        return Map.of("employeeId", "IS1", "metricCode", "calls_handled", "date", "2026-10-05", "value", 1,
                "reason", "appeal 9");
    }

    @Test
    void eachMachineClientReachesOnlyItsPurpose() {
        hr().body(List.of(Map.of("code", "ISC", "name", "Scopes center", "kind", "CENTER"))).post(UNITS_BULK).then()
                .statusCode(200);

        // org sync: writes the org directory, and nothing else
        as(null, "org-sync").body(List.of(Map.of("code", "ISG", "name", "Scopes group", "kind", "GROUP",
                "parentCode", "ISC"))).post(UNITS_BULK).then().statusCode(200).body("created", equalTo(1));
        as(null, "org-sync").body(List.of(Map.of("employeeId", "IS1", "name", "IS1", "position", "seat",
                "unitCode", "ISG", "memberFrom", "2026-01-01"))).post(AGENTS_BULK).then().statusCode(200);
        as(null, "org-sync").get("/api/v1/metrics/org/agents/IS1").then().statusCode(200)
                .body("unitCode", equalTo("ISG"));
        denied(as(null, "org-sync").body(value("is-org")).post(VALUES));
        denied(as(null, "org-sync").queryParam("unit", "ISG").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31").get(AGGREGATES));

        // record upload: pushes values, reads the catalog it names, and cannot touch or read the org or figures
        as(null, "records-writer").body(value("is-1")).post(VALUES).then().statusCode(200)
                .body("accepted", equalTo(1));
        as(null, "records-writer").get("/api/v1/metrics/catalog").then().statusCode(200);
        denied(as(null, "records-writer").body(List.of(Map.of("code", "ISX", "name", "Rogue", "kind", "GROUP",
                "parentCode", "ISC"))).post(UNITS_BULK));
        denied(as(null, "records-writer").body(Map.of("unitCode", "ISC", "from", "2026-11-01"))
                .post("/api/v1/metrics/org/agents/IS1/moves"));
        denied(as(null, "records-writer").get("/api/v1/metrics/org/agents/IS1"));
        denied(as(null, "records-writer").queryParam("employeeId", "IS1").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31").get(AGGREGATES));
        denied(as(null, "records-writer").body(correction()).put("/api/v1/metrics/corrections/is-1"));

        // payroll export: nothing in metrics-service
        denied(as(null, "payroll-export").body(value("is-pay")).post(VALUES));
        denied(as(null, "payroll-export").get("/api/v1/metrics/org/agents/IS1"));

        // a service reading as itself: figures and the org directory, no writes, no corrections
        as(null, "service").queryParam("unit", "ISG").queryParam("metric", "calls_handled")
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31").get(AGGREGATES).then()
                .statusCode(200).body("agents.find { it.employeeId == 'IS1' }.values.calls_handled.value",
                        equalTo(40));
        as(null, "service").get("/api/v1/metrics/org/units/ISG/members").then().statusCode(200);
        denied(as(null, "service").body(value("is-svc")).post(VALUES));
        denied(as(null, "service").body(List.of()).post(AGENTS_BULK));
        denied(as(null, "service").body(correction()).put("/api/v1/metrics/corrections/is-2"));

        // nothing a denied client sent arrived: one group under the center, IS1 still in it, only the upload's 40
        hr().queryParam("parentCode", "ISC").get("/api/v1/metrics/org/units").then().statusCode(200)
                .body("code", equalTo(List.of("ISG")));
        hr().get("/api/v1/metrics/org/agents/IS1").then().statusCode(200).body("unitCode", equalTo("ISG"));
        hr().queryParam("employeeId", "IS1").queryParam("metric", "calls_handled").queryParam("from", "2026-10-01")
                .queryParam("to", "2026-10-31").get(AGGREGATES).then().statusCode(200)
                .body("agents[0].values.calls_handled.value", equalTo(40));
        hr().get("/api/v1/metrics/corrections/is-2").then().statusCode(404);

        // scoring-service's identity carries corrections-writer: the one machine role that corrects data
        as(null, "corrections-writer").body(correction()).put("/api/v1/metrics/corrections/is-3").then()
                .statusCode(200);
    }

    private static void denied(io.restassured.response.Response response) {
        response.then().statusCode(403).contentType("application/problem+json");
    }
}
