package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.scoring.ScoringApi.REVIEWS;
import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.SCORECARDS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.agent;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.stubMyUnits;
import static io.perfcenter.scoring.ScoringApi.stubOctober;
import static io.perfcenter.scoring.ScoringApi.template;
import static io.perfcenter.scoring.ScoringApi.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * draft (computed) → self-assessment and manual ratings (德能绩勤) → supervisor review with one-on-one feedback →
 * published → locked; each step by whom it belongs to, each denial a problem, each transition audited.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class LifecycleTests {

    private static final Map<String, Object> FOUR = Map.of("de", 4, "neng", 5, "ji", 4, "qin", 4);

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Test
    void fromDraftThroughReviewToLocked() {
        Map<String, Object> attitude = new LinkedHashMap<>(Map.of("code", "attitude", "name", "德能绩勤",
                "category", "behaviour", "weight", 40, "rule", Map.of("type", "manual-rating",
                        "dimensions", List.of(dim("de"), dim("neng"), dim("ji"), dim("qin")),
                        "raters", List.of(Map.of("role", "supervisor", "weight", 60),
                                Map.of("role", "peer", "weight", 20), Map.of("role", "self", "weight", 20)))));
        hr().body(with(template("LIFE", List.of(item("calls", "calls_handled", 60, Map.of("type", "linear",
                "full", 3000, "zero", 1000)), attitude)), "review", Map.of("required", true)))
                .post(TEMPLATES).then().statusCode(201).body("review.required", equalTo(true));
        stubOctober(metrics, "GLC", agent("L1", "calls_handled", 3000, 22), agent("L2", "calls_handled", 2000, 22),
                agent("L3", "calls_handled", 2500, 22));
        String supervisor = TestTokens.token("SLC", "supervisor");
        stubMyUnits(metrics, supervisor, "GLC");
        String otherSupervisor = TestTokens.token("SOT", "supervisor");
        stubMyUnits(metrics, otherSupervisor, "GOT");
        String l1 = TestTokens.token("L1", "agent");
        String l2 = TestTokens.token("L2", "agent");

        JsonPath run = hr().body(run("LIFE", "GLC", "2026-10")).post(RUNS).then().statusCode(201).extract()
                .jsonPath();
        long runId = run.getLong("id");
        String card1 = "scorecards.find { it.employeeId == 'L1' }";
        long l1Card = run.getLong(card1 + ".id");
        long l2Card = run.getLong("scorecards.find { it.employeeId == 'L2' }.id");
        long l3Card = run.getLong("scorecards.find { it.employeeId == 'L3' }.id");
        assertEquals("No ratings yet (supervisor, peer, self): insufficient data, 0 points",
                run.getString(card1 + ".items[1].explanation"));
        assertEquals(60f, run.getFloat(card1 + ".total"));

        // a draft is not the agent's to see or assess yet: as far as they can tell it does not exist
        as(l1).get(SCORECARDS).then().statusCode(200).body("$", empty());
        as(l1).body(Map.of("summary", "x")).put(REVIEWS + "/" + l1Card + "/self-assessment").then().statusCode(404)
                .body("detail", equalTo("Scorecard " + l1Card + " does not exist"));
        // the supervisor may rate already; another unit's supervisor may not (to them the scorecard answers as an
        // unknown id), nor may peers before the review opens (nor do they see it yet)
        as(supervisor).body(Map.of("itemCode", "attitude", "role", "supervisor", "scores", FOUR))
                .put(REVIEWS + "/" + l1Card + "/ratings").then().statusCode(200).body("raterId", equalTo("SLC"));
        as(otherSupervisor).body(Map.of("itemCode", "attitude", "role", "supervisor", "scores", FOUR))
                .put(REVIEWS + "/" + l1Card + "/ratings").then().statusCode(404)
                .body("type", equalTo("https://perfcenter.io/problems/not-found"))
                .body("detail", equalTo("Scorecard " + l1Card + " does not exist"));
        as(otherSupervisor).body(Map.of("itemCode", "attitude", "role", "supervisor", "scores", FOUR))
                .put(REVIEWS + "/999999/ratings").then().statusCode(404)
                .body("type", equalTo("https://perfcenter.io/problems/not-found"))
                .body("detail", equalTo("Scorecard 999999 does not exist"));
        as(l2).body(Map.of("itemCode", "attitude", "role", "peer", "scores", FOUR))
                .put(REVIEWS + "/" + l1Card + "/ratings").then().statusCode(404);
        as(supervisor).body(Map.of("itemCode", "attitude", "role", "supervisor", "scores", Map.of("de", 6,
                "neng", 5, "ji", 4, "qin", 4))).put(REVIEWS + "/" + l1Card + "/ratings").then().statusCode(400)
                .body("field", equalTo("scores")).body("detail", containsString("de must be between 1 and 5"));
        as(supervisor).body(Map.of("itemCode", "calls", "role", "supervisor", "scores", FOUR))
                .put(REVIEWS + "/" + l1Card + "/ratings").then().statusCode(400).body("field", equalTo("itemCode"));
        // rated: supervisor 4.25 of 5 → 85 points × 40% = 34
        hr().get(SCORECARDS + "/" + l1Card).then().body("total", equalTo(94.0f))
                .body("items[1].points", equalTo(85));

        hr().post(RUNS + "/" + runId + "/publish").then().statusCode(409)
                .body("detail", containsString("requires a supervisor review"));
        as(supervisor).post(RUNS + "/" + runId + "/review").then().statusCode(403);
        hr().post(RUNS + "/" + runId + "/review").then().statusCode(200).body("status", equalTo("IN_REVIEW"))
                .body("scorecards.status", everyItem(equalTo("IN_REVIEW"))).body("reviewOpenedBy", equalTo("H1"));
        hr().post(RUNS + "/" + runId + "/review").then().statusCode(409);

        // the agent sees their own draft now, and assesses it — their own only
        as(l1).get(SCORECARDS).then().statusCode(200).body("id", contains((int) l1Card));
        as(l1).body(Map.of("summary", "Not mine")).put(REVIEWS + "/" + l2Card + "/self-assessment").then()
                .statusCode(403);
        as(l1).body(Map.of("summary", "")).put(REVIEWS + "/" + l1Card + "/self-assessment").then().statusCode(400)
                .body("field", equalTo("summary"));
        as(l1).body(Map.of("summary", "Handled the peak; CSAT dipped after the outage.", "ratings",
                Map.of("attitude", Map.of("de", 5, "neng", 5, "ji", 4, "qin", 4))))
                .put(REVIEWS + "/" + l1Card + "/self-assessment").then().statusCode(200)
                .body("review.selfAssessment", equalTo("Handled the peak; CSAT dipped after the outage."));
        // peers: agents of the same run see where the review stands (no results) and rate each other
        as(l2).queryParam("runId", runId).get(REVIEWS).then().statusCode(200).body("$", hasSize(3))
                .body("[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("total")));
        as("Z9", "agent").queryParam("runId", runId).get(REVIEWS).then().statusCode(404)
                .body("detail", equalTo("Run " + runId + " does not exist"));
        as(l2).body(Map.of("itemCode", "attitude", "role", "peer", "scores", Map.of("de", 4, "neng", 4, "ji", 4,
                "qin", 4), "comment", "Helps new colleagues")).put(REVIEWS + "/" + l1Card + "/ratings").then()
                .statusCode(200);
        as(l1).body(Map.of("itemCode", "attitude", "role", "peer", "scores", FOUR))
                .put(REVIEWS + "/" + l1Card + "/ratings").then().statusCode(403);
        // supervisor 4.25 × 60% + peer 4 × 20% + self 4.5 × 20% = 4.25 of 5 → 85
        as(l1).get(SCORECARDS + "/" + l1Card).then().statusCode(200).body("items[1].explanation", equalTo(
                "supervisor 4.25 (de 4, neng 5, ji 4, qin 4) × 60% + peer 4 (de 4, neng 4, ji 4, qin 4) × 20% + self "
                        + "4.5 (de 5, neng 5, ji 4, qin 4) × 20% = 4.25 of 5 → 85 points; weight 40% → 34"));
        as(supervisor).get(REVIEWS + "/" + l1Card + "/ratings").then().statusCode(200)
                .body("role", contains("supervisor", "self", "peer"))
                .body("raterId", contains("SLC", "L1", "L2"));
        // peer raters are anonymous to the rated agent: L1 reads the peer's scores and comment, not who gave them
        as(l1).get(REVIEWS + "/" + l1Card + "/ratings").then().statusCode(200)
                .body("role", contains("supervisor", "self", "peer"))
                .body("raterId", contains("SLC", "L1", null))
                .body("[2].comment", equalTo("Helps new colleagues"))
                .body("[2]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasValue("L2")));

        // the supervisor reviews their group's scorecards, with one-on-one feedback notes
        as(otherSupervisor).body(Map.of("comments", "x")).post(REVIEWS + "/" + l1Card).then().statusCode(404)
                .body("detail", equalTo("Scorecard " + l1Card + " does not exist"));
        as(l2).body(Map.of("comments", "x")).post(REVIEWS + "/" + l1Card).then().statusCode(403);
        as(supervisor).body(Map.of("feedbackNotes", "x")).post(REVIEWS + "/" + l1Card).then().statusCode(400)
                .body("field", equalTo("comments"));
        as(supervisor).body(Map.of("comments", "Strong volume.", "feedbackNotes",
                "Agreed: shadow a senior on billing calls twice a week.")).post(REVIEWS + "/" + l1Card).then()
                .statusCode(200).body("review.reviewedBy", equalTo("SLC"))
                .body("review.feedbackNotes", equalTo("Agreed: shadow a senior on billing calls twice a week."));
        as(l1).body(Map.of("summary", "late")).put(REVIEWS + "/" + l1Card + "/self-assessment").then()
                .statusCode(409);
        hr().post(RUNS + "/" + runId + "/publish").then().statusCode(409);
        as(supervisor).body(Map.of("comments", "ok")).post(REVIEWS + "/" + l2Card).then().statusCode(200);
        as(supervisor).body(Map.of("comments", "ok")).post(REVIEWS + "/" + l3Card).then().statusCode(200);

        // answered with the run alone when asked: a center's close needs none of its 10,000 scorecards echoed
        hr().queryParam("scorecards", "maybe").post(RUNS + "/" + runId + "/publish").then().statusCode(400)
                .body("field", equalTo("scorecards"));
        hr().queryParam("scorecards", "false").post(RUNS + "/" + runId + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("id", equalTo((int) runId))
                .body("publishedBy", equalTo("H1")).body("scorecards", org.hamcrest.Matchers.nullValue());
        as(supervisor).body(Map.of("comments", "again")).post(REVIEWS + "/" + l1Card).then().statusCode(409);
        as(supervisor).body(Map.of("itemCode", "attitude", "role", "supervisor", "scores", FOUR))
                .put(REVIEWS + "/" + l1Card + "/ratings").then().statusCode(409);
        as(supervisor).post(RUNS + "/" + runId + "/lock").then().statusCode(403);
        hr().post(RUNS + "/" + runId + "/lock").then().statusCode(200).body("status", equalTo("LOCKED"))
                .body("lockedBy", equalTo("H1")).body("scorecards", hasSize(3))
                .body("scorecards.status", everyItem(equalTo("LOCKED")));
        hr().post(RUNS + "/" + runId + "/lock").then().statusCode(409);
        // locked is still final for pay
        as(TestTokens.system("service")).queryParam("unit", "GLC").queryParam("status", "PUBLISHED")
                .get(SCORECARDS).then().statusCode(200).body("$", hasSize(3))
                .body("status", everyItem(equalTo("LOCKED")));
        as(l1).get(SCORECARDS).then().body("id", contains((int) l1Card));

        JsonPath history = as(l1).get(REVIEWS + "/" + l1Card + "/history").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of("RUN_COMPUTED", "RATED", "REVIEW_OPENED", "SELF_ASSESSED", "RATED", "REVIEWED",
                "RUN_PUBLISHED", "RUN_LOCKED"), history.getList("action"));
        // the peer's rating is in L1's trail without its actor (peer raters are anonymous to the ratee)
        assertEquals(java.util.Arrays.asList("H1", "SLC", "H1", "L1", null, "SLC", "H1", "H1"),
                history.getList("actor"));
        // the supervisor's trail names the peer
        assertEquals(List.of("H1", "SLC", "H1", "L1", "L2", "SLC", "H1", "H1"), as(supervisor)
                .get(REVIEWS + "/" + l1Card + "/history").then().statusCode(200).extract().jsonPath().getList("actor"));
        as(l2).get(REVIEWS + "/" + l1Card + "/history").then().statusCode(404)
                .body("detail", equalTo("Scorecard " + l1Card + " does not exist"));
    }

    private static Map<String, Object> dim(String code) {
        return Map.of("code", code, "weight", 25);
    }
}
