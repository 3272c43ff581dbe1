package io.perfcenter.metrics.catalog;

import io.perfcenter.metrics.catalog.Derivation.Condition;
import io.perfcenter.metrics.catalog.Derivation.Function;
import io.perfcenter.metrics.catalog.Derivation.Measure;
import io.perfcenter.metrics.catalog.MetricDefinition.Aggregation;
import io.perfcenter.metrics.ingest.FieldType;
import io.perfcenter.metrics.ingest.RecordField;
import io.perfcenter.metrics.ingest.RecordKind;
import io.perfcenter.metrics.web.Problems;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks derivations against the record vocabulary and turns a measure into an aggregate SQL expression. Column
 * names come from {@link RecordKind}, never from the request; comparison values are checked numbers or one of a
 * field's fixed choices, so the expressions are safe to inline.
 */
public final class DerivationSql {

    private static final Set<Aggregation> NEEDS_DENOMINATOR =
            Set.of(Aggregation.RATIO, Aggregation.MEAN, Aggregation.WEIGHTED_MEAN);

    private DerivationSql() {
    }

    /** Fails with a problem naming the offending part (e.g. {@code derivation.numerator.fields[1]}). */
    public static void check(Derivation d, Aggregation aggregation) {
        if (d.numerator() == null) {
            throw Problems.invalid("derivation.numerator", "is required");
        }
        if (aggregation == Aggregation.LATEST) {
            throw Problems.invalid("aggregation", "LATEST metrics cannot be derived; push their values");
        }
        if (NEEDS_DENOMINATOR.contains(aggregation) && d.denominator() == null) {
            throw Problems.invalid("derivation.denominator", "is required for " + aggregation);
        }
        if (!NEEDS_DENOMINATOR.contains(aggregation) && d.denominator() != null) {
            throw Problems.invalid("derivation.denominator", "only RATIO, MEAN and WEIGHTED_MEAN metrics divide");
        }
        if ((aggregation == Aggregation.MAX || aggregation == Aggregation.MIN)
                && (d.numerator().function() != Function.valueOf(aggregation.name()) || d.subtract() != null)) {
            throw Problems.invalid("derivation.numerator.function", "a " + aggregation + " metric takes the "
                    + aggregation + " of one measure");
        }
        if (d.scale() != null && d.scale().signum() == 0) {
            throw Problems.invalid("derivation.scale", "must not be 0");
        }
        if (d.scale() != null && NumberLimits.problem(d.scale()) != null) {
            throw Problems.invalid("derivation.scale", NumberLimits.problem(d.scale()));
        }
        check(d.numerator(), "derivation.numerator");
        if (d.subtract() != null) {
            check(d.subtract(), "derivation.subtract");
        }
        if (d.denominator() != null) {
            check(d.denominator(), "derivation.denominator");
        }
    }

    private static void check(Measure m, String path) {
        RecordKind kind = kind(m, path);
        if (m.function() == null) {
            throw Problems.invalid(path + ".function", "is required (COUNT, SUM, MAX or MIN)");
        }
        if (m.function() == Function.COUNT) {
            if (!m.fieldList().isEmpty() || m.weightField() != null) {
                throw Problems.invalid(path + ".fields", "COUNT counts records; name no fields");
            }
        } else if (m.fieldList().isEmpty()) {
            throw Problems.invalid(path + ".fields", m.function() + " needs at least one numeric field");
        }
        for (int i = 0; i < m.fieldList().size(); i++) {
            numeric(kind, m.fieldList().get(i), path + ".fields[" + i + "]");
        }
        if (m.weightField() != null) {
            numeric(kind, m.weightField(), path + ".weightField");
        }
        for (int i = 0; i < m.conditions().size(); i++) {
            check(kind, m.conditions().get(i), path + ".where[" + i + "]");
        }
    }

    private static void check(RecordKind kind, Condition c, String path) {
        if (c.op() == null) {
            throw Problems.invalid(path + ".op", "is required");
        }
        RecordField f = field(kind, c.field(), path + ".field");
        switch (c.op()) {
            case IS_TRUE, IS_FALSE -> {
                if (f.type() != FieldType.BOOLEAN) {
                    throw Problems.invalid(path + ".op", c.field() + " is not a true/false field");
                }
            }
            case IS_SET, IS_NOT_SET -> {
            }
            case EQ, NE -> {
                if (f.type() == FieldType.CHOICE) {
                    if (c.value() == null || !f.choices().contains(c.value())) {
                        throw Problems.invalid(path + ".value", "must be one of " + f.choices());
                    }
                } else if (f.type() == FieldType.CODE) {
                    if (c.value() == null || !RecordField.CODE_FORM.matcher(c.value()).matches()) {
                        throw Problems.invalid(path + ".value", "must be a code: 1-64 letters, digits, '_', '.' "
                                + "or '-'");
                    }
                } else if (isNumber(f)) {
                    number(c.value(), path);
                } else {
                    throw Problems.invalid(path + ".field", c.field() + " cannot be compared");
                }
            }
            default -> {
                if (!isNumber(f)) {
                    throw Problems.invalid(path + ".field", c.field() + " is not numeric");
                }
                number(c.value(), path);
            }
        }
    }

    /** The aggregate expression of a measure over the alias {@code r} of its record table. */
    public static String expression(Measure m) {
        RecordKind kind = RecordKind.byPath(m.record()).orElseThrow();
        String filter = m.conditions().isEmpty() ? ""
                : " FILTER (WHERE " + String.join(" AND ", m.conditions().stream()
                .map(c -> condition(kind, c)).toList()) + ")";
        if (m.function() == Function.COUNT) {
            return "count(*)" + filter;
        }
        List<String> columns = new ArrayList<>();
        boolean decimal = false;
        for (String name : m.fieldList()) {
            RecordField f = kind.field(name).orElseThrow();
            columns.add("r." + f.column());
            decimal |= f.type() == FieldType.DECIMAL;
        }
        // integer sums stay integers: sum(int) accumulates in bigint, several times faster than numeric
        String value = "(" + String.join(" + ", columns) + ")" + (decimal ? "::numeric" : "");
        if (m.weightField() != null) {
            value = value + "::numeric * r." + kind.field(m.weightField()).orElseThrow().column();
        }
        return m.function().name().toLowerCase() + "(" + value + ")" + filter;
    }

    /**
     * The expression that counts a metric's samples over the alias {@code r}: the records that contributed a value
     * to at least one of the given measures (all of one record kind). A record contributes to a measure when it meets
     * the measure's conditions and, for SUM, MAX and MIN, has every summed field and the weight field set (SQL sums
     * skip a record with any of them missing).
     */
    public static String sampleExpression(List<Measure> measures) {
        List<String> any = new ArrayList<>();
        for (Measure m : measures) {
            String contributes = contributes(m);
            if (contributes == null) {
                return "count(*)";
            }
            any.add("(" + contributes + ")");
        }
        return "count(*) FILTER (WHERE " + String.join(" OR ", any) + ")";
    }

    /**
     * The SQL test (over the alias {@code r}) of a record contributing to the measure, {@code TRUE} when every record
     * of its kind does: the records a measure counts, as the records behind a figure list them.
     */
    public static String contribution(Measure m) {
        String test = contributes(m);
        return test == null ? "TRUE" : test;
    }

    /** The SQL test of a record contributing to the measure, or null when every record of its kind does. */
    private static String contributes(Measure m) {
        RecordKind kind = RecordKind.byPath(m.record()).orElseThrow();
        List<String> tests = new ArrayList<>();
        m.conditions().forEach(c -> tests.add(condition(kind, c)));
        if (m.function() != Function.COUNT) {
            for (String name : m.fieldList()) {
                tests.add("r." + kind.field(name).orElseThrow().column() + " IS NOT NULL");
            }
            if (m.weightField() != null) {
                tests.add("r." + kind.field(m.weightField()).orElseThrow().column() + " IS NOT NULL");
            }
        }
        return tests.isEmpty() ? null : String.join(" AND ", tests);
    }

    private static String condition(RecordKind kind, Condition c) {
        RecordField f = kind.field(c.field()).orElseThrow();
        String col = "r." + f.column();
        return switch (c.op()) {
            case IS_TRUE -> col;
            case IS_FALSE -> "NOT " + col;
            case IS_SET -> col + " IS NOT NULL";
            case IS_NOT_SET -> col + " IS NULL";
            case EQ -> col + " = " + literal(f, c.value());
            case NE -> col + " <> " + literal(f, c.value());
            case GT -> col + " > " + literal(f, c.value());
            case GE -> col + " >= " + literal(f, c.value());
            case LT -> col + " < " + literal(f, c.value());
            case LE -> col + " <= " + literal(f, c.value());
        };
    }

    // values were checked when the definition was stored: a choice of the field (letters and '_'), a code (letters,
    // digits, '_', '.', '-') or a number
    private static String literal(RecordField f, String value) {
        if (f.type() == FieldType.CHOICE) {
            if (!f.choices().contains(value)) {
                throw new IllegalStateException("unchecked choice " + value);
            }
            return "'" + value + "'";
        }
        if (f.type() == FieldType.CODE) {
            if (!RecordField.CODE_FORM.matcher(value).matches()) {
                throw new IllegalStateException("unchecked code " + value);
            }
            return "'" + value + "'";
        }
        return new BigDecimal(value).toPlainString();
    }

    public static RecordKind kind(Measure m, String path) {
        if (m.record() == null) {
            throw Problems.invalid(path + ".record", "is required");
        }
        return RecordKind.byPath(m.record()).filter(k -> k != RecordKind.VALUES).orElseThrow(() ->
                Problems.invalid(path + ".record", "must be one of calls, tickets, surveys, qa-evaluations, "
                        + "qa-items, mentorships, adherence, incidents, sales"));
    }

    private static RecordField field(RecordKind kind, String name, String path) {
        if (name == null) {
            throw Problems.invalid(path, "is required");
        }
        return kind.field(name).filter(f -> !kind.inputFields().subList(0, 4).contains(f)).orElseThrow(() ->
                Problems.invalid(path, kind.path() + " records have no field " + name));
    }

    private static void numeric(RecordKind kind, String name, String path) {
        if (!isNumber(field(kind, name, path))) {
            throw Problems.invalid(path, name + " is not a numeric field");
        }
    }

    private static boolean isNumber(RecordField f) {
        return f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL;
    }

    private static void number(String value, String path) {
        BigDecimal v;
        try {
            v = new BigDecimal(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw Problems.invalid(path + ".value", "must be a number");
        }
        String problem = NumberLimits.problem(v);
        if (problem != null) {
            throw Problems.invalid(path + ".value", problem);
        }
    }
}
