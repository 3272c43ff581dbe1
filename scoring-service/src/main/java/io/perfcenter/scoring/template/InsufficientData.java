package io.perfcenter.scoring.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonCreator;
import io.perfcenter.scoring.rule.RuleEnums;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * What an item without enough data earns (no value, fewer samples than required, no rating or target): {@code ZERO}
 * (the default, as before: 0 points, marked), {@code NEUTRAL} (the given points, e.g. 60, marked) or
 * {@code EXCLUDE} (left out of the total, the other items' weights re-normalised to the full weight). Never a
 * silent zero: the item says it had insufficient data and how it was handled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "InsufficientDataPolicy")
public record InsufficientData(
        @Schema(required = true, description = "ZERO, NEUTRAL or EXCLUDE (lower case accepted, deprecated)",
                examples = "EXCLUDE") Policy policy,
        @Schema(description = "Points of an item with insufficient data under the neutral policy", examples = "60")
        BigDecimal neutralPoints) {

    public static final InsufficientData ZERO = new InsufficientData(Policy.ZERO, null);

    @Schema(name = "InsufficientDataAction", description = "What an item with too few samples scores: ZERO, the "
            + "NEUTRAL score, or nothing (EXCLUDE). The lower-case spelling (zero, neutral, exclude) is still accepted "
            + "on input but deprecated; answers are UPPER_CASE")
    public enum Policy {
        ZERO,
        NEUTRAL,
        EXCLUDE;

        // templates stored before the API spoke UPPER_CASE say "exclude"; both spellings are read, UPPER_CASE written
        @JsonCreator
        public static Policy of(String value) {
            return RuleEnums.read(Policy.class, value);
        }
    }
}
