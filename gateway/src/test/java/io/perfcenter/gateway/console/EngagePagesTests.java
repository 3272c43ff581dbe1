package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.gateway.AllServicesUp;
import io.perfcenter.gateway.InjectServiceStubs;
import io.perfcenter.gateway.ServiceStubs;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.gateway.ServiceStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engagement pages against stubbed services: an agent's leaderboard as the policy's view (anonymised rows in the
 * page's language, their own place, the bar chart's data), another unit's board refused, a contest's standings and
 * awards, hr's contest form as the JSON createContest takes (and the API's problem on bad input, nothing else sent),
 * closing, the points page, and the month page's block linking an agent to the peer ratings of a run in review; the
 * unit's frozen boards on the leaderboard page, hr's badge catalog and leaderboard policy pages (their forms as the
 * JSON the API takes, the API's problem shown, others refused before any call).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class EngagePagesTests {

    private static final String CSRF = "test-csrf-token-0123456789abcdef";
    private static final String BOARDS = "/api/v1/incentives/engagement/leaderboards";
    private static final String CONTESTS = "/api/v1/incentives/engagement/contests";

    @InjectServiceStubs
    ServiceStubs stubs;

    @BeforeEach
    void reset() {
        stubs.servers().values().forEach(WireMockServer::resetRequests);
    }

    private void unitsAndCatalog(String token) {
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/units"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(json(200, "[{\"code\":\"GE-1\",\"name\":\"Group 1\",\"kind\":\"GROUP\"}]")));
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/catalog"))
                .willReturn(json(200, "[{\"code\":\"csat\"},{\"code\":\"aht\"}]")));
    }

    @Test
    void anAgentSeesThePolicysViewOfTheirUnitsBoardWithTheirPlaceAndTheChart() {
        String agent = TestTokens.token("E71", "agent");
        unitsAndCatalog(agent);
        // top 1, anonymised: the first place without a name, the agent's own third place named
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(BOARDS))
                .withQueryParam("unitCode", equalTo("GE-1")).withQueryParam("period", equalTo("2026-10"))
                .withQueryParam("measure", equalTo("csat")).withQueryParam("direction", equalTo("HIGHER"))
                .withHeader("Authorization", equalTo("Bearer " + agent))
                .willReturn(json(200, "{\"unitCode\":\"GE-1\",\"period\":\"2026-10\",\"measure\":\"csat\","
                        + "\"direction\":\"HIGHER\",\"view\":\"TOP_N\",\"names\":\"ANONYMISED\",\"topN\":1,"
                        + "\"rankedCount\":3,\"unrankedCount\":0,\"rows\":[{\"rank\":1,\"label\":\"Agent #1\","
                        + "\"value\":4.8,\"samples\":1},{\"rank\":3,\"label\":\"Li Na\",\"employeeId\":\"E71\","
                        + "\"name\":\"Li Na\",\"value\":4.2,\"samples\":1,\"you\":true}],\"unranked\":[],"
                        + "\"frozen\":false}")));

        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .queryParam("period", "2026-10").queryParam("measure", "csat").get("/console/engage/board")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"own-place\"><strong>Your place: 3 of 3</strong>"), html);
        assertTrue(html.contains("Top 1 and your own row; others&#39;s names anonymised")
                || html.contains("Top 1 and your own row; others&#39; names anonymised"), html);
        assertTrue(html.contains("data-rank=\"1\"><td class=\"num rank\">1</td><td class=\"who\">Agent #1</td>"),
                html);
        assertTrue(html.contains("aria-current=\"true\" data-rank=\"3\""), "the agent's own row is marked: " + html);
        // the chart's data: one bar per row, labelled with the place
        assertTrue(html.contains("&quot;categories&quot;:[&quot;#1 Agent #1&quot;,&quot;#3 Li Na&quot;]"), html);
        assertTrue(html.contains("&quot;data&quot;:[4.8,4.2]"), html);
        assertFalse(html.contains("freeze-form"), "an agent does not freeze boards");

        // in Chinese the anonymised label is the page's own
        String zh = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .header("Accept-Language", "zh-CN").queryParam("period", "2026-10").queryParam("measure", "csat")
                .get("/console/engage/board").then().statusCode(200).extract().asString();
        assertTrue(zh.contains("坐席 #1") && zh.contains("你的名次：第 3 名，共 3 人"), zh);
    }

    @Test
    void anotherUnitsBoardAndContestAreShownAsRefused() {
        String agent = TestTokens.token("E72", "agent");
        unitsAndCatalog(agent);
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(BOARDS))
                .withQueryParam("unitCode", equalTo("GE-2"))
                .willReturn(json(404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such board\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent).queryParam("unit", "GE-2")
                .queryParam("period", "2026-10").get("/console/engage/board").then().statusCode(404)
                .body(containsString("id=\"message-title\">Refused<"))
                .body(containsString("does not show the leaderboard of GE-2 for 2026-10 to you"));
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(CONTESTS + "/OTHER-1/standings"))
                .willReturn(json(404, "{\"title\":\"Not Found\",\"status\":404}")));
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(CONTESTS + "/OTHER-1"))
                .willReturn(json(200, "{\"code\":\"OTHER-1\",\"unitCodes\":[\"GE-2\"],\"status\":\"OPEN\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .get("/console/engage/contests/OTHER-1").then().statusCode(404)
                .body(containsString("Refused")).body(containsString("contest OTHER-1"));
        // bad parameters are refused before any call
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent).queryParam("period", "2026-1")
                .get("/console/engage/board").then().statusCode(400);
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent).queryParam("measure", "CSAT;")
                .get("/console/engage/board").then().statusCode(400);
    }

    @Test
    void theContestListShowsTheViewersUnitsContestsAndTheContestItsStandingsAndAwards() {
        String agent = TestTokens.token("E73", "agent");
        unitsAndCatalog(agent);
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(CONTESTS))
                .willReturn(json(200, "[{\"code\":\"EC-1\",\"name\":\"CSAT week\",\"metric\":\"csat\","
                        + "\"direction\":\"HIGHER\",\"mode\":\"INDIVIDUAL\",\"unitCodes\":[\"GE-1\"],\"from\":"
                        + "\"2026-10-01\",\"to\":\"2026-10-31\",\"rules\":[{\"type\":\"GOAL\",\"threshold\":4.0,"
                        + "\"points\":50},{\"type\":\"TOP\",\"places\":1,\"points\":30,\"badge\":\"csat-star\"}],"
                        + "\"status\":\"OPEN\"},{\"code\":\"EC-2\",\"name\":\"Elsewhere\",\"metric\":\"aht\","
                        + "\"unitCodes\":[\"GE-9\"],\"rules\":[],\"status\":\"OPEN\"},{\"code\":\"EC-3\",\"name\":"
                        + "\"Done\",\"metric\":\"csat\",\"unitCodes\":[\"GE-1\",\"GE-9\"],\"rules\":[],\"status\":"
                        + "\"CLOSED\",\"closedAt\":\"2026-10-02T03:04:05Z\",\"closedBy\":\"E9001\"}]")));
        String list = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .get("/console/engage/contests").then().statusCode(200).extract().asString();
        assertTrue(list.contains("data-contest=\"EC-1\""), list);
        assertFalse(list.contains("data-contest=\"EC-2\""), "another unit's contest is not listed: " + list);
        assertTrue(list.contains("id=\"closed-table\"") && list.contains("data-contest=\"EC-3\""), list);
        assertTrue(list.contains("Reach 4.0: 50 points") && list.contains("Top 1: 30 points, badge csat-star"),
                list);
        assertFalse(list.contains("contest-form"), "agents do not create contests");

        String hr = TestTokens.token("E9001", "hr");
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(CONTESTS + "/EC-1"))
                .willReturn(json(200, "{\"code\":\"EC-1\",\"name\":\"CSAT week\",\"metric\":\"csat\",\"direction\":"
                        + "\"HIGHER\",\"mode\":\"INDIVIDUAL\",\"unitCodes\":[\"GE-1\"],\"from\":\"2026-10-01\",\"to\":"
                        + "\"2026-10-31\",\"rules\":[{\"type\":\"GOAL\",\"threshold\":4.0,\"points\":50}],"
                        + "\"status\":\"OPEN\"}")));
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(CONTESTS + "/EC-1/standings"))
                .willReturn(json(200, "{\"contestCode\":\"EC-1\",\"status\":\"OPEN\",\"view\":\"FULL\",\"names\":"
                        + "\"SHOWN\",\"rankedCount\":2,\"unrankedCount\":0,\"rows\":[{\"rank\":1,\"label\":\"Wang\","
                        + "\"employeeId\":\"E74\",\"value\":4.8},{\"rank\":2,\"label\":\"Li\",\"employeeId\":\"E73\","
                        + "\"value\":3.9}],\"unranked\":[],\"awards\":[{\"employeeId\":\"E74\",\"ruleIndex\":0,"
                        + "\"points\":50,\"reason\":\"csat 4.8 ≥ goal 4.0\"}]}")));
        String page = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .get("/console/engage/contests/EC-1").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<td class=\"who\">Wang <small>(E74)</small></td><td class=\"num value\">4.8</td>"),
                page);
        assertTrue(page.contains("data-who=\"E74\"><td>E74</td><td class=\"num points\">50</td>"), page);
        assertTrue(page.contains("id=\"close-form\""), "hr closes an open contest: " + page);
    }

    @Test
    void hrsContestFormBecomesCreateContestAndTheApisProblemIsShown() {
        String hr = TestTokens.token("E9001", "hr");
        stubs.get("incentive-service").stubFor(post(urlPathEqualTo(CONTESTS))
                .withRequestBody(equalToJson("{\"code\":\"EC-9\",\"name\":\"Nine\",\"metric\":\"csat\",\"direction\":"
                        + "\"HIGHER\",\"mode\":\"INDIVIDUAL\",\"unitCodes\":[\"GE-1\",\"GE-2\"],\"from\":\"2026-10-01\","
                        + "\"to\":\"2026-10-31\",\"rules\":[{\"type\":\"GOAL\",\"threshold\":4.5,\"points\":50},"
                        + "{\"type\":\"TOP\",\"places\":2,\"points\":30,\"badge\":\"csat-star\"}]}"))
                .willReturn(json(201, "{\"code\":\"EC-9\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("code", "EC-9")
                .formParam("name", "Nine").formParam("metric", "csat").formParam("direction", "HIGHER")
                .formParam("mode", "INDIVIDUAL").formParam("unitCodes", "GE-1, GE-2 GE-1")
                .formParam("from", "2026-10-01").formParam("to", "2026-10-31").formParam("minSamples", "")
                .formParam("rule1Type", "GOAL").formParam("rule1Threshold", "4.5").formParam("rule1Points", "50")
                .formParam("rule2Type", "TOP").formParam("rule2Places", "2").formParam("rule2Points", "30")
                .formParam("rule2Badge", "csat-star")
                .post("/console/engage/contests").then().statusCode(303)
                .header("Location", containsString("/console/engage/contests/EC-9"));

        stubs.get("incentive-service").stubFor(post(urlPathEqualTo(CONTESTS))
                .withRequestBody(equalToJson("{\"code\":\"EC-BAD\"}", true, true))
                .willReturn(json(400, "{\"title\":\"Bad Request\",\"status\":400,\"field\":\"to\",\"detail\":"
                        + "\"to: must not be before from\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("code", "EC-BAD")
                .formParam("name", "Bad").formParam("metric", "csat").formParam("unitCodes", "GE-1")
                .formParam("from", "2026-10-31").formParam("to", "2026-10-01").formParam("rule1Type", "GOAL")
                .formParam("rule1Threshold", "4").formParam("rule1Points", "5")
                .post("/console/engage/contests").then().statusCode(400)
                .body(containsString("to: must not be before from"));

        // an agent's form, or one without the CSRF token, sends nothing
        int before = stubs.get("incentive-service").findAll(postRequestedFor(urlPathEqualTo(CONTESTS))).size();
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, TestTokens.token("E75", "agent"))
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("code", "EC-10")
                .post("/console/engage/contests").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr).formParam("code", "EC-10")
                .post("/console/engage/contests").then().statusCode(403);
        assertEquals(before, stubs.get("incentive-service").findAll(postRequestedFor(urlPathEqualTo(CONTESTS)))
                .size());

        stubs.get("incentive-service").stubFor(post(urlPathEqualTo(CONTESTS + "/EC-9/close"))
                .willReturn(json(409, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"The contest's window "
                        + "has not ended yet (last day 2026-10-31)\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .post("/console/engage/contests/EC-9/close").then().statusCode(409)
                .body(containsString("has not ended yet"));
    }

    @Test
    void thePointsPageShowsTheBalanceLedgerAndBadges() {
        String agent = TestTokens.token("E76", "agent");
        String base = "/api/v1/incentives/engagement/points/E76";
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(base))
                .willReturn(json(200, "{\"employeeId\":\"E76\",\"balance\":80,\"entries\":2,\"badges\":1}")));
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(base + "/ledger"))
                .willReturn(json(200, "[{\"id\":2,\"employeeId\":\"E76\",\"points\":30,\"reason\":\"top 1\","
                        + "\"contestCode\":\"EC-1\",\"period\":\"2026-10\",\"createdAt\":\"2026-11-01T02:00:00Z\"},"
                        + "{\"id\":1,\"employeeId\":\"E76\",\"points\":50,\"reason\":\"goal\",\"contestCode\":"
                        + "\"EC-1\",\"period\":\"2026-10\",\"createdAt\":\"2026-11-01T02:00:00Z\"}]")));
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(base + "/badges"))
                .willReturn(json(200, "[{\"badgeCode\":\"csat-star\",\"nameZh\":\"满意度之星\",\"nameEn\":"
                        + "\"CSAT star\",\"contestCode\":\"EC-1\",\"grantedAt\":\"2026-11-01T02:00:00Z\"}]")));
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .get("/console/engage/points").then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"balance\">80<"), html);
        assertTrue(html.contains("<td class=\"num points\">+30</td>") && html.contains(">+50<"), html);
        assertTrue(html.contains("<strong>CSAT star</strong> · 2026-11-01"), html);
        // someone else's points the API does not show: refused
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/engagement/points/E99"))
                .willReturn(json(404, "{\"title\":\"Not Found\",\"status\":404}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent).queryParam("employeeId", "E99")
                .get("/console/engage/points").then().statusCode(404).body(containsString("Refused"));
    }

    @Test
    void theMonthPageLinksAnAgentToThePeerRatingsOfTheirRunInReview() {
        String agent = TestTokens.token("E77", "agent");
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/agents/E77"))
                .willReturn(json(200, "{\"employeeId\":\"E77\",\"name\":\"Li Na\",\"unitCode\":\"GE-1\"}")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("employeeId", equalTo("E77"))
                .willReturn(json(200, "[{\"id\":801,\"runId\":81,\"employeeId\":\"E77\",\"unitCode\":\"GE-1\","
                        + "\"period\":\"2026-10\",\"templateCode\":\"PEERS\",\"templateVersion\":2,\"status\":"
                        + "\"IN_REVIEW\",\"items\":[]},{\"id\":802,\"runId\":82,\"employeeId\":\"E77\",\"unitCode\":"
                        + "\"GE-1\",\"period\":\"2026-10\",\"templateCode\":\"SUPONLY\",\"templateVersion\":1,"
                        + "\"status\":\"IN_REVIEW\",\"items\":[]}]")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/templates/PEERS/versions/2"))
                .willReturn(json(200, "{\"code\":\"PEERS\",\"items\":[{\"code\":\"conduct\",\"rule\":{\"type\":"
                        + "\"manual-rating\",\"raters\":[{\"role\":\"supervisor\",\"weight\":70},{\"role\":\"peer\","
                        + "\"weight\":30}]}}]}")));
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/templates/SUPONLY/versions/1"))
                .willReturn(json(200, "{\"code\":\"SUPONLY\",\"items\":[{\"code\":\"conduct\",\"rule\":{\"type\":"
                        + "\"manual-rating\",\"raters\":[{\"role\":\"supervisor\",\"weight\":100}]}}]}")));
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo("/api/v1/incentives/engagement/points/E77"))
                .willReturn(json(200, "{\"employeeId\":\"E77\",\"balance\":130,\"entries\":3,\"badges\":0}")));
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .queryParam("period", "2026-10").get("/").then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"month-balance\">Balance: 130 points<"), html);
        assertTrue(html.contains("href=\"/console/review/runs?period=2026-10&amp;run=81\""), html);
        assertFalse(html.contains("run=82"), "a run whose template counts no peer ratings has no link: " + html);
        assertTrue(html.contains("href=\"/console/engage/board?period=2026-10\""), html);

        // a supervisor on the agent's month: no peer link (the agent's to give)
        String supervisor = TestTokens.token("E2077", "supervisor");
        String theirs = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, supervisor)
                .queryParam("period", "2026-10").get("/console/agents/E77").then().statusCode(200).extract()
                .asString();
        assertFalse(theirs.contains("peer-rating-link"), theirs);
    }

    @Test
    void theLeaderboardPageListsTheUnitsFrozenBoardsAndOpensOne() {
        String hr = TestTokens.token("E9101", "hr");
        unitsAndCatalog(hr);
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(BOARDS))
                .withQueryParam("unitCode", equalTo("GE-1")).withQueryParam("period", equalTo("2026-10"))
                .withHeader("Authorization", equalTo("Bearer " + hr))
                .willReturn(json(200, "{\"unitCode\":\"GE-1\",\"period\":\"2026-10\",\"measure\":\"score\","
                        + "\"direction\":\"HIGHER\",\"view\":\"FULL\",\"names\":\"SHOWN\",\"rankedCount\":1,"
                        + "\"unrankedCount\":0,\"rows\":[{\"rank\":1,\"label\":\"Li Na\",\"employeeId\":\"E71\","
                        + "\"value\":95}],\"unranked\":[],\"frozen\":true,\"frozenAt\":\"2026-11-02T01:02:03Z\","
                        + "\"frozenBy\":\"E9101\"}")));
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(BOARDS + "/snapshots"))
                .withQueryParam("unitCode", equalTo("GE-1")).withHeader("Authorization", equalTo("Bearer " + hr))
                .willReturn(json(200, "[{\"id\":2,\"unitCode\":\"GE-1\",\"period\":\"2026-10\",\"measure\":"
                        + "\"score\",\"direction\":\"HIGHER\",\"rankedCount\":1,\"unrankedCount\":0,\"frozenAt\":"
                        + "\"2026-11-02T01:02:03Z\",\"frozenBy\":\"E9101\"},{\"id\":1,\"unitCode\":\"GE-1\","
                        + "\"period\":\"2026-Q3\",\"measure\":\"aht\",\"direction\":\"LOWER\",\"rankedCount\":7,"
                        + "\"unrankedCount\":2,\"frozenAt\":\"2026-10-05T08:00:00Z\",\"frozenBy\":\"E9102\"}]")));
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .queryParam("period", "2026-10").get("/console/engage/board").then().statusCode(200).extract()
                .asString();
        assertTrue(html.contains("id=\"snapshots-table\""), html);
        // the board shown is marked, the other opens with its own keys
        assertTrue(html.contains("aria-current=\"true\" data-period=\"2026-10\" data-measure=\"score\">"), html);
        assertTrue(html.contains("<td>2026-11-02 01:02</td><td>E9101</td>"), html);
        assertTrue(html.contains("data-period=\"2026-Q3\" data-measure=\"aht\"><td>2026-Q3</td><td>aht</td>"
                + "<td>Lowest first</td><td>2026-10-05 08:00</td><td>E9102</td><td class=\"num\">7</td>"
                + "<td class=\"num\">2</td>"), html);
        assertTrue(html.contains("href=\"/console/engage/board?unit=GE-1&amp;period=2026-Q3&amp;measure=aht"
                + "&amp;direction=LOWER\""), html);
        assertTrue(html.contains("id=\"badges-link\"") && html.contains("id=\"policy-link\""), html);
        String zh = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .header("Accept-Language", "zh-CN").queryParam("period", "2026-10").get("/console/engage/board")
                .then().statusCode(200).extract().asString();
        assertTrue(zh.contains("GE-1 的已冻结榜单") && zh.contains(">打开</a>"), zh);

        // an agent's unit without a snapshot they are on: the list says so, no hr links
        String agent = TestTokens.token("E78", "agent");
        unitsAndCatalog(agent);
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(BOARDS))
                .withHeader("Authorization", equalTo("Bearer " + agent))
                .willReturn(json(200, "{\"unitCode\":\"GE-1\",\"period\":\"2026-10\",\"measure\":\"score\","
                        + "\"view\":\"TOP_N\",\"names\":\"ANONYMISED\",\"topN\":3,\"rankedCount\":0,"
                        + "\"unrankedCount\":0,\"rows\":[],\"unranked\":[],\"frozen\":false}")));
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(BOARDS + "/snapshots"))
                .withHeader("Authorization", equalTo("Bearer " + agent)).willReturn(json(200, "[]")));
        String theirs = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .queryParam("period", "2026-10").get("/console/engage/board").then().statusCode(200).extract()
                .asString();
        assertTrue(theirs.contains("id=\"snapshots-empty\""), theirs);
        assertFalse(theirs.contains("policy-link"), theirs);
    }

    @Test
    void hrsBadgePageListsTheCatalogAndItsFormBecomesCreateBadge() {
        String hr = TestTokens.token("E9103", "hr");
        String badges = "/api/v1/incentives/engagement/badges";
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(badges))
                .withQueryParam("includeRetired", equalTo("true"))
                .withHeader("Authorization", equalTo("Bearer " + hr))
                .willReturn(json(200, "[{\"code\":\"csat-star\",\"nameZh\":\"满意度之星\",\"nameEn\":\"CSAT star\","
                        + "\"description\":\"CSAT of 90 or more\",\"createdAt\":\"2026-10-01T01:00:00Z\","
                        + "\"createdBy\":\"E9103\"},{\"code\":\"old-star\",\"nameZh\":\"旧星\",\"nameEn\":"
                        + "\"Old star\",\"createdAt\":\"2026-01-01T01:00:00Z\",\"createdBy\":\"E9103\",\"retiredAt\":"
                        + "\"2026-09-30T01:00:00Z\",\"retiredBy\":\"E9104\"}]")));
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .get("/console/engage/badges").then().statusCode(200).extract().asString();
        assertTrue(html.contains("data-badge=\"csat-star\"><td>csat-star</td><td lang=\"zh-CN\">满意度之星</td>"
                + "<td lang=\"en\">CSAT star</td><td>CSAT of 90 or more</td><td>2026-10-01 E9103</td>"
                + "<td>In use</td>"), html);
        assertTrue(html.contains("class=\"badge-row retired\" data-badge=\"old-star\"")
                && html.contains("Retired 2026-09-30 by E9104"), html);
        assertTrue(html.contains("id=\"badge-form\""), html);
        String zh = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .header("Accept-Language", "zh-CN").get("/console/engage/badges").then().statusCode(200).extract()
                .asString();
        assertTrue(zh.contains("徽章目录") && zh.contains("已于 2026-09-30 由 E9104 停用") && zh.contains("中文名称"), zh);

        stubs.get("incentive-service").stubFor(post(urlPathEqualTo(badges))
                .withRequestBody(equalToJson("{\"code\":\"fcr-star\",\"nameZh\":\"一次解决之星\",\"nameEn\":"
                        + "\"FCR star\",\"description\":\"First contact resolution\"}"))
                .willReturn(json(201, "{\"code\":\"fcr-star\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("csrf", CSRF).formParam("code", " fcr-star ")
                .formParam("nameZh", "一次解决之星").formParam("nameEn", "FCR star")
                .formParam("description", "First contact resolution").post("/console/engage/badges").then()
                .statusCode(303).header("Location", containsString("/console/engage/badges"));
        stubs.get("incentive-service").stubFor(post(urlPathEqualTo(badges))
                .withRequestBody(equalToJson("{\"code\":\"csat-star\"}", true, true))
                .willReturn(json(409, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"Badge csat-star "
                        + "exists: a badge code is defined once\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("code", "csat-star")
                .formParam("nameZh", "星").formParam("nameEn", "Star").post("/console/engage/badges").then()
                .statusCode(409).body(containsString("a badge code is defined once"));

        // an agent, or a form without the CSRF token: refused before any call
        int gets = stubs.get("incentive-service").findAll(getRequestedFor(urlPathEqualTo(badges))).size();
        int posts = stubs.get("incentive-service").findAll(postRequestedFor(urlPathEqualTo(badges))).size();
        String agent = TestTokens.token("E79", "agent");
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent).get("/console/engage/badges")
                .then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("code", "x")
                .post("/console/engage/badges").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr).formParam("code", "x")
                .post("/console/engage/badges").then().statusCode(403);
        assertEquals(gets, stubs.get("incentive-service").findAll(getRequestedFor(urlPathEqualTo(badges))).size());
        assertEquals(posts, stubs.get("incentive-service").findAll(postRequestedFor(urlPathEqualTo(badges))).size());
    }

    @Test
    void hrsPolicyPageShowsACentersPolicyAndItsFormBecomesSetLeaderboardPolicy() {
        String hr = TestTokens.token("E9105", "hr");
        String policy = "/api/v1/incentives/engagement/leaderboard-policies/CE-1";
        stubs.get("metrics-service").stubFor(get(urlPathEqualTo("/api/v1/metrics/org/units"))
                .withHeader("Authorization", equalTo("Bearer " + hr))
                .willReturn(json(200, "[{\"code\":\"GE-1\",\"kind\":\"GROUP\"},{\"code\":\"CE-1\",\"kind\":"
                        + "\"CENTER\"}]")));
        stubs.get("incentive-service").stubFor(get(urlPathEqualTo(policy))
                .withHeader("Authorization", equalTo("Bearer " + hr))
                .willReturn(json(200, "{\"centerCode\":\"CE-1\",\"topN\":5,\"names\":\"SHOWN\",\"minSamples\":"
                        + "{\"aht\":50,\"csat\":30},\"defaultPolicy\":false,\"updatedAt\":\"2026-10-03T04:05:06Z\","
                        + "\"updatedBy\":\"E9105\"}")));
        String html = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .get("/console/engage/policy").then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"policy-top-n\">5<") && html.contains("id=\"policy-names\">Shown<"), html);
        assertTrue(html.contains("id=\"policy-min-samples\">aht: 50, csat: 30<"), html);
        assertTrue(html.contains("Set 2026-10-03 04:05 by E9105"), html);
        assertTrue(html.contains("name=\"minSamples\" value=\"aht=50, csat=30\""), html);
        assertTrue(html.contains("<option value=\"SHOWN\" selected>"), html);
        String zh = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .header("Accept-Language", "zh-CN").get("/console/engage/policy").then().statusCode(200).extract()
                .asString();
        assertTrue(zh.contains("排行榜规则") && zh.contains("各指标的最少样本数"), zh);

        stubs.get("incentive-service").stubFor(put(urlPathEqualTo(policy))
                .withRequestBody(equalToJson("{\"topN\":3,\"names\":\"ANONYMISED\",\"minSamples\":{\"csat\":30,"
                        + "\"aht\":50}}"))
                .willReturn(json(200, "{\"centerCode\":\"CE-1\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("centerCode", "CE-1")
                .formParam("topN", "3").formParam("names", "ANONYMISED").formParam("minSamples", "csat=30, aht = 50")
                .post("/console/engage/policy").then().statusCode(303)
                .header("Location", containsString("/console/engage/policy?center=CE-1"));
        stubs.get("incentive-service").stubFor(put(urlPathEqualTo(policy))
                .withRequestBody(equalToJson("{\"topN\":0}", true, true))
                .willReturn(json(400, "{\"title\":\"Bad Request\",\"status\":400,\"field\":\"topN\",\"detail\":"
                        + "\"topN: must be 1 to 1000\"}")));
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("centerCode", "CE-1")
                .formParam("topN", "0").formParam("names", "SHOWN").post("/console/engage/policy").then()
                .statusCode(400).body(containsString("topN: must be 1 to 1000"));

        // minimum samples that are not metric=samples pairs, an agent, no CSRF token: nothing is sent
        int puts = stubs.get("incentive-service").findAll(putRequestedFor(urlPathEqualTo(policy))).size();
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("centerCode", "CE-1")
                .formParam("topN", "3").formParam("names", "SHOWN").formParam("minSamples", "csat 30")
                .post("/console/engage/policy").then().statusCode(400).body(containsString("minSamples"));
        String agent = TestTokens.token("E80", "agent");
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent).get("/console/engage/policy")
                .then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, agent)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).formParam("centerCode", "CE-1")
                .formParam("topN", "3").formParam("names", "SHOWN").post("/console/engage/policy").then()
                .statusCode(403);
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, hr).formParam("centerCode", "CE-1")
                .formParam("topN", "3").formParam("names", "SHOWN").post("/console/engage/policy").then()
                .statusCode(403);
        assertEquals(puts, stubs.get("incentive-service").findAll(putRequestedFor(urlPathEqualTo(policy))).size());
    }

    @Test
    void thePureRulesOfThePages() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertTrue(EngageViews.visible(json.readTree("{\"unitCodes\":[\"G2\",\"G1\"]}"), List.of("G1"), false));
        assertFalse(EngageViews.visible(json.readTree("{\"unitCodes\":[\"G2\"]}"), List.of("G1"), false));
        assertTrue(EngageViews.visible(json.readTree("{\"unitCodes\":[\"G2\"]}"), List.of(), true));
        assertEquals("G1", EngageViews.defaultUnit(json.readTree("[{\"code\":\"C\",\"kind\":\"CENTER\"},"
                + "{\"code\":\"G1\",\"kind\":\"GROUP\"}]")));
        assertNull(EngageViews.defaultUnit(json.readTree("[]")));
        assertFalse(EngageViews.countsPeers(null));
        assertEquals("+5", EngageViews.signed(5));
        assertEquals("-3", EngageViews.signed(-3));
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("code", " EC-1 ");
        form.putSingle("unitCodes", "G1,G2");
        form.putSingle("minSamples", "10");
        form.putSingle("rule1Type", "GOAL");
        form.putSingle("rule1Threshold", "4.25");
        form.putSingle("rule1Points", "x");
        form.putSingle("rule2Type", "TOP");
        assertEquals("{\"code\":\"EC-1\",\"name\":null,\"metric\":null,\"unitCodes\":[\"G1\",\"G2\"],"
                        + "\"from\":null,\"to\":null,\"minSamples\":10,\"rules\":[{\"type\":\"GOAL\",\"threshold\":4.25,"
                        + "\"points\":\"x\"}]}", EngageViews.contestBody(form).toString(),
                "a second rule without points is left out; what is not a number goes as typed for the API to name");
        assertEquals("{\"topN\":10,\"names\":\"SHOWN\",\"minSamples\":{\"csat\":30,\"aht\":\"many\"}}",
                EngageViews.policyBody(" 10 ", "SHOWN", "csat=30;\naht: many").toString());
        assertEquals("{\"topN\":\"ten\",\"minSamples\":{}}", EngageViews.policyBody("ten", " ", " ").toString());
        assertNull(EngageViews.policyBody("10", "SHOWN", "csat 30"));
        assertNull(EngageViews.policyBody("10", "SHOWN", "csat=30, =5"));
    }
}
