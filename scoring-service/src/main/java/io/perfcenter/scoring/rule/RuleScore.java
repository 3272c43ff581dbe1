package io.perfcenter.scoring.rule;

import java.math.BigDecimal;

/**
 * What a rule made of a value: points (0–100 for weighting, unless the rule says otherwise), rounded to 2 decimals
 * half up, and the explanation shown to the agent.
 */
public record RuleScore(BigDecimal points, String explanation) {
}
