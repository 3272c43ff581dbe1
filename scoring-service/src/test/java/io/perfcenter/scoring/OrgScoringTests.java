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
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.scoring.ScoringApi.ORG_UNITS;
import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.SCORECARDS;
import static io.perfcenter.scoring.ScoringApi.TARGETS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.agent;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.report;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.stubAggregates;
import static io.perfcenter.scoring.ScoringApi.stubMyUnits;
import static io.perfcenter.scoring.ScoringApi.stubOctober;
import static io.perfcenter.scoring.ScoringApi.template;
import static io.perfcenter.scoring.ScoringApi.values;
import static io.perfcenter.scoring.ScoringApi.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Targets cascading center → team → group → agent for target-achievement items, and group leads scored on their
 * group's own totals (a units template).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class OrgScoringTests {

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Test
    void theMostSpecificTargetApplies() {
        stubUnit("TC1", "CENTER", null, null);
        stubUnit("TT1", "TEAM", "TC1", "MT");
        stubUnit("TG1", "GROUP", "TT1", "SG");
        stubMembers("TG1", "[" + member("X1", "TG1") + "," + member("X2", "TG1") + "," + member("X3", "TG1") + "]");
        stubOctober(metrics, "TG1", agent("X1", "csat", 0.85, 30), agent("X2", "csat", 0.76, 30),
                agent("X3", "csat", 0.9, 30));
        hr().body(template("TARGETS", List.of(item("csat", "csat", 100, Map.of("type", "target-achievement",
                "target", 0.9))))).post(TEMPLATES).then().statusCode(201);

        String manager = TestTokens.token("MT", "manager");
        stubMyUnits(metrics, manager, "TT1", "TG1");
        String otherSupervisor = TestTokens.token("SO", "supervisor");
        stubMyUnits(metrics, otherSupervisor, "OTHER");
        hr().body(Map.of("metricCode", "csat", "unitCode", "TC1", "value", 0.8)).put(TARGETS).then()
                .statusCode(200).body("scopeKind", org.hamcrest.Matchers.equalTo("UNIT"))
                .body("period", org.hamcrest.Matchers.equalTo("*"));
        as(manager).body(Map.of("metricCode", "csat", "unitCode", "TT1", "value", 0.85)).put(TARGETS).then()
                .statusCode(200).body("setBy", org.hamcrest.Matchers.equalTo("MT"));
        as(manager).body(Map.of("metricCode", "csat", "unitCode", "TG1", "period", "2026-11", "value", 0.99))
                .put(TARGETS).then().statusCode(200);
        hr().body(Map.of("metricCode", "csat", "employeeId", "X3", "period", "2026-10", "value", 0.95)).put(TARGETS)
                .then().statusCode(200).body("scopeKind", org.hamcrest.Matchers.equalTo("AGENT"));
        // denials
        as(otherSupervisor).body(Map.of("metricCode", "csat", "unitCode", "TT1", "value", 0.5)).put(TARGETS).then()
                .statusCode(403).contentType("application/problem+json");
        as(manager).body(Map.of("metricCode", "csat", "employeeId", "X1", "value", 0.5)).put(TARGETS).then()
                .statusCode(403);
        as("X1", "agent").body(Map.of("metricCode", "csat", "unitCode", "TG1", "value", 0.5)).put(TARGETS).then()
                .statusCode(403);
        hr().body(Map.of("metricCode", "csat", "unitCode", "TG1")).put(TARGETS).then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("value"));
        hr().body(Map.of("metricCode", "csat", "unitCode", "TG1", "employeeId", "X1", "value", 1)).put(TARGETS).then()
                .statusCode(400).body("field", org.hamcrest.Matchers.equalTo("unitCode"));
        hr().body(Map.of("metricCode", "csat", "unitCode", "TG1", "period", "2026-13", "value", 1)).put(TARGETS)
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("period"));
        // an agent sees the units' targets and their own, never another agent's individual target
        as("X1", "agent").queryParam("metricCode", "csat").get(TARGETS).then().statusCode(200)
                .body("scopeCode", hasItems("TC1", "TT1", "TG1"))
                .body("scopeCode", org.hamcrest.Matchers.not(hasItems("X3")));
        as("X3", "agent").queryParam("metricCode", "csat").get(TARGETS).then().statusCode(200)
                .body("findAll { it.scopeKind == 'AGENT' }.scopeCode", org.hamcrest.Matchers.contains("X3"));
        hr().queryParam("metricCode", "csat").get(TARGETS).then().statusCode(200).body("scopeCode", hasItems("X3"));
        // supervisors and managers: the individual targets of the agents in their scope only (who belonged to a
        // unit they lead in the period), not of Z7, who is in no unit they lead
        hr().body(Map.of("metricCode", "csat", "employeeId", "Z7", "period", "2026-10", "value", 0.7)).put(TARGETS)
                .then().statusCode(200);
        stubMembers("TT1", "[" + member("X1", "TG1") + "," + member("X2", "TG1") + "," + member("X3", "TG1") + "]");
        stubMembers("OTHER", "[]");
        as(manager).queryParam("metricCode", "csat").queryParam("period", "2026-10").get(TARGETS).then()
                .statusCode(200).body("scopeCode", hasItems("TC1", "TT1", "X3"))
                .body("findAll { it.scopeKind == 'AGENT' }.scopeCode", org.hamcrest.Matchers.contains("X3"));
        as(otherSupervisor).queryParam("metricCode", "csat").queryParam("period", "2026-10").get(TARGETS).then()
                .statusCode(200).body("scopeCode", hasItems("TC1", "TT1"))
                .body("findAll { it.scopeKind == 'AGENT' }", empty());
        // hr sees every agent's target (other test classes store some too, in the same database)
        hr().queryParam("metricCode", "csat").queryParam("period", "2026-10").get(TARGETS).then().statusCode(200)
                .body("findAll { it.scopeKind == 'AGENT' }.scopeCode", hasItems("X3", "Z7"));

        JsonPath run = hr().body(run("TARGETS", "TG1", "2026-10")).post(RUNS).then().statusCode(201).extract()
                .jsonPath();
        // the team's target: the group has one for November only, the center's is less specific
        assertEquals("0.85 ÷ target 0.85 (team TT1) = 100% × 100 = 100 points; weight 100% → 100",
                run.getString("scorecards.find { it.employeeId == 'X1' }.items[0].explanation"));
        assertEquals(89.41f, run.getFloat("scorecards.find { it.employeeId == 'X2' }.total"));
        assertEquals("0.9 ÷ target 0.95 (agent X3, 2026-10) = 94.74% × 100 = 94.74 points; weight 100% → 94.74",
                run.getString("scorecards.find { it.employeeId == 'X3' }.items[0].explanation"));

        // a target for the group from now on is a new input: the next run is a new revision
        as(manager).body(Map.of("metricCode", "csat", "unitCode", "TG1", "value", 0.9)).put(TARGETS).then()
                .statusCode(200);
        hr().body(run("TARGETS", "TG1", "2026-10")).post(RUNS).then().statusCode(201)
                .body("revision", org.hamcrest.Matchers.equalTo(2))
                .body("changes.employeeId", hasItems("X1", "X2"))
                .body("scorecards.find { it.employeeId == 'X1' }.total", org.hamcrest.Matchers.equalTo(94.44f));
    }

    @Test
    void groupLeadsAreScoredOnTheirGroupsOwnTotals() {
        stubUnit("UG1", "GROUP", "UT1", "GL1");
        stubUnit("UG2", "GROUP", "UT1", "GL2");
        stubUnit("UG3", "GROUP", "UT1", null);
        stubMembers("UT1", "[" + member("Y1", "UG1") + "," + member("Y2", "UG1") + "," + member("Y3", "UG2") + "]");
        stubAggregates(metrics, "UG1", "2026-10-01", "2026-10-31", report("UG1", values("aht", 300, 500, "csat", 4.8,
                60), agent("Y1", "aht", 280, 200, "csat", 4.9, 20), agent("Y2", "aht", 320, 300, "csat", 4.7, 40)));
        stubAggregates(metrics, "UG2", "2026-10-01", "2026-10-31", report("UG2", values("aht", 450, 300, "csat", 3.9,
                30), agent("Y3", "aht", 450, 300, "csat", 3.9, 30)));
        hr().body(with(template("LEAD", List.of(
                        item("group-aht", "aht", 50, Map.of("type", "linear", "full", 300, "zero", 600, "unit", "s")),
                        item("group-csat", "csat", 50, Map.of("type", "linear", "full", 4.8, "zero", 3.0)))),
                "position", "group-lead", "subject", "UNITS")).post(TEMPLATES).then().statusCode(201)
                .body("subject", org.hamcrest.Matchers.equalTo("UNITS"));
        JsonPath run = hr().body(run("LEAD", "UT1", "2026-10")).post(RUNS).then().statusCode(201)
                .body("subject", org.hamcrest.Matchers.equalTo("UNITS")).extract().jsonPath();
        assertEquals(List.of("GL1", "GL2"), run.getList("scorecards.employeeId"));
        assertEquals(List.of("UG1", "UG2"), run.getList("scorecards.subjectUnitCode"));
        assertEquals(List.of(100.0f, 50.0f), run.getList("scorecards.total"));
        assertEquals(List.of("UT1", "UT1"), run.getList("scorecards.unitCode"));
        assertEquals("450 s lies between 300 s (full marks) and 600 s (zero): 100 × (600 − 450) / (600 − 300) = 50 "
                + "of 100 points; weight 50% → 25", run.getString("scorecards[1].items[0].explanation"));
        long runId = run.getLong("id");

        // the group lead sees their own scorecard once published, like an agent
        String lead = TestTokens.token("GL2", "supervisor");
        stubMyUnits(metrics, lead, "UG2");
        as(lead).queryParam("period", "2026-10").get(SCORECARDS).then().statusCode(200).body("$", empty());
        hr().post(RUNS + "/" + runId + "/publish").then().statusCode(200);
        as(lead).queryParam("period", "2026-10").get(SCORECARDS).then().statusCode(200)
                .body("employeeId", contains("GL2")).body("subjectUnitCode", contains("UG2"));

        hr().body(Map.of("templateCode", "LEAD", "unitCode", "UT1", "period", "2026-10", "units", List.of("UG3")))
                .post(RUNS).then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("units[0]"));
        hr().body(template("AGENTS-ONLY", List.of(item("csat", "csat", 100, Map.of("type", "linear", "full", 4.8,
                "zero", 3.0))))).post(TEMPLATES).then().statusCode(201);
        hr().body(Map.of("templateCode", "AGENTS-ONLY", "unitCode", "UT1", "period", "2026-10", "units", List.of("UG1")))
                .post(RUNS).then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("units"));
    }

    private void stubUnit(String code, String kind, String parent, String leader) {
        metrics.stubFor(get(urlPathEqualTo(ORG_UNITS + code)).willReturn(okJson("{\"code\":\"" + code
                + "\",\"name\":\"" + code + "\",\"kind\":\"" + kind + "\",\"parentCode\":"
                + (parent == null ? "null" : "\"" + parent + "\"") + ",\"leaderEmployeeId\":"
                + (leader == null ? "null" : "\"" + leader + "\"") + "}")));
    }

    private void stubMembers(String unit, String body) {
        metrics.stubFor(get(urlPathEqualTo(ORG_UNITS + unit + "/members")).withQueryParam("from",
                equalTo("2026-10-01")).withQueryParam("to", equalTo("2026-10-31")).willReturn(okJson(body)));
    }

    private static String member(String employeeId, String unit) {
        return "{\"employeeId\":\"" + employeeId + "\",\"name\":\"N\",\"position\":\"seat\",\"unitCode\":\"" + unit
                + "\",\"from\":\"2024-01-01\",\"to\":null}";
    }
}
