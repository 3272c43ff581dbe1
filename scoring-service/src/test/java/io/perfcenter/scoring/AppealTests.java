package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.scoring.ScoringApi.AGGREGATES;
import static io.perfcenter.scoring.ScoringApi.APPEALS;
import static io.perfcenter.scoring.ScoringApi.REVIEWS;
import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.SCORECARDS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.CORRECTIONS;
import static io.perfcenter.scoring.ScoringApi.agent;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.report;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.stubMyUnits;
import static io.perfcenter.scoring.ScoringApi.stubOctober;
import static io.perfcenter.scoring.ScoringApi.template;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Appeals (申诉): filed by the agent on their published scorecard, decided by an appeals reviewer who is not their
 * own supervisor, with an adjustment or a data correction stored in metrics-service — either recomputes total, grade
 * and ranks — or rejected; audited; the agent sees the outcome.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class AppealTests {

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Test
    void appealsAreDecidedBySomeoneElseAndRecomputeGradeAndRanks() {
        hr().body(template("APPEAL", List.of(
                item("calls", "calls_handled", 50, Map.of("type", "linear", "full", 3000, "zero", 1000)),
                item("complaints", "complaints", 50, Map.of("type", "per-incident", "max", 100, "perIncident", 20,
                        "unit", "complaints"))))).post(TEMPLATES).then().statusCode(201);
        stubOctober(metrics, "GAP", agent("P1", "calls_handled", 2800, 22, "complaints", 2, 22),
                agent("P2", "calls_handled", 2600, 22, "complaints", 0, 22),
                agent("P3", "calls_handled", 2000, 22, "complaints", 1, 22));
        String ownSupervisor = TestTokens.token("SAP", "supervisor");
        stubMyUnits(metrics, ownSupervisor, "GAP");
        // an appeals reviewer (申诉复核) who leads no unit
        String otherSupervisor = TestTokens.token("SAQ", "appeals");
        stubMyUnits(metrics, otherSupervisor);
        String p1 = TestTokens.token("P1", "agent");
        String p3 = TestTokens.token("P3", "agent");

        JsonPath run = hr().body(run("APPEAL", "GAP", "2026-10")).post(RUNS).then().statusCode(201).extract()
                .jsonPath();
        long runId = run.getLong("id");
        // P2 90 excellent (1), P1 75 pass (2), P3 65 fail (3)
        assertEquals(List.of("P2", "P1", "P3"), run.getList("scorecards.employeeId"));
        long p1Card = run.getLong("scorecards.find { it.employeeId == 'P1' }.id");
        long p2Card = run.getLong("scorecards.find { it.employeeId == 'P2' }.id");
        long p3Card = run.getLong("scorecards.find { it.employeeId == 'P3' }.id");
        Map<String, Object> appeal = Map.of("scorecardId", p1Card, "itemCode", "complaints", "kind", "DATA_POINT",
                "reason", "The complaint of 2026-10-14 was about the courier, not my call",
                "dataPoint", "complaint CRM-88231 of 2026-10-14");
        // a draft is not the agent's to see: appealing it answers as an unknown scorecard
        as(p1).body(appeal).post(APPEALS).then().statusCode(400).body("field", equalTo("scorecardId"))
                .body("detail", equalTo("scorecardId: no scorecard " + p1Card));

        hr().post(RUNS + "/" + runId + "/publish").then().statusCode(200);
        // someone else's scorecard answers exactly as an unknown one, so that ids cannot be probed
        as(p1).body(Map.of("scorecardId", p2Card, "itemCode", "complaints", "kind", "SCORE", "reason", "x"))
                .post(APPEALS).then().statusCode(400).body("field", equalTo("scorecardId"))
                .body("detail", equalTo("scorecardId: no scorecard " + p2Card));
        as(p1).body(Map.of("scorecardId", 999999, "itemCode", "complaints", "kind", "SCORE", "reason", "x"))
                .post(APPEALS).then().statusCode(400).body("field", equalTo("scorecardId"))
                .body("detail", equalTo("scorecardId: no scorecard 999999"));
        as(p1).body(Map.of("scorecardId", p1Card, "itemCode", "complaints", "kind", "SCORE")).post(APPEALS).then()
                .statusCode(400).body("field", equalTo("reason"));
        as(p1).body(Map.of("scorecardId", p1Card, "itemCode", "nope", "kind", "SCORE", "reason", "x"))
                .post(APPEALS).then().statusCode(400).body("field", equalTo("itemCode"));
        as(p1).body(Map.of("scorecardId", p1Card, "itemCode", "complaints", "kind", "DATA_POINT", "reason", "x"))
                .post(APPEALS).then().statusCode(400).body("field", equalTo("dataPoint"));
        long appealId = as(p1).body(appeal).post(APPEALS).then().statusCode(201).body("status", equalTo("OPEN"))
                .extract().jsonPath().getLong("id");
        as(p1).body(appeal).post(APPEALS).then().statusCode(409);

        // the agent's own supervisor may not decide; an appeals reviewer may
        as(ownSupervisor).get(APPEALS + "/" + appealId).then().statusCode(200).body("mayDecide", equalTo(false));
        as(otherSupervisor).queryParam("status", "OPEN").get(APPEALS).then().statusCode(200)
                .body("find { it.id == " + appealId + " }.mayDecide", equalTo(true));
        Map<String, Object> adjust = Map.of("outcome", "ACCEPTED", "reason", "Recording checked: the courier's fault",
                "adjustment", Map.of("points", 100));
        as(ownSupervisor).body(adjust).post(APPEALS + "/" + appealId + "/decision").then().statusCode(403)
                .body("detail", containsString("decided by someone else"));
        as(p1).body(adjust).post(APPEALS + "/" + appealId + "/decision").then().statusCode(403);
        hr().post(RUNS + "/" + runId + "/lock").then().statusCode(409).body("detail", containsString("open appeals"));
        as(otherSupervisor).body(Map.of("outcome", "ACCEPTED", "reason", "x")).post(APPEALS + "/" + appealId
                + "/decision").then().statusCode(400).body("field", equalTo("adjustment"));
        as(otherSupervisor).body(adjust).post(APPEALS + "/" + appealId + "/decision").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("resolution", equalTo("ADJUSTMENT"))
                .body("pointsBefore", equalTo(60)).body("pointsAfter", equalTo(100))
                .body("totalBefore", equalTo(75)).body("totalAfter", equalTo(95))
                .body("gradeBefore", equalTo("pass")).body("gradeAfter", equalTo("excellent"))
                .body("rankBefore", equalTo(2)).body("rankAfter", equalTo(1)).body("decidedBy", equalTo("SAQ"));
        as(otherSupervisor).body(adjust).post(APPEALS + "/" + appealId + "/decision").then().statusCode(409);

        // the agent sees the outcome, and the scorecard says how the points came about; P2 moved down a rank
        as(p1).get(APPEALS + "/" + appealId).then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("decisionReason", equalTo("Recording checked: the courier's fault"));
        as(p1).get(SCORECARDS + "/" + p1Card).then().statusCode(200).body("total", equalTo(95.0f))
                .body("grade", equalTo("excellent")).body("rank", equalTo(1))
                .body("items[1].handling", equalTo("ADJUSTED"))
                .body("items[1].explanation", equalTo("2 complaints × 20 = 40 deducted from 100 = 60 points; "
                        + "adjusted on appeal " + appealId + " by SAQ to 100 points (Recording checked: the courier's "
                        + "fault); weight 50% → 50"));
        hr().get(SCORECARDS + "/" + p2Card).then().body("rank", equalTo(2));
        as(p1).get(REVIEWS + "/" + p1Card + "/history").then().statusCode(200)
                .body("action", hasItem("APPEAL_FILED")).body("action", hasItem("APPEAL_ACCEPTED"))
                .body("action", hasItem("SCORECARD_ADJUSTED"));
        // the adjustment is stored with the inputs: the run still reproduces
        hr().get(RUNS + "/" + runId + "/reproduction").then().body("identical", equalTo(true));

        // P3 appeals the score itself; hr rejects
        long rejected = as(p3).body(Map.of("scorecardId", p3Card, "itemCode", "calls", "kind", "SCORE",
                "reason", "The October outage cost me calls")).post(APPEALS).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        hr().body(Map.of("outcome", "REJECTED", "reason", "The outage hit everyone alike")).post(APPEALS + "/"
                + rejected + "/decision").then().statusCode(200).body("status", equalTo("REJECTED"));
        as(p3).queryParam("status", "REJECTED").get(APPEALS).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains((int) rejected))
                .body("[0].decisionReason", equalTo("The outage hit everyone alike"));
        as(p1).get(APPEALS + "/" + rejected).then().statusCode(404);

        // P3's complaint was a repeat contact wrongly attributed: corrected in metrics-service as a new revision
        long corrected = as(p3).body(Map.of("scorecardId", p3Card, "itemCode", "complaints", "kind", "DATA_POINT",
                "reason", "Not my customer", "dataPoint", "complaint of 2026-10-20")).post(APPEALS).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        metrics.stubFor(put(urlPathEqualTo(CORRECTIONS + "scoring-appeal-" + corrected)).willReturn(okJson("{}")));
        metrics.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("P3")).willReturn(okJson(report(null, null,
                agent("P3", "calls_handled", 2000, 22, "complaints", 0, 21)))));
        hr().body(Map.of("outcome", "ACCEPTED", "reason", "Repeat contact of another agent's customer",
                "correction", Map.of("date", "2026-11-20", "value", 0))).post(APPEALS + "/" + corrected
                + "/decision").then().statusCode(400).body("field", equalTo("correction.date"));
        hr().body(Map.of("outcome", "ACCEPTED", "reason", "Repeat contact of another agent's customer",
                "correction", Map.of("date", "2026-10-20", "value", 0))).post(APPEALS + "/" + corrected
                + "/decision").then().statusCode(200).body("resolution", equalTo("DATA_CORRECTION"))
                .body("totalBefore", equalTo(65)).body("totalAfter", equalTo(75))
                .body("gradeAfter", equalTo("pass"));
        metrics.verify(putRequestedFor(urlPathEqualTo(CORRECTIONS + "scoring-appeal-" + corrected))
                .withHeader("X-Acting-For", com.github.tomakehurst.wiremock.client.WireMock.equalTo("H1"))
                .withRequestBody(equalToJson("{\"employeeId\":\"P3\",\"metricCode\":\"complaints\","
                        + "\"date\":\"2026-10-20\",\"value\":0,\"reason\":\"appeal " + corrected
                        + ": Repeat contact of another agent's customer\"}")));
        as(p3).get(SCORECARDS + "/" + p3Card).then().body("items[1].value", equalTo(0))
                .body("items[1].samples", equalTo(21)).body("total", equalTo(75.0f));
        // the run now rests on the corrected data: computing it again finds nothing new
        stubOctober(metrics, "GAP", agent("P1", "calls_handled", 2800, 22, "complaints", 2, 22),
                agent("P2", "calls_handled", 2600, 22, "complaints", 0, 22),
                agent("P3", "calls_handled", 2000, 22, "complaints", 0, 21));
        hr().body(run("APPEAL", "GAP", "2026-10")).post(RUNS).then().statusCode(200).body("id", equalTo((int) runId));

        hr().post(RUNS + "/" + runId + "/lock").then().statusCode(200);
        as(p3).body(Map.of("scorecardId", p3Card, "itemCode", "calls", "kind", "SCORE", "reason", "again"))
                .post(APPEALS).then().statusCode(409).body("detail", containsString("locked"));
    }
}
