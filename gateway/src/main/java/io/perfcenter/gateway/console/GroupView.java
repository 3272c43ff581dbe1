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
                        List<String> notes) {

    @TemplateData
    public record Row(String employeeId, String unitCode, String templateCode, List<String> points, String total,
                      String grade, int rank, String status) {
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
                    MonthView.lower(MonthView.text(card, "status"))));
        }
        return new GroupView(period, previous, next, columns, rows, notes);
    }
}
