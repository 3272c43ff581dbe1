package io.perfcenter.gateway.console;

import io.quarkus.qute.TemplateData;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The agents × items table of a month: one row per scorecard the signed-in person may see (a supervisor: the units
 * they lead), the points of each item, the total, grade and rank.
 */
@TemplateData
public record GroupView(String period, String previousPeriod, String nextPeriod, List<String> items, List<Row> rows,
                        List<String> notes, List<String> itemLabels) {

    GroupView(String period, String previousPeriod, String nextPeriod, List<String> items, List<Row> rows,
              List<String> notes) {
        this(period, previousPeriod, nextPeriod, items, rows, notes, items);
    }

    /** The current scorecards' template versions, one object each, for {@link TemplateLabels#ofCards}. */
    com.fasterxml.jackson.databind.node.ArrayNode current() {
        var versions = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        rows.stream().filter(r -> r.templateCode() != null && r.templateVersion() != null)
                .map(r -> r.templateCode() + "@" + r.templateVersion()).distinct().forEach(key -> {
                    String[] parts = key.split("@", 2);
                    versions.addObject().put("templateCode", parts[0]).put("templateVersion",
                            Integer.parseInt(parts[1]));
                });
        return versions;
    }

    /** The item columns and grades named in the page's language when the templates name them. */
    GroupView labelled(TemplateLabels labels) {
        List<Row> named = rows.stream().map(r -> new Row(r.employeeId(), r.unitCode(), r.templateCode(), r.points(),
                r.total(), labels.grade(r.grade()), r.rank(), r.status(), r.templateVersion())).toList();
        return new GroupView(period, previousPeriod, nextPeriod, items, named, notes,
                items.stream().map(labels::item).toList());
    }

    @TemplateData
    public record Row(String employeeId, String unitCode, String templateCode, List<String> points, String total,
                      String grade, int rank, String status, Integer templateVersion) {
    }

    static GroupView of(String period, String previous, String next, JsonNode cards, List<String> notes) {
        Set<String> items = new LinkedHashSet<>();
        List<JsonNode> current = new ArrayList<>();
        if (cards != null && cards.isArray()) {
            for (JsonNode card : cards) {
                if (!"SUPERSEDED".equalsIgnoreCase(card.path("status").asText())) {
                    current.add(card);
                    card.path("items").forEach(i -> items.add(i.path("itemCode").asText()));
                }
            }
        }
        List<String> columns = List.copyOf(items);
        List<Row> rows = new ArrayList<>();
        for (JsonNode card : current) {
            List<String> points = new ArrayList<>();
            for (String code : columns) {
                String value = "";
                for (JsonNode i : card.path("items")) {
                    if (code.equals(i.path("itemCode").asText()) && i.hasNonNull("points")) {
                        value = MonthView.text(i, "points");
                    }
                }
                points.add(value);
            }
            rows.add(new Row(card.path("employeeId").asText(), MonthView.text(card, "unitCode"),
                    MonthView.text(card, "templateCode"), points, MonthView.text(card, "total"),
                    MonthView.text(card, "grade"), card.path("rank").asInt(),
                    MonthView.lower(MonthView.text(card, "status")),
                    card.hasNonNull("templateVersion") ? card.path("templateVersion").asInt() : null));
        }
        return new GroupView(period, previous, next, columns, rows, notes);
    }
}
