package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.SCORECARDS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.WHAT_IF;
import static io.perfcenter.scoring.ScoringApi.agent;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.stubOctober;
import static io.perfcenter.scoring.ScoringApi.template;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What-if: a draft of the next template version previewed against a stored, published month; nothing is stored. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class WhatIfTests {

    @MetricsServiceMock.Server
    WireMockServer metrics;

    private static Map<String, Object> version(int callsWeight, int csatWeight) {
        return template("WHATIF", List.of(
                item("calls", "calls_handled", callsWeight, Map.of("type", "linear", "full", 3000, "zero", 1000)),
                item("csat", "csat", csatWeight, Map.of("type", "linear", "full", 4.8, "zero", 3.0))));
    }

    @Test
    void aDraftVersionIsComparedWithThePublishedRunWithoutStoringAnything() {
        hr().body(version(50, 50)).post(TEMPLATES).then().statusCode(201);
        stubOctober(metrics, "RWI", agent("W1", "calls_handled", 3000, 22, "csat", 3.9, 30),
                agent("W2", "calls_handled", 2000, 22, "csat", 4.8, 30),
                agent("W3", "calls_handled", 2800, 22, "csat", 4.62, 30));
        long stored = hr().body(run("WHATIF", "RWI", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        hr().post(RUNS + "/" + stored + "/publish").then().statusCode(200);
        // stored (50/50): W1 100/50 → 75 pass, W2 50/100 → 75 pass, W3 90/90 → 90 excellent

        JsonPath preview = hr().body(Map.of("template", version(80, 20), "unitCode", "RWI", "period", "2026-10"))
                .post(WHAT_IF).then().statusCode(200).extract().jsonPath();
        assertEquals(true, preview.getBoolean("draft"));
        assertEquals(2, preview.getInt("templateVersion"));
        assertEquals(stored, preview.getLong("comparedRunId"));
        String w1 = "agents.find { it.employeeId == 'W1' }";
        assertEquals(75f, preview.getFloat(w1 + ".totalBefore"));
        assertEquals(90f, preview.getFloat(w1 + ".totalAfter"));
        assertEquals("pass", preview.getString(w1 + ".gradeBefore"));
        assertEquals("excellent", preview.getString(w1 + ".gradeAfter"));
        assertEquals(15f, preview.getFloat(w1 + ".totalChange"));
        assertEquals(60f, preview.getFloat("agents.find { it.employeeId == 'W2' }.totalAfter"));
        assertEquals(Map.of("excellent", 1, "pass", 2), preview.getMap("distributionBefore"));
        assertEquals(Map.of("excellent", 2, "fail", 1), preview.getMap("distributionAfter"));
        assertEquals(2, preview.getInt("gradesChanged"));
        assertEquals(80f, preview.getFloat("averageTotalBefore"));
        assertEquals(80f, preview.getFloat("averageTotalAfter"));
        assertEquals(3, preview.getList("scorecards").size());

        // nothing was stored: no version 2, no run, the published scorecards unchanged
        hr().get(TEMPLATES + "/WHATIF").then().body("version", equalTo(1));
        hr().queryParam("unit", "RWI").get(RUNS).then().body("$", hasSize(1));
        hr().queryParam("unit", "RWI").get(SCORECARDS).then().body("$", hasSize(3));
        hr().get(RUNS + "/" + stored + "/history").then().body("action", hasSize(2));

        // a stored version previews the same as its run
        hr().body(Map.of("templateCode", "WHATIF", "unitCode", "RWI", "period", "2026-10")).post(WHAT_IF).then()
                .statusCode(200).body("draft", equalTo(false)).body("gradesChanged", equalTo(0));

        hr().body(Map.of("template", version(80, 10), "unitCode", "RWI", "period", "2026-10")).post(WHAT_IF).then()
                .statusCode(400).body("field", equalTo("template.items"));
        hr().body(Map.of("unitCode", "RWI", "period", "2026-10")).post(WHAT_IF).then().statusCode(400)
                .body("field", equalTo("templateCode"));
        hr().body(Map.of("templateCode", "WHATIF", "period", "2026-10")).post(WHAT_IF).then().statusCode(400)
                .body("field", equalTo("unitCode"));
        as("S1", "supervisor").body(Map.of("templateCode", "WHATIF", "unitCode", "RWI", "period", "2026-10"))
                .post(WHAT_IF).then().statusCode(403);
    }
}
