package io.perfcenter.incentive;

import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.perfcenter.incentive.TestApi.BASE;
import static io.perfcenter.incentive.TestApi.HR;
import static io.perfcenter.incentive.TestApi.PROBLEMS;
import static io.perfcenter.incentive.TestApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * Errors of the framework and the JSON reader are problems with a stable type (the same vocabulary as the other
 * services), the field and the request id; request ids are taken only when safe; a token for another audience is
 * refused.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(DownstreamServices.class)
class ErrorContractTests {

    private static Map<String, Object> salary(String employeeId, Object monthly) {
        return Map.of("employeeId", employeeId, "monthlySalary", monthly, "currency", "CNY",
                "effectiveFrom", "2026-01-01");
    }

    @Test
    void aWrongTypeNamesTheRowAndFieldByItsJsonPath() {
        // monthlySalary is read as text and then checked row by row; an object is no salary at all
        var rows = List.of(salary("EC1", 5000), salary("EC2", 6000), salary("EC3", Map.of("amount", 7000)));
        problem(as(HR).header("X-Request-Id", "req-salaries").body(rows).put(BASE + "/salaries"), 400,
                "invalid-field")
                .body("field", equalTo("[2].monthlySalary"))
                .body("detail", startsWith("[2].monthlySalary: "))
                .body("requestId", equalTo("req-salaries"));
        // nothing was stored
        as(HR).get(BASE + "/salaries/EC1").then().statusCode(404);
    }

    @Test
    void aBodyOfTheWrongShapeIsAMalformedBody() {
        problem(as(HR).body("7").put(BASE + "/salaries"), 400, "malformed-body").body("field", equalTo("body"));
        problem(as(HR).body("[{").put(BASE + "/salaries"), 400, "malformed-body");
    }

    @Test
    void frameworkErrorsHaveStableTypes() {
        problem(given().get(BASE + "/plans"), 401, "unauthorized");
        problem(as(HR).get(BASE + "/no-such-thing"), 404, "not-found");
        problem(as(HR).delete(BASE + "/salaries"), 405, "method-not-allowed");
        problem(as(HR).contentType("text/plain").body("x").put(BASE + "/salaries"), 415, "unsupported-media-type");
    }

    @Test
    void titlesFollowTheCallersLanguage() {
        problem(given().header("Accept-Language", "zh-CN").get(BASE + "/plans"), 401, "unauthorized")
                .header("Content-Language", "zh-CN").body("title", equalTo("未授权"));
        problem(as(HR).header("Accept-Language", "zh").delete(BASE + "/salaries"), 405, "method-not-allowed")
                .body("title", equalTo("不支持的请求方法"));
        problem(as(HR).header("Accept-Language", "en").get(BASE + "/no-such-thing"), 404, "not-found")
                .header("Content-Language", "en").body("title", not(equalTo("未找到")));
    }

    @Test
    void onlySafeRequestIdsAreTaken() {
        as(HR).header("X-Request-Id", "safe-id.1").get(BASE + "/plans").then().statusCode(200)
                .header("X-Request-Id", "safe-id.1");
        as(HR).header("X-Request-Id", "<x>").get(BASE + "/plans").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        problem(given().auth().oauth2(TestTokens.forAudience("another-client", "H1", "hr")).get(BASE + "/plans"),
                401, "unauthorized");
    }

    private static ValidatableResponse problem(Response response, int status, String kind) {
        return response.then().log().ifValidationFails().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + kind))
                .body("requestId", matchesPattern("[A-Za-z0-9._-]{1,64}"))
                .body("detail", not(containsString("io.perfcenter")))
                .body("detail", not(containsString("$")))
                .body("detail", not(containsString("java.")));
    }
}
