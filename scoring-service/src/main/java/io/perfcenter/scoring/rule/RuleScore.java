package io.perfcenter.scoring.rule;

import java.math.BigDecimal;

/**
 * What a rule made of a value: points (0–100 for weighting, unless the rule says otherwise), rounded to 2 decimals
 * half up, and the explanation shown to the agent, in English and Chinese. A rule that cannot score (no ratings yet,
 * no target set, an expression without a number) says so with {@link #insufficient}: points are null and the
 * template's insufficient-data policy decides, never a silent zero.
 */
public record RuleScore(BigDecimal points, Explanation explanation) {

    public RuleScore(BigDecimal points, String en, String zh) {
        this(points, new Explanation(en, zh));
    }

    public static RuleScore insufficient(String en, String zh) {
        return new RuleScore(null, new Explanation(en, zh));
    }

    public static RuleScore insufficient(Explanation reason) {
        return new RuleScore(null, reason);
    }

    public boolean isInsufficient() {
        return points == null;
    }
}
