package io.perfcenter.incentive.section;

import io.perfcenter.incentive.statement.Numbers;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of scores written as an interval, as HR writes the K table of DOMAIN §4: {@code (95,100]} is above 95 up
 * to and including 100, {@code [90,)} is 90 or more, {@code (,70)} is below 70.
 */
public record ScoreRange(BigDecimal lower, boolean lowerClosed, BigDecimal upper, boolean upperClosed) {

    private static final Pattern INTERVAL =
            Pattern.compile("\\s*([(\\[])\\s*(-?[0-9]+(?:\\.[0-9]+)?)?\\s*,\\s*(-?[0-9]+(?:\\.[0-9]+)?)?\\s*([)\\]])\\s*");

    /** Null when the text is not an interval. */
    public static ScoreRange parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = INTERVAL.matcher(text);
        if (!m.matches()) {
            return null;
        }
        BigDecimal lower = m.group(2) == null ? null : new BigDecimal(m.group(2));
        BigDecimal upper = m.group(3) == null ? null : new BigDecimal(m.group(3));
        return new ScoreRange(lower, lower != null && m.group(1).equals("["), upper,
                upper != null && m.group(4).equals("]"));
    }

    /** True when some score lies in the range. */
    public boolean isEmpty() {
        if (lower == null || upper == null) {
            return false;
        }
        int c = lower.compareTo(upper);
        return c > 0 || (c == 0 && !(lowerClosed && upperClosed));
    }

    public boolean contains(BigDecimal score) {
        if (lower != null) {
            int c = score.compareTo(lower);
            if (c < 0 || (c == 0 && !lowerClosed)) {
                return false;
            }
        }
        if (upper != null) {
            int c = score.compareTo(upper);
            return c < 0 || (c == 0 && upperClosed);
        }
        return true;
    }

    /** Whether some score lies in both ranges. */
    public boolean overlaps(ScoreRange other) {
        // the intersection's lower bound is the higher of the two, its upper bound the lower of the two
        BigDecimal lo;
        boolean loClosed;
        if (lower == null || (other.lower != null && other.lower.compareTo(lower) > 0)) {
            lo = other.lower;
            loClosed = other.lowerClosed;
        } else if (other.lower != null && other.lower.compareTo(lower) == 0) {
            lo = lower;
            loClosed = lowerClosed && other.lowerClosed;
        } else {
            lo = lower;
            loClosed = lowerClosed;
        }
        BigDecimal hi;
        boolean hiClosed;
        if (upper == null || (other.upper != null && other.upper.compareTo(upper) < 0)) {
            hi = other.upper;
            hiClosed = other.upperClosed;
        } else if (other.upper != null && other.upper.compareTo(upper) == 0) {
            hi = upper;
            hiClosed = upperClosed && other.upperClosed;
        } else {
            hi = upper;
            hiClosed = upperClosed;
        }
        return !new ScoreRange(lo, loClosed, hi, hiClosed).isEmpty();
    }

    @Override
    public String toString() {
        return (lowerClosed ? "[" : "(") + (lower == null ? "" : Numbers.asGiven(lower)) + ","
                + (upper == null ? "" : Numbers.asGiven(upper)) + (upperClosed ? "]" : ")");
    }
}
