package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.scoring.ScoringApi.AGGREGATES;
import static io.perfcenter.scoring.ScoringApi.ORG_UNITS;
import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.SCORECARDS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.agent;
import static io.perfcenter.scoring.ScoringApi.assignment;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.report;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.stint;
import static io.perfcenter.scoring.ScoringApi.stubAssignments;
import static io.perfcenter.scoring.ScoringApi.stubOctober;
import static io.perfcenter.scoring.ScoringApi.template;
import static io.perfcenter.scoring.ScoringApi.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An agent is scored once per period and template: by the run of the unit the template's mover policy makes their
 * home, with their figures of the whole period, and only when their position is one the template scores. One item:
 * reply minutes, linear 100 points at 5 min, 0 at 10 (weight 100), so 5 → 100, 7.5 → 50, 9 → 20. October 2026 has
 * 31 days.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class MoverScoringTests {

    private static final String OCT_1 = "2026-10-01";
    private static final String OCT_31 = "2026-10-31";

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Inject
    EntityManager em;

    private static boolean seeded;

    @BeforeEach
    void templates() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(template("MOVE", List.of(reply()))).post(TEMPLATES).then().statusCode(201)
                .body("moverPolicy", equalTo("MOST_DAYS"));
        hr().body(with(template("MOVE-END", List.of(reply())), "moverPolicy", "PERIOD_END",
                "positions", List.of(" online-seat "))).post(TEMPLATES).then().statusCode(201)
                .body("moverPolicy", equalTo("PERIOD_END")).body("positions", contains("online-seat"));
        hr().body(template("ONE", List.of(reply()))).post(TEMPLATES).then().statusCode(201);
    }

    private static Map<String, Object> reply() {
        return item("reply", "reply_minutes", 100, Map.of("type", "linear", "full", 5, "zero", 10));
    }

    @Test
    void aMoverIsScoredOnceWhereTheySpentMostDaysWithTheFiguresOfTheWholePeriod() {
        // MB: MV1 1–15 October (15 days, reply 6 there), MV2 16–31 (16 days, reply 9 there), 7.5 over the month
        stubOctober(metrics, "MV1", agent("MA", "reply_minutes", 5, 20), agent("MB", "reply_minutes", 6, 10),
                agent("MC", "reply_minutes", 5, 20), agent("MD", "reply_minutes", 5, 20));
        String mb = stint("MV1", OCT_1, "2026-10-15", 15) + "," + stint("MV2", "2026-10-16", OCT_31, 16);
        stubAssignments(metrics, "MV1", OCT_1, OCT_31,
                assignment("MA", "seat", "MV1", true, 31, 31, 31, 31, stint("MV1", OCT_1, OCT_31, 31)),
                assignment("MB", "seat", "MV2", false, 16, 15, 31, 31, mb),
                assignment("MC", "online-seat", "MV1", true, 31, 31, 31, 31, stint("MV1", OCT_1, OCT_31, 31)),
                assignment("MD", null, "MV1", true, 31, 31, 31, 31, stint("MV1", OCT_1, OCT_31, 31)));
        stubOctober(metrics, "MV2", agent("MB", "reply_minutes", 9, 10));
        stubAssignments(metrics, "MV2", OCT_1, OCT_31, assignment("MB", "seat", "MV2", true, 16, 16, 31, 31, mb));
        metrics.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId", equal("MB"))
                .willReturn(okJson(report(null, null, agent("MB", "reply_minutes", 7.5, 20)))));

        long first = hr().body(run("MOVE", "MV1", "2026-10")).post(RUNS).then().statusCode(201)
                .body("scorecards.employeeId", contains("MA"))
                .body("scorecards[0].total", equalTo(100.0F))
                .body("skipped.employeeId", contains("MB", "MC", "MD"))
                .body("skipped.reason", contains(
                        "moved to MV2 on 2026-10-16; scored there (MOST_DAYS: 16 of 31 days)",
                        "position online-seat; the template scores seat",
                        "no position on file in the org directory; the template scores seat"))
                .extract().jsonPath().getLong("id");
        hr().get(RUNS + "/" + first).then().statusCode(200).body("skipped.employeeId", contains("MB", "MC", "MD"));
        // 7.5 min over the whole month → 50 points; MV2's own 9 min would have given 20
        long second = hr().body(run("MOVE", "MV2", "2026-10")).post(RUNS).then().statusCode(201)
                .body("scorecards.employeeId", contains("MB"))
                .body("scorecards[0].total", equalTo(50.0F))
                .body("scorecards[0].items[0].value", equalTo(7.5F))
                .body("skipped", empty())
                .extract().jsonPath().getLong("id");
        metrics.verify(1, getRequestedFor(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId", equal("MB")));

        // what incentive-service reads: one final scorecard of MB, from the unit that scored them
        hr().post(RUNS + "/" + first + "/publish").then().statusCode(200);
        hr().post(RUNS + "/" + second + "/publish").then().statusCode(200);
        hr().queryParam("period", "2026-10").queryParam("employeeId", "MB").queryParam("status", "PUBLISHED")
                .get(SCORECARDS).then().statusCode(200)
                .body("employeeId", contains("MB")).body("unitCode", contains("MV2"))
                .body("templateCode", contains("MOVE")).body("status", contains("PUBLISHED"));
        hr().queryParam("scorecards", "false").post(RUNS + "/" + second + "/lock").then().statusCode(200)
                .body("status", equalTo("LOCKED")).body("scorecards", org.hamcrest.Matchers.nullValue());
        hr().queryParam("period", "2026-10").queryParam("unit", "MV2").queryParam("status", "PUBLISHED")
                .get(SCORECARDS).then().statusCode(200)
                .body("employeeId", contains("MB")).body("status", contains("LOCKED"));
    }

    @Test
    void theTemplatesPolicyGoesToMetricsAndItsFurtherPositionsAreScored() {
        stubOctober(metrics, "MV3", agent("ME", "reply_minutes", 5, 20), agent("MF", "reply_minutes", 7.5, 20),
                agent("MG", "reply_minutes", 5, 20));
        metrics.stubFor(get(urlPathEqualTo(ORG_UNITS + "MV3/assignments")).withQueryParam("policy",
                equal("PERIOD_END")).willReturn(okJson("[" + String.join(",",
                assignment("ME", "seat", "MV3", true, 31, 31, 31, 31, stint("MV3", OCT_1, OCT_31, 31)),
                assignment("MF", "Online-Seat", "MV3", true, 31, 31, 31, 31, stint("MV3", OCT_1, OCT_31, 31)),
                assignment("MG", "expert-seat", "MV3", true, 31, 31, 31, 31, stint("MV3", OCT_1, OCT_31, 31)))
                + "]")));
        hr().body(run("MOVE-END", "MV3", "2026-10")).post(RUNS).then().statusCode(201)
                .body("scorecards.employeeId", contains("ME", "MF"))
                .body("scorecards.total", contains(100.0F, 50.0F))
                .body("skipped.employeeId", contains("MG"))
                .body("skipped[0].reason", equalTo("position expert-seat; the template scores seat, online-seat"));
    }

    @Test
    void anEmployeeHasOneCurrentScorecardPerPeriodAndTemplateAcrossRuns() {
        // NA belongs to group N1, which is in team NT: a run of either would score them
        stubOctober(metrics, "N1", agent("NA", "reply_minutes", 5, 20), agent("NB", "reply_minutes", 6, 20));
        stubOctober(metrics, "NT", agent("NA", "reply_minutes", 5, 20), agent("NB", "reply_minutes", 6, 20));
        long n1 = hr().body(run("ONE", "N1", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        hr().body(run("ONE", "NT", "2026-10")).post(RUNS).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("would give a second current scorecard to NA in run " + n1
                        + " of unit N1 (COMPUTED), NB in run " + n1 + " of unit N1 (COMPUTED)"));
        hr().queryParam("unit", "NT").get(RUNS).then().statusCode(200).body("$", empty());

        // the directory is corrected: NA moved to N2 from 1 October. N1 is computed again without NA, then N2
        stubAssignments(metrics, "N1", OCT_1, OCT_31,
                assignment("NA", "seat", "N2", false, 31, 0, 31, 31, stint("N2", OCT_1, OCT_31, 31)),
                assignment("NB", "seat", "N1", true, 31, 31, 31, 31, stint("N1", OCT_1, OCT_31, 31)));
        long n1Again = hr().body(run("ONE", "N1", "2026-10")).post(RUNS).then().statusCode(201)
                .body("revision", equalTo(2)).body("scorecards.employeeId", contains("NB"))
                .body("skipped.employeeId", contains("NA")).extract().jsonPath().getLong("id");
        stubOctober(metrics, "N2", agent("NA", "reply_minutes", 5, 20));
        long n2 = hr().body(run("ONE", "N2", "2026-10")).post(RUNS).then().statusCode(201)
                .body("scorecards.employeeId", contains("NA")).extract().jsonPath().getLong("id");

        // the stale first revision of N1 is published: N2 may not publish NA a second time
        hr().post(RUNS + "/" + n1 + "/publish").then().statusCode(200);
        hr().post(RUNS + "/" + n2 + "/publish").then().statusCode(409)
                .body("detail", containsString("would give a second published scorecard of template ONE for "
                        + "2026-10 to NA in run " + n1 + " of unit N1"));
        hr().get(RUNS + "/" + n2).then().body("status", equalTo("COMPUTED"));
        // and the database holds it too, whatever the code does
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE scorecard SET status = 'PUBLISHED' WHERE run_id = :run").setParameter("run", n2)
                .executeUpdate()));

        // publishing N1's corrected revision supersedes the stale one; then N2 publishes
        hr().post(RUNS + "/" + n1Again + "/publish").then().statusCode(200);
        hr().post(RUNS + "/" + n2 + "/publish").then().statusCode(200);
        hr().queryParam("period", "2026-10").queryParam("employeeId", "NA").queryParam("status", "PUBLISHED")
                .get(SCORECARDS).then().statusCode(200).body("unitCode", contains("N2"));
    }

    @Test
    void moverPolicyAndPositionsAreCheckedWithTheTemplate() {
        hr().body(with(template("MOVE-BAD", List.of(reply())), "subject", "UNITS", "moverPolicy", "PERIOD_END"))
                .post(TEMPLATES).then().statusCode(400).body("field", equalTo("moverPolicy"));
        hr().body(with(template("MOVE-BAD", List.of(reply())), "positions", List.of("seat", " ")))
                .post(TEMPLATES).then().statusCode(400).body("field", equalTo("positions[1]"));
        hr().get(TEMPLATES + "/MOVE-BAD").then().statusCode(404);
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern equal(String value) {
        return com.github.tomakehurst.wiremock.client.WireMock.equalTo(value);
    }
}
