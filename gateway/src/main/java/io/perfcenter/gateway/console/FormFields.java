package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedMap;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A console form read field by field, for the forms that build an API body from plain HTML (no JSON typed by hand):
 * single fields, repeated rows (the same names once per row, read by index; a row left blank is skipped), and the
 * JSON values they become. Numbers go as numbers when they are numbers and otherwise as typed, so that the API
 * refuses them naming the field rather than the console guessing.
 */
final class FormFields {

    private final MultivaluedMap<String, String> form;

    FormFields(MultivaluedMap<String, String> form) {
        this.form = form;
    }

    /** The field's value stripped, null when absent or blank. */
    String one(String name) {
        return strip(form.getFirst(name));
    }

    /** The {@code row}-th value of a repeated field stripped, null when absent or blank. */
    String at(String name, int row) {
        List<String> values = form.get(name);
        return values == null || row >= values.size() ? null : strip(values.get(row));
    }

    /** How many rows the repeated fields have (the longest of them). */
    int rows(String... names) {
        int rows = 0;
        for (String name : names) {
            List<String> values = form.get(name);
            rows = Math.max(rows, values == null ? 0 : values.size());
        }
        return rows;
    }

    /** Whether every one of the fields is blank on that row. */
    boolean blankRow(int row, String... names) {
        for (String name : names) {
            if (at(name, row) != null) {
                return false;
            }
        }
        return true;
    }

    /** Whether any of the single fields is filled. */
    boolean anyOf(String... names) {
        for (String name : names) {
            if (one(name) != null) {
                return true;
            }
        }
        return false;
    }

    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static void text(ObjectNode node, String field, String value) {
        if (strip(value) != null) {
            node.put(field, strip(value));
        }
    }

    /** A decimal as a JSON number when it is one, else as typed (the API names the field). Blank: left out. */
    static void number(ObjectNode node, String field, String value) {
        String v = strip(value);
        if (v == null) {
            return;
        }
        try {
            node.put(field, new BigDecimal(v));
        } catch (NumberFormatException e) {
            node.put(field, v);
        }
    }

    /** A whole number as a JSON number when it is one, else as typed. Blank: left out. */
    static void integer(ObjectNode node, String field, String value) {
        String v = strip(value);
        if (v == null) {
            return;
        }
        try {
            node.put(field, new BigInteger(v));
        } catch (NumberFormatException e) {
            node.put(field, v);
        }
    }

    /** true or false as a JSON boolean, anything else as typed. Blank: left out. */
    static void bool(ObjectNode node, String field, String value) {
        String v = strip(value);
        if (v == null) {
            return;
        }
        if ("true".equalsIgnoreCase(v) || "false".equalsIgnoreCase(v)) {
            node.put(field, Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT)));
        } else {
            node.put(field, v);
        }
    }

    /** A list typed as words separated by commas or spaces (Chinese commas too). Blank: left out. */
    static void words(ObjectNode node, String field, String value) {
        List<String> words = words(value);
        if (!words.isEmpty()) {
            ArrayNode array = node.putArray(field);
            words.forEach(array::add);
        }
    }

    static List<String> words(String value) {
        List<String> words = new ArrayList<>();
        if (value != null) {
            for (String w : value.split("[,，;；\\s]+")) {
                if (!w.isBlank()) {
                    words.add(w.strip());
                }
            }
        }
        return words;
    }

    /** A JSON value as the form shows it: text, a plain number, or "" when absent. */
    static String shown(JsonNode node, String field) {
        String text = MonthView.text(node, field);
        return text == null ? "" : text;
    }

    /** A JSON array of texts as the form shows it: "a, b". */
    static String joined(JsonNode array) {
        List<String> items = new ArrayList<>();
        if (array != null) {
            array.forEach(i -> items.add(i.asText()));
        }
        return String.join(", ", items);
    }
}
