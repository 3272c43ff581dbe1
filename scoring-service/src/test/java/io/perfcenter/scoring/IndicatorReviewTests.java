package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.TARGETS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.agent;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.stubMyUnits;
import static io.perfcenter.scoring.ScoringApi.stubOctober;
import static io.perfcenter.scoring.ScoringApi.template;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The indicator review of a unit's published October: four agents with known AHT, CSAT and QA figures, every figure
 * worked out by hand (the quartiles and deviations as in StatisticsTests).
 *
 * <pre>
 *        aht (s)  points (linear 300 full, 480 zero)   csat   points (target 0.85; IRE4's own 0.9)   qa   points
 * IRE1   300      100                                  0.95   100 (capped at 100%)                    85   100
 * IRE2   360      100 × 120 / 180 = 66.67              0.90   100                                     90   100
 * IRE3   420      100 × 60 / 180 = 33.33               0.80   0.80 / 0.85 = 94.12%                    95   100
 * IRE4   480      0                                    0.85   0.85 / 0.90 = 94.44%                    80   100
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class IndicatorReviewTests {

    @Inject
    CircuitBreakerMaintenance breakers;


    static final String REVIEWS = "/api/v1/scoring/indicator-reviews";

    @MetricsServiceMock.Server
    WireMockServer metrics;

    static boolean published;

    @BeforeEach
    void publishOctober() {
        // other test classes make metrics-service fail on purpose; the breaker they open is not this class's concern
        breakers.resetAll();
        stubOctober(metrics, "IRG1", agent("IRE1", "aht", 300, 40, "csat", 0.95, 30, "qa_score", 85, 4),
                agent("IRE2", "aht", 360, 40, "csat", 0.90, 30, "qa_score", 90, 4),
                agent("IRE3", "aht", 420, 40, "csat", 0.80, 30, "qa_score", 95, 4),
                agent("IRE4", "aht", 480, 40, "csat", 0.85, 30, "qa_score", 80, 4));
        if (published) {
            return;
        }
        hr().body(template("IRSEAT", List.of(
                item("aht", "aht", 40, Map.of("type", "linear", "full", 300, "zero", 480, "unit", "s")),
                item("csat", "csat", 40, Map.of("type", "target-achievement", "target", 0.85)),
                item("qa", "qa_score", 20, Map.of("type", "linear", "full", 80, "zero", 50)))))
                .post(TEMPLATES).then().statusCode(201);
        // IRE4's own target (targets/), the others the rule's default
        hr().body(Map.of("metricCode", "csat", "employeeId", "IRE4", "value", 0.9)).put(TARGETS).then()
                .statusCode(200);
        long runId = hr().body(run("IRSEAT", "IRG1", "2026-10")).post(RUNS).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        hr().post(RUNS + "/" + runId + "/publish").then().statusCode(200);
        published = true;
    }

    @Test
    void everyItemsDistributionTargetShareEffectsAndCorrelation() {
        String supervisor = TestTokens.token("IRS1", "supervisor");
        stubMyUnits(metrics, supervisor, "IRG1");
        JsonPath review = as(supervisor).queryParam("unit", "IRG1").queryParam("period", "2026-10")
                .get(REVIEWS).then().statusCode(200)
                .body("templateCode", equalTo("IRSEAT")).body("scorecards", equalTo(4))
                .body("runStatus", equalTo("PUBLISHED")).body("thresholds.ceilingShare", equalTo(90))
                .extract().jsonPath();
        // aht: values 300 360 420 480 → Q1 345, median 390, Q3 435, mean 390, σ 67.0820
        assertEquals("linear", review.getString("items[0].ruleType"));
        assertEquals(4, review.getInt("items[0].scored"));
        assertEquals(List.of(300, 345, 390, 435, 480, 390), List.of(review.getInt("items[0].values.min"),
                review.getInt("items[0].values.q1"), review.getInt("items[0].values.median"),
                review.getInt("items[0].values.q3"), review.getInt("items[0].values.max"),
                review.getInt("items[0].values.mean")));
        assertEquals("67.082", review.getString("items[0].values.stdDev"));
        // points 0, 33.33, 66.67, 100 → Q1 24.9975, median 50, Q3 75.0025, σ 37.2685
        assertEquals("24.9975", review.getString("items[0].points.q1"));
        assertEquals("75.0025", review.getString("items[0].points.q3"));
        assertEquals("37.2685", review.getString("items[0].points.stdDev"));
        // no target for a linear item: full marks (300 s or less), one agent of four → 25%, far below the 80% aim
        assertEquals("FULL_MARKS", review.getString("items[0].target.basis"));
        assertEquals(1, review.getInt("items[0].target.meeting"));
        assertEquals("25", review.getString("items[0].target.share"));
        assertEquals("FAR_BELOW", review.getString("items[0].target.aim"));
        assertEquals("25", review.getString("items[0].ceiling.share"));
        assertEquals("25", review.getString("items[0].floor.share"));
        assertFalse(review.getBoolean("items[0].floor.flagged"));
        // r(aht, csat) = −12 / 15 = −0.8
        assertEquals("-0.8", review.getString("items[0].csat.r"));
        assertEquals(4, review.getInt("items[0].csat.pairs"));

        // csat: the target each scorecard applied; IRE1, IRE2 meet 0.85, IRE3 does not, IRE4 misses their own 0.9
        assertEquals("TARGET", review.getString("items[1].target.basis"));
        assertEquals("target applied per scorecard: agent IRE4 0.9 (1), rule default 0.85 (3); at or above it",
                review.getString("items[1].target.description"));
        assertEquals(2, review.getInt("items[1].target.meeting"));
        assertEquals("50", review.getString("items[1].target.share"));
        assertEquals("FAR_BELOW", review.getString("items[1].target.aim"));
        // values 0.80 0.85 0.90 0.95 → Q1 0.8375, median 0.875, Q3 0.9125, σ √0.003125 = 0.0559
        assertEquals("0.8375", review.getString("items[1].values.q1"));
        assertEquals("0.0559", review.getString("items[1].values.stdDev"));
        // points 94.12 94.44 100 100 → Q1 94.12 + 0.75 × 0.32 = 94.36, median 97.22, mean 97.14
        assertEquals("94.36", review.getString("items[1].points.q1"));
        assertEquals("97.22", review.getString("items[1].points.median"));
        assertEquals("97.14", review.getString("items[1].points.mean"));
        assertEquals("50", review.getString("items[1].ceiling.share"));
        assertEquals("1", review.getString("items[1].csat.r"));

        // qa: everyone at 80 or more → full marks for all: a ceiling effect (100% ≥ 90%) and far above the aim
        assertEquals("100", review.getString("items[2].ceiling.share"));
        assertTrue(review.getBoolean("items[2].ceiling.flagged"));
        assertEquals("FAR_ABOVE", review.getString("items[2].target.aim"));
        // points all 100: no spread; r(qa, csat): Σdxdy −0.5 / √(125 × 0.0125) = −0.4
        assertEquals("0", review.getString("items[2].points.stdDev"));
        assertEquals("-0.4", review.getString("items[2].csat.r"));
        assertNull(review.get("items[2].csat.reason"));
    }

    @Test
    void hrDownloadsItAsCsv() {
        String csv = hr().queryParam("unit", "IRG1").queryParam("period", "2026-10").get(REVIEWS + "/export")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"indicator-review-IRG1-2026-10.csv\""))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("unitCode,period,templateCode,templateVersion,runId,itemCode,itemName,"));
        assertTrue(lines[1].startsWith("IRG1,2026-10,IRSEAT,1,"), lines[1]);
        assertTrue(lines[1].contains(",aht,Item aht,aht,linear,4,0,300,345,390,435,480,390,67.082,"
                + "0,24.9975,50,75.0025,100,50,37.2685,FULL_MARKS,"), lines[1]);
        assertTrue(lines[1].endsWith(",1,25,FAR_BELOW,1,25,false,1,25,false,-0.8,4,"), lines[1]);
        // the description holds commas and is quoted
        assertTrue(lines[2].contains(",TARGET,\"target applied per scorecard: agent IRE4 0.9 (1), rule default "
                + "0.85 (3); at or above it\",2,50,FAR_BELOW,"), lines[2]);
    }

    @Test
    void scopeRolesAndBadInput() {
        String other = TestTokens.token("IRS9", "supervisor");
        stubMyUnits(metrics, other, "IRG9");
        // a unit outside the caller's scope answers as an unknown one
        String unknown = hr().queryParam("unit", "NOPE").queryParam("period", "2026-10").get(REVIEWS).then()
                .statusCode(404).extract().path("title");
        as(other).queryParam("unit", "IRG1").queryParam("period", "2026-10").get(REVIEWS).then().statusCode(404)
                .body("title", equalTo(unknown)).body("detail", equalTo("Unit IRG1 does not exist"));
        as(other).queryParam("unit", "IRG1").queryParam("period", "2026-10").get(REVIEWS + "/export").then()
                .statusCode(404);
        // roles: agents, qa and machine clients do not review indicators
        for (String role : new String[]{"agent", "qa", "appeals"}) {
            as("IRE1", role).queryParam("unit", "IRG1").queryParam("period", "2026-10").get(REVIEWS).then()
                    .statusCode(403);
        }
        as(null, "service").queryParam("unit", "IRG1").queryParam("period", "2026-10").get(REVIEWS).then()
                .statusCode(403);
        RestAssured.given().queryParam("unit", "IRG1").queryParam("period", "2026-10").get(REVIEWS).then()
                .statusCode(401);
        // a month without published scorecards, bad parameters
        hr().queryParam("unit", "IRG1").queryParam("period", "2026-09").get(REVIEWS).then().statusCode(404);
        hr().queryParam("unit", "IRG1").queryParam("period", "2026-13").get(REVIEWS).then().statusCode(400)
                .body("field", equalTo("period"));
        hr().queryParam("period", "2026-10").get(REVIEWS).then().statusCode(400).body("field", equalTo("unit"));
        hr().queryParam("unit", "IRG1").get(REVIEWS).then().statusCode(400).body("field", equalTo("period"));
        hr().queryParam("unit", "IRG1").queryParam("period", "2026-10").queryParam("templateCode", "OTHER")
                .get(REVIEWS).then().statusCode(404);
    }
}
