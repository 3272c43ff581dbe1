package io.perfcenter.scoring.rule;

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
 * Banded deduction from a maximum (docs/domain.md §3): QA recording score, max 30 points; 99–100 → no deduction,
 * 95–98 → deduct some … A band holds values at or above its {@code atLeast} (bands descending); a value below every
 * band loses {@code otherwise} (default: everything). Points never go below 0; they count as they are (from the
 * largest deduction's result to {@code max} less the smallest), or, with {@code points} (what the rule is worth)
 * and/or {@code maxPoints} (the raw points that earn them, default {@code max}), scaled: min(points, raw / maxPoints ×
 * points).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BandedDeductionRule", description = "Maximum points minus the deduction of the band the value is in")
public record BandedDeductionRule(
        @Schema(required = true, enumeration = TYPE, examples = TYPE) String type,
        @Schema(required = true, description = "Points before any deduction", examples = "30") BigDecimal max,
        @Schema(required = true, description = "Bands, highest atLeast first") List<Band> bands,
        @Schema(description = "Deduction below the last band; defaults to max", examples = "30") BigDecimal otherwise,
        @Schema(description = "Raw points that earn the rule's points; default max when points is given",
                examples = "30") BigDecimal maxPoints,
        @Schema(description = "Points the rule is worth (its maximum); default: the raw points as they are, or 100 "
                + "with maxPoints", examples = "10") BigDecimal points,
        @Schema(description = "Unit of the value, for explanations", examples = "QA points") String unit)
        implements ScoringRule {

    public static final String TYPE = "banded-deduction";

    @Schema(name = "DeductionBand")
    public record Band(
            @Schema(required = true, description = "Lowest value of the band, inclusive", examples = "95")
            BigDecimal atLeast,
            @Schema(required = true, description = "Points deducted for a value in the band", examples = "3")
            BigDecimal deduct) {
    }

    public BandedDeductionRule {
        type = TYPE;
        bands = bands == null ? null : List.copyOf(bands.stream().map(b -> b == null ? new Band(null, null) : b)
                .toList());
    }

    public BandedDeductionRule(BigDecimal max, List<Band> bands, BigDecimal otherwise, BigDecimal maxPoints,
                               String unit) {
        this(TYPE, max, bands, otherwise, maxPoints, null, unit);
    }

    public BandedDeductionRule(BigDecimal max, List<Band> bands, BigDecimal otherwise, BigDecimal maxPoints,
                               BigDecimal points, String unit) {
        this(TYPE, max, bands, otherwise, maxPoints, points, unit);
    }

    @Override
    public List<InvalidParameter> check() {
        List<InvalidParameter> invalid = new ArrayList<>();
        if (max == null || max.signum() <= 0) {
            invalid.add(new InvalidParameter("max", max == null ? "is required" : "must be above 0"));
        }
        if (bands == null || bands.isEmpty()) {
            invalid.add(new InvalidParameter("bands", "name at least one band"));
            return invalid;
        }
        BigDecimal previous = null;
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            String at = "bands[" + i + "]";
            if (band.atLeast() == null) {
                invalid.add(new InvalidParameter(at + ".atLeast", "is required"));
            } else if (previous != null && band.atLeast().compareTo(previous) >= 0) {
                invalid.add(new InvalidParameter(at + ".atLeast", "must be below the previous band's ("
                        + plainText(previous) + ")"));
            }
            if (band.deduct() == null || band.deduct().signum() < 0) {
                invalid.add(new InvalidParameter(at + ".deduct", band.deduct() == null ? "is required"
                        : "must not be negative"));
            }
            if (band.atLeast() != null) {
                previous = band.atLeast();
            }
        }
        if (otherwise != null && otherwise.signum() < 0) {
            invalid.add(new InvalidParameter("otherwise", "must not be negative"));
        }
        PointScale.checkMaxPoints(maxPoints, invalid);
        PointScale.checkPoints(points, invalid);
        return invalid;
    }

    @Override
    public PointRange pointRange() {
        BigDecimal least = otherwise == null ? max : otherwise;
        BigDecimal most = least;
        for (Band b : bands) {
            least = least.min(b.deduct());
            most = most.max(b.deduct());
        }
        return PointScale.range(max.subtract(most).max(BigDecimal.ZERO), max.subtract(least).max(BigDecimal.ZERO),
                scaleFrom(), points);
    }

    private BigDecimal scaleFrom() {
        return maxPoints != null || points == null ? maxPoints : max;
    }

    @Override
    public RuleScore score(BigDecimal value) {
        BigDecimal deduct = otherwise == null ? max : otherwise;
        String lowest = plainText(bands.get(bands.size() - 1).atLeast());
        String band = "below " + lowest;
        String bandZh = "低于 " + lowest;
        for (Band b : bands) {
            if (value.compareTo(b.atLeast()) >= 0) {
                deduct = b.deduct();
                band = "band ≥ " + plainText(b.atLeast());
                bandZh = "≥ " + plainText(b.atLeast()) + " 档";
                break;
            }
        }
        BigDecimal raw = max.subtract(deduct).max(BigDecimal.ZERO);
        String formula = format(max) + " − " + format(deduct) + " = " + format(raw);
        return PointScale.finish(raw, scaleFrom(), points, Explanation.of(
                withUnit(value, unit) + " (" + band + "): " + formula,
                withUnitZh(value, unit) + "（" + bandZh + "）：" + formula));
    }
}
