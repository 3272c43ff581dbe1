package io.perfcenter.incentive.section;

import io.perfcenter.incentive.plan.PlanPayloads;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.web.Problems;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The field checks the sections share; each throws a 400 problem naming the field. */
public final class SectionChecks {

    /** A metric code as metrics-service names them, or score / rank. */
    public static final Pattern MEASURE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** A plan, perk or award code. */
    public static final Pattern CODE = Pattern.compile(PlanPayloads.CODE);
    static final BigDecimal MAX_COEFFICIENT = new BigDecimal("1000");
    /** numeric(16, 2): fourteen digits before the point. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000000");

    private SectionChecks() {
    }

    // an empty list or map is one the caller left out: generated clients send [] and {} for unset fields
    static <T> List<T> absentIfEmpty(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    static <K, V> Map<K, V> absentIfEmpty(Map<K, V> map) {
        return map == null || map.isEmpty() ? null : map;
    }

    static void measure(String field, String measure) {
        if (measure == null || measure.isBlank()) {
            throw Problems.invalid(field, "is required: score, rank or a metric code such as fcr");
        }
        if (!MEASURE.matcher(measure).matches()) {
            throw Problems.invalid(field, "must be score, rank or a metric code (lower case letters, digits, '_')");
        }
    }

    static void amount(String field, BigDecimal amount) {
        if (amount == null) {
            throw Problems.invalid(field, "is required");
        }
        if (amount.signum() < 0) {
            throw Problems.invalid(field, "must not be negative");
        }
        if (Numbers.decimals(amount) > 2 || amount.compareTo(MAX_AMOUNT) >= 0) {
            throw Problems.invalid(field, "must be an amount with at most 2 decimals");
        }
    }

    static void coefficient(String field, BigDecimal c) {
        if (c == null) {
            throw Problems.invalid(field, "is required");
        }
        if (c.signum() < 0) {
            throw Problems.invalid(field, "must not be negative");
        }
        if (c.compareTo(MAX_COEFFICIENT) >= 0 || Numbers.decimals(c) > 4) {
            throw Problems.invalid(field, "must be below 1000 with at most 4 decimals");
        }
    }

    static void label(String field, String label) {
        if (label != null && (label.isBlank() || label.length() > 64)) {
            throw Problems.invalid(field, "must be 1 to 64 characters");
        }
    }
}
