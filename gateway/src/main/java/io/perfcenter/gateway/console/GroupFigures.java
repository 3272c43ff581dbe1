package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfcenter.gateway.overview.ServiceCalls;
import io.perfcenter.gateway.overview.ServiceCalls.Part;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the group page shows beside the scorecards, from the metrics API with the reader's token: each agent's values
 * of the month that moved far from their own recent baseline (the API's anomaly detector, with its default threshold
 * and baseline), and each unit's own figures of the current month so far (month to date).
 */
@TemplateData
public record GroupFigures(Map<String, List<String>> anomalies, List<UnitFigures> monthToDate, String mtdFrom,
                           String mtdTo, List<String> notes) {

    @TemplateData
    public record UnitFigures(String unitCode, List<Figure> figures) {
    }

    @TemplateData
    public record Figure(String metric, String value, String samples) {
    }

    /** The anomaly reasons of an agent (empty: none flagged). */
    public List<String> flags(String employeeId) {
        return anomalies.getOrDefault(employeeId, List.of());
    }

    public int flagged() {
        return anomalies.size();
    }

    static Uni<GroupFigures> of(ServiceCalls calls, List<String> units, List<String> metrics, YearMonth month,
                                LocalDate today, String authorization, String requestId) {
        LocalDate from = today.withDayOfMonth(1);
        if (units.isEmpty() || metrics.isEmpty()) {
            return Uni.createFrom().item(new GroupFigures(Map.of(), List.of(), from.toString(), today.toString(),
                    List.of()));
        }
        List<Uni<Part>> flagged = new ArrayList<>();
        List<Uni<Part>> mtd = new ArrayList<>();
        StringBuilder named = new StringBuilder();
        metrics.forEach(code -> named.append("&metric=").append(ConsolePages.encode(code)));
        for (String unit : units) {
            String u = ConsolePages.encode(unit);
            flagged.add(calls.get("metrics-service", "/api/v1/metrics/aggregates?unit=" + u + "&period=" + month
                    + named + "&anomalies=true", authorization, requestId));
            mtd.add(calls.get("metrics-service", "/api/v1/metrics/aggregates?unit=" + u + "&from=" + from + "&to="
                    + today + named, authorization, requestId));
        }
        List<Uni<Part>> all = new ArrayList<>(flagged);
        all.addAll(mtd);
        return Uni.join().all(all).andCollectFailures().map(parts -> {
            List<String> notes = new ArrayList<>();
            Map<String, List<String>> anomalies = new LinkedHashMap<>();
            List<UnitFigures> figures = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                Part a = parts.get(i);
                ConsolePages.note(notes, a, ConsoleKit.msg().whatAnomalies(units.get(i)));
                if (a.body() != null) {
                    for (JsonNode agent : a.body().path("agents")) {
                        for (JsonNode anomaly : agent.path("anomalies")) {
                            anomalies.computeIfAbsent(agent.path("employeeId").asText(), k -> new ArrayList<>())
                                    .add(anomaly.path("reason").asText());
                        }
                    }
                }
                Part m = parts.get(units.size() + i);
                ConsolePages.note(notes, m, ConsoleKit.msg().whatMonthToDate(units.get(i)));
                if (m.body() != null) {
                    figures.add(new UnitFigures(units.get(i), figures(m.body().path("unitTotal"))));
                }
            }
            return new GroupFigures(anomalies, figures, from.toString(), today.toString(), notes);
        });
    }

    /** The metrics the scorecards' items are computed from (the API names the metrics it aggregates). */
    static List<String> metricsOf(JsonNode cards) {
        TreeSet<String> metrics = new TreeSet<>();
        if (cards != null && cards.isArray()) {
            cards.forEach(c -> c.path("items").forEach(i -> {
                if (i.hasNonNull("metricCode")) {
                    metrics.add(i.path("metricCode").asText());
                }
            }));
        }
        return List.copyOf(metrics);
    }

    static List<Figure> figures(JsonNode values) {
        List<Figure> list = new ArrayList<>();
        if (values != null && values.isObject()) {
            for (String metric : new TreeSet<>(iterable(values.fieldNames()))) {
                JsonNode v = values.path(metric);
                list.add(new Figure(metric, MonthView.text(v, "value"), MonthView.text(v, "samples")));
            }
        }
        return list;
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
