package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * A chart as the pages hand it to {@code console.js} (a {@code data-chart} attribute, drawn with ECharts): its type
 * ({@code line} or {@code bar}), the categories along the x axis and named series of numbers (null: no value).
 */
final class Charts {

    private final ObjectNode chart = JsonNodeFactory.instance.objectNode();

    private Charts(String type, List<String> categories) {
        chart.put("type", type);
        ArrayNode x = chart.putArray("categories");
        categories.forEach(x::add);
        chart.putArray("series");
    }

    static Charts line(List<String> categories) {
        return new Charts("line", categories);
    }

    static Charts bar(List<String> categories) {
        return new Charts("bar", categories);
    }

    /** A series; values as the API wrote them (numbers as text), null or blank for none. */
    Charts series(String name, List<String> values) {
        ObjectNode s = ((ArrayNode) chart.get("series")).addObject();
        s.put("name", name);
        ArrayNode data = s.putArray("data");
        for (String v : values) {
            if (v == null || v.isBlank()) {
                data.addNull();
            } else {
                try {
                    data.add(new BigDecimal(v));
                } catch (NumberFormatException e) {
                    data.addNull();
                }
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return chart.toString();
    }
}
