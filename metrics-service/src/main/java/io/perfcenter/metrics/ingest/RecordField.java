package io.perfcenter.metrics.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.perfcenter.metrics.catalog.NumberLimits;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * One field of an uploaded record: its name in JSON and CSV, the column it fills, and how its text is checked and
 * converted. JSON, NDJSON and CSV all hand fields over as text, so one check serves the three formats.
 */
public record RecordField(String name, String column, FieldType type, boolean required, Object defaultValue,
                          BigDecimal min, BigDecimal max, List<String> choices, int maxLength) {

    private static final JsonFactory JSON = new JsonFactory();

    /** A field's text that does not pass its check. */
    public static final class Invalid extends Exception {
        public Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    /** JSON text of an object or array field, kept as is. */
    public record JsonText(String json) {
    }

    static RecordField text(String name, String column, boolean required) {
        return new RecordField(name, column, FieldType.TEXT, required, null, null, null, List.of(), 200);
    }

    static RecordField integer(String name, String column, boolean required, Integer dflt, long min, long max) {
        return new RecordField(name, column, FieldType.INTEGER, required, dflt, BigDecimal.valueOf(min),
                BigDecimal.valueOf(max), List.of(), 0);
    }

    static RecordField decimal(String name, String column, boolean required, BigDecimal min, BigDecimal max) {
        return new RecordField(name, column, FieldType.DECIMAL, required, null, min, max, List.of(), 0);
    }

    static RecordField bool(String name, String column, boolean dflt) {
        return new RecordField(name, column, FieldType.BOOLEAN, false, dflt, null, null, List.of(), 0);
    }

    static RecordField date(String name, String column) {
        return new RecordField(name, column, FieldType.DATE, true, null, null, null, List.of(), 0);
    }

    static RecordField timestamp(String name, String column, boolean required) {
        return new RecordField(name, column, FieldType.TIMESTAMP, required, null, null, null, List.of(), 0);
    }

    static RecordField choice(String name, String column, boolean required, String dflt, String... choices) {
        return new RecordField(name, column, FieldType.CHOICE, required, dflt, null, null, List.of(choices), 0);
    }

    static RecordField json(String name, String column) {
        return new RecordField(name, column, FieldType.JSON, false, null, null, null, List.of(), 0);
    }

    /** What a CODE field's value must look like (and a derivation's comparison value with it). */
    public static final java.util.regex.Pattern CODE_FORM = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    static RecordField code(String name, String column, boolean required) {
        return new RecordField(name, column, FieldType.CODE, required, null, null, null, List.of(), 64);
    }

    /** Values that aggregate well: numbers and flags. Derivations may only sum, compare or test these. */
    public boolean measurable() {
        return type == FieldType.INTEGER || type == FieldType.DECIMAL || type == FieldType.BOOLEAN;
    }

    /** Checks and converts the text of this field; a missing text gives the default or fails if required. */
    public Object parse(String text, ZoneId zone) throws Invalid {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new Invalid("is required");
            }
            return defaultValue;
        }
        String t = text.strip();
        switch (type) {
            case TEXT -> {
                if (t.length() > maxLength) {
                    throw new Invalid("is longer than " + maxLength + " characters");
                }
                return t;
            }
            case CODE -> {
                if (!CODE_FORM.matcher(t).matches()) {
                    throw new Invalid("must be 1-64 letters, digits, '_', '.' or '-', not '" + shorten(t) + "'");
                }
                return t;
            }
            case INTEGER -> {
                long v;
                try {
                    v = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw new Invalid("must be a whole number, not '" + shorten(t) + "'");
                }
                // a whole number within a field's bounds (all below 10^15, no decimals) passes every check: no
                // BigDecimal for the common case; anything else is checked (and explained) as before
                if (min == null || max == null || v < min.longValue() || v > max.longValue()
                        || v <= -1_000_000_000_000_000L || v >= 1_000_000_000_000_000L) {
                    checkRange(BigDecimal.valueOf(v));
                }
                return (int) v;
            }
            case DECIMAL -> {
                BigDecimal v;
                try {
                    v = new BigDecimal(t);
                } catch (NumberFormatException e) {
                    throw new Invalid("must be a number, not '" + shorten(t) + "'");
                }
                checkRange(v);
                return v;
            }
            case BOOLEAN -> {
                // JSON's own literals first: no lower-casing for what nearly every upload sends
                if (t.equals("true")) {
                    return Boolean.TRUE;
                }
                if (t.equals("false")) {
                    return Boolean.FALSE;
                }
                return switch (t.toLowerCase(Locale.ROOT)) {
                    case "true", "1", "yes", "y", "t" -> Boolean.TRUE;
                    case "false", "0", "no", "n", "f" -> Boolean.FALSE;
                    default -> throw new Invalid("must be true or false, not '" + shorten(t) + "'");
                };
            }
            case DATE -> {
                try {
                    return LocalDate.parse(t);
                } catch (DateTimeParseException e) {
                    throw new Invalid("must be a date like 2026-10-01, not '" + shorten(t) + "'");
                }
            }
            case TIMESTAMP -> {
                try {
                    return Moment.parse(t, zone);
                } catch (DateTimeParseException e) {
                    throw new Invalid("must be a timestamp like 2026-10-01T09:30:00+08:00, not '" + shorten(t) + "'");
                }
            }
            case CHOICE -> {
                // a choice sent as it is stored (INBOUND, PHONE) is that choice: no upper-casing, no new string
                int exact = choices.indexOf(t);
                if (exact >= 0) {
                    return choices.get(exact);
                }
                String v = t.toUpperCase(Locale.ROOT).replace('-', '_');
                if (!choices.contains(v)) {
                    throw new Invalid("must be one of " + String.join(", ", choices) + ", not '" + shorten(t) + "'");
                }
                return v;
            }
            case JSON -> {
                try (JsonParser p = JSON.createParser(t)) {
                    JsonToken first = p.nextToken();
                    if (first != JsonToken.START_ARRAY && first != JsonToken.START_OBJECT) {
                        throw new Invalid("must be a JSON array or object");
                    }
                    p.skipChildren();
                    if (p.nextToken() != null) {
                        throw new Invalid("must be one JSON array or object");
                    }
                } catch (IOException e) {
                    throw new Invalid("is not valid JSON");
                }
                return new JsonText(t);
            }
            default -> throw new IllegalStateException(type.toString());
        }
    }

    private void checkRange(BigDecimal v) throws Invalid {
        // bounds first: written out, 1E+2147483647 or 1E-999999999 has billions of digits
        String limit = NumberLimits.problem(v);
        if (limit != null && (min == null || max == null || v.compareTo(min) >= 0 && v.compareTo(max) <= 0)) {
            throw new Invalid(limit);
        }
        if (min != null && v.compareTo(min) < 0) {
            throw new Invalid("must be at least " + min.toPlainString());
        }
        if (max != null && v.compareTo(max) > 0) {
            throw new Invalid("must be at most " + max.toPlainString());
        }
    }

    private static String shorten(String t) {
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
