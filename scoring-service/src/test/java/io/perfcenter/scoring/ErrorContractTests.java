package io.perfcenter.scoring;

import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.seatTemplate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * Every error the framework or the JSON reader answers is a problem with a stable type, the offending field and the
 * request id, and never names a Java type; request ids are taken only when safe; a token for another audience is
 * refused.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ErrorContractTests {

    private static final String PROBLEMS = "https://perfcenter.io/problems/";

    @Test
    void aWrongTypeNamesTheFieldByItsJsonPath() {
        Map<String, Object> template = seatTemplate("BAD-TYPE");
        items(template).get(2).put("weight", "thirty");
        problem(hr().header("X-Request-Id", "req-bad-type").body(template).post(TEMPLATES), 400, "invalid-field")
                .body("field", equalTo("items[2].weight"))
                .body("detail", equalTo("items[2].weight: must be a number, not \"thirty\""))
                .body("requestId", equalTo("req-bad-type"));
        hr().get(TEMPLATES + "/BAD-TYPE").then().statusCode(404);
    }

    @Test
    void titlesFollowTheCallersLanguageDetailsStayInApiTerms() {
        Map<String, Object> template = seatTemplate("BAD-TYPE-ZH");
        items(template).get(2).put("weight", "thirty");
        problem(hr().header("Accept-Language", "zh-CN").body(template).post(TEMPLATES), 400, "invalid-field")
                .header("Content-Language", "zh-CN").body("title", equalTo("字段无效"))
                .body("detail", equalTo("items[2].weight: must be a number, not \"thirty\""));
        problem(hr().header("Accept-Language", "zh-TW;q=0.9,en;q=0.95").get(TEMPLATES + "/NO-SUCH"), 404,
                "not-found").header("Content-Language", "en").body("title", equalTo("Not found"));
        problem(hr().header("Accept-Language", "zh-Hans-CN").get(TEMPLATES + "/NO-SUCH"), 404, "not-found")
                .body("title", equalTo("未找到"));
    }

    @Test
    void anUnknownEnumValueListsTheValuesNotTheJavaType() {
        Map<String, Object> template = seatTemplate("BAD-MODE");
        items(template).get(0).put("rule", Map.of("type", "tiered-rate", "mode", "SIDEWAYS",
                "tiers", List.of(Map.of("rate", 0.7))));
        problem(hr().body(template).post(TEMPLATES), 400, "invalid-field")
                .body("field", equalTo("items[0].rule.mode"))
                .body("detail", equalTo("items[0].rule.mode: must be one of WHOLE, PROGRESSIVE"));
    }

    @Test
    void aBodyOfTheWrongShapeIsAMalformedBody() {
        problem(hr().body("42").post(TEMPLATES), 400, "malformed-body").body("field", equalTo("body"));
        problem(hr().body("[]").post(TEMPLATES), 400, "malformed-body").body("field", equalTo("body"));
        problem(hr().body("{\"code\": \"X\",").post(TEMPLATES), 400, "malformed-body")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void aBodyNestedTooDeepIsRefused() {
        String deep = "[".repeat(200) + "]".repeat(200);
        problem(hr().body("{\"unknown\": " + deep + "}").post(TEMPLATES), 400, "malformed-body")
                .body("detail", containsString("nested deeper than 64 levels"));
    }

    @Test
    void aFlagIsTrueOrFalseAndNothingElse() {
        problem(hr().queryParam("scorecards", "maybe")
                .body(Map.of("templateCode", "NONE", "unitCode", "G1", "period", "2026-06"))
                .post("/api/v1/scoring/runs"), 400, "invalid-field")
                .body("field", equalTo("scorecards"))
                .body("detail", equalTo("scorecards: must be true or false"));
    }

    @Test
    void frameworkErrorsHaveStableTypes() {
        problem(given().get(TEMPLATES), 401, "unauthorized");
        problem(as("A1", "agent").body(seatTemplate("AGENT-T")).post(TEMPLATES), 403, "forbidden");
        problem(hr().get("/api/v1/scoring/no-such-thing"), 404, "not-found");
        problem(hr().delete(TEMPLATES), 405, "method-not-allowed");
        problem(hr().contentType("text/plain").body("x").post(TEMPLATES), 415, "unsupported-media-type");
        problem(hr().accept("application/xml").get(TEMPLATES), 406, "not-acceptable");
    }

    @Test
    void onlySafeRequestIdsAreTaken() {
        hr().header("X-Request-Id", "abc.DEF_1-2").get(TEMPLATES).then().statusCode(200)
                .header("X-Request-Id", "abc.DEF_1-2");
        for (String unsafe : new String[]{"<script>alert(1)</script>", "a".repeat(65), "id with spaces",
                "x;y=z"}) {
            hr().header("X-Request-Id", unsafe).get(TEMPLATES).then().statusCode(200)
                    .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        }
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        given().auth().oauth2(TestTokens.forAudience("another-client", "H1", "hr")).get(TEMPLATES).then()
                .statusCode(401);
        hr().get(TEMPLATES).then().statusCode(200);
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status, String kind) {
        return response.then().log().ifValidationFails().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + kind))
                .body("requestId", matchesPattern("[A-Za-z0-9._-]{1,64}"))
                .body("detail", not(containsString("io.perfcenter")))
                .body("detail", not(containsString("$")))
                .body("detail", not(containsString("java.")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> template) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : (List<Object>) template.get("items")) {
            items.add(new HashMap<>((Map<String, Object>) item));
        }
        template.put("items", items);
        return items;
    }
}
