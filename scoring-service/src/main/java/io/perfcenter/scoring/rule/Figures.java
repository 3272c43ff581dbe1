package io.perfcenter.scoring.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one way scoring-service writes a number, never with trailing zeros: grouped in explanations
 * ({@link #format}: "2,412", "1,326.6"), plain in labels, messages and the audit trail ({@link #plainText}: "2300",
 * "1326.6"), and as JSON and the inputs hash carry it ({@link #plain}: 30.00 → 30, never 3E+1). Nothing else in the
 * service strips zeros.
 */
public final class Figures {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Figures() {
    }

    /**
     * Grouped by thousands, at most 10 decimals (half up), no trailing zeros: what {@code new DecimalFormat(
     * "#,##0.##########")} (US symbols, HALF_UP) wrote, "-0" for a negative value that rounds to zero included, without
     * DecimalFormat (the run's hot spot: 10,000 scorecards × 15 items write about 30 figures each, twice).
     * {@code FiguresTests} checks it against DecimalFormat.
     */
    public static String format(BigDecimal value) {
        BigDecimal v = value.scale() > MAX_DECIMALS ? value.setScale(MAX_DECIMALS, RoundingMode.HALF_UP) : value;
        int sign = v.signum();
        if (sign == 0) {
            return value.signum() < 0 ? "-0" : "0";
        }
        String digits = (sign < 0 ? v.negate() : v).stripTrailingZeros().toPlainString();
        int point = digits.indexOf('.');
        int integerDigits = point < 0 ? digits.length() : point;
        StringBuilder out = new StringBuilder(digits.length() + integerDigits / 3 + 1);
        if (sign < 0) {
            out.append('-');
        }
        for (int i = 0; i < integerDigits; i++) {
            if (i > 0 && (integerDigits - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.append(digits, integerDigits, digits.length()).toString();
    }

    private static final int MAX_DECIMALS = 10;

    /** "2,412 calls", or just "2,412" without a unit. */
    public static String withUnit(BigDecimal value, String unit) {
        return withUnit(format(value), unit);
    }

    /** {@link #withUnit(BigDecimal, String)} of a figure already {@link #format formatted}. */
    public static String withUnit(String figure, String unit) {
        return unit == null || unit.isBlank() ? figure : figure + " " + unit;
    }

    /**
     * "2,412 通", "6.5 分钟": the Chinese explanations' figure with the unit in Chinese when it is one of the common
     * English units templates name ({@link #unitZh}), else as the template gives it.
     */
    public static String withUnitZh(BigDecimal value, String unit) {
        return withUnitZh(format(value), unit);
    }

    /** {@link #withUnitZh(BigDecimal, String)} of a figure already {@link #format formatted}. */
    public static String withUnitZh(String figure, String unit) {
        return unit == null || unit.isBlank() ? figure : figure + " " + unitZh(unit);
    }

    private static final java.util.Map<String, String> UNITS_ZH = java.util.Map.ofEntries(
            java.util.Map.entry("min", "分钟"), java.util.Map.entry("mins", "分钟"),
            java.util.Map.entry("minute", "分钟"), java.util.Map.entry("minutes", "分钟"),
            java.util.Map.entry("s", "秒"), java.util.Map.entry("sec", "秒"), java.util.Map.entry("secs", "秒"),
            java.util.Map.entry("second", "秒"), java.util.Map.entry("seconds", "秒"),
            java.util.Map.entry("h", "小时"), java.util.Map.entry("hours", "小时"), java.util.Map.entry("days", "天"),
            java.util.Map.entry("calls", "通"), java.util.Map.entry("errors", "个错误"),
            java.util.Map.entry("violations", "次违规"), java.util.Map.entry("incidents", "次"),
            java.util.Map.entry("complaints", "次投诉"), java.util.Map.entry("tickets", "单"),
            java.util.Map.entry("orders", "单"), java.util.Map.entry("points", "分"),
            java.util.Map.entry("qa points", "质检分"), java.util.Map.entry("percent", "%"));

    /** A template's unit in Chinese: "min" → 分钟, "calls" → 通, "QA points" → 质检分 …; any other as it is. */
    public static String unitZh(String unit) {
        return UNITS_ZH.getOrDefault(unit.strip().toLowerCase(Locale.ROOT), unit);
    }

    /** Without grouping: a bound in a label ("tier 2300–2500"), a figure in a message or the audit trail. */
    public static String plainText(BigDecimal value) {
        return plain(value).toPlainString();
    }

    /** As JSON should carry it: 30.00 → 30, 1326.60 → 1326.6, never 3E+1; null stays null. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static BigDecimal points(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
