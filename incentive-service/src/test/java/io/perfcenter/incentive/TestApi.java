package io.perfcenter.incentive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.perfcenter.support.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;

/** What the incentive @QuarkusTests share: tokens, requests that read decimals exactly, downstream stubs. */
public final class TestApi {

    public static final String BASE = "/api/v1/incentives";
    public static final String PROBLEMS = "https://perfcenter.io/problems/";
    public static final String SCORECARDS = "/api/v1/scoring/scorecards";
    public static final String AGGREGATES = "/api/v1/metrics/aggregates";
    public static final String MY_UNITS = "/api/v1/metrics/org/my-units";
    public static final String ORG_AGENTS = "/api/v1/metrics/org/agents/";
    public static final String ORG_UNITS = "/api/v1/metrics/org/units/";

    public static final String HR = TestTokens.token("H1", "hr");
    public static final String ADMIN = TestTokens.token("AD1", "admin");
    /** Machine clients, one per purpose (no employee id): record upload, org sync, payroll export. */
    public static final String RECORDS_WRITER = TestTokens.system("records-writer");
    public static final String ORG_SYNC = TestTokens.system("org-sync");
    public static final String PAYROLL_EXPORT = TestTokens.system("payroll-export");
    public static final String QA = TestTokens.token("Q1", "qa");

    private TestApi() {
    }

    /** Decimals are read as BigDecimal so that 2640.00 is compared with its scale, not as a float. */
    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .config(RestAssured.config().jsonConfig(jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    public static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    public static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of the bearer token a request to a downstream service carried, as JSON text. */
    public static String bearerClaims(LoggedRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new AssertionError("no bearer token on " + request.getUrl());
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    /** Builds a scorecard as scoring-service returns it. */
    public static final class Card {
        private final Map<String, Object> card = new LinkedHashMap<>();
        private final List<Map<String, Object>> items = new ArrayList<>();

        public Card(long id, String employeeId, String unit, String period, String total, String grade, int rank) {
            card.put("id", id);
            card.put("runId", 3);
            card.put("employeeId", employeeId);
            card.put("unitCode", unit);
            card.put("period", period);
            card.put("templateCode", "FRONT-SEAT");
            card.put("templateVersion", 2);
            card.put("total", new BigDecimal(total));
            card.put("grade", grade);
            card.put("rank", rank);
            card.put("status", "PUBLISHED");
            card.put("items", items);
        }

        /** An item with a value of the metric; null for an item without data (insufficientData). */
        public Card item(String metric, String value) {
            Map<String, Object> item = new HashMap<>();
            item.put("itemCode", metric);
            item.put("metricCode", metric);
            item.put("value", value == null ? null : new BigDecimal(value));
            item.put("points", 10);
            item.put("weight", 10);
            item.put("weightedPoints", 1);
            item.put("explanation", "…");
            item.put("insufficientData", value == null);
            items.add(item);
            return this;
        }

        /**
         * An item as scoring writes it with its sample count; {@code insufficient}: fewer samples than the template
         * requires, so scoring left the item out (handling EXCLUDED) though it shows the value.
         */
        public Card item(String metric, String value, long samples, boolean insufficient) {
            Map<String, Object> item = new HashMap<>();
            item.put("itemCode", metric);
            item.put("metricCode", metric);
            item.put("value", new BigDecimal(value));
            item.put("samples", samples);
            item.put("points", insufficient ? null : 10);
            item.put("weight", 10);
            item.put("weightedPoints", insufficient ? null : 1);
            item.put("explanation", "…");
            item.put("insufficientData", insufficient);
            item.put("handling", insufficient ? "EXCLUDED" : "SCORED");
            items.add(item);
            return this;
        }

        public Map<String, Object> build() {
            return card;
        }
    }

    public static void stubScorecards(WireMockServer server, String period, String unit, List<Card> cards) {
        stubScorecards(server, period, unit, okJson(json(cards.stream().map(Card::build).toList())));
    }

    public static void stubScorecards(WireMockServer server, String period, String unit,
                                      ResponseDefinitionBuilder response) {
        MappingBuilder request = get(urlPathEqualTo(SCORECARDS)).withQueryParam("period", equalTo(period))
                .withQueryParam("unit", equalTo(unit)).withQueryParam("status", equalTo("PUBLISHED"));
        server.stubFor(request.willReturn(response));
    }

    /** metrics-service's aggregates of one agent over some days. */
    public static void stubAgentAggregates(WireMockServer server, String employeeId, String from, String to,
                                           Map<String, Object> values) {
        Map<String, Object> shaped = new LinkedHashMap<>();
        values.forEach((metric, value) -> shaped.put(metric, Map.of("value", value, "samples", 20)));
        Map<String, Object> report = Map.of("from", from, "to", to, "metrics", List.of(),
                "agents", List.of(Map.of("employeeId", employeeId, "values", shaped)));
        server.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("employeeId", equalTo(employeeId))
                .withQueryParam("from", equalTo(from)).withQueryParam("to", equalTo(to))
                .willReturn(okJson(json(report))));
    }

    /** scoring-service's published scorecards of one employee, every period. */
    public static void stubScorecardsOf(WireMockServer server, String employeeId, List<Card> cards) {
        server.stubFor(get(urlPathEqualTo(SCORECARDS)).withQueryParam("employeeId", equalTo(employeeId))
                .withQueryParam("status", equalTo("PUBLISHED"))
                .willReturn(okJson(json(cards.stream().map(Card::build).toList()))));
    }

    /**
     * metrics-service's org directory entry of a person, shaped as its {@code Agent} (OrgPayloads.AgentView: employeeId,
     * name, position, hireDate, status, unitCode, leftOn).
     */
    public static void stubPerson(WireMockServer server, String employeeId, String position, String hireDate,
                                  String unitCode) {
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("employeeId", employeeId);
        agent.put("name", "Agent " + employeeId);
        agent.put("position", position);
        agent.put("hireDate", hireDate);
        agent.put("status", "ACTIVE");
        agent.put("unitCode", unitCode);
        agent.put("leftOn", null);
        server.stubFor(get(urlPathEqualTo(ORG_AGENTS + employeeId)).willReturn(okJson(json(agent))));
    }

    /**
     * metrics-service's members of a unit over some days, shaped as its {@code Member} (OrgPayloads.MemberView:
     * employeeId, name, position, hireDate, unitCode, from, to); positions by employee.
     */
    public static void stubMembers(WireMockServer server, String unitCode, String from, String to,
                                   Map<String, String> positions) {
        Map<String, String[]> people = new LinkedHashMap<>();
        positions.forEach((employee, position) -> people.put(employee, new String[]{position, "2024-01-01"}));
        stubMemberPeople(server, unitCode, from, to, people);
    }

    /** The same, with each member's position and hire date: employee → {position, hireDate}. */
    public static void stubMemberPeople(WireMockServer server, String unitCode, String from, String to,
                                        Map<String, String[]> people) {
        List<Map<String, Object>> members = new ArrayList<>();
        people.forEach((employee, person) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("employeeId", employee);
            m.put("name", "Agent " + employee);
            m.put("position", person[0]);
            m.put("hireDate", person[1]);
            m.put("unitCode", unitCode);
            m.put("from", "2024-01-01");
            m.put("to", null);
            members.add(m);
        });
        server.stubFor(get(urlPathEqualTo(ORG_UNITS + unitCode + "/members"))
                .withQueryParam("from", equalTo(from)).withQueryParam("to", equalTo(to))
                .willReturn(okJson(json(members))));
    }

    /** metrics-service's aggregates of a unit over some days: values per agent, and the unit's own values. */
    public static void stubAggregates(WireMockServer server, String unit, String from, String to,
                                      Map<String, Map<String, Object>> agents, Map<String, Object> unitTotal) {
        List<Map<String, Object>> rows = new ArrayList<>();
        agents.forEach((employee, values) -> {
            Map<String, Object> shaped = new LinkedHashMap<>();
            values.forEach((metric, value) -> shaped.put(metric, Map.of("value", value, "samples", 20)));
            rows.add(Map.of("employeeId", employee, "values", shaped));
        });
        Map<String, Object> total = new LinkedHashMap<>();
        unitTotal.forEach((metric, value) -> total.put(metric, Map.of("value", value, "samples", 300)));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("unitCode", unit);
        report.put("from", from);
        report.put("to", to);
        report.put("metrics", List.of());
        report.put("agents", rows);
        report.put("unitTotal", total);
        server.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("unit", equalTo(unit))
                .withQueryParam("from", equalTo(from)).withQueryParam("to", equalTo(to))
                .willReturn(okJson(json(report))));
    }
}
