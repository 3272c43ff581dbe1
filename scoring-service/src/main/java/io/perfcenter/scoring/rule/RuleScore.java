package io.perfcenter.scoring.rule;

import java.math.BigDecimal;

/**
 * What a rule made of a value: points (0–100 for weighting, unless the rule says otherwise), rounded to 2 decimals
 * half up, and the explanation shown to the agent. A rule that cannot score (no ratings yet, no target set, an
 * expression without a number) says so with {@link #insufficient}: points are null and the template's
 * insufficient-data policy decides, never a silent zero.
 */
public record RuleScore(BigDecimal points, String explanation) {

    public static RuleScore insufficient(String reason) {
        return new RuleScore(null, reason);
    }

    public boolean isInsufficient() {
        return points == null;
    }
}
