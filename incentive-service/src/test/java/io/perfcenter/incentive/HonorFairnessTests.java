package io.perfcenter.incentive;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.incentive.DownstreamServices.InjectDownstream;
import io.perfcenter.incentive.TestApi.Card;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.incentive.TestApi.BASE;
import static io.perfcenter.incentive.TestApi.HR;
import static io.perfcenter.incentive.TestApi.as;
import static io.perfcenter.incentive.TestApi.json;
import static io.perfcenter.incentive.TestApi.money;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

/**
 * Honors follow scoring's and metrics' fairness rules: no ranking on a figure the scorecard left out as insufficient
 * data, an award's minimum of samples, no figure metrics-service flags as an anomaly; the run says who was left out
 * and why. Stubs have the providers' shapes (ScorecardPayloads.ItemView, AggregatePayloads.AgentAggregates/Anomaly).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(DownstreamServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HonorFairnessTests {

    @InjectDownstream
    WireMockServer downstream;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Awards are global and a run without awardCodes judges every award of the cadence: this class's awards are
     * removed afterwards so that other classes' runs see only their own.
     */
    @AfterAll
    void removeTheseAwards() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            String mine = "(SELECT id FROM honor_run WHERE award_code IN ('FAIR-STAR', 'FAIR-PIONEER'))";
            st.executeUpdate("DELETE FROM honor_winner WHERE honor_run_id IN " + mine);
            st.executeUpdate("DELETE FROM honor_run WHERE award_code IN ('FAIR-STAR', 'FAIR-PIONEER')");
            st.executeUpdate("DELETE FROM honor_award WHERE code IN ('FAIR-STAR', 'FAIR-PIONEER')");
        }
    }

    /** metrics-service's unit aggregates asked with anomalies=true: values with samples, and anomalies per agent. */
    private void stubAggregatesWithAnomalies(String unit, Map<String, Map<String, Object[]>> values,
                                             Map<String, List<Map<String, Object>>> anomalies) {
        List<Map<String, Object>> agents = new java.util.ArrayList<>();
        values.forEach((employee, byMetric) -> {
            Map<String, Object> shaped = new LinkedHashMap<>();
            byMetric.forEach((metric, vs) -> shaped.put(metric, Map.of("value", vs[0], "samples", vs[1])));
            Map<String, Object> agent = new LinkedHashMap<>();
            agent.put("employeeId", employee);
            agent.put("values", shaped);
            if (anomalies.containsKey(employee)) {
                agent.put("anomalies", anomalies.get(employee));
            }
            agent.put("unitCode", unit);
            agents.add(agent);
        });
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("unitCode", unit);
        report.put("from", "2026-10-01");
        report.put("to", "2026-10-31");
        report.put("metrics", List.of("csat", "aht"));
        report.put("agents", agents);
        report.put("unitTotal", Map.of());
        downstream.stubFor(get(urlPathEqualTo(TestApi.AGGREGATES)).withQueryParam("unit", equalTo(unit))
                .withQueryParam("from", equalTo("2026-10-01")).withQueryParam("to", equalTo("2026-10-31"))
                .withQueryParam("anomalies", equalTo("true"))
                .willReturn(okJson(json(report))));
    }

    @Test
    void honorsRankOnlyOnFiguresScoringAndMetricsCallFair() {
        Map<String, Object> star = new LinkedHashMap<>();
        star.put("code", "FAIR-STAR");
        star.put("name", "Fair Service Star");
        star.put("cadence", "MONTHLY");
        star.put("rankBy", Map.of("measure", "csat", "minSamples", 30));
        star.put("winners", 1);
        as(HR).body(star).post(BASE + "/honors/awards").then().statusCode(201).body("rankBy.minSamples", is(30));
        as(HR).body(Map.of("code", "FAIR-PIONEER", "name", "Fair Efficiency Pioneer", "cadence", "MONTHLY",
                        "rankBy", Map.of("measure", "aht", "direction", "LOWER"), "winners", 1))
                .post(BASE + "/honors/awards").then().statusCode(201);

        TestApi.stubScorecards(downstream, "2026-10", "FR-1", List.of(
                // F1: CSAT 5 from 2 surveys, which the scorecard left out as too few
                new Card(6101, "F1", "FR-1", "2026-10", "90", "good", 1).item("csat", "5", 2, true)
                        .item("aht", "310", 420, false),
                new Card(6102, "F2", "FR-1", "2026-10", "88", "good", 2).item("csat", "4.8", 40, false)
                        .item("aht", "300", 400, false),
                // F3: CSAT 4.9 from 12 surveys, fewer than the award's 30
                new Card(6103, "F3", "FR-1", "2026-10", "87", "good", 3).item("csat", "4.9", 12, false)
                        .item("aht", "330", 380, false),
                // F4: AHT 250, which metrics-service flags as an anomaly
                new Card(6104, "F4", "FR-1", "2026-10", "86", "good", 4).item("csat", "4.6", 50, false)
                        .item("aht", "250", 390, false)));
        Map<String, Map<String, Object[]>> values = new LinkedHashMap<>();
        values.put("F1", Map.of("csat", new Object[]{5, 2}, "aht", new Object[]{310, 420}));
        values.put("F2", Map.of("csat", new Object[]{4.8, 40}, "aht", new Object[]{300, 400}));
        values.put("F3", Map.of("csat", new Object[]{4.9, 12}, "aht", new Object[]{330, 380}));
        values.put("F4", Map.of("csat", new Object[]{4.6, 50}, "aht", new Object[]{250, 390}));
        stubAggregatesWithAnomalies("FR-1", values, Map.of("F4", List.of(Map.of("metric", "aht", "value", 250,
                "baseline", 400, "change", -0.375, "periods", 3,
                "reason", "aht fell 37.5% below the agent's mean of the 3 previous periods (400)"))));

        // Service Star: F1 (insufficient data) and F3 (12 < 30 samples) are left out; F2 4.8 beats F4 4.6
        // Efficiency Pioneer: F4's 250 is an anomaly; F2's 300 beats F1's 310 and F3's 330
        as(HR).body(Map.of("period", "2026-10", "unitCode", "FR-1", "awardCodes",
                        List.of("FAIR-STAR", "FAIR-PIONEER")))
                .post(BASE + "/honors/runs").then().statusCode(201)
                .body("results.awardCode", contains("FAIR-STAR", "FAIR-PIONEER"))
                .body("results[0].candidates", is(4)).body("results[0].eligible", is(2))
                .body("results[0].winners.employeeId", contains("F2"))
                .body("results[0].winners[0].value", is(money("4.8")))
                .body("results[0].winners[0].reason", is("csat 4.8, 1st of 2 eligible (higher is better)"))
                .body("results[0].leftOut.employeeId", contains("F1", "F3"))
                .body("results[0].leftOut.reason", contains(
                        "csat left out of the scorecard as insufficient data (2 samples) to rank by",
                        "csat 4.9 from 12 samples, fewer than the 30 required"))
                .body("results[1].eligible", is(3))
                .body("results[1].winners.employeeId", contains("F2"))
                .body("results[1].winners[0].reason", is("aht 300, 1st of 3 eligible (lower is better)"))
                .body("results[1].leftOut.employeeId", contains("F4"))
                .body("results[1].leftOut[0].reason", is("aht flagged as an anomaly by metrics-service (aht fell "
                        + "37.5% below the agent's mean of the 3 previous periods (400)) to rank by"));
    }

    @Test
    void minSamplesIsCheckedWhenAnAwardIsDefined() {
        as(HR).body(Map.of("code", "BAD-MIN", "name", "x", "cadence", "MONTHLY", "winners", 1,
                        "rankBy", Map.of("measure", "csat", "minSamples", 0)))
                .post(BASE + "/honors/awards").then().statusCode(400).body("field", is("rankBy.minSamples"));
        as(HR).body(Map.of("code", "BAD-MIN", "name", "x", "cadence", "MONTHLY", "winners", 1,
                        "rankBy", Map.of("measure", "score", "minSamples", 5)))
                .post(BASE + "/honors/awards").then().statusCode(400).body("field", is("rankBy.minSamples"));
        as(HR).get(BASE + "/honors/awards/BAD-MIN").then().statusCode(404);
    }
}
