package io.perfcenter.scoring.rule;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * The points a rule can give, on the rule's own scale (a lookup table's worst to best row, a linear rule's 0 to its
 * {@code points}); a null bound is open (a tiered rate without {@code maxPoints}, an expression without {@code max}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PointRange", description = "Lowest and highest points a rule can give; a missing bound is open")
public record PointRange(@Schema(examples = "0") BigDecimal min, @Schema(examples = "10") BigDecimal max) {

    public PointRange {
        min = min == null ? null : Figures.points(min);
        max = max == null ? null : Figures.points(max);
    }

    /** Whether {@code points} lies within the range (an open bound admits anything on its side). */
    public boolean contains(BigDecimal points) {
        return (min == null || points.compareTo(min) >= 0) && (max == null || points.compareTo(max) <= 0);
    }

    /** "0–10", "0 or more". */
    public String describe() {
        if (min != null && max != null) {
            return Figures.format(min) + "–" + Figures.format(max);
        }
        if (min != null) {
            return Figures.format(min) + " or more";
        }
        return max != null ? "at most " + Figures.format(max) : "any number";
    }
}
