package io.perfcenter.scoring.rule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.perfcenter.scoring.rule.Figures.plainText;
import static io.perfcenter.scoring.rule.Figures.format;
import static io.perfcenter.scoring.rule.Figures.withUnit;
import static io.perfcenter.scoring.rule.Figures.withUnitZh;

/**
 * Tiered per-unit points (docs/domain.md §3): the value times the rate of a tier. In {@code WHOLE} mode (the default)
 * the whole value is paid at the rate of the tier it falls in (2,412 calls × 0.55 = 1,326.6); in {@code PROGRESSIVE}
 * mode each bracket is paid at its own rate (2,000 × 0.4 + 300 × 0.5 + 112 × 0.55). A tier holds values up to and
 * including its {@code upTo}; the last tier has none. The raw points count as they are (0 or more, no maximum), or,
 * with {@code maxPoints}, are scaled to the rule's {@code points} (default 100): min(points, raw / maxPoints × points).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TieredRateRule", description = "Value × the rate of its tier (or of each bracket, progressive)")
public record TieredRateRule(
        @Schema(required = true, enumeration = TYPE, examples = TYPE) String type,
        @Schema(required = true, description = "Ascending tiers; only the last one has no upTo") List<Tier> tiers,
        @Schema(description = "WHOLE (default): the whole value at its tier's rate; PROGRESSIVE: each bracket at "
                + "its own rate (lower case accepted)") Mode mode,
        @Schema(description = "Raw points that earn the rule's points; without it the raw points count as they are "
                + "(no maximum)", examples = "1500") BigDecimal maxPoints,
        @Schema(description = "Points the rule is worth at maxPoints raw points (its maximum); default 100; needs "
                + "maxPoints", examples = "40") BigDecimal points,
        @Schema(description = "Unit of the value, for explanations", examples = "calls") String unit)
        implements ScoringRule {

    public static final String TYPE = "tiered-rate";

    @Schema(name = "TieredRateMode", description = "WHOLE: the whole value at its tier's rate; PROGRESSIVE: each "
            + "bracket at its own rate")
    public enum Mode {
        WHOLE, PROGRESSIVE;

        // templates stored before the API spoke UPPER_CASE say "whole"; both spellings are read, UPPER_CASE written
        @JsonCreator
        public static Mode of(String value) {
            return RuleEnums.read(Mode.class, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RateTier")
    public record Tier(
            @Schema(description = "Highest value of the tier, inclusive; none on the last tier", examples = "2000")
            BigDecimal upTo,
            @Schema(required = true, description = "Points per unit of value", examples = "0.4") BigDecimal rate) {
    }

    public TieredRateRule {
        type = TYPE;
        tiers = tiers == null ? null : List.copyOf(tiers.stream().map(t -> t == null ? new Tier(null, null) : t)
                .toList());
    }

    public TieredRateRule(List<Tier> tiers, Mode mode, BigDecimal maxPoints, String unit) {
        this(TYPE, tiers, mode, maxPoints, null, unit);
    }

    public TieredRateRule(List<Tier> tiers, Mode mode, BigDecimal maxPoints, BigDecimal points, String unit) {
        this(TYPE, tiers, mode, maxPoints, points, unit);
    }

    @Override
    public List<InvalidParameter> check() {
        List<InvalidParameter> invalid = new ArrayList<>();
        if (tiers == null || tiers.isEmpty()) {
            invalid.add(new InvalidParameter("tiers", "name at least one tier"));
            return invalid;
        }
        BigDecimal previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            String at = "tiers[" + i + "]";
            boolean last = i == tiers.size() - 1;
            if (tier.rate() == null) {
                invalid.add(new InvalidParameter(at + ".rate", "is required"));
            } else if (tier.rate().signum() < 0) {
                invalid.add(new InvalidParameter(at + ".rate", "must not be negative"));
            }
            if (tier.upTo() == null && !last) {
                invalid.add(new InvalidParameter(at + ".upTo", "is required on every tier but the last"));
            } else if (tier.upTo() != null && last) {
                invalid.add(new InvalidParameter(at + ".upTo", "must be left out on the last tier, which is open"));
            } else if (tier.upTo() != null && previous != null && tier.upTo().compareTo(previous) <= 0) {
                invalid.add(new InvalidParameter(at + ".upTo", "must be above the previous tier's ("
                        + plainText(previous) + ")"));
            } else if (tier.upTo() != null && previous == null && mode() == Mode.PROGRESSIVE
                    && tier.upTo().signum() <= 0) {
                invalid.add(new InvalidParameter(at + ".upTo", "must be above 0: progressive brackets start at 0"));
            }
            if (tier.upTo() != null) {
                previous = tier.upTo();
            }
        }
        PointScale.checkMaxPoints(maxPoints, invalid);
        PointScale.checkPoints(points, invalid);
        if (points != null && maxPoints == null) {
            invalid.add(new InvalidParameter("points", "needs maxPoints, the raw points that earn them: tiered "
                    + "raw points have no maximum"));
        }
        return invalid;
    }

    @Override
    public PointRange pointRange() {
        // rates are not negative and values are counts or amounts: raw points start at 0 and have no top
        return PointScale.range(BigDecimal.ZERO, null, maxPoints, points);
    }

    @Override
    public Mode mode() {
        return mode == null ? Mode.WHOLE : mode;
    }

    @Override
    public RuleScore score(BigDecimal value) {
        BigDecimal raw;
        Explanation computation;
        if (mode() == Mode.PROGRESSIVE) {
            List<String> parts = new ArrayList<>();
            raw = BigDecimal.ZERO;
            BigDecimal lower = BigDecimal.ZERO;
            for (Tier tier : tiers) {
                BigDecimal upper = tier.upTo() == null ? value : tier.upTo().min(value);
                BigDecimal portion = upper.subtract(lower);
                if (portion.signum() <= 0) {
                    break;
                }
                raw = raw.add(portion.multiply(tier.rate()));
                parts.add(format(portion) + " × " + format(tier.rate()));
                lower = upper;
            }
            String sum = (parts.isEmpty() ? "0" : String.join(" + ", parts)) + " = " + format(raw);
            computation = Explanation.of(withUnit(value, unit) + ", each bracket at its rate: " + sum,
                    withUnitZh(value, unit) + "，各分段按各自费率计：" + sum);
        } else {
            int index = tierOf(value);
            Tier tier = tiers.get(index);
            raw = value.multiply(tier.rate());
            computation = Explanation.of(
                    withUnit(value, unit) + " × " + format(tier.rate()) + " (" + label(index) + ") = " + format(raw),
                    withUnitZh(value, unit) + " × " + format(tier.rate()) + "（" + labelZh(index) + "）= "
                            + format(raw));
        }
        return PointScale.finish(raw, maxPoints, points, computation);
    }

    private int tierOf(BigDecimal value) {
        for (int i = 0; i < tiers.size(); i++) {
            BigDecimal upTo = tiers.get(i).upTo();
            if (upTo == null || value.compareTo(upTo) <= 0) {
                return i;
            }
        }
        return tiers.size() - 1;
    }

    private String label(int index) {
        BigDecimal upTo = tiers.get(index).upTo();
        if (index == 0) {
            return upTo == null ? "single tier" : "tier up to " + plainText(upTo);
        }
        BigDecimal from = tiers.get(index - 1).upTo();
        return upTo == null ? "tier above " + plainText(from) : "tier " + plainText(from) + "–" + plainText(upTo);
    }

    private String labelZh(int index) {
        BigDecimal upTo = tiers.get(index).upTo();
        if (index == 0) {
            return upTo == null ? "唯一一档" : plainText(upTo) + " 及以下档";
        }
        BigDecimal from = tiers.get(index - 1).upTo();
        return upTo == null ? plainText(from) + " 以上档" : plainText(from) + "–" + plainText(upTo) + " 档";
    }
}
