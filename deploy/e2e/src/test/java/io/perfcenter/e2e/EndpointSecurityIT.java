package io.perfcenter.e2e;

import io.perfcenter.support.ServiceProcess;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every operation each service documents refuses a caller without a token (401) and a caller whose valid token
 * carries no PerfCenter role (403), at the service itself, not only at the gateway; machine clients read only what
 * their purpose needs.
 */
class EndpointSecurityIT {

    @TestFactory
    List<DynamicTest> everyDocumentedOperationChecksTheCaller() {
        RunningSuite running = RunningSuite.get();
        String roleless = running.identity.token("stranger", "E0000", List.of("visitor"), Duration.ofMinutes(10));
        List<DynamicTest> tests = new ArrayList<>();
        for (ServiceProcess service : running.suite.services().values()) {
            if (service.name().equals("gateway")) {
                continue;
            }
            JsonPath doc = RestAssured.given().baseUri(service.baseUrl()).port(service.port())
                    .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
            Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
            paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
                if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    return;
                }
                String url = service.baseUrl() + path.replaceAll("\\{[^}]+}", "1");
                String name = service.name() + " " + method.toUpperCase() + " " + path;
                tests.add(DynamicTest.dynamicTest(name + " → 401 without token, 403 without role", () -> {
                    assertEquals(401, call(method, url, operation, null).statusCode(), name + " without token");
                    assertEquals(403, call(method, url, operation, roleless).statusCode(), name + " without role");
                }));
            }));
        }
        return tests;
    }

    /**
     * What each machine client may read, by service and path (issue 9: one purpose each); every other documented GET
     * must refuse it with 403. Writes are tried in {@link WriteAuthorizationMatrixIT}.
     */
    static final Map<String, Set<String>> MACHINE_READS = Map.of(
            // record upload: the catalog it names metrics and record fields from, the QA forms evaluations name
            "records-writer", Set.of("metrics-service /api/v1/metrics/catalog",
                    "metrics-service /api/v1/metrics/catalog/{code}",
                    "metrics-service /api/v1/metrics/catalog/record-fields",
                    "metrics-service /api/v1/metrics/qa/forms",
                    "metrics-service /api/v1/metrics/qa/forms/{code}",
                    "metrics-service /api/v1/metrics/qa/forms/{code}/versions/{version}"),
            // org sync: the org directory it writes
            "org-sync", Set.of("metrics-service /api/v1/metrics/org/units",
                    "metrics-service /api/v1/metrics/org/units/{code}",
                    "metrics-service /api/v1/metrics/org/units/{code}/members",
                    "metrics-service /api/v1/metrics/org/units/{code}/assignments",
                    "metrics-service /api/v1/metrics/org/agents",
                    "metrics-service /api/v1/metrics/org/agents/{employeeId}"),
            // payroll export: approved runs and their files
            "payroll-export", Set.of("incentive-service /api/v1/incentives/runs",
                    "incentive-service /api/v1/incentives/runs/{id}",
                    "incentive-service /api/v1/incentives/runs/{id}/export"),
            // a service reading as itself: figures, the org directory, scorecards
            "service", Set.of("metrics-service /api/v1/metrics/catalog",
                    "metrics-service /api/v1/metrics/catalog/{code}",
                    "metrics-service /api/v1/metrics/catalog/record-fields",
                    "metrics-service /api/v1/metrics/aggregates",
                    "metrics-service /api/v1/metrics/org/units",
                    "metrics-service /api/v1/metrics/org/units/{code}",
                    "metrics-service /api/v1/metrics/org/units/{code}/members",
                    "metrics-service /api/v1/metrics/org/units/{code}/assignments",
                    "metrics-service /api/v1/metrics/org/agents",
                    "metrics-service /api/v1/metrics/org/agents/{employeeId}",
                    "scoring-service /api/v1/scoring/scorecards",
                    "scoring-service /api/v1/scoring/scorecards/{id}"),
            // scoring-service's data corrections
            "corrections-writer", Set.of("metrics-service /api/v1/metrics/corrections/{key}"),
            // scoring- and incentive-service relaying their outboxes: a write only, no read
            "events-relay", Set.of());

    @TestFactory
    List<DynamicTest> machineClientsReadOnlyWhatTheirPurposeNeeds() {
        RunningSuite running = RunningSuite.get();
        List<DynamicTest> tests = new ArrayList<>();
        for (ServiceProcess service : running.suite.services().values()) {
            if (service.name().equals("gateway")) {
                continue;
            }
            JsonPath doc = RestAssured.given().baseUri(service.baseUrl()).port(service.port())
                    .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
            Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
            paths.forEach((path, operations) -> {
                Map<String, Object> operation = operations.get("get");
                if (operation == null) {
                    return;
                }
                String url = service.baseUrl() + path.replaceAll("\\{[^}]+}", "1");
                String name = service.name() + " " + path;
                tests.add(DynamicTest.dynamicTest("GET " + name + " by each machine client", () -> {
                    List<String> wrong = new ArrayList<>();
                    MACHINE_READS.forEach((role, allowed) -> {
                        String token = running.identity.token("machine-" + role, null, List.of(role),
                                Duration.ofMinutes(10));
                        int status = call("get", url, operation, token).statusCode();
                        boolean reached = status != 401 && status != 403;
                        if (reached != allowed.contains(name)) {
                            wrong.add(role + " got " + status);
                        }
                    });
                    assertEquals(List.of(), wrong, "GET " + name);
                }));
            });
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    private static Response call(String method, String url, Map<String, Object> operation, String token) {
        RequestSpecification request = RestAssured.given().baseUri(url).port(-1);
        if (token != null) {
            request.auth().oauth2(token);
        }
        Object body = operation.get("requestBody");
        if (body instanceof Map<?, ?> requestBody && requestBody.get("content") instanceof Map<?, ?> content
                && !content.isEmpty()) {
            String type = (String) content.keySet().iterator().next();
            request.contentType(type).body(type.contains("json") ? "{}" : "");
        }
        return request.request(method.toUpperCase(), "");
    }
}
