package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lists page by limit and offset in a stable order, with {@code X-Total-Count} and a relative {@code Link rel="next"}
 * while more rows exist; the org directory's unit and agent search pages the same way within the caller's scope.
 * Its own units (codes starting with PG) keep totals exact whatever other test classes create.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class PagingAndSearchTests {

    static final String UNITS = "/api/v1/metrics/org/units";
    static final String AGENTS = "/api/v1/metrics/org/agents";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    static RequestSpecification as(String employeeId, String... roles) {
        return given().auth().oauth2(TestTokens.token(employeeId, roles)).contentType(ContentType.JSON)
                .urlEncodingEnabled(false);
    }

    static RequestSpecification hr() {
        return as("H1", "hr");
    }

    private static boolean seeded;

    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        unit("PGC", "Paging center", "CENTER", null, null);
        unit("PGT", "Paging team", "TEAM", "PGC", "PM1");
        unit("PGG1", "Paging east", "GROUP", "PGT", "PS1");
        unit("PGG2", "Paging west", "GROUP", "PGT", "PS2");
        unit("PGD", "Other center", "CENTER", null, "PM9");
        agent("PGA1", "Lin Pager", "PGG1");
        agent("PGA2", "Max Pager", "PGG1");
        agent("PGA3", "Ana Pager", "PGG2");
        agent("PGA4", "Bo Pager", "PGG2");
        agent("PGA5", "Cy Pager", "PGD");
    }

    static void unit(String code, String name, String kind, String parent, String leader) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", name, "kind", kind));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        if (leader != null) {
            body.put("leaderEmployeeId", leader);
        }
        hr().body(body).post(UNITS).then().statusCode(201);
    }

    static void agent(String id, String name, String unit) {
        hr().body(Map.of("employeeId", id, "name", name, "position", "seat", "unitCode", unit,
                "memberFrom", "2026-01-01")).post(AGENTS).then().statusCode(201);
    }

    static String next(Response response) {
        String link = response.header("Link");
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        assertTrue(m.find(), link);
        return m.group(1);
    }

    @Test
    void unitSearchPagesByCodeWithRelativeNextLinks() {
        Response first = hr().get(UNITS + "?q=pg&limit=2");
        first.then().statusCode(200).header("X-Total-Count", "5").body("code", contains("PGC", "PGD"));
        String second = next(first);
        assertTrue(second.startsWith(UNITS + "?"), second);
        assertTrue(second.contains("q=pg") && second.contains("offset=2") && second.contains("limit=2"), second);
        Response page2 = hr().get(second);
        page2.then().statusCode(200).body("code", contains("PGG1", "PGG2"));
        Response page3 = hr().get(next(page2));
        page3.then().statusCode(200).body("code", contains("PGT")).header("Link", nullValue());
        // the same request answers the same page: the order is stable
        hr().get(second).then().body("code", contains("PGG1", "PGG2"));
        // past the end: an empty page, still with the total
        hr().get(UNITS + "?q=pg&offset=10").then().statusCode(200).body("$", empty())
                .header("X-Total-Count", "5").header("Link", nullValue());
    }

    @Test
    void unitSearchFilters() {
        hr().get(UNITS + "?kind=GROUP&parentCode=PGT").then().statusCode(200).body("code", contains("PGG1", "PGG2"))
                .header("Link", nullValue());
        hr().get(UNITS + "?q=WEST").then().statusCode(200).body("code", contains("PGG2"));
        hr().get(UNITS + "?q=%25").then().statusCode(200).body("$", empty());
        hr().get(UNITS + "?kind=SQUAD").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("kind"));
    }

    @Test
    void unitSearchStaysInTheCallersScope() {
        as("PS1", "supervisor").get(UNITS + "?q=PG").then().statusCode(200).body("code", contains("PGG1"))
                .header("X-Total-Count", "1");
        as("PM1", "manager").get(UNITS + "?q=PG").then().statusCode(200).body("code", contains("PGG1", "PGG2", "PGT"));
        as("PGA3", "agent").get(UNITS + "?q=PG").then().statusCode(200).body("code", contains("PGG2"));
        as("NOBODY", "supervisor").get(UNITS).then().statusCode(200).body("$", empty())
                .header("X-Total-Count", "0");
        as(null, "supervisor").get(UNITS).then().statusCode(200).body("$", empty());
        as("Q1", "qa").get(UNITS + "?q=PG").then().statusCode(200).header("X-Total-Count", "5");
        as("X1", "appeals").get(UNITS).then().statusCode(403);
    }

    @Test
    void agentSearchPagesByEmployeeIdWithinScope() {
        Response first = hr().get(AGENTS + "?q=pager&limit=3");
        first.then().statusCode(200).header("X-Total-Count", "5").body("employeeId", contains("PGA1", "PGA2", "PGA3"))
                .body("[0].unitCode", equalTo("PGG1")).body("[0].name", equalTo("Lin Pager"));
        hr().get(next(first)).then().body("employeeId", contains("PGA4", "PGA5")).header("Link", nullValue());
        hr().get(AGENTS + "?unitCode=PGT").then().body("employeeId", contains("PGA1", "PGA2", "PGA3", "PGA4"));
        hr().get(AGENTS + "?q=PGA&activeOn=2025-12-31").then().statusCode(200).body("$", empty());
        hr().get(AGENTS + "?q=PGA&activeOn=2026-01-01").then().statusCode(200).header("X-Total-Count", "5");

        // supervisors see their group's agents, managers their team's, an agent themself
        as("PS1", "supervisor").get(AGENTS + "?q=PG").then().statusCode(200)
                .body("employeeId", contains("PGA1", "PGA2"));
        as("PM1", "manager").get(AGENTS + "?q=PG").then().body("employeeId", contains("PGA1", "PGA2", "PGA3", "PGA4"));
        as("PGA2", "agent").get(AGENTS).then().statusCode(200).body("employeeId", contains("PGA2"));
        as("Q1", "qa").get(AGENTS + "?q=PGA").then().header("X-Total-Count", "5");
    }

    @Test
    void agentSearchDeniesWhatIsOutsideTheScope() {
        // a filter naming someone else's unit finds nothing rather than leaking it
        as("PS1", "supervisor").get(AGENTS + "?unitCode=PGG2").then().statusCode(200).body("$", empty())
                .header("X-Total-Count", "0");
        as("PGA1", "agent").get(AGENTS + "?q=PGA3").then().statusCode(200).body("$", empty());
        as("NOBODY", "manager").get(AGENTS).then().statusCode(200).body("$", empty());
        as(null, "supervisor").get(AGENTS).then().statusCode(200).body("$", empty());
        as("X1", "appeals").get(AGENTS).then().statusCode(403);
        given().get(AGENTS).then().statusCode(401);
    }

    @Test
    void limitAndOffsetOutOfRangeAreProblemsNamingThem() {
        for (String query : new String[]{"limit=0", "limit=1001", "limit=ten", "limit=-5"}) {
            hr().get(UNITS + "?" + query).then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo("limit"));
        }
        hr().get(UNITS + "?offset=-1").then().statusCode(400).body("field", equalTo("offset"));
        hr().get(AGENTS + "?offset=x").then().statusCode(400).body("field", equalTo("offset"));
        hr().get("/api/v1/metrics/catalog?limit=1001").then().statusCode(400).body("field", equalTo("limit"));
        hr().get(UNITS + "/PGC/members?limit=0").then().statusCode(400).body("field", equalTo("limit"));
        hr().get(UNITS + "?limit=1000").then().statusCode(200);
    }

    @Test
    void existingListsPageToo() {
        Response members = hr().get(UNITS + "/PGT/members?from=2026-10-01&limit=3");
        members.then().statusCode(200).header("X-Total-Count", "4")
                .body("employeeId", contains("PGA1", "PGA2", "PGA3"));
        String next = next(members);
        assertTrue(next.contains("from=2026-10-01"), next);
        hr().get(next).then().body("employeeId", contains("PGA4")).header("Link", nullValue());

        as("PM1", "manager").get("/api/v1/metrics/org/my-units?limit=2").then().statusCode(200)
                .body("$", contains("PGG1", "PGG2")).header("X-Total-Count", "3");
        Response catalog = hr().get("/api/v1/metrics/catalog?limit=1");
        catalog.then().statusCode(200).body("size()", equalTo(1));
        int total = Integer.parseInt(catalog.header("X-Total-Count"));
        assertEquals(total > 1, next(catalog) != null);
    }

    @Test
    void theDocumentDescribesPagingParametersAndHeaders() {
        String get = "paths.'/api/v1/metrics/org/agents'.get.";
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(get + "operationId", equalTo("searchAgents"))
                .body(get + "parameters.name", hasItems("q", "unitCode", "activeOn", "limit", "offset"))
                .body(get + "parameters.find { it.name == 'limit' }.schema.maximum", equalTo(1000))
                .body(get + "parameters.find { it.name == 'limit' }.description", notNullValue())
                .body(get + "parameters.find { it.name == 'limit' }.example", equalTo(100))
                .body(get + "parameters.find { it.name == 'offset' }.schema.minimum", equalTo(0))
                .body(get + "responses.'200'.headers", hasKey("Link"))
                .body(get + "responses.'200'.headers", hasKey("X-Total-Count"))
                .body(get + "responses.'200'.content.'application/json'.schema.type", equalTo("array"))
                .body("paths.'/api/v1/metrics/org/units'.get.operationId", equalTo("searchOrgUnits"));
    }
}
