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

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.scoring.ScoringApi.AGGREGATES;
import static io.perfcenter.scoring.ScoringApi.APPEALS;
import static io.perfcenter.scoring.ScoringApi.CORRECTIONS;
import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.agent;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.problem;
import static io.perfcenter.scoring.ScoringApi.report;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.stubOctober;
import static io.perfcenter.scoring.ScoringApi.template;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * An agent disputes a QA evaluation: a DATA_POINT appeal naming it (record kind qa-evaluations, by its id or by its
 * key in the QA tool), checked with metrics-service as the agent, reported to metrics-service as scoring itself when
 * filed, decided and reopened; an accepted appeal corrects the figures as any data correction does.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class QaDisputeTests {

    static final String EVALUATIONS = "/api/v1/metrics/qa/evaluations";

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Test
    void anAgentDisputesAnEvaluationThroughAnAppeal() {
        // calls 2000 → 50 of 100 × 50% = 25; 1 critical QA failure × 50 deducted from 100 = 50 × 50% = 25: total 50
        hr().body(template("QAD", List.of(
                item("calls", "calls_handled", 50, Map.of("type", "linear", "full", 3000, "zero", 1000)),
                item("critical", "qa_critical_failures", 50, Map.of("type", "per-incident", "max", 100,
                        "perIncident", 50, "unit", "critical failures")))))
                .post(TEMPLATES).then().statusCode(201);
        stubOctober(metrics, "GQD", agent("Q1", "calls_handled", 2000, 22, "qa_critical_failures", 1, 4),
                agent("Q2", "calls_handled", 3000, 22, "qa_critical_failures", 0, 4));
        String q1 = TestTokens.token("Q1", "agent");
        String evaluation = "{\"id\":17,\"sourceSystem\":\"qa-tool\",\"externalId\":\"QA-1\",\"employeeId\":\"Q1\","
                + "\"evaluatedOn\":\"2026-10-09\",\"score\":0.00,\"agentStatus\":\"PENDING\"}";
        metrics.stubFor(get(urlPathEqualTo(EVALUATIONS + "/17")).withHeader("Authorization", equalTo("Bearer " + q1))
                .willReturn(okJson(evaluation)));
        metrics.stubFor(get(urlPathEqualTo(EVALUATIONS + "/18")).willReturn(okJson(evaluation
                .replace("17", "18").replace("2026-10-09", "2026-09-30"))));
        metrics.stubFor(get(urlPathEqualTo(EVALUATIONS + "/19")).willReturn(okJson(evaluation
                .replace("17", "19").replace("\"Q1\"", "\"Q2\""))));
        metrics.stubFor(get(urlPathEqualTo(EVALUATIONS + "/99")).willReturn(problem(404, null,
                "QA evaluation 99 does not exist")));
        metrics.stubFor(get(urlPathEqualTo(EVALUATIONS)).withQueryParam("employeeId", equalTo("Q1"))
                .withQueryParam("from", equalTo("2026-10-01")).withQueryParam("to", equalTo("2026-10-31"))
                .willReturn(okJson("[" + evaluation + "]")));
        metrics.stubFor(put(urlPathEqualTo(EVALUATIONS + "/17/dispute")).willReturn(okJson(evaluation)));

        JsonPath computed = hr().body(run("QAD", "GQD", "2026-10")).post(RUNS).then().statusCode(201).extract()
                .jsonPath();
        long runId = computed.getLong("id");
        long card = computed.getLong("scorecards.find { it.employeeId == 'Q1' }.id");
        hr().post(RUNS + "/" + runId + "/publish").then().statusCode(200);

        Map<String, Object> byId = Map.of("kind", "qa-evaluations", "id", 17);
        // bad input: the record is checked before anything is stored or reported
        file(q1, card, "critical", "SCORE", byId).statusCode(400).body("field", is("record"));
        file(q1, card, "critical", "DATA_POINT", Map.of("kind", "calls", "id", 17)).statusCode(400)
                .body("field", is("record.kind"));
        file(q1, card, "critical", "DATA_POINT", Map.of("kind", "qa-evaluations")).statusCode(400)
                .body("field", is("record.id"));
        file(q1, card, "critical", "DATA_POINT", Map.of("kind", "qa-evaluations", "id", 17, "sourceSystem", "qa-tool",
                "externalId", "QA-1")).statusCode(400).body("field", is("record.id"));
        file(q1, card, "critical", "DATA_POINT", Map.of("kind", "qa-evaluations", "sourceSystem", "qa-tool"))
                .statusCode(400).body("field", is("record.externalId"));
        file(q1, card, "critical", "DATA_POINT", Map.of("kind", "qa-evaluations", "id", 99)).statusCode(400)
                .body("field", is("record.id")).body("detail", is("record.id: no QA evaluation 99"));
        file(q1, card, "critical", "DATA_POINT", Map.of("kind", "qa-evaluations", "id", 18)).statusCode(400)
                .body("field", is("record.id"))
                .body("detail", is("record.id: QA evaluation 18 is dated 2026-09-30, outside 2026-10"));
        file(q1, card, "critical", "DATA_POINT", Map.of("kind", "qa-evaluations", "id", 19)).statusCode(400)
                .body("detail", is("record.id: QA evaluation 19 is not Q1's"));
        file(q1, card, "critical", "DATA_POINT", Map.of("kind", "qa-evaluations", "sourceSystem", "qa-tool",
                "externalId", "QA-404")).statusCode(400).body("field", is("record.externalId"));
        metrics.verify(0, putRequestedFor(urlPathEqualTo(EVALUATIONS + "/17/dispute")));
        hr().queryParam("scorecardId", card).get(APPEALS).then().body("size()", is(0));

        // filed: the evaluation is reported disputed, as scoring-service, for the agent
        long appeal = file(q1, card, "critical", "DATA_POINT", byId).statusCode(201)
                .body("record.kind", is("qa-evaluations")).body("record.id", is(17))
                .body("record.sourceSystem", is("qa-tool")).body("record.externalId", is("QA-1"))
                .body("record.date", is("2026-10-09"))
                .body("dataPoint", is("QA evaluation 17 (qa-tool/QA-1) of 2026-10-09"))
                .extract().jsonPath().getLong("id");
        // the record as the service names it, kept in Chinese too (V12); the agent's own words would stay as written
        hr().header("Accept-Language", "zh-CN").get(APPEALS + "/" + appeal).then().statusCode(200)
                .header("Content-Language", "zh-CN").body("dataPoint", is("2026-10-09 的质检评估 17（qa-tool/QA-1）"))
                .body("reason", is("The customer hung up before the disclosure was due"));
        hr().header("Accept-Language", "en").get(APPEALS + "/" + appeal).then().statusCode(200)
                .header("Content-Language", "en").body("dataPoint", is("QA evaluation 17 (qa-tool/QA-1) of 2026-10-09"));
        metrics.verify(putRequestedFor(urlPathEqualTo(EVALUATIONS + "/17/dispute"))
                .withHeader("X-Acting-For", equalTo("Q1"))
                .withHeader("Authorization", notMatching("Bearer " + q1))
                .withRequestBody(equalToJson("{\"appealId\":" + appeal + ",\"employeeId\":\"Q1\",\"status\":\"OPEN\","
                        + "\"reason\":\"The customer hung up before the disclosure was due\"}")));

        // accepted with a data correction of the day: reported ACCEPTED, the figures corrected as for any appeal
        metrics.stubFor(put(urlPathEqualTo(CORRECTIONS + "scoring-appeal-" + appeal)).willReturn(okJson("{}")));
        metrics.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId", equalTo("Q1"))
                .willReturn(okJson(report(null, null, agent("Q1", "calls_handled", 2000, 22,
                        "qa_critical_failures", 0, 4)))));
        hr().body(Map.of("outcome", "ACCEPTED", "reason", "Recording checked: the customer hung up",
                        "correction", Map.of("metricCode", "qa_critical_failures", "date", "2026-10-09", "value", 0)))
                .post(APPEALS + "/" + appeal + "/decision").then().statusCode(200)
                .body("resolution", is("DATA_CORRECTION")).body("totalBefore", is(50)).body("totalAfter", is(75))
                .body("pointsBefore", is(50)).body("pointsAfter", is(100)).body("gradeAfter", is("pass"));
        metrics.verify(putRequestedFor(urlPathEqualTo(EVALUATIONS + "/17/dispute"))
                .withHeader("X-Acting-For", equalTo("H1"))
                .withRequestBody(equalToJson("{\"appealId\":" + appeal + ",\"employeeId\":\"Q1\","
                        + "\"status\":\"ACCEPTED\",\"reason\":\"Recording checked: the customer hung up\"}")));
        metrics.verify(putRequestedFor(urlPathEqualTo(CORRECTIONS + "scoring-appeal-" + appeal))
                .withRequestBody(equalToJson("{\"employeeId\":\"Q1\",\"metricCode\":\"qa_critical_failures\","
                        + "\"date\":\"2026-10-09\",\"value\":0,\"reason\":\"appeal " + appeal
                        + ": Recording checked: the customer hung up\"}")));

        // named by its key in the QA tool; rejected, then reopened by the agent: each reported
        long second = file(q1, card, "calls", "DATA_POINT", Map.of("kind", "qa-evaluations", "sourceSystem",
                "qa-tool", "externalId", "QA-1")).statusCode(201).body("record.id", is(17))
                .extract().jsonPath().getLong("id");
        hr().body(Map.of("outcome", "REJECTED", "reason", "The calls figure is right"))
                .post(APPEALS + "/" + second + "/decision").then().statusCode(200);
        metrics.verify(putRequestedFor(urlPathEqualTo(EVALUATIONS + "/17/dispute"))
                .withRequestBody(equalToJson("{\"appealId\":" + second + ",\"employeeId\":\"Q1\","
                        + "\"status\":\"REJECTED\",\"reason\":\"The calls figure is right\"}")));
        as(q1).body(Map.of("reason", "Please let hr look at it")).post(APPEALS + "/" + second + "/escalation")
                .then().statusCode(200).body("status", is("OPEN"));
        metrics.verify(putRequestedFor(urlPathEqualTo(EVALUATIONS + "/17/dispute"))
                .withRequestBody(equalToJson("{\"appealId\":" + second + ",\"employeeId\":\"Q1\","
                        + "\"status\":\"OPEN\",\"reason\":\"Please let hr look at it\"}")));
    }

    @Test
    void aDisputeMetricsServiceRefusesFilesNothing() {
        hr().body(template("QAE", List.of(
                item("calls", "calls_handled", 100, Map.of("type", "linear", "full", 3000, "zero", 1000)))))
                .post(TEMPLATES).then().statusCode(201);
        stubOctober(metrics, "GQE", agent("Q5", "calls_handled", 2000, 22));
        String q5 = TestTokens.token("Q5", "agent");
        metrics.stubFor(get(urlPathEqualTo(EVALUATIONS + "/20")).willReturn(okJson("{\"id\":20,\"sourceSystem\":"
                + "\"qa-tool\",\"externalId\":\"QA-20\",\"employeeId\":\"Q5\",\"evaluatedOn\":\"2026-10-12\"}")));
        metrics.stubFor(put(urlPathEqualTo(EVALUATIONS + "/20/dispute"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"OPEN\""))
                .willReturn(problem(409, null, "QA evaluation 20 is disputed by appeal 7, still open")));
        metrics.stubFor(put(urlPathEqualTo(EVALUATIONS + "/20/dispute"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"WITHDRAWN\""))
                .willReturn(okJson("{}")));
        long runId = hr().body(run("QAE", "GQE", "2026-10")).post(RUNS).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        hr().post(RUNS + "/" + runId + "/publish").then().statusCode(200);
        long card = hr().queryParam("unit", "GQE").get("/api/v1/scoring/scorecards").then().extract().jsonPath()
                .getLong("[0].id");
        file(q5, card, "calls", "DATA_POINT", Map.of("kind", "qa-evaluations", "id", 20)).statusCode(409)
                .body("detail", containsString("disputed by appeal 7"));
        hr().queryParam("scorecardId", card).get(APPEALS).then().statusCode(200).body("size()", is(0));
        metrics.verify(putRequestedFor(urlPathEqualTo(EVALUATIONS + "/20/dispute"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"WITHDRAWN\"")));
    }

    private static io.restassured.response.ValidatableResponse file(String token, long card, String item, String kind,
                                                                   Map<String, Object> record) {
        return as(token).body(Map.of("scorecardId", card, "itemCode", item, "kind", kind, "reason",
                "The customer hung up before the disclosure was due", "record", record)).post(APPEALS).then();
    }
}
