package io.perfcenter.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Paging through the gateway: the next link a service hands out is relative, so a partner who follows it at the
 * gateway gets the next page, and the last page has none.
 */
class PagingIT {

    private static RunningSuite running;
    private static final Pattern NEXT = Pattern.compile("^<(/api/v1/[^>]+)>; rel=\"next\"$");

    @BeforeAll
    static void startSuite() {
        running = RunningSuite.get();
    }

    @Test
    void theNextLinkFollowedAtTheGatewayAnswersTheNextPage() {
        running.as("PH1", "hr").body(Map.of("code", "PGE-C", "name", "Paging center", "kind", "CENTER"))
                .post("/api/v1/metrics/org/units").then().statusCode(201);
        for (String group : new String[]{"PGE-G1", "PGE-G2"}) {
            running.as("PH1", "hr").body(Map.of("code", group, "name", "Paging " + group, "kind", "GROUP",
                    "parentCode", "PGE-C")).post("/api/v1/metrics/org/units").then().statusCode(201);
        }
        Response first = running.as("PH1", "hr").urlEncodingEnabled(false)
                .get("/api/v1/metrics/org/units?q=PGE-&limit=2");
        first.then().statusCode(200).header("X-Total-Count", "3").body("code", contains("PGE-C", "PGE-G1"));
        Matcher next = NEXT.matcher(first.header("Link"));
        assertTrue(next.matches(), first.header("Link"));
        running.as("PH1", "hr").urlEncodingEnabled(false).get(next.group(1)).then().statusCode(200)
                .body("code", contains("PGE-G2")).header("Link", nullValue());
        running.as("PH1", "hr").urlEncodingEnabled(false).get("/api/v1/metrics/org/units?limit=1001").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("limit"));
    }
}
