package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.perfcenter.support.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

/** Shared by the @QuarkusTests: callers with tokens, a template like docs/domain.md's, and metrics-service stubs. */
public final class ScoringApi {

    public static final String TEMPLATES = "/api/v1/scoring/templates";
    public static final String RUNS = "/api/v1/scoring/runs";
    public static final String SCORECARDS = "/api/v1/scoring/scorecards";
    public static final String AGGREGATES = "/api/v1/metrics/aggregates";
    public static final String MY_UNITS = "/api/v1/metrics/org/my-units";
    public static final String ORG_UNITS = "/api/v1/metrics/org/units/";
    public static final String VALUES = "/api/v1/metrics/values";
    public static final String CORRECTIONS = "/api/v1/metrics/corrections/";
    public static final String TARGETS = "/api/v1/scoring/targets";
    public static final String REVIEWS = "/api/v1/scoring/reviews";
    public static final String APPEALS = "/api/v1/scoring/appeals";
    public static final String WHAT_IF = "/api/v1/scoring/runs/what-if";

    private ScoringApi() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String employeeId, String... roles) {
        return as(TestTokens.token(employeeId, roles));
    }

    public static RequestSpecification hr() {
        return as("H1", "hr");
    }

    /** Calls (tiered, docs/domain.md §3, scaled by maxPoints 1500) 40%, reply minutes 30%, CSAT 30%. */
    public static Map<String, Object> seatTemplate(String code) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("code", code);
        template.put("name", "Front-line seat, monthly");
        template.put("position", "seat");
        template.put("items", List.of(
                item("calls", "calls_handled", 40, Map.of("type", "tiered-rate", "unit", "calls", "maxPoints", 1500,
                        "tiers", List.of(Map.of("upTo", 2000, "rate", 0.4), Map.of("upTo", 2300, "rate", 0.5),
                                Map.of("upTo", 2500, "rate", 0.55), Map.of("upTo", 2800, "rate", 0.6),
                                Map.of("upTo", 3000, "rate", 0.65), Map.of("rate", 0.7)))),
                item("reply", "reply_minutes", 30, Map.of("type", "linear", "full", 5, "zero", 10, "unit", "min")),
                item("csat", "csat", 30, Map.of("type", "linear", "full", 4.8, "zero", 3.0))));
        template.put("gradeBands", List.of(band("excellent", 90), band("good", 80), band("pass", 70),
                band("fail", 0)));
        return template;
    }

    public static Map<String, Object> item(String code, String metricCode, Object weight, Map<String, Object> rule) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("code", code);
        item.put("name", "Item " + code);
        item.put("category", "customer");
        item.put("metricCode", metricCode);
        if (weight != null) {
            item.put("weight", weight);
        }
        item.put("rule", rule);
        return item;
    }

    public static Map<String, Object> band(String grade, Object minScore) {
        return Map.of("grade", grade, "minScore", minScore);
    }

    public static Map<String, Object> run(String templateCode, String unitCode, String period) {
        return Map.of("templateCode", templateCode, "unitCode", unitCode, "period", period);
    }

    /** The aggregates request scoring makes for a unit, October 2026, with the seat template's metrics. */
    public static MappingBuilder aggregatesOf(String unitCode, String... metrics) {
        List<String> codes = metrics.length == 0 ? List.of("calls_handled", "reply_minutes", "csat")
                : Arrays.asList(metrics);
        return get(urlPathEqualTo(AGGREGATES))
                .withQueryParam("unit", equalTo(unitCode))
                .withQueryParam("metric", havingExactly(codes.toArray(String[]::new)))
                .withQueryParam("from", equalTo("2026-10-01"))
                .withQueryParam("to", equalTo("2026-10-31"));
    }

    /** metrics-service's answer: agents given as employee id followed by metric code, value pairs. */
    public static String aggregateReport(String unitCode, Object[]... agents) {
        StringBuilder json = new StringBuilder("{\"unitCode\":\"" + unitCode + "\",\"from\":\"2026-10-01\","
                + "\"to\":\"2026-10-31\",\"metrics\":[\"calls_handled\",\"reply_minutes\",\"csat\"],\"agents\":[");
        for (int a = 0; a < agents.length; a++) {
            Object[] agent = agents[a];
            json.append(a == 0 ? "" : ",").append("{\"employeeId\":\"").append(agent[0]).append("\",\"values\":{");
            for (int i = 1; i < agent.length; i += 2) {
                json.append(i == 1 ? "" : ",").append('"').append(agent[i]).append("\":{\"value\":")
                        .append(agent[i + 1]).append(",\"samples\":20}");
            }
            json.append("}}");
        }
        return json.append("]}").toString();
    }

    /**
     * Any aggregates request for the unit and days, whatever metrics it names; the org directory then assigns the
     * report's agents to the unit for the whole range, as seats (a later {@link #stubAssignments} overrides it).
     */
    public static void stubAggregates(WireMockServer metrics, String unit, String from, String to, String body) {
        metrics.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("unit", equalTo(unit))
                .withQueryParam("from", equalTo(from)).withQueryParam("to", equalTo(to)).willReturn(okJson(body)));
        stubStayers(metrics, unit, from, to, body);
    }

    /** The org directory assigns every agent of an aggregates answer to the unit for the whole range, as seats. */
    public static void stubStayers(WireMockServer metrics, String unit, String from, String to, String body) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(from),
                java.time.LocalDate.parse(to)) + 1;
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("\"employeeId\":\"([^\"]+)\"").matcher(body);
        List<String> rows = new java.util.ArrayList<>();
        while (ids.find()) {
            rows.add(assignment(ids.group(1), "seat", unit, true, days, days, days, days,
                    stint(unit, from, to, days)));
        }
        stubAssignments(metrics, unit, from, to, rows.toArray(String[]::new));
    }

    /** GET /org/units/{unit}/assignments for the range answers these rows (made by {@link #assignment}). */
    public static void stubAssignments(WireMockServer metrics, String unit, String from, String to,
                                       String... rows) {
        metrics.stubFor(get(urlPathEqualTo(ORG_UNITS + unit + "/assignments")).withQueryParam("from", equalTo(from))
                .withQueryParam("to", equalTo(to)).willReturn(okJson("[" + String.join(",", rows) + "]")));
    }

    /** metrics-service's UnitAssignment: the agent's home unit for the period and the days behind it. */
    public static String assignment(String employeeId, String position, String homeUnit, boolean assigned,
                                    long daysInHomeUnit, long daysInUnit, long daysInAnyUnit, long periodDays,
                                    String... stints) {
        return "{\"employeeId\":\"" + employeeId + "\",\"name\":\"Agent " + employeeId + "\",\"position\":"
                + (position == null ? "null" : "\"" + position + "\"") + ",\"policy\":\"MOST_DAYS\","
                + "\"homeUnitCode\":\"" + homeUnit + "\",\"assigned\":" + assigned + ",\"daysInHomeUnit\":"
                + daysInHomeUnit + ",\"daysInUnit\":" + daysInUnit + ",\"daysInAnyUnit\":" + daysInAnyUnit
                + ",\"periodDays\":" + periodDays + ",\"memberships\":[" + String.join(",", stints) + "]}";
    }

    /** A membership cut to the period, days both inclusive. */
    public static String stint(String unit, String firstDay, String lastDay, long days) {
        return "{\"unitCode\":\"" + unit + "\",\"firstDay\":\"" + firstDay + "\",\"lastDay\":\"" + lastDay
                + "\",\"days\":" + days + "}";
    }

    /** October 2026 of a unit. */
    public static void stubOctober(WireMockServer metrics, String unit, String... agents) {
        stubAggregates(metrics, unit, "2026-10-01", "2026-10-31", report(unit, null, agents));
    }

    /** An aggregates answer: agents made by {@link #agent}, unitTotal a JSON object of values or null. */
    public static String report(String unit, String unitTotal, String... agents) {
        return "{\"unitCode\":\"" + unit + "\",\"agents\":[" + String.join(",", agents) + "]"
                + (unitTotal == null ? "" : ",\"unitTotal\":" + unitTotal) + ",\"anomalies\":[]}";
    }

    /** An agent's values: metric code, value, samples, repeated. */
    public static String agent(String employeeId, Object... codeValueSamples) {
        return "{\"employeeId\":\"" + employeeId + "\",\"values\":" + values(codeValueSamples) + "}";
    }

    /** {code: {value, samples}} from metric code, value, samples, repeated. */
    public static String values(Object... codeValueSamples) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < codeValueSamples.length; i += 3) {
            json.append(i == 0 ? "" : ",").append('"').append(codeValueSamples[i]).append("\":{\"value\":")
                    .append(codeValueSamples[i + 1]).append(",\"samples\":").append(codeValueSamples[i + 2])
                    .append('}');
        }
        return json.append('}').toString();
    }

    /** A template: items made by {@link #item}, bands excellent 90 / good 80 / pass 70 / fail 0. */
    public static Map<String, Object> template(String code, List<Map<String, Object>> items) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("code", code);
        template.put("name", "Template " + code);
        template.put("position", "seat");
        template.put("items", items);
        template.put("gradeBands", List.of(band("excellent", 90), band("good", 80), band("pass", 70),
                band("fail", 0)));
        return template;
    }

    public static Map<String, Object> with(Map<String, Object> map, Object... keyValues) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        for (int i = 0; i < keyValues.length; i += 2) {
            copy.put((String) keyValues[i], keyValues[i + 1]);
        }
        return copy;
    }

    public static void stubMyUnits(WireMockServer metrics, String token, String... units) {
        metrics.stubFor(get(urlPathEqualTo(MY_UNITS)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("[" + String.join(",", Arrays.stream(units).map(u -> '"' + u + '"').toList())
                        + "]")));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String field,
                                                                                          String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://perfcenter.io/problems/x\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"" + (field == null ? "" : ",\"field\":\"" + field + "\"") + "}");
    }
}
