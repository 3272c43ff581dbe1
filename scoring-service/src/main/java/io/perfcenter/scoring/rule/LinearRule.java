package io.perfcenter.scoring.rule;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static io.perfcenter.scoring.rule.Figures.HUNDRED;
import static io.perfcenter.scoring.rule.Figures.format;
import static io.perfcenter.scoring.rule.Figures.withUnit;
import static io.perfcenter.scoring.rule.Figures.withUnitZh;

/**
 * Linear between thresholds (docs/domain.md §3): {@code points} (default 100) at or better than {@code full}, 0 at or
 * worse than {@code zero}, linear in between: points × (value − zero) / (full − zero), 2 decimals half up. Which way
 * is better follows from the thresholds: full 5 / zero 10 (minutes to reply) rewards low values, full 4.8 / zero 3.0
 * (CSAT) high ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LinearRule", description = "Full points at or better than `full`, none at or worse than `zero`, "
        + "linear in between; works for lower-is-better (full < zero) and higher-is-better (full > zero) metrics")
public record LinearRule(
        @Schema(required = true, enumeration = TYPE, examples = TYPE) String type,
        @Schema(required = true, description = "Value earning full points", examples = "5") BigDecimal full,
        @Schema(required = true, description = "Value earning no points", examples = "10") BigDecimal zero,
        @Schema(description = "Points at or better than full (the rule's maximum); default 100", examples = "10")
        BigDecimal points,
        @Schema(description = "Unit of the value, for explanations", examples = "min") String unit)
        implements ScoringRule {

    public static final String TYPE = "linear";

    public LinearRule {
        type = TYPE;
    }

    public LinearRule(BigDecimal full, BigDecimal zero, String unit) {
        this(TYPE, full, zero, null, unit);
    }

    public LinearRule(BigDecimal full, BigDecimal zero, BigDecimal points, String unit) {
        this(TYPE, full, zero, points, unit);
    }

    @Override
    public List<InvalidParameter> check() {
        List<InvalidParameter> invalid = new ArrayList<>();
        if (full == null) {
            invalid.add(new InvalidParameter("full", "is required"));
        }
        if (zero == null) {
            invalid.add(new InvalidParameter("zero", "is required"));
        }
        if (full != null && zero != null && full.compareTo(zero) == 0) {
            invalid.add(new InvalidParameter("full", "must differ from zero (" + format(zero) + ")"));
        }
        PointScale.checkPoints(points, invalid);
        return invalid;
    }

    @Override
    public PointRange pointRange() {
        return new PointRange(BigDecimal.ZERO, worth());
    }

    private BigDecimal worth() {
        return points == null ? HUNDRED : points;
    }

    @Override
    public RuleScore score(BigDecimal value) {
        boolean higherIsBetter = full.compareTo(zero) > 0;
        // each figure formatted once and written in both languages (a run scores thousands of items: JFR of the 1×
        // month close, Figures.format the largest part of scoring a card)
        String valueText = format(value);
        String worthText = format(worth());
        String shown = withUnit(valueText, unit);
        String shownZh = withUnitZh(valueText, unit);
        String of = " of " + worthText + " points";
        String ofZh = "，满分 " + worthText + " 分";
        if (higherIsBetter ? value.compareTo(full) >= 0 : value.compareTo(full) <= 0) {
            String sign = higherIsBetter ? " ≥ " : " ≤ ";
            String fullText = format(full);
            return new RuleScore(Figures.points(worth()),
                    shown + sign + withUnit(fullText, unit) + " (full marks) → " + worthText + of,
                    shownZh + sign + withUnitZh(fullText, unit) + "（满分）→ " + worthText + " 分" + ofZh);
        }
        String zeroText = format(zero);
        if (higherIsBetter ? value.compareTo(zero) <= 0 : value.compareTo(zero) >= 0) {
            String sign = higherIsBetter ? " ≤ " : " ≥ ";
            return new RuleScore(Figures.points(BigDecimal.ZERO),
                    shown + sign + withUnit(zeroText, unit) + " (zero) → 0" + of,
                    shownZh + sign + withUnitZh(zeroText, unit) + "（零分）→ 0 分" + ofZh);
        }
        // written so that both differences are positive: (10 − 6.5) / (10 − 5) for lower-is-better minutes
        BigDecimal gained = higherIsBetter ? value.subtract(zero) : zero.subtract(value);
        BigDecimal span = higherIsBetter ? full.subtract(zero) : zero.subtract(full);
        BigDecimal earned = worth().multiply(gained).divide(span, 2, RoundingMode.HALF_UP);
        String fullText = format(full);
        String fraction = higherIsBetter
                ? "(" + valueText + " − " + zeroText + ") / (" + fullText + " − " + zeroText + ")"
                : "(" + zeroText + " − " + valueText + ") / (" + zeroText + " − " + fullText + ")";
        String formula = worthText + " × " + fraction + " = " + format(earned);
        return new RuleScore(earned,
                shown + " lies between " + withUnit(fullText, unit) + " (full marks) and " + withUnit(zeroText, unit)
                        + " (zero): " + formula + of,
                shownZh + " 介于 " + withUnitZh(fullText, unit) + "（满分）与 " + withUnitZh(zeroText, unit) + "（零分）之间："
                        + formula + ofZh);
    }
}
