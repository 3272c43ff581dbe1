package io.perfcenter.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A small demo organisation loaded through the gateway, as an HR person and a CRM integration would: one center,
 * one team, two groups of three agents, last month's daily figures, a scorecard template and a bonus plan, with
 * last month's scorecards computed and published and the bonus run computed. Loading twice changes nothing.
 */
public final class DemoData {

    static final String TEAM = "T-HOTLINE";
    static final List<String> GROUPS = List.of("G-HOTLINE-1", "G-HOTLINE-2");

    private final GatewayClient gateway;
    private final Map<String, String> tokens;
    private final YearMonth month;

    /** Last month in the center's zone ({@code PERFCENTER_TIME_ZONE}, default Asia/Shanghai). */
    public DemoData(String gatewayUrl, Map<String, String> tokens) {
        this(gatewayUrl, tokens, Clock.system(LauncherOptions.centerZone(System.getenv())));
    }

    /** {@code clock}: the center's clock; "last month" is the month before the current one in the center's zone. */
    public DemoData(String gatewayUrl, Map<String, String> tokens, Clock clock) {
        this.gateway = new GatewayClient(gatewayUrl);
        this.tokens = tokens;
        this.month = YearMonth.now(clock).minusMonths(1);
    }

    /** Loads the data set unless its center exists already; returns whether it loaded. */
    public boolean load() {
        if (gateway.send("GET", "/api/v1/metrics/org/units/C-SH", tokens.get("hr"), null, Set.of(200, 404))
                .has("code")) {
            System.out.println("Demo data: already loaded.");
            return false;
        }
        organisation();
        figures();
        scorecards();
        bonuses();
        System.out.println("Demo data: loaded for " + month + ".");
        return true;
    }

    private void organisation() {
        String hr = tokens.get("hr");
        unit(hr, "C-SH", "Shanghai contact center", "CENTER", null, null);
        unit(hr, TEAM, "Hotline team", "TEAM", "C-SH", "E1001");
        unit(hr, GROUPS.get(0), "Hotline group 1", "GROUP", TEAM, "E2001");
        unit(hr, GROUPS.get(1), "Hotline group 2", "GROUP", TEAM, "E2002");
        String[] names = {"Li Na", "Wang Fang", "Zhang Wei", "Liu Yang", "Chen Jing", "Yang Min"};
        for (int i = 0; i < names.length; i++) {
            gateway.send("POST", "/api/v1/metrics/org/agents", hr, Map.of(
                    "employeeId", agentId(i), "name", names[i], "position", "seat",
                    "hireDate", "2024-0" + (i + 1) + "-01", "unitCode", GROUPS.get(i / 3),
                    "memberFrom", "2024-0" + (i + 1) + "-01"), Set.of(201));
        }
    }

    /** Daily calls, handle time, CSAT and errors of last month's working days; fixed seed, same data every time. */
    private void figures() {
        Random random = new Random(42);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double skill = 1.25 - 0.08 * i; // E3001 (the printed agent token) does best
            for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() > 5) {
                    continue;
                }
                rows.add(value(agentId(i), "calls_handled", day, Math.round(95 * skill + random.nextInt(20))));
                rows.add(value(agentId(i), "aht", day, Math.round(420 / skill + random.nextInt(40))));
                rows.add(value(agentId(i), "csat", day, Math.min(5.0, 3.6 + skill + random.nextDouble() * 0.3)));
                rows.add(value(agentId(i), "error_count", day, random.nextInt(10) < 2 ? 1 : 0));
            }
        }
        JsonNode report = gateway.send("POST", "/api/v1/metrics/values", tokens.get("records-writer"), rows,
                Set.of(200));
        System.out.println("Demo data: " + report.path("accepted").asInt() + " metric values accepted.");
    }

    /** The front-line seat template of docs/domain.md (volume by tiered rate, AHT and CSAT linear), run per group. */
    private void scorecards() {
        String hr = tokens.get("hr");
        gateway.send("POST", "/api/v1/scoring/templates", hr, Map.of(
                "code", "SEAT", "name", "Front-line seat", "position", "seat",
                "items", List.of(
                        Map.of("code", "volume", "name", "Talk volume", "category", "results",
                                "metricCode", "calls_handled", "weight", 40,
                                "rule", Map.of("type", "tiered-rate", "maxPoints", 1400, "unit", "calls", "tiers", List.of(
                                        Map.of("upTo", 2000, "rate", 0.4), Map.of("upTo", 2300, "rate", 0.5),
                                        Map.of("upTo", 2500, "rate", 0.55), Map.of("upTo", 2800, "rate", 0.6),
                                        Map.of("upTo", 3000, "rate", 0.65), Map.of("rate", 0.7)))),
                        Map.of("code", "aht", "name", "Average handle time", "category", "efficiency",
                                "metricCode", "aht", "weight", 30,
                                "rule", Map.of("type", "linear", "full", 420, "zero", 600, "unit", "s")),
                        Map.of("code", "csat", "name", "Customer satisfaction", "category", "satisfaction",
                                "metricCode", "csat", "weight", 30,
                                "rule", Map.of("type", "linear", "full", 4.8, "zero", 3.5))),
                "gradeBands", List.of(Map.of("grade", "excellent", "minScore", 90),
                        Map.of("grade", "good", "minScore", 80), Map.of("grade", "pass", "minScore", 70),
                        Map.of("grade", "fail", "minScore", 0))), Set.of(201));
        for (String group : GROUPS) {
            JsonNode run = gateway.send("POST", "/api/v1/scoring/runs", hr,
                    Map.of("templateCode", "SEAT", "unitCode", group, "period", month.toString()), Set.of(201));
            gateway.send("POST", "/api/v1/scoring/runs/" + run.path("id").asText() + "/publish", hr, null,
                    Set.of(200));
        }
        System.out.println("Demo data: " + month + " scorecards computed and published for " + GROUPS + ".");
    }

    /** Performance pay: 30% of salary × a coefficient by grade (docs/domain.md §6), computed per group. */
    private void bonuses() {
        String hr = tokens.get("hr");
        List<Map<String, Object>> salaries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            salaries.add(Map.of("employeeId", agentId(i), "monthlySalary", 7000 + 500 * i, "currency", "CNY",
                    "effectiveFrom", "2024-01-01"));
        }
        gateway.send("PUT", "/api/v1/incentives/salaries", hr, salaries, Set.of(200));
        gateway.send("POST", "/api/v1/incentives/plans", hr, Map.of("code", "PERF", "name", "Monthly performance pay",
                "currency", "CNY", "performancePayShare", 0.30,
                "gradeCoefficients", Map.of("excellent", 1.1, "good", 1.0, "pass", 0.8, "fail", 0)), Set.of(201));
        for (String group : GROUPS) {
            gateway.send("POST", "/api/v1/incentives/runs", hr,
                    Map.of("planCode", "PERF", "period", month.toString(), "unitCode", group), Set.of(201));
        }
        System.out.println("Demo data: " + month + " performance pay computed (approve it as hr).");
    }

    private void unit(String token, String code, String name, String kind, String parent, String leader) {
        var body = new java.util.HashMap<String, Object>(Map.of("code", code, "name", name, "kind", kind));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        if (leader != null) {
            body.put("leaderEmployeeId", leader);
        }
        gateway.send("POST", "/api/v1/metrics/org/units", token, body, Set.of(201));
    }

    private static Map<String, Object> value(String agent, String metric, LocalDate day, Number value) {
        return Map.of("sourceSystem", "demo", "externalId", metric + "-" + agent + "-" + day, "employeeId", agent,
                "metricCode", metric, "date", day.toString(), "value", value);
    }

    static String agentId(int i) {
        return "E300" + (i + 1);
    }
}
