package io.perfcenter.scoring.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a rule's enum parameter (mode, direction) in either spelling: UPPER_CASE as the API writes it, or the lower
 * case that templates stored before used. A value that is neither says which values there are, never a Java name.
 */
final class RuleEnums {

    private RuleEnums() {
    }

    static <E extends Enum<E>> E read(Class<E> type, String value) {
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
