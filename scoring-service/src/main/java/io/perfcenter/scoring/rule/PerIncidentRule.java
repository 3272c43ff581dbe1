package io.perfcenter.scoring.rule;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.perfcenter.scoring.rule.Figures.format;
import static io.perfcenter.scoring.rule.Figures.withUnit;
import static io.perfcenter.scoring.rule.Figures.withUnitZh;

/**
 * Per-incident deduction (docs/domain.md §3, seed 004's courier example): each occurrence costs {@code perIncident}
 * points from {@code max}, never below {@code floor} (default 0): from floor to max points as they are, or, with
 * {@code points} (what the rule is worth) and/or {@code maxPoints} (the raw points that earn them, default {@code
 * max}), scaled: min(points, raw / maxPoints × points).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PerIncidentRule", description = "Points from a maximum minus a fixed deduction per occurrence")
public record PerIncidentRule(
        @Schema(required = true, enumeration = TYPE, examples = TYPE) String type,
        @Schema(required = true, description = "Points with no incident", examples = "10") BigDecimal max,
        @Schema(required = true, description = "Points deducted per occurrence", examples = "0.5") BigDecimal perIncident,
        @Schema(description = "Lowest points possible; defaults to 0", examples = "0") BigDecimal floor,
        @Schema(description = "Raw points that earn the rule's points; default max when points is given",
                examples = "10") BigDecimal maxPoints,
        @Schema(description = "Points the rule is worth (its maximum); default: the raw points as they are, or 100 "
                + "with maxPoints", examples = "5") BigDecimal points,
        @Schema(description = "What is counted, for explanations", examples = "violations") String unit)
        implements ScoringRule {

    public static final String TYPE = "per-incident";

    public PerIncidentRule {
        type = TYPE;
    }

    public PerIncidentRule(BigDecimal max, BigDecimal perIncident, BigDecimal floor, BigDecimal maxPoints,
                           String unit) {
        this(TYPE, max, perIncident, floor, maxPoints, null, unit);
    }

    public PerIncidentRule(BigDecimal max, BigDecimal perIncident, BigDecimal floor, BigDecimal maxPoints,
                           BigDecimal points, String unit) {
        this(TYPE, max, perIncident, floor, maxPoints, points, unit);
    }

    @Override
    public List<InvalidParameter> check() {
        List<InvalidParameter> invalid = new ArrayList<>();
        if (max == null || max.signum() <= 0) {
            invalid.add(new InvalidParameter("max", max == null ? "is required" : "must be above 0"));
        }
        if (perIncident == null || perIncident.signum() <= 0) {
            invalid.add(new InvalidParameter("perIncident", perIncident == null ? "is required" : "must be above 0"));
        }
        if (floor != null && (floor.signum() < 0 || (max != null && floor.compareTo(max) >= 0))) {
            invalid.add(new InvalidParameter("floor", "must be at least 0 and below max"));
        }
        PointScale.checkMaxPoints(maxPoints, invalid);
        PointScale.checkPoints(points, invalid);
        return invalid;
    }

    @Override
    public PointRange pointRange() {
        return PointScale.range(floor == null ? BigDecimal.ZERO : floor, max, scaleFrom(), points);
    }

    private BigDecimal scaleFrom() {
        return maxPoints != null || points == null ? maxPoints : max;
    }

    @Override
    public RuleScore score(BigDecimal value) {
        BigDecimal lowest = floor == null ? BigDecimal.ZERO : floor;
        BigDecimal deducted = value.multiply(perIncident);
        BigDecimal raw = max.subtract(deducted);
        String product = " × " + format(perIncident) + " = " + format(deducted);
        // each figure formatted once for both languages
        String valueText = format(value);
        String maxText = format(max);
        Explanation computation = Explanation.of(withUnit(valueText, unit) + product + " deducted from " + maxText,
                withUnitZh(valueText, unit) + product + "，从 " + maxText + " 中扣除");
        if (raw.compareTo(lowest) < 0) {
            String lowestText = format(lowest);
            computation = computation.plus(", floored at " + lowestText, "，保底 " + lowestText);
            raw = lowest;
        } else {
            computation = computation.plus(Explanation.same(" = " + format(raw)));
        }
        return PointScale.finish(raw, scaleFrom(), points, computation);
    }
}
