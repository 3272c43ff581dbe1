package io.perfcenter.incentive.engagement;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.perfcenter.incentive.DownstreamServices;
import io.perfcenter.incentive.DownstreamServices.InjectDownstream;
import io.perfcenter.incentive.TestApi;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A contest's close tells what it wrote (contest.closed once, points.awarded, badge.awarded and honor.awarded per entry)
 * and gives the honor it names to its winners, once. Own org: unit CHG1 with agents CH1..CH4, August 2026 csat:
 * CH2 95 (20 samples), CH4 95 (30), CH1 92 (40), CH3 88 (25). Ranked (higher is better, ties by id share a place):
 * CH2 1st, CH4 1st, CH1 3rd, CH3 4th.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(DownstreamServices.class)
class ContestEventsTests {

    static final String ENG = BASE + "/engagement";
    static final String CH1 = TestTokens.token("CH1", "agent");

    @InjectDownstream
    WireMockServer downstream;

    @Inject
    AgroalDataSource dataSource;

    private void org() {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("code", "CHG1");
        u.put("name", "Unit CHG1");
        u.put("kind", "GROUP");
        u.put("parentCode", null);
        downstream.stubFor(get(urlPathEqualTo(TestApi.ORG_UNITS + "CHG1")).willReturn(okJson(json(u))));
        Map<String, String[]> people = new LinkedHashMap<>();
        for (String id : List.of("CH1", "CH2", "CH3", "CH4")) {
            people.put(id, new String[]{"seat", "2024-01-01"});
        }
        TestApi.stubMemberPeople(downstream, "CHG1", "2026-08-01", "2026-08-31", people);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object[]> csat = new LinkedHashMap<>();
        csat.put("CH1", new Object[]{92, 40});
        csat.put("CH2", new Object[]{95, 20});
        csat.put("CH3", new Object[]{88, 25});
        csat.put("CH4", new Object[]{95, 30});
        csat.forEach((employee, v) -> rows.add(Map.of("employeeId", employee,
                "values", Map.of("csat", Map.of("value", v[0], "samples", v[1])))));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("unitCode", "CHG1");
        report.put("from", "2026-08-01");
        report.put("to", "2026-08-31");
        report.put("metrics", List.of("csat"));
        report.put("agents", rows);
        downstream.stubFor(get(urlPathEqualTo(TestApi.AGGREGATES)).withQueryParam("unit", equalTo("CHG1"))
                .withQueryParam("metric", equalTo("csat")).withQueryParam("from", equalTo("2026-08-01"))
                .withQueryParam("to", equalTo("2026-08-31")).willReturn(okJson(json(report))));
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

    private List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Map<String, Object> contest(String code, Object honor) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code);
        c.put("name", "Contest " + code);
        c.put("metric", "csat");
        c.put("unitCodes", List.of("CHG1"));
        c.put("from", "2026-08-01");
        c.put("to", "2026-08-31");
        c.put("minSamples", 10);
        c.put("rules", List.of(Map.of("type", "GOAL", "threshold", 90, "points", 20, "badge", "ch-star")));
        if (honor != null) {
            c.put("honor", honor);
        }
        return c;
    }

    private void award(String code) {
        Map<String, Object> star = new LinkedHashMap<>();
        star.put("code", code);
        star.put("name", "Star " + code);
        star.put("cadence", "MONTHLY");
        star.put("rankBy", Map.of("measure", "score"));
        star.put("winners", 1);
        as(HR).body(star).post(BASE + "/honors/awards").then().statusCode(201);
    }

    /**
     * GOAL csat ≥ 90 → 20 points and badge ch-star: CH2, CH4 and CH1 (95, 95, 92), not CH3 (88): 3 ledger entries,
     * 3 badges. Honor CH-HONOR to place 1: CH2 and CH4 (tied on 95), in CHG1's run for 2026-08. Events: contest.closed
     * once, 3 points.awarded, 3 badge.awarded, 2 honor.awarded; a second close writes and emits nothing.
     */
    @Test
    void closingEmitsItsEventsOnceAndGivesTheNamedHonorToTheWinnersOnce() {
        org();
        as(HR).body(Map.of("code", "ch-star", "nameZh", "之星", "nameEn", "CH star")).post(ENG + "/badges").then()
                .statusCode(201);
        award("CH-HONOR");
        as(HR).body(contest("CH-AUG", Map.of("award", "CH-HONOR"))).post(ENG + "/contests").then().statusCode(201)
                .body("honor.award", is("CH-HONOR")).body("honor.places", is(1));

        JsonPath closed = as(HR).post(ENG + "/contests/CH-AUG/close").then().statusCode(200)
                .body("closedNow", is(true)).extract().jsonPath();
        assertEquals(List.of("CH2", "CH4", "CH1"), closed.getList("awards.employeeId"));
        assertEquals(List.of("CH2", "CH4"), closed.getList("honors.employeeId"));
        assertEquals(List.of(1, 1), closed.getList("honors.place"));
        assertEquals(List.of("2026-08", "2026-08"), closed.getList("honors.period"));
        assertEquals(List.of("CHG1", "CHG1"), closed.getList("honors.unitCode"));

        String ofContest = "FROM outbox_event WHERE data::jsonb ->> 'contestCode' = 'CH-AUG'";
        assertEquals(List.of("io.perfcenter.incentive.contest.closed CH-AUG"),
                rows("SELECT type || ' ' || subject " + ofContest + " AND type LIKE '%contest.closed'"));
        assertEquals(List.of("CH1", "CH2", "CH4"),
                rows("SELECT subject " + ofContest + " AND type LIKE '%points.awarded' ORDER BY subject"));
        assertEquals(List.of("20", "20", "20"),
                rows("SELECT data::jsonb ->> 'points' " + ofContest + " AND type LIKE '%points.awarded'"));
        assertEquals(List.of("CH1", "CH2", "CH4"),
                rows("SELECT subject " + ofContest + " AND type LIKE '%badge.awarded' ORDER BY subject"));
        assertEquals(List.of("CH star"),
                rows("SELECT DISTINCT data::jsonb ->> 'badgeName' " + ofContest + " AND type LIKE '%badge.awarded'"));
        String honors = "FROM outbox_event WHERE type = 'io.perfcenter.incentive.honor.awarded' "
                + "AND data::jsonb ->> 'awardCode' = 'CH-HONOR'";
        assertEquals(List.of("CH2", "CH4"), rows("SELECT subject " + honors + " ORDER BY subject"));
        // contest.closed counts what it wrote: 3 awards of 20 points, 3 badges, 2 honor winners
        assertEquals(List.of("3 60 3 2"), rows("SELECT concat_ws(' ', data::jsonb ->> 'awards', "
                + "data::jsonb ->> 'pointsAwarded', data::jsonb ->> 'badgesAwarded', data::jsonb ->> 'honorWinners') "
                + ofContest + " AND type LIKE '%contest.closed'"));

        // closing again: nothing written, nothing emitted, the same honors answered
        as(HR).post(ENG + "/contests/CH-AUG/close").then().statusCode(200).body("closedNow", is(false))
                .body("honors.employeeId", org.hamcrest.Matchers.contains("CH2", "CH4"));
        // 1 contest.closed + 3 points.awarded + 3 badge.awarded (honor.awarded is counted apart)
        assertEquals(7, count("SELECT count(*) " + ofContest));
        assertEquals(2, count("SELECT count(*) " + honors));
        assertEquals(1, count("SELECT count(*) FROM honor_run WHERE contest_code = 'CH-AUG'"));
        assertEquals(2, count("SELECT count(*) FROM honor_winner w JOIN honor_run r ON r.id = w.honor_run_id "
                + "WHERE r.contest_code = 'CH-AUG'"));

        // the honors history lists them, with the contest; a judged run of the same award is a separate matter
        as(CH1).get(BASE + "/honors/history?awardCode=CH-HONOR").then().statusCode(200)
                .body("employeeId", org.hamcrest.Matchers.contains("CH2", "CH4"))
                .body("contestCode", org.hamcrest.Matchers.contains("CH-AUG", "CH-AUG"))
                .body("period", org.hamcrest.Matchers.contains("2026-08", "2026-08"))
                .body("reason[0]", is("contest CH-AUG (Contest CH-AUG): place 1 of 4 ranked on csat 95 over "
                        + "2026-08-01..2026-08-31"));
    }

    /** A contest without an honor writes no honor run and still says it closed. */
    @Test
    void aContestWithoutAnHonorClosesWithEventsOnly() {
        org();
        as(HR).body(Map.of("code", "ch-plain", "nameZh", "平", "nameEn", "Plain")).post(ENG + "/badges").then()
                .statusCode(201);
        Map<String, Object> c = contest("CH-PLAIN", null);
        c.put("rules", List.of(Map.of("type", "TOP", "places", 1, "points", 5)));
        as(HR).body(c).post(ENG + "/contests").then().statusCode(201);
        as(HR).post(ENG + "/contests/CH-PLAIN/close").then().statusCode(200).body("honors", org.hamcrest.Matchers.empty());
        String ofContest = "FROM outbox_event WHERE data::jsonb ->> 'contestCode' = 'CH-PLAIN'";
        // TOP 1: CH2 and CH4 share the first place: 5 points each, no badge
        assertEquals(List.of("badge.awarded 0", "contest.closed 1", "points.awarded 2"), List.of(
                "badge.awarded " + count("SELECT count(*) " + ofContest + " AND type LIKE '%badge.awarded'"),
                "contest.closed " + count("SELECT count(*) " + ofContest + " AND type LIKE '%contest.closed'"),
                "points.awarded " + count("SELECT count(*) " + ofContest + " AND type LIKE '%points.awarded'")));
        assertEquals(0, count("SELECT count(*) FROM honor_run WHERE contest_code = 'CH-PLAIN'"));
    }

    @Test
    void aContestsHonorIsCheckedFieldByField() {
        award("CH-HONOR-B");
        for (Map.Entry<String, Object> broken : Map.<String, Object>of(
                "honor.award", Map.of("places", 1),
                "honor.places", Map.of("award", "CH-HONOR-B", "places", 0)).entrySet()) {
            as(HR).body(contest("CH-BAD", broken.getValue())).post(ENG + "/contests").then().statusCode(400)
                    .body("type", is(PROBLEMS + "invalid-field")).body("field", is(broken.getKey()));
        }
        as(HR).body(contest("CH-BAD", Map.of("award", "NO-SUCH-AWARD"))).post(ENG + "/contests").then()
                .statusCode(400).body("field", is("honor.award"));
        as(HR).body(contest("CH-BAD", Map.of("award", "CH-HONOR-B", "places", 1001))).post(ENG + "/contests").then()
                .statusCode(400).body("field", is("honor.places"));
        as(CH1).body(contest("CH-BAD", Map.of("award", "CH-HONOR-B"))).post(ENG + "/contests").then().statusCode(403);
        assertEquals(0, count("SELECT count(*) FROM contest WHERE code = 'CH-BAD'"));
    }
}
