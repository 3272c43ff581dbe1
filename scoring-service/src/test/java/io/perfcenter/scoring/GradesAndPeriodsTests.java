package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.SCORECARDS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.agent;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.report;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.stubAggregates;
import static io.perfcenter.scoring.ScoringApi.stubOctober;
import static io.perfcenter.scoring.ScoringApi.template;
import static io.perfcenter.scoring.ScoringApi.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Grades and forced distribution with ties, rank and percentile; quarter, year and custom periods; idempotent runs,
 * revisions with their changes, reproduction and superseding.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class GradesAndPeriodsTests {

    @MetricsServiceMock.Server
    WireMockServer metrics;

    private static Map<String, Object> scoreTemplate(String code) {
        return template(code, List.of(item("score", "qa_score", 100, Map.of("type", "linear", "full", 100,
                "zero", 0))));
    }

    @Test
    void forcedDistributionGradesByRankAndTiesShareTheBetterGrade() {
        hr().body(with(scoreTemplate("FORCED"), "distribution", Map.of("quotas", List.of(
                Map.of("grade", "excellent", "share", 10), Map.of("grade", "good", "share", 30),
                Map.of("grade", "pass", "share", 50), Map.of("grade", "fail", "share", 10)))))
                .post(TEMPLATES).then().statusCode(201).body("distribution.quotas.grade",
                        contains("excellent", "good", "pass", "fail"));
        int[] totals = {95, 95, 90, 85, 80, 75, 70, 65, 60, 50};
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            agents.add(agent("D" + i, "qa_score", totals[i], 5));
        }
        stubOctober(metrics, "RDIST", agents.toArray(String[]::new));
        JsonPath run = hr().body(run("FORCED", "RDIST", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath();
        assertEquals(List.of(1, 1, 3, 4, 5, 6, 7, 8, 9, 10), run.getList("scorecards.rank"));
        // 10 agents, 10/30/50/10: one excellent — but D0 and D1 tie at 95, so both are; good gets the next two
        // places to reach 4 (cumulative 40%), pass places 5–9, fail the last
        assertEquals(List.of("excellent", "excellent", "good", "good", "pass", "pass", "pass", "pass", "pass", "fail"),
                run.getList("scorecards.grade"));
        // the bands alone would have said otherwise
        assertEquals(List.of("excellent", "excellent", "excellent", "good", "good", "pass", "pass", "fail", "fail",
                "fail"), run.getList("scorecards.bandGrade"));
        assertEquals(List.of(100f, 100f, 77.78f, 66.67f, 55.56f, 44.44f, 33.33f, 22.22f, 11.11f, 0f),
                run.getList("scorecards.percentile", Float.class));
    }

    @Test
    void quarterYearAndCustomPeriods() {
        hr().body(scoreTemplate("PERIODS")).post(TEMPLATES).then().statusCode(201);
        stubAggregates(metrics, "RPER", "2026-07-01", "2026-09-30", report("RPER", null,
                agent("Q1", "qa_score", 88, 30)));
        stubAggregates(metrics, "RPER", "2026-01-01", "2026-12-31", report("RPER", null,
                agent("Q1", "qa_score", 91, 120)));
        stubAggregates(metrics, "RPER", "2026-10-05", "2026-11-04", report("RPER", null,
                agent("Q1", "qa_score", 77, 10)));
        hr().body(run("PERIODS", "RPER", "2026-Q3")).post(RUNS).then().statusCode(201)
                .body("period", equalTo("2026-Q3")).body("from", equalTo("2026-07-01"))
                .body("to", equalTo("2026-09-30")).body("scorecards[0].total", equalTo(88.0f))
                .body("scorecards[0].period", equalTo("2026-Q3"));
        hr().body(run("PERIODS", "RPER", "2026")).post(RUNS).then().statusCode(201)
                .body("from", equalTo("2026-01-01")).body("to", equalTo("2026-12-31"))
                .body("scorecards[0].grade", equalTo("excellent"));
        hr().body(run("PERIODS", "RPER", "2026-10-05..2026-11-04")).post(RUNS).then().statusCode(201)
                .body("from", equalTo("2026-10-05")).body("scorecards[0].total", equalTo(77.0f));
        hr().queryParam("period", "2026-Q3").queryParam("unit", "RPER").get(SCORECARDS).then().statusCode(200)
                .body("employeeId", contains("Q1")).body("period", everyItem(equalTo("2026-Q3")));
        for (String bad : new String[]{"2026-Q5", "2026-13", "26", "2026-11-04..2026-10-05", "2026-01-01..2027-12-31"}) {
            hr().body(run("PERIODS", "RPER", bad)).post(RUNS).then().statusCode(400).body("field", equalTo("period"));
        }
    }

    @Test
    void sameInputsSameRunCorrectedInputsANewRevisionWithItsChanges() {
        Map<String, Object> t = template("REV", List.of(
                item("calls", "calls_handled", 60, Map.of("type", "linear", "full", 3000, "zero", 1000)),
                item("csat", "csat", 40, Map.of("type", "linear", "full", 4.8, "zero", 3.0))));
        hr().body(t).post(TEMPLATES).then().statusCode(201);
        stubOctober(metrics, "RREV", agent("V1", "calls_handled", 2800, 22, "csat", 4.8, 30),
                agent("V2", "calls_handled", 2600, 22, "csat", 3.9, 30));
        JsonPath first = hr().body(run("REV", "RREV", "2026-10")).post(RUNS).then().statusCode(201)
                .body("revision", equalTo(1)).body("previousRunId", nullValue()).body("unchanged", equalTo(false))
                .extract().jsonPath();
        long rev1 = first.getLong("id");
        // again, same inputs: the same run, nothing new
        hr().body(run("REV", "RREV", "2026-10")).post(RUNS).then().statusCode(200)
                .body("id", equalTo((int) rev1)).body("unchanged", equalTo(true))
                .body("inputsHash", equalTo(first.getString("inputsHash")));
        hr().queryParam("unit", "RREV").get(RUNS).then().body("$", hasSize(1));
        hr().post(RUNS + "/" + rev1 + "/publish").then().statusCode(200);

        // QA re-scoring corrected V2's CSAT in metrics-service
        stubOctober(metrics, "RREV", agent("V1", "calls_handled", 2800, 22, "csat", 4.8, 30),
                agent("V2", "calls_handled", 2600, 22, "csat", 4.8, 31));
        JsonPath second = hr().body(run("REV", "RREV", "2026-10")).post(RUNS).then().statusCode(201)
                .body("revision", equalTo(2)).body("previousRunId", equalTo((int) rev1))
                .body("status", equalTo("COMPUTED")).extract().jsonPath();
        long rev2 = second.getLong("id");
        assertEquals(List.of("V2"), second.getList("changes.employeeId"));
        assertEquals("CHANGED", second.getString("changes[0].change"));
        assertEquals(68f, second.getFloat("changes[0].totalBefore"));
        assertEquals(88f, second.getFloat("changes[0].totalAfter"));
        assertEquals("fail", second.getString("changes[0].gradeBefore"));
        assertEquals("good", second.getString("changes[0].gradeAfter"));
        assertEquals(List.of("csat"), second.getList("changes[0].items.itemCode"));
        assertEquals(3.9f, second.getFloat("changes[0].items[0].valueBefore"));
        assertEquals(4.8f, second.getFloat("changes[0].items[0].valueAfter"));
        hr().get(RUNS + "/" + rev2 + "/changes").then().statusCode(200).body("employeeId", contains("V2"));
        hr().queryParam("against", 999999).get(RUNS + "/" + rev2 + "/changes").then().statusCode(400)
                .body("field", equalTo("against"));
        // every result can be recomputed from what was stored with it
        hr().get(RUNS + "/" + rev2 + "/reproduction").then().statusCode(200).body("identical", equalTo(true))
                .body("scorecards", equalTo(2)).body("differences", empty());
        hr().get(RUNS + "/" + rev1 + "/reproduction").then().statusCode(200).body("identical", equalTo(true));

        // until revision 2 is published, incentive-service still reads revision 1
        String incentive = TestTokens.system("service");
        as(incentive).queryParam("unit", "RREV").queryParam("status", "PUBLISHED").get(SCORECARDS).then()
                .body("runId", everyItem(equalTo((int) rev1)));
        hr().post(RUNS + "/" + rev2 + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        hr().get(RUNS + "/" + rev1).then().body("status", equalTo("SUPERSEDED"))
                .body("scorecards.status", everyItem(equalTo("SUPERSEDED")));
        as(incentive).queryParam("unit", "RREV").queryParam("status", "PUBLISHED").get(SCORECARDS).then()
                .body("runId", everyItem(equalTo((int) rev2))).body("$", hasSize(2));
        hr().post(RUNS + "/" + rev1 + "/publish").then().statusCode(409);
        hr().get(RUNS + "/" + rev2 + "/history").then().statusCode(200)
                .body("action", contains("RUN_COMPUTED", "RUN_PUBLISHED"));

        // a new template version is a new input too; the old version can still be run on purpose
        hr().body(with(t, "name", "REV from November")).post(TEMPLATES).then().statusCode(201)
                .body("version", equalTo(2));
        hr().body(run("REV", "RREV", "2026-10")).post(RUNS).then().statusCode(201).body("revision", equalTo(3))
                .body("templateVersion", equalTo(2));
        hr().body(Map.of("templateCode", "REV", "unitCode", "RREV", "period", "2026-10", "templateVersion", 1))
                .post(RUNS).then().statusCode(201).body("revision", equalTo(4)).body("templateVersion", equalTo(1));
        hr().body(Map.of("templateCode", "REV", "unitCode", "RREV", "period", "2026-10", "templateVersion", 9))
                .post(RUNS).then().statusCode(400).body("field", equalTo("templateVersion"));
    }
}
