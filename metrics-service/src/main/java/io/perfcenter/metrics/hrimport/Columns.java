package io.perfcenter.metrics.hrimport;

import io.perfcenter.metrics.web.Problems;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of an HR file: each field of the sync row it becomes, under its API name (any case) or the Chinese header
 * an HRIS export carries (工号, 姓名, 入职日期…). A required field without a column refuses the whole file; columns that
 * name no field are listed in the report and not read.
 */
final class Columns {

    record Column(String field, boolean required, List<String> aliases) {
        static Column required(String field, String... aliases) {
            return new Column(field, true, List.of(aliases));
        }

        static Column optional(String field, String... aliases) {
            return new Column(field, false, List.of(aliases));
        }
    }

    /** A cell that cannot become its field's value: the row is rejected naming the field. */
    static final class CellRejected extends RuntimeException {
        final String field;

        CellRejected(String field, String reason) {
            super(reason);
            this.field = field;
        }
    }

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"));

    private final Map<String, Integer> columnOfField = new HashMap<>();
    private final List<String> ignored = new ArrayList<>();

    private Columns() {
    }

    /** The header read against the columns; 400 naming the first required field without a column. */
    static Columns of(List<String> header, List<Column> columns) {
        Map<String, String> fieldOfName = new HashMap<>();
        for (Column c : columns) {
            fieldOfName.put(normal(c.field()), c.field());
            c.aliases().forEach(a -> fieldOfName.put(normal(a), c.field()));
        }
        Columns result = new Columns();
        for (int i = 0; i < header.size(); i++) {
            String field = fieldOfName.get(normal(header.get(i)));
            if (field == null || result.columnOfField.containsKey(field)) {
                if (!header.get(i).isBlank()) {
                    result.ignored.add(header.get(i));
                }
            } else {
                result.columnOfField.put(field, i);
            }
        }
        for (Column c : columns) {
            if (c.required() && !result.columnOfField.containsKey(c.field())) {
                throw Problems.invalid(c.field(), "the file has no column for it (header " + c.field()
                        + (c.aliases().isEmpty() ? "" : " or " + String.join(" / ", c.aliases())) + "); nothing changed");
            }
        }
        return result;
    }

    List<String> ignored() {
        return List.copyOf(ignored);
    }

    String text(ImportTable.Row row, String field) {
        Integer column = columnOfField.get(field);
        return column == null ? null : row.cell(column);
    }

    /** A date as HR files write it: 2026-10-31, 2026/10/31 or 2026.10.31 (an XLSX date cell reads as the first). */
    LocalDate date(ImportTable.Row row, String field) {
        String text = text(row, field);
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        throw new CellRejected(field, "must be a date such as 2026-10-31, not '" + text + "'");
    }

    /** The cell as one of the words, or as the word its Chinese name stands for; null when empty. */
    String word(ImportTable.Row row, String field, Map<String, String> words) {
        String text = text(row, field);
        if (text == null) {
            return null;
        }
        String word = words.get(text.toUpperCase(Locale.ROOT));
        if (word == null) {
            throw new CellRejected(field, "must be one of " + String.join(", ", words.values().stream().distinct()
                    .toList()) + ", not '" + text + "'");
        }
        return word;
    }

    private static String normal(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
    }
}
