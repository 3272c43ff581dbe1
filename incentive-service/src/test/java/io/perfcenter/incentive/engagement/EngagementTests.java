package io.perfcenter.incentive.engagement;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.incentive.DownstreamServices;
import io.perfcenter.incentive.DownstreamServices.InjectDownstream;
import io.perfcenter.incentive.TestApi;
import io.perfcenter.incentive.TestApi.Card;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.incentive.TestApi.BASE;
import static io.perfcenter.incentive.TestApi.HR;
import static io.perfcenter.incentive.TestApi.PROBLEMS;
import static io.perfcenter.incentive.TestApi.as;
import static io.perfcenter.incentive.TestApi.json;
import static io.perfcenter.incentive.TestApi.money;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Leaderboards, contests, points and badges end to end, against PostgreSQL and stubs of scoring and metrics in their
 * shapes (AggregatePayloads.AggregateReport with samples, OrgPayloads.MemberView with names, OrgPayloads.UnitView).
 * The org: center EC9 → team ET9 → groups EG1 (supervisor ES1; agents K1, K2, K3, K4) and EG2 (agents L1, L2).
 * Every expected figure is worked out by hand in the comments.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(DownstreamServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngagementTests {

    static final String ENG = BASE + "/engagement";
    static final String K1 = TestTokens.token("K1", "agent");
    static final String K3 = TestTokens.token("K3", "agent");
    static final String K4 = TestTokens.token("K4", "agent");
    static final String L1 = TestTokens.token("L1", "agent");
    static final String STRANGER = TestTokens.token("N9", "agent");
    static final String LEAD_EG1 = TestTokens.token("ES1", "supervisor");
    static final String OTHER_LEAD = TestTokens.token("ES8", "supervisor");
    static final String MANAGER = TestTokens.token("EM8", "manager");
    static final String QA = TestTokens.token("EQ1", "qa");
    static final String ADMIN = TestTokens.token("EAD1", "admin");

    @InjectDownstream
    WireMockServer downstream;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    void org() {
        unit("EG1", "GROUP", "ET9");
        unit("EG2", "GROUP", "ET9");
        unit("ET9", "TEAM", "EC9");
        unit("EC9", "CENTER", null);
        downstream.stubFor(get(urlPathEqualTo(TestApi.MY_UNITS)).atPriority(10).willReturn(okJson("[]")));
        downstream.stubFor(get(urlPathEqualTo(TestApi.MY_UNITS)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + LEAD_EG1)).willReturn(okJson("[\"EG1\"]")));
        for (String[] window : List.of(new String[]{"2026-10-01", "2026-10-31"},
                new String[]{"2026-09-01", "2026-09-30"})) {
            TestApi.stubMemberPeople(downstream, "EG1", window[0], window[1], people("K1", "K2", "K3", "K4"));
            TestApi.stubMemberPeople(downstream, "EG2", window[0], window[1], people("L1", "L2"));
        }
        TestApi.stubPerson(downstream, "K1", "seat", "2024-01-01", "EG1");
        TestApi.stubPerson(downstream, "L1", "seat", "2024-01-01", "EG2");
        // October csat of EG1: K2 95 (12 samples), K1 92 (40), K3 88 (25), K4 97 from only 4
        stubMetric("EG1", "2026-10-01", "2026-10-31", "csat", Map.of("K1", new Object[]{92, 40},
                "K2", new Object[]{95, 12}, "K3", new Object[]{88, 25}, "K4", new Object[]{97, 4}), null);
        // October aht of EG1 (lower is better): K2 280, K1 300, K3 300 (30 samples each), K4 250 from only 3
        stubMetric("EG1", "2026-10-01", "2026-10-31", "aht", Map.of("K1", new Object[]{300, 30},
                "K2", new Object[]{280, 30}, "K3", new Object[]{300, 30}, "K4", new Object[]{250, 3}), null);
        // EG2, two agents only
        stubMetric("EG2", "2026-10-01", "2026-10-31", "aht", Map.of("L1", new Object[]{310, 30},
                "L2", new Object[]{290, 30}), null);
        // September, the units' own csat: EG1 91 (77 samples), EG2 85 (40)
        stubMetric("EG1", "2026-09-01", "2026-09-30", "csat", Map.of(), new Object[]{91, 77});
        stubMetric("EG2", "2026-09-01", "2026-09-30", "csat", Map.of(), new Object[]{85, 40});
        TestApi.stubScorecards(downstream, "2026-10", "EG1", List.of(
                new Card(901, "K1", "EG1", "2026-10", "88", "good", 2),
                new Card(902, "K2", "EG1", "2026-10", "95", "good", 1),
                new Card(903, "K3", "EG1", "2026-10", "88", "good", 2)));
    }

    private boolean badges;

    /** The badges the contests award (RestAssured reaches the service only once the tests run). */
    @BeforeEach
    void badges() {
        if (!badges) {
            as(HR).body(Map.of("code", "csat-star", "nameZh", "满意度之星", "nameEn", "CSAT star"))
                    .post(ENG + "/badges").then().statusCode(201);
            as(HR).body(Map.of("code", "team-star", "nameZh", "团队之星", "nameEn", "Team star"))
                    .post(ENG + "/badges").then().statusCode(201);
            badges = true;
        }
    }

    private void unit(String code, String kind, String parent) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("code", code);
        u.put("name", "Unit " + code);
        u.put("kind", kind);
        u.put("parentCode", parent);
        downstream.stubFor(get(urlPathEqualTo(TestApi.ORG_UNITS + code)).willReturn(okJson(json(u))));
    }

    private static Map<String, String[]> people(String... ids) {
        Map<String, String[]> people = new LinkedHashMap<>();
        for (String id : ids) {
            people.put(id, new String[]{"seat", "2024-01-01"});
        }
        return people;
    }

    /** metrics-service's aggregates of a unit for one metric: {value, samples} per agent, and the unit's own. */
    private void stubMetric(String unit, String from, String to, String metric, Map<String, Object[]> agents,
                            Object[] unitTotal) {
        List<Map<String, Object>> rows = new ArrayList<>();
        agents.forEach((employee, v) -> rows.add(Map.of("employeeId", employee,
                "values", Map.of(metric, Map.of("value", v[0], "samples", v[1])))));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("unitCode", unit);
        report.put("from", from);
        report.put("to", to);
        report.put("metrics", List.of(metric));
        report.put("agents", rows);
        if (unitTotal != null) {
            report.put("unitTotal", Map.of(metric, Map.of("value", unitTotal[0], "samples", unitTotal[1])));
        }
        downstream.stubFor(get(urlPathEqualTo(TestApi.AGGREGATES)).withQueryParam("unit", equalTo(unit))
                .withQueryParam("metric", equalTo(metric)).withQueryParam("from", equalTo(from))
                .withQueryParam("to", equalTo(to)).willReturn(okJson(json(report))));
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> rule(String type, Object thresholdOrPlaces, int points, String badge) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", type);
        r.put(type.equals("GOAL") ? "threshold" : "places", thresholdOrPlaces);
        r.put("points", points);
        if (badge != null) {
            r.put("badge", badge);
        }
        return r;
    }

    private static Map<String, Object> contest(String code, String mode, List<String> units, String from, String to,
                                               List<Map<String, Object>> rules) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code);
        c.put("name", "Contest " + code);
        c.put("metric", "csat");
        c.put("mode", mode);
        c.put("unitCodes", units);
        c.put("from", from);
        c.put("to", to);
        c.put("minSamples", 10);
        c.put("rules", rules);
        return c;
    }

    // ---- contests, points and badges ----

    /**
     * Contest CSAT-OCT on EG1's October csat, at least 10 samples: GOAL ≥ 90 → 50 points + csat-star; TOP 1 → 30;
     * TOP 3 → 10. Ranked: K2 95 (1st), K1 92 (2nd), K3 88 (3rd); K4 (4 samples) apart, earning nothing.
     * K2: 50 + 30 + 10 = 90 and the badge; K1: 50 + 10 = 60 and the badge; K3: 10; K4: 0.
     */
    @Test
    void aContestAwardsExactPointsAndBadgesOnceAndAPlanConvertsThemOnlyWhenItSaysSo() {
        as(HR).body(contest("CSAT-OCT", "INDIVIDUAL", List.of("EG1"), "2026-10-01", "2026-10-31", List.of(
                        rule("GOAL", 90, 50, "csat-star"), rule("TOP", 1, 30, null), rule("TOP", 3, 10, null))))
                .post(ENG + "/contests").then().statusCode(201).body("status", is("OPEN"))
                .body("direction", is("HIGHER")).body("minSamples", is(10));

        JsonPath closed = as(HR).post(ENG + "/contests/CSAT-OCT/close").then().statusCode(200)
                .body("closedNow", is(true)).body("contest.status", is("CLOSED"))
                .body("standings.rows.employeeId", contains("K2", "K1", "K3"))
                .body("standings.rows.rank", contains(1, 2, 3))
                .body("standings.unranked.employeeId", contains("K4"))
                .extract().jsonPath();
        assertEquals(List.of("K2", "K1", "K2", "K2", "K1", "K3"), closed.getList("awards.employeeId"));
        assertEquals(List.of(50, 50, 30, 10, 10, 10), closed.getList("awards.points"));
        assertEquals("csat 95 ≥ goal 90 over 2026-10-01..2026-10-31: 50 points, badge csat-star",
                closed.getString("awards[0].reason"));
        assertEquals("place 3 of 3 ranked (top 3) on csat 88 over 2026-10-01..2026-10-31: 10 points",
                closed.getString("awards[5].reason"));

        // closing again writes nothing and answers what the first close wrote
        as(HR).post(ENG + "/contests/CSAT-OCT/close").then().statusCode(200).body("closedNow", is(false))
                .body("awards", hasSize(6));
        assertEquals(6, count("SELECT count(*) FROM points_entry WHERE contest_code = 'CSAT-OCT'"));
        assertEquals(2, count("SELECT count(*) FROM badge_grant WHERE contest_code = 'CSAT-OCT'"));

        as(K1).get(ENG + "/points/K1").then().statusCode(200).body("balance", is(60)).body("entries", is(2))
                .body("badges", is(1));
        as(HR).get(ENG + "/points/K2").then().statusCode(200).body("balance", is(90));
        as(HR).get(ENG + "/points/K3").then().statusCode(200).body("balance", is(10)).body("badges", is(0));
        as(HR).get(ENG + "/points/K4").then().statusCode(200).body("balance", is(0));
        as(K1).get(ENG + "/points/K1/ledger").then().statusCode(200).header("X-Total-Count", "2")
                .body("points", contains(10, 50)).body("contestCode", contains("CSAT-OCT", "CSAT-OCT"))
                .body("period", contains("2026-10", "2026-10"))
                .body("[1].reason", is("Contest CSAT-OCT: csat 92 ≥ goal 90 over 2026-10-01..2026-10-31: 50 points, "
                        + "badge csat-star"));
        as(K1).get(ENG + "/points/K1/badges").then().statusCode(200).body("badgeCode", contains("csat-star"))
                .body("nameZh", contains("满意度之星")).body("contestCode", contains("CSAT-OCT"));
        // the ledger is append-only: the database refuses to change or remove an entry
        assertThrows(SQLException.class, () -> {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE points_entry SET points = 1000 WHERE employee_id = 'K1'");
            }
        });
        assertThrows(SQLException.class, () -> {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM points_entry WHERE employee_id = 'K1'");
            }
        });

        // scope: an agent reads only their own (another's answers as an unknown person); the group's supervisor reads
        // their agent's; a supervisor of another unit does not
        as(K1).get(ENG + "/points/K2").then().statusCode(404).body("type", is(PROBLEMS + "not-found"))
                .body("detail", is("Employee K2 does not exist"));
        as(K1).get(ENG + "/points/K2/ledger").then().statusCode(404);
        as(LEAD_EG1).get(ENG + "/points/K1").then().statusCode(200).body("balance", is(60));
        as(OTHER_LEAD).get(ENG + "/points/K1/badges").then().statusCode(404);
        as(QA).get(ENG + "/points/K1").then().statusCode(403);
        given().get(ENG + "/points/K1").then().statusCode(401);

        // points are not money: a plan without pointsConversion pays none; one with it pays 0.50 a point, at most
        // 40.00: K2 90 × 0.50 = 45.00 → capped 40.00; K1 60 × 0.50 = 30.00; K3 10 × 0.50 = 5.00.
        // Performance pay 7,000.00 × 30% × 1.0 = 2,100.00 each.
        as(HR).body(List.of(salary("K1"), salary("K2"), salary("K3"))).put(BASE + "/salaries").then().statusCode(200);
        Map<String, Object> plain = plan("ENG-PLAIN", null);
        as(HR).body(plain).post(BASE + "/plans").then().statusCode(201);
        as(HR).body(Map.of("planCode", "ENG-PLAIN", "period", "2026-10", "unitCode", "EG1")).post(BASE + "/runs")
                .then().statusCode(201).body("statements.total", contains(money("2100.00"), money("2100.00"),
                        money("2100.00"))).body("statements[0].lines.kind", contains("performance-pay"));
        as(HR).body(plan("ENG-POINTS", Map.of("ratePerPoint", 0.50, "cap", 40.00))).post(BASE + "/plans").then()
                .statusCode(201).body("pointsConversion.ratePerPoint", is(money("0.5")));
        JsonPath run = as(HR).body(Map.of("planCode", "ENG-POINTS", "period", "2026-10", "unitCode", "EG1"))
                .post(BASE + "/runs").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of("K1", "K2", "K3"), run.getList("statements.employeeId"));
        assertEquals(List.of(money("2130.00"), money("2140.00"), money("2105.00")),
                run.getList("statements.total", java.math.BigDecimal.class));
        assertEquals("90 points earned in 2026-10 (CSAT-OCT 90) × 0.5 per point = 45.00, capped at 40.00: 40.00",
                run.getString("statements[1].lines.find { it.kind == 'points' }.explanation"));
        // converting does not spend points
        as(HR).get(ENG + "/points/K2").then().statusCode(200).body("balance", is(90));
    }

    private static Map<String, Object> salary(String employee) {
        return Map.of("employeeId", employee, "monthlySalary", 7000, "currency", "CNY", "effectiveFrom", "2026-01-01");
    }

    private static Map<String, Object> plan(String code, Map<String, Object> conversion) {
        Map<String, Object> p = new LinkedHashMap<>(Map.of("code", code, "name", "Plan " + code, "currency", "CNY",
                "performancePayShare", 0.30, "gradeCoefficients", Map.of("good", 1.0)));
        if (conversion != null) {
            p.put("pointsConversion", conversion);
        }
        return p;
    }

    /**
     * A team contest on the units' own September csat: EG1 91 ≥ goal 90 → 20 points to each of its members (K1–K4),
     * and TOP 1 (EG1) → badge team-star; EG2 85 earns nothing.
     */
    @Test
    void aTeamContestAwardsEveryMemberOfTheWinningUnit() {
        as(ADMIN).body(contest("TEAM-SEP", "TEAM", List.of("EG1", "EG2"), "2026-09-01", "2026-09-30", List.of(
                rule("GOAL", 90, 20, null), rule("TOP", 1, 0, "team-star")))).post(ENG + "/contests").then()
                .statusCode(201).body("mode", is("TEAM"));
        // a TEAM contest's rows are units: every participant sees them in full
        as(L1).get(ENG + "/contests/TEAM-SEP/standings").then().statusCode(200).body("view", is("FULL"))
                .body("rows.label", contains("EG1", "EG2")).body("rows.value", contains(91, 85))
                .body("awards", empty());
        JsonPath closed = as(ADMIN).post(ENG + "/contests/TEAM-SEP/close").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("K1", "K2", "K3", "K4", "K1", "K2", "K3", "K4"), closed.getList("awards.employeeId"));
        assertEquals(List.of(20, 20, 20, 20, 0, 0, 0, 0), closed.getList("awards.points"));
        assertEquals("team EG1: csat 91 ≥ goal 90 over 2026-09-01..2026-09-30: 20 points",
                closed.getString("awards[0].reason"));
        assertEquals(4, count("SELECT count(*) FROM points_entry WHERE contest_code = 'TEAM-SEP'"));
        assertEquals(4, count("SELECT count(*) FROM badge_grant WHERE contest_code = 'TEAM-SEP' "
                + "AND badge_code = 'team-star'"));
        assertEquals(0, count("SELECT count(*) FROM points_entry WHERE contest_code = 'TEAM-SEP' "
                + "AND employee_id LIKE 'L%'"));
        // September's points count in September: none of them in the October conversion above
        assertEquals(4, count("SELECT count(*) FROM points_entry WHERE contest_code = 'TEAM-SEP' "
                + "AND period = '2026-09'"));
        as(STRANGER).get(ENG + "/contests/TEAM-SEP/standings").then().statusCode(404);
    }

    /** While open, the standings are live over the window so far; closing before the last day is refused. */
    @Test
    void anOpenContestShowsLiveProgressAndIsNotClosedEarly() {
        as(HR).body(Map.of("topN", 10, "names", "ANONYMISED")).put(ENG + "/leaderboard-policies/EC9").then()
                .statusCode(200);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String from = today.minusDays(5).toString();
        stubMetric("EG1", from, today.toString(), "csat", Map.of("K1", new Object[]{91, 20},
                "K2", new Object[]{89, 20}, "K3", new Object[]{93, 20}), null);
        TestApi.stubMemberPeople(downstream, "EG1", from, today.toString(), people("K1", "K2", "K3"));
        as(HR).body(contest("CSAT-LIVE", "INDIVIDUAL", List.of("EG1"), from, today.plusDays(20).toString(),
                List.of(rule("GOAL", 90, 5, null)))).post(ENG + "/contests").then().statusCode(201);
        // hr: every row and what each would earn now (K3 93 and K1 91 ≥ 90)
        as(HR).get(ENG + "/contests/CSAT-LIVE/standings").then().statusCode(200).body("status", is("OPEN"))
                .body("to", is(today.toString())).body("rows.employeeId", contains("K3", "K1", "K2"))
                .body("awards.employeeId", contains("K3", "K1"));
        // an agent: center EC9's policy (top 10, anonymised), only their own award
        as(K1).get(ENG + "/contests/CSAT-LIVE/standings").then().statusCode(200).body("view", is("TOP_N"))
                .body("rows.label", contains("Agent #1", "Agent K1", "Agent #3"))
                .body("awards.employeeId", contains("K1"));
        as(HR).post(ENG + "/contests/CSAT-LIVE/close").then().statusCode(409)
                .body("type", is(PROBLEMS + "conflict")).body("detail", containsString("runs until"));
        assertEquals(0, count("SELECT count(*) FROM points_entry WHERE contest_code = 'CSAT-LIVE'"));
        as(STRANGER).get(ENG + "/contests/CSAT-LIVE/standings").then().statusCode(404);
        as(OTHER_LEAD).get(ENG + "/contests/CSAT-LIVE/standings").then().statusCode(404);
        as(LEAD_EG1).get(ENG + "/contests/CSAT-LIVE/standings").then().statusCode(200).body("view", is("FULL"));
        as(K1).get(ENG + "/contests/CSAT-LIVE").then().statusCode(200).body("rules[0].type", is("GOAL"));
        as(K1).get(ENG + "/contests/NO-SUCH").then().statusCode(404);
    }

    @Test
    void contestsAreDefinedByHrAndAdminOnlyAndCheckedFieldByField() {
        Map<String, Object> valid = contest("CSAT-BAD", "INDIVIDUAL", List.of("EG1"), "2026-10-01", "2026-10-31",
                List.of(rule("GOAL", 90, 50, "csat-star")));
        as(K1).body(valid).post(ENG + "/contests").then().statusCode(403).body("type", is(PROBLEMS + "forbidden"));
        as(LEAD_EG1).body(valid).post(ENG + "/contests").then().statusCode(403);
        as(K1).post(ENG + "/contests/CSAT-OCT/close").then().statusCode(403);
        given().contentType("application/json").body(json(valid)).post(ENG + "/contests").then().statusCode(401);
        for (Map.Entry<String, Object[]> broken : Map.<String, Object[]>of(
                "metric", new Object[]{"metric", "CSAT"},
                "unitCodes", new Object[]{"unitCodes", List.of()},
                "to", new Object[]{"to", "2026-09-01"},
                "rules[0].badge", new Object[]{"rules", List.of(rule("GOAL", 90, 50, "no-such-badge"))},
                "rules[0].places", new Object[]{"rules", List.of(rule("TOP", 0, 50, null))},
                "rules[0].points", new Object[]{"rules", List.of(rule("GOAL", 90, 0, null))},
                "minSamples", new Object[]{"minSamples", -1}).entrySet()) {
            Map<String, Object> input = new LinkedHashMap<>(valid);
            input.put((String) broken.getValue()[0], broken.getValue()[1]);
            as(HR).body(input).post(ENG + "/contests").then().statusCode(400)
                    .body("type", is(PROBLEMS + "invalid-field")).body("field", is(broken.getKey()));
        }
        as(HR).body(Map.of("code", "CSAT-BAD")).post(ENG + "/contests").then().statusCode(400)
                .body("field", is("name"));
        assertEquals(0, count("SELECT count(*) FROM contest WHERE code = 'CSAT-BAD'"));
        // a code is defined once
        as(HR).body(contest("CSAT-ONCE", "INDIVIDUAL", List.of("EG1"), "2026-08-01", "2026-08-31",
                List.of(rule("TOP", 1, 5, null)))).post(ENG + "/contests").then().statusCode(201);
        as(HR).body(contest("CSAT-ONCE", "INDIVIDUAL", List.of("EG1"), "2026-08-01", "2026-08-31",
                List.of(rule("TOP", 1, 5, null)))).post(ENG + "/contests").then().statusCode(409);
    }

    @Test
    void theBadgeCatalogIsRetiredNeverDeleted() {
        as(HR).body(Map.of("code", "old-star", "nameZh", "旧星", "nameEn", "Old star")).post(ENG + "/badges").then()
                .statusCode(201).header("ETag", "\"1\"").body("nameEn", is("Old star"));
        as(HR).body(Map.of("code", "old-star", "nameZh", "旧星", "nameEn", "Old star")).post(ENG + "/badges").then()
                .statusCode(409);
        as(HR).body(Map.of("code", "bad star", "nameZh", "x", "nameEn", "x")).post(ENG + "/badges").then()
                .statusCode(400).body("field", is("code"));
        as(HR).body(Map.of("code", "no-name", "nameEn", "x")).post(ENG + "/badges").then().statusCode(400)
                .body("field", is("nameZh"));
        as(K1).body(Map.of("code", "my-star", "nameZh", "x", "nameEn", "x")).post(ENG + "/badges").then()
                .statusCode(403);
        as(HR).header("If-Match", "\"7\"").post(ENG + "/badges/old-star/retire").then().statusCode(412)
                .header("ETag", "\"1\"");
        as(ADMIN).header("If-Match", "\"1\"").post(ENG + "/badges/old-star/retire").then().statusCode(200)
                .header("ETag", "\"1-retired\"").body("retiredBy", is("EAD1"));
        as(HR).post(ENG + "/badges/old-star/retire").then().statusCode(200).body("retiredBy", is("EAD1"));
        as(K1).get(ENG + "/badges/old-star").then().statusCode(200).body("retiredAt", org.hamcrest.Matchers
                .notNullValue());
        as(K1).get(ENG + "/badges").then().statusCode(200).body("code", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem("old-star")));
        as(K1).get(ENG + "/badges?includeRetired=true").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.hasItem("old-star"));
        as(HR).body(Map.of("code", "old-star", "nameZh", "旧星", "nameEn", "Old star")).post(ENG + "/badges").then()
                .statusCode(409);
        // no new contest awards a retired badge
        as(HR).body(contest("OLD-STAR", "INDIVIDUAL", List.of("EG1"), "2026-10-01", "2026-10-31",
                List.of(rule("GOAL", 90, 0, "old-star")))).post(ENG + "/contests").then().statusCode(409);
        as(HR).post(ENG + "/badges/no-such/retire").then().statusCode(404);
        as(K1).post(ENG + "/badges/csat-star/retire").then().statusCode(403);
    }

    // ---- leaderboards ----

    /**
     * EG1's October aht, lower is better, at least 10 samples (center EC9's policy): K2 280 (1st), K1 300 and K3 300
     * (2nd, shared: competition ranking 1, 2, 2), K4 250 from 3 samples listed apart.
     */
    @Test
    void leaderboardsRankTiesTheSameAndShowEachRoleWhatThePolicySays() {
        as(HR).body(Map.of("topN", 1, "names", "ANONYMISED", "minSamples", Map.of("aht", 10)))
                .put(ENG + "/leaderboard-policies/EC9").then().statusCode(200).body("defaultPolicy", is(false))
                .body("updatedBy", is("H1"));
        String board = ENG + "/leaderboards?unitCode=EG1&period=2026-10&measure=aht&direction=LOWER";

        as(HR).get(board).then().statusCode(200).body("view", is("FULL")).body("frozen", is(false))
                .body("rows.employeeId", contains("K2", "K1", "K3")).body("rows.rank", contains(1, 2, 2))
                .body("rows.name", contains("Agent K2", "Agent K1", "Agent K3"))
                .body("rows.samples", contains(30, 30, 30))
                .body("unranked.employeeId", contains("K4"))
                .body("unranked[0].reason", is("aht from 3 samples, fewer than the 10 required: insufficient data, "
                        + "not ranked"))
                .body("ranking", containsString("1, 2, 2"));
        as(LEAD_EG1).get(board).then().statusCode(200).body("view", is("FULL")).body("rows", hasSize(3));

        // K3 (2nd, shared) sees the top 1 anonymised and their own row; nobody else
        as(K3).get(board).then().statusCode(200).body("view", is("TOP_N")).body("topN", is(1))
                .body("names", is("ANONYMISED")).body("rankedCount", is(3)).body("unrankedCount", is(1))
                .body("rows.label", contains("Agent #1", "Agent K3")).body("rows[0].employeeId", nullValue())
                .body("rows[0].name", nullValue()).body("rows[1].you", is(true)).body("rows.rank", contains(1, 2))
                .body("unranked", empty());
        // K4, listed apart, sees the top 1 and their own row apart with the reason
        as(K4).get(board).then().statusCode(200).body("rows.label", contains("Agent #1"))
                .body("unranked.employeeId", contains("K4")).body("unranked[0].you", is(true));
        // names shown
        as(HR).body(Map.of("topN", 2, "names", "SHOWN", "minSamples", Map.of("aht", 10)))
                .put(ENG + "/leaderboard-policies/EC9").then().statusCode(200);
        as(K4).get(board).then().statusCode(200).body("rows.label", contains("Agent K2", "Agent K1", "Agent K3"))
                .body("rows.employeeId", contains("K2", "K1", "K3"));

        // out of scope answers as an unknown board: an agent not on it, a supervisor of another unit, a manager
        as(STRANGER).get(board).then().statusCode(404).body("type", is(PROBLEMS + "not-found"))
                .body("detail", is("Leaderboard EG1 2026-10 aht does not exist"));
        as(OTHER_LEAD).get(board).then().statusCode(404);
        as(MANAGER).get(board).then().statusCode(404);
        as(QA).get(board).then().statusCode(403);
        given().get(board).then().statusCode(401);
        as(HR).get(ENG + "/leaderboards?unitCode=EG1&period=2026-13&measure=aht").then().statusCode(400)
                .body("field", is("period"));
        as(HR).get(ENG + "/leaderboards?unitCode=EG1&period=2026-10&measure=aht&direction=UP").then()
                .statusCode(400).body("field", is("direction"));
        as(HR).get(ENG + "/leaderboards?unitCode=EG1&period=2026-10&measure=AHT").then().statusCode(400)
                .body("field", is("measure"));
        as(HR).get(ENG + "/leaderboards?unitCode=EG1&period=2026-Q4&measure=score").then().statusCode(400)
                .body("field", is("period"));
    }

    @Test
    void aSmallGroupShowsAnAgentOnlyTheirOwnRow() {
        // EG2 ranks two agents, fewer than perfcenter.privacy.min-group-size (3)
        as(L1).get(ENG + "/leaderboards?unitCode=EG2&period=2026-10&measure=aht&direction=LOWER").then()
                .statusCode(200).body("rows.employeeId", contains("L1")).body("rows.rank", contains(2))
                .body("withheld", containsString("2 agents are ranked, fewer than 3"));
    }

    /** Score board: K2 95 (1st), K1 88 and K3 88 (2nd, shared). */
    @Test
    void theScoreBoardRanksPublishedTotals() {
        as(ADMIN).get(ENG + "/leaderboards?unitCode=EG1&period=2026-10&measure=score").then().statusCode(200)
                .body("rows.employeeId", contains("K2", "K1", "K3")).body("rows.rank", contains(1, 2, 2))
                .body("rows.value", contains(95, 88, 88)).body("unranked", empty());
    }

    @Test
    void aFrozenBoardReadsAsItWasWhateverChangesAfterwards() {
        stubMetric("EG1", "2026-10-01", "2026-10-31", "fcr", Map.of("K1", new Object[]{0.8, 50},
                "K2", new Object[]{0.9, 50}, "K3", new Object[]{0.7, 50}), null);
        Map<String, Object> freeze = Map.of("unitCode", "EG1", "period", "2026-10", "measure", "fcr");
        as(K1).body(freeze).post(ENG + "/leaderboards/snapshots").then().statusCode(403);
        as(HR).body(Map.of("unitCode", "EG1", "period", "2026-10")).post(ENG + "/leaderboards/snapshots").then()
                .statusCode(400).body("field", is("measure"));
        as(HR).body(freeze).post(ENG + "/leaderboards/snapshots").then().statusCode(201).body("frozen", is(true))
                .body("frozenBy", is("H1")).body("rows.employeeId", contains("K2", "K1", "K3"));
        // a late correction: K3 now 0.95
        stubMetric("EG1", "2026-10-01", "2026-10-31", "fcr", Map.of("K1", new Object[]{0.8, 50},
                "K2", new Object[]{0.9, 50}, "K3", new Object[]{0.95, 50}), null);
        as(HR).body(freeze).post(ENG + "/leaderboards/snapshots").then().statusCode(200)
                .body("rows.employeeId", contains("K2", "K1", "K3"));
        as(HR).get(ENG + "/leaderboards?unitCode=EG1&period=2026-10&measure=fcr").then().statusCode(200)
                .body("frozen", is(true)).body("rows.employeeId", contains("K2", "K1", "K3"))
                .body("rows.value", contains(money("0.9"), money("0.8"), money("0.7")));
        assertEquals(1, count("SELECT count(*) FROM leaderboard_snapshot WHERE measure = 'fcr'"));
    }

    @Test
    void thePolicyIsHrsAndAdminsAndCheckedFieldByField() {
        as(K1).get(ENG + "/leaderboard-policies/NO-CENTER").then().statusCode(200).body("defaultPolicy", is(true))
                .body("topN", is(10)).body("names", is("ANONYMISED"));
        as(K1).body(Map.of("topN", 3, "names", "SHOWN")).put(ENG + "/leaderboard-policies/EC8").then()
                .statusCode(403);
        as(LEAD_EG1).body(Map.of("topN", 3, "names", "SHOWN")).put(ENG + "/leaderboard-policies/EC8").then()
                .statusCode(403);
        as(HR).body(Map.of("topN", 0, "names", "SHOWN")).put(ENG + "/leaderboard-policies/EC8").then()
                .statusCode(400).body("field", is("topN"));
        as(HR).body(Map.of("topN", 3)).put(ENG + "/leaderboard-policies/EC8").then().statusCode(400)
                .body("field", is("names"));
        as(HR).body(Map.of("topN", 3, "names", "SHOWN", "minSamples", Map.of("csat", -1)))
                .put(ENG + "/leaderboard-policies/EC8").then().statusCode(400).body("field", is("minSamples.csat"));
        assertEquals(0, count("SELECT count(*) FROM leaderboard_policy WHERE center_code = 'EC8'"));
        as(ADMIN).body(Map.of("topN", 3, "names", "SHOWN")).put(ENG + "/leaderboard-policies/EC8").then()
                .statusCode(200).body("topN", is(3)).body("updatedBy", is("EAD1"));
    }

    /**
     * Contest HOLD-ZH on EG2's October hold time, lower is better, at least 10 samples: GOAL ≤ 150 → 7 points and
     * csat-star. L1 120 (30 samples) meets it; L2 100 from 5 samples is listed apart. Every sentence the close writes
     * (award, ledger entry, badge grant, the reason for listing apart, the ranking rule) reads in the language of
     * Accept-Language, said in Content-Language; rows written before V9 read in English.
     */
    @Test
    void engagementTextsReadInTheLanguageAskedAndRowsOfBeforeV9InEnglish() {
        stubMetric("EG2", "2026-10-01", "2026-10-31", "hold", Map.of("L1", new Object[]{120, 30},
                "L2", new Object[]{100, 5}), null);
        Map<String, Object> c = contest("HOLD-ZH", "INDIVIDUAL", List.of("EG2"), "2026-10-01", "2026-10-31",
                List.of(rule("GOAL", 150, 7, "csat-star")));
        c.put("metric", "hold");
        c.put("direction", "LOWER");
        as(HR).body(c).post(ENG + "/contests").then().statusCode(201);

        as(HR).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").post(ENG + "/contests/HOLD-ZH/close").then()
                .statusCode(200).header("Content-Language", "zh-CN")
                .header("Vary", containsString("Accept-Language"))
                .body("awards.employeeId", contains("L1"))
                .body("awards[0].reason", is("2026-10-01..2026-10-31 期间 hold 120 ≤ 目标 150：7 积分，徽章 csat-star"))
                .body("standings.unranked[0].reason", is("hold 仅有 5 个样本，少于要求的 10 个：数据不足，不参与排名"))
                .body("standings.ranking", startsWith("竞争排名"));
        // the same close read again in English: the texts stored, not recomputed
        as(HR).header("Accept-Language", "en").post(ENG + "/contests/HOLD-ZH/close").then().statusCode(200)
                .header("Content-Language", "en").body("closedNow", is(false))
                .body("awards[0].reason", is("hold 120 ≤ goal 150 over 2026-10-01..2026-10-31: 7 points, badge "
                        + "csat-star"))
                .body("standings.unranked[0].reason", is("hold from 5 samples, fewer than the 10 required: "
                        + "insufficient data, not ranked"));
        as(L1).header("Accept-Language", "zh").get(ENG + "/contests/HOLD-ZH/standings").then().statusCode(200)
                .header("Content-Language", "zh-CN")
                .body("awards[0].reason", is("2026-10-01..2026-10-31 期间 hold 120 ≤ 目标 150：7 积分，徽章 csat-star"));
        // the ledger and the badges, in both languages; no header: English
        as(L1).header("Accept-Language", "zh-CN").get(ENG + "/points/L1/ledger").then().statusCode(200)
                .header("Content-Language", "zh-CN")
                .body("find { it.contestCode == 'HOLD-ZH' }.reason",
                        is("Contest HOLD-ZH：2026-10-01..2026-10-31 期间 hold 120 ≤ 目标 150：7 积分，徽章 csat-star"));
        as(L1).get(ENG + "/points/L1/ledger").then().statusCode(200).header("Content-Language", "en")
                .body("find { it.contestCode == 'HOLD-ZH' }.reason",
                        is("Contest HOLD-ZH: hold 120 ≤ goal 150 over 2026-10-01..2026-10-31: 7 points, badge "
                                + "csat-star"));
        as(L1).header("Accept-Language", "zh-CN").get(ENG + "/points/L1/badges").then().statusCode(200)
                .header("Content-Language", "zh-CN")
                .body("find { it.contestCode == 'HOLD-ZH' }.reason", startsWith("Contest HOLD-ZH：2026-10-01"));
        // the Chinese texts are fields of the rows, not of the answer: nothing else appears
        as(L1).header("Accept-Language", "zh-CN").get(ENG + "/points/L1/ledger").then().statusCode(200)
                .body("[0].reasonZh", nullValue());

        // a ledger entry and a frozen board written before V9 (no Chinese text) read in English whatever is asked
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            st.executeUpdate("INSERT INTO points_entry (employee_id, points, reason, period, created_at, created_by) "
                    + "VALUES ('L2', 3, 'Old contest: an old reason', '2026-09', now(), 'H1')");
            st.executeUpdate("INSERT INTO leaderboard_snapshot (unit_code, period, measure, direction, board, "
                    + "frozen_at, frozen_by) VALUES ('EG2', '2026-09', 'hold', 'HIGHER', '{\"ranked\": [], "
                    + "\"unranked\": [{\"id\": \"L2\", \"name\": \"Agent L2\", \"value\": 100, \"samples\": 5, "
                    + "\"reason\": \"an old reason\"}]}', now(), 'H1')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        as(HR).header("Accept-Language", "zh-CN").get(ENG + "/points/L2/ledger").then().statusCode(200)
                .header("Content-Language", "zh-CN")
                .body("find { it.period == '2026-09' }.reason", is("Old contest: an old reason"));
        as(HR).header("Accept-Language", "zh-CN").get(ENG + "/leaderboards?unitCode=EG2&period=2026-09&measure=hold")
                .then().statusCode(200).header("Content-Language", "zh-CN").body("frozen", is(true))
                .body("unranked[0].reason", is("an old reason"));
    }

    /**
     * EG1's October hold time, lower is better, frozen by hr: K3 90, K1 100, K2 110 (50 samples each). The unit's
     * snapshots are listed to hr, admin and the unit's supervisor; to an agent those they are on; another supervisor
     * or a manager gets 404, qa 403, no token 401.
     */
    @Test
    void aUnitsSnapshotsAreListedToWhoeverMaySeeTheBoards() {
        stubMetric("EG1", "2026-10-01", "2026-10-31", "hold", Map.of("K1", new Object[]{100, 50},
                "K2", new Object[]{110, 50}, "K3", new Object[]{90, 50}), null);
        as(HR).body(Map.of("unitCode", "EG1", "period", "2026-10", "measure", "hold", "direction", "LOWER"))
                .post(ENG + "/leaderboards/snapshots").then().statusCode(201);
        String list = ENG + "/leaderboards/snapshots?unitCode=EG1&measure=hold";
        as(HR).get(list).then().statusCode(200).header("X-Total-Count", "1")
                .body("period", contains("2026-10")).body("direction", contains("LOWER"))
                .body("rankedCount", contains(3)).body("unrankedCount", contains(0))
                .body("frozenBy", contains("H1")).body("[0].frozenAt", org.hamcrest.Matchers.notNullValue());
        as(ADMIN).get(list + "&period=2026-10").then().statusCode(200).body("measure", contains("hold"));
        as(ADMIN).get(list + "&period=2026-09").then().statusCode(200).body("", empty());
        as(LEAD_EG1).get(list).then().statusCode(200).body("measure", contains("hold"));
        as(K1).get(list).then().statusCode(200).body("measure", contains("hold"));
        // the snapshot listed reads with getLeaderboard and the same keys
        as(K1).get(ENG + "/leaderboards?unitCode=EG1&period=2026-10&measure=hold&direction=LOWER").then()
                .statusCode(200).body("frozen", is(true));
        // an agent sees only the snapshots they are on
        as(L1).get(list).then().statusCode(200).body("", empty());
        as(OTHER_LEAD).get(list).then().statusCode(404).body("type", is(PROBLEMS + "not-found"));
        as(MANAGER).get(list).then().statusCode(404);
        as(QA).get(list).then().statusCode(403);
        given().get(list).then().statusCode(401);
        as(HR).get(ENG + "/leaderboards/snapshots").then().statusCode(400).body("field", is("unitCode"));
        as(HR).get(list + "&period=2026-13").then().statusCode(400).body("field", is("period"));
        as(HR).get(ENG + "/leaderboards/snapshots?unitCode=EG1&measure=Hold").then().statusCode(400)
                .body("field", is("measure"));
        as(HR).get(list + "&limit=0").then().statusCode(400).body("field", is("limit"));
    }

    @Test
    void theOpenApiDocumentNamesEveryEngagementOperation() {
        String doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        for (String id : List.of("getLeaderboard", "freezeLeaderboard", "getLeaderboardPolicy", "setLeaderboardPolicy",
                "createBadge", "listBadges", "getBadge", "retireBadge", "createContest", "listContests", "getContest",
                "getContestStandings", "closeContest", "getPointsBalance", "listPointsLedger", "listEarnedBadges",
                "listLeaderboardSnapshots")) {
            assertEquals(true, doc.contains("\"operationId\" : \"" + id + "\"")
                    || doc.contains("\"operationId\":\"" + id + "\""), id);
        }
        // the plan's new section is documented with the plan
        assertEquals(true, doc.contains("PlanPointsConversion"));
    }

    @Test
    void theOperationsAnsweringEngagementTextsTakeAcceptLanguageAsThePayOperationsDo() {
        // one way in the whole document (since session 14): the header parameter, the same as computeRun's
        Map<String, Map<String, Map<String, Object>>> paths = given().get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        Map<String, Object> pay = acceptLanguage(paths, "computeRun");
        assertEquals("header", pay.get("in"));
        assertEquals(Map.of("type", "string"), pay.get("schema"));
        for (String id : List.of("getContestStandings", "closeContest", "listPointsLedger", "listEarnedBadges",
                "getLeaderboard", "freezeLeaderboard")) {
            assertEquals(pay, acceptLanguage(paths, id), id);
        }
        assertEquals(null, acceptLanguage(paths, "listBadges"), "no texts of its own: no parameter");
    }

    /** The Accept-Language parameter of an operation, by operationId (null when it has none). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> acceptLanguage(Map<String, Map<String, Map<String, Object>>> paths, String id) {
        return paths.values().stream().flatMap(p -> p.values().stream()).filter(o -> id.equals(o.get("operationId")))
                .findFirst().map(o -> (List<Map<String, Object>>) o.getOrDefault("parameters", List.of()))
                .orElseThrow(() -> new AssertionError("no operation " + id)).stream()
                .filter(p -> "Accept-Language".equals(p.get("name"))).findFirst().orElse(null);
    }
}
