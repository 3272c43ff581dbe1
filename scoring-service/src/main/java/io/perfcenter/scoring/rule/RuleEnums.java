package io.perfcenter.scoring.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a template's enum values (a rule's mode and direction, the template's scoring, subject and insufficient-data
 * policy) in either spelling: UPPER_CASE as the API writes it, or the lower case that templates stored before used
 * (deprecated on input). A value that is neither says which values there are, never a Java name.
 */
public final class RuleEnums {

    private RuleEnums() {
    }

    public static <E extends Enum<E>> E read(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + allowed(type));
        }
    }

    /** "WHOLE, PROGRESSIVE". */
    static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
