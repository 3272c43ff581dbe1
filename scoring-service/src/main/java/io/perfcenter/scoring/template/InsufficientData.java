package io.perfcenter.scoring.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * What an item without enough data earns (no value, fewer samples than required, no rating or target): {@code zero}
 * (the default, as before: 0 points, marked), {@code neutral} (the given points, e.g. 60, marked) or
 * {@code exclude} (left out of the total, the other items' weights re-normalised to the full weight). Never a
 * silent zero: the item says it had insufficient data and how it was handled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "InsufficientDataPolicy")
public record InsufficientData(
        @Schema(required = true, description = "zero, neutral or exclude", examples = "exclude") Policy policy,
        @Schema(description = "Points of an item with insufficient data under the neutral policy", examples = "60")
        BigDecimal neutralPoints) {

    public static final InsufficientData ZERO = new InsufficientData(Policy.ZERO, null);

    @Schema(name = "InsufficientDataAction", description = "What an item with too few samples scores: zero, the neutral score, or nothing (excluded)")
    public enum Policy {
        @JsonProperty("zero") ZERO,
        @JsonProperty("neutral") NEUTRAL,
        @JsonProperty("exclude") EXCLUDE
    }
}
