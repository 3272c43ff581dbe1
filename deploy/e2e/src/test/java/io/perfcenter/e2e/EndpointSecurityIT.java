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

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every operation each service documents refuses a caller without a token (401) and a caller whose valid token
 * carries no PerfCenter role (403), at the service itself, not only at the gateway.
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
