package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.scoring.ScoringApi.AGGREGATES;
import static io.perfcenter.scoring.ScoringApi.APPEALS;
import static io.perfcenter.scoring.ScoringApi.CORRECTIONS;
import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.SCORECARDS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
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
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The appeals process: decided by a separate reviewer within what the item can be worth, escalated to hr, seen only by
 * those concerned; accepted adjustments survive new revisions; data corrections go to metrics-service as the service
 * itself and never outlive a decision that failed.
 *
 * <p>Every test scores calls (linear, 1000 → 0, 3000 → 100 points) and complaints (100 − 20 per complaint), 50% each.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class AppealProcessTests {

    @MetricsServiceMock.Server
    WireMockServer metrics;

    /** A published run of template {@code code} for {@code unit}; the scorecard id of each agent by employee id. */
    private JsonPath published(String code, String unit, String... agents) {
        hr().body(template(code, List.of(
                item("calls", "calls_handled", 50, Map.of("type", "linear", "full", 3000, "zero", 1000)),
                item("complaints", "complaints", 50, Map.of("type", "per-incident", "max", 100, "perIncident", 20,
                        "unit", "complaints"))))).post(TEMPLATES).then().statusCode(201);
        stubOctober(metrics, unit, agents);
        JsonPath run = hr().body(run(code, unit, "2026-10")).post(RUNS).then().statusCode(201).extract().jsonPath();
        hr().post(RUNS + "/" + run.getLong("id") + "/publish").then().statusCode(200);
        return run;
    }

    private static long cardOf(JsonPath run, String employeeId) {
        return run.getLong("scorecards.find { it.employeeId == '" + employeeId + "' }.id");
    }

    private static long appeal(String employeeId, long card, String item, String kind) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("scorecardId", card, "itemCode", item, "kind", kind,
                "reason", "Not mine"));
        if (kind.equals("DATA_POINT")) {
            body.put("dataPoint", "record of 2026-10-20");
        }
        return as(TestTokens.token(employeeId, "agent")).body(body).post(APPEALS).then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    private static Map<String, Object> adjustTo(Object points) {
        return Map.of("outcome", "ACCEPTED", "reason", "Recording checked", "adjustment", Map.of("points", points));
    }

    @Test
    void anAdjustmentStaysWithinWhatTheItemCanBeWorth() {
        // B1: 2 complaints → 60 points; the item can be worth 0–100 points, the template 100 in total
        JsonPath run = published("BOUNDS", "GBD", agent("B1", "calls_handled", 2800, 22, "complaints", 2, 22));
        long id = appeal("B1", cardOf(run, "B1"), "complaints", "SCORE");
        String reviewer = TestTokens.token("RB1", "appeals");
        stubMyUnits(metrics, reviewer);

        as(reviewer).body(adjustTo(1_000_000)).post(APPEALS + "/" + id + "/decision").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://perfcenter.io/problems/adjustment-out-of-range"))
                .body("field", equalTo("adjustment.points"))
                .body("detail", containsString("0 to 100 points"));
        as(reviewer).body(adjustTo(100.01)).post(APPEALS + "/" + id + "/decision").then().statusCode(422)
                .body("field", equalTo("adjustment.points"));
        // no rule of the template gives fewer than 0 points: a negative adjustment is refused too
        as(reviewer).body(adjustTo(-5)).post(APPEALS + "/" + id + "/decision").then().statusCode(422)
                .body("field", equalTo("adjustment.points"));
        // nothing changed: still open, still 90 × 0.5 + 60 × 0.5 = 75
        hr().get(APPEALS + "/" + id).then().body("status", equalTo("OPEN"));
        hr().get(SCORECARDS + "/" + cardOf(run, "B1")).then().body("total", equalTo(75.0f));
        // the item's whole range is allowed: 100 → 90 × 0.5 + 100 × 0.5 = 95
        as(reviewer).body(adjustTo(100)).post(APPEALS + "/" + id + "/decision").then().statusCode(200)
                .body("pointsAfter", equalTo(100)).body("totalAfter", equalTo(95));
    }

    @Test
    void appealsAreDecidedBySeparateReviewersAndSeenOnlyByThoseConcerned() {
        JsonPath run = published("REVIEWERS", "GRV", agent("R7", "calls_handled", 2800, 22, "complaints", 2, 22),
                agent("R8", "calls_handled", 2000, 22, "complaints", 0, 22));
        long id = appeal("R7", cardOf(run, "R7"), "complaints", "SCORE");
        String path = APPEALS + "/" + id;

        String ownSupervisor = TestTokens.token("S7", "supervisor");
        stubMyUnits(metrics, ownSupervisor, "GRV");
        String otherSupervisor = TestTokens.token("S8", "supervisor");
        stubMyUnits(metrics, otherSupervisor, "GRX");
        String reviewer = TestTokens.token("RV1", "appeals");
        stubMyUnits(metrics, reviewer);
        // a reviewer who also leads the agent's unit
        String reviewingLead = TestTokens.token("RV2", "appeals", "supervisor");
        stubMyUnits(metrics, reviewingLead, "GRV");
        // the leader of the configured reviewing unit (perfcenter.appeals.reviewing-units=RVW in tests)
        String reviewingUnitLead = TestTokens.token("SRV", "supervisor");
        stubMyUnits(metrics, reviewingUnitLead, "RVW");
        String noEmployeeId = TestTokens.system("supervisor");
        String otherAgent = TestTokens.token("R8", "agent");

        // out of scope: as if it did not exist, so that ids cannot be probed
        as(otherSupervisor).get(path).then().statusCode(404);
        as(otherSupervisor).get(APPEALS).then().statusCode(200).body("id", not(hasItem((int) id)));
        as(otherSupervisor).body(adjustTo(100)).post(path + "/decision").then().statusCode(404);
        as(otherAgent).get(path).then().statusCode(404);
        // a supervisor token without an employee id leads nothing and reviews nothing: fails closed
        as(noEmployeeId).get(path).then().statusCode(404);
        as(noEmployeeId).get(APPEALS).then().statusCode(200).body("id", not(hasItem((int) id)));
        as(noEmployeeId).body(adjustTo(100)).post(path + "/decision").then().statusCode(404);
        as(TestTokens.system("appeals")).get(path).then().statusCode(404);
        as(TestTokens.system("appeals")).body(adjustTo(100)).post(path + "/decision").then().statusCode(404);
        // the agent's own supervisor sees it but never decides it, even with the reviewer role
        as(ownSupervisor).get(path).then().statusCode(200).body("mayDecide", equalTo(false));
        as(ownSupervisor).body(adjustTo(100)).post(path + "/decision").then().statusCode(403);
        as(reviewingLead).get(path).then().statusCode(200).body("mayDecide", equalTo(false));
        as(reviewingLead).body(adjustTo(100)).post(path + "/decision").then().statusCode(403)
                .body("detail", containsString("You lead GRV"));
        // reviewers may
        as(reviewer).get(APPEALS).then().statusCode(200).body("find { it.id == " + id + " }.mayDecide", equalTo(true));
        as(reviewingUnitLead).get(path).then().statusCode(200).body("mayDecide", equalTo(true));

        // the reviewer escalates to hr: from then on only hr decides
        as(reviewer).body(Map.of("reason", "Ambiguous recording")).post(path + "/escalation").then().statusCode(200)
                .body("escalatedBy", equalTo("RV1")).body("escalatedAt", notNullValue());
        as(reviewer).body(adjustTo(100)).post(path + "/decision").then().statusCode(403)
                .body("detail", containsString("escalated to hr"));
        as(reviewingUnitLead).get(path).then().body("mayDecide", equalTo(false));
        hr().get(path).then().body("mayDecide", equalTo(true));
        hr().body(adjustTo(100)).post(path + "/decision").then().statusCode(200).body("decidedBy", equalTo("H1"));

        // the agent escalates an appeal a reviewer rejected: it opens again, for hr
        long second = appeal("R7", cardOf(run, "R7"), "calls", "SCORE");
        as(TestTokens.token("R7", "agent")).body(Map.of("reason", "x")).post(APPEALS + "/" + second + "/escalation")
                .then().statusCode(409);
        as(reviewingUnitLead).body(Map.of("outcome", "REJECTED", "reason", "Calls are what they are"))
                .post(APPEALS + "/" + second + "/decision").then().statusCode(200).body("decidedBy", equalTo("SRV"));
        as(TestTokens.token("R7", "agent")).body(Map.of("reason", "The outage cost me calls"))
                .post(APPEALS + "/" + second + "/escalation").then().statusCode(200).body("status", equalTo("OPEN"))
                .body("escalatedBy", equalTo("R7")).body("decidedBy", nullValue());
        as(reviewingUnitLead).body(Map.of("outcome", "REJECTED", "reason", "again"))
                .post(APPEALS + "/" + second + "/decision").then().statusCode(403);
        hr().body(Map.of("outcome", "REJECTED", "reason", "The outage hit everyone alike"))
                .post(APPEALS + "/" + second + "/decision").then().statusCode(200).body("status", equalTo("REJECTED"));
        hr().get(ScoringApi.REVIEWS + "/" + cardOf(run, "R7") + "/history").then()
                .body("action", hasItem("APPEAL_ESCALATED"));
    }

    @Test
    void anAcceptedAdjustmentCarriesOverToTheNextRevision() {
        // A1: revision 1: calls 2800 → 90, complaints 2 → 60; adjusted to 100 → 90 × 0.5 + 100 × 0.5 = 95
        JsonPath first = published("CARRY", "GCA", agent("C1", "calls_handled", 2800, 22, "complaints", 2, 22));
        long id = appeal("C1", cardOf(first, "C1"), "complaints", "SCORE");
        hr().body(adjustTo(100)).post(APPEALS + "/" + id + "/decision").then().statusCode(200)
                .body("totalAfter", equalTo(95));
        // late calls arrive: 3000 → 100 points; revision 2 keeps the accepted adjustment: 100 × 0.5 + 100 × 0.5
        stubOctober(metrics, "GCA", agent("C1", "calls_handled", 3000, 22, "complaints", 2, 22));
        JsonPath second = hr().body(run("CARRY", "GCA", "2026-10")).post(RUNS).then().statusCode(201).extract()
                .jsonPath();
        assertEquals(2, second.getInt("revision"));
        hr().get(SCORECARDS + "/" + cardOf(second, "C1")).then().body("total", equalTo(100.0f))
                .body("items[1].points", equalTo(100)).body("items[1].handling", equalTo("ADJUSTED"))
                .body("items[1].explanation", containsString("adjusted on appeal " + id + " by H1 to 100 points"));
        // and a third revision from revision 2 still does
        stubOctober(metrics, "GCA", agent("C1", "calls_handled", 2000, 22, "complaints", 3, 22));
        JsonPath third = hr().body(run("CARRY", "GCA", "2026-10")).post(RUNS).then().statusCode(201).extract()
                .jsonPath();
        // calls 2000 → 50; complaints adjusted 100: 50 × 0.5 + 100 × 0.5 = 75
        hr().get(SCORECARDS + "/" + cardOf(third, "C1")).then().body("total", equalTo(75.0f));
    }

    @Test
    void aDataCorrectionIsStoredAsTheServiceAndWithdrawnWhenTheDecisionFails() {
        // calls 2000 → 50, complaints 1 → 80: 65
        JsonPath run = published("CORRECT", "GCO", agent("K1", "calls_handled", 2000, 22, "complaints", 1, 22));
        long card = cardOf(run, "K1");
        long id = appeal("K1", card, "complaints", "DATA_POINT");
        String key = CORRECTIONS + "scoring-appeal-" + id;
        String reviewer = TestTokens.token("RK1", "appeals");
        stubMyUnits(metrics, reviewer);
        metrics.stubFor(put(urlPathEqualTo(key)).willReturn(okJson("{}")));
        metrics.stubFor(delete(urlPathEqualTo(key)).willReturn(aResponse().withStatus(204)));
        metrics.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("K1"))
                .willReturn(aResponse().withStatus(500)));
        Map<String, Object> correction = Map.of("outcome", "ACCEPTED", "reason", "Another agent's customer",
                "correction", Map.of("date", "2026-10-20", "value", 0));

        // the figures cannot be read again after the correction: nothing is decided, the correction is withdrawn
        as(reviewer).body(correction).post(APPEALS + "/" + id + "/decision").then().statusCode(503);
        hr().get(APPEALS + "/" + id).then().body("status", equalTo("OPEN")).body("totalAfter", nullValue());
        hr().get(SCORECARDS + "/" + card).then().body("total", equalTo(65.0f));
        metrics.verify(1, deleteRequestedFor(urlPathEqualTo(key)));

        // sent as scoring-service, for the reviewer, not with the reviewer's own token (which may not write)
        LoggedRequest sent = metrics.findAll(putRequestedFor(urlPathEqualTo(key))).get(0);
        String bearer = sent.getHeader("Authorization").substring("Bearer ".length());
        assertNotEquals(reviewer, bearer);
        String claims = new String(Base64.getUrlDecoder().decode(bearer.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"sub\":\"scoring-service\""), claims);
        assertTrue(claims.contains("\"corrections-writer\""), claims);
        assertTrue(claims.contains("\"service\""), claims);
        assertEquals("RK1", sent.getHeader("X-Acting-For"));
        // the recomputation reads the figures as the service too
        metrics.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(AGGREGATES))
                .withQueryParam("employeeId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("K1"))).forEach(r -> assertNotEquals("Bearer " + reviewer,
                r.getHeader("Authorization")));

        // a rejection after that failed attempt withdraws the correction first
        as(reviewer).body(Map.of("outcome", "REJECTED", "reason", "The customer was K1's"))
                .post(APPEALS + "/" + id + "/decision").then().statusCode(200).body("status", equalTo("REJECTED"));
        metrics.verify(2, deleteRequestedFor(urlPathEqualTo(key)));

        // metrics-service cannot withdraw it: the rejection waits (503), nothing is decided
        long again = appeal("K1", card, "complaints", "DATA_POINT");
        String againKey = CORRECTIONS + "scoring-appeal-" + again;
        metrics.stubFor(put(urlPathEqualTo(againKey)).willReturn(okJson("{}")));
        metrics.stubFor(delete(urlPathEqualTo(againKey)).willReturn(aResponse().withStatus(500)));
        as(reviewer).body(correction).post(APPEALS + "/" + again + "/decision").then().statusCode(503);
        as(reviewer).body(Map.of("outcome", "REJECTED", "reason", "x")).post(APPEALS + "/" + again + "/decision")
                .then().statusCode(503);
        hr().get(APPEALS + "/" + again).then().body("status", equalTo("OPEN"));

        // metrics-service answers again: the correction is stored (again, under the same key) and taken
        metrics.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("K1"))
                .willReturn(okJson(report(null, null, agent("K1", "calls_handled", 2000, 22, "complaints", 0, 22)))));
        // calls 50, complaints 0 → 100: 75
        as(reviewer).body(correction).post(APPEALS + "/" + again + "/decision").then().statusCode(200)
                .body("resolution", equalTo("DATA_CORRECTION")).body("totalBefore", equalTo(65))
                .body("totalAfter", equalTo(75));
        hr().get(SCORECARDS + "/" + card).then().body("total", equalTo(75.0f));
    }
}
