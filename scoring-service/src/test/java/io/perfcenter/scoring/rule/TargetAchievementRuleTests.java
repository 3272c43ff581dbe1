package io.perfcenter.scoring.rule;

import io.perfcenter.scoring.rule.TargetAchievementRule.Direction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/domain.md §3, target achievement: e.g. CSAT ≥ 90%, logistics-query resolution ≥ 95%, complaint rate −20%:
 * actual ÷ target × points, capped.
 */
class TargetAchievementRuleTests {

    private static final TargetAchievementRule CSAT = new TargetAchievementRule(new BigDecimal("0.9"), null, null,
            null, null);

    @Test
    void domainExampleCsatAgainstNinetyPercent() {
        RuleScore score = CSAT.score(context("0.87", null));
        assertEquals(new BigDecimal("96.67"), score.points());
        assertEquals("0.87 ÷ target 0.9 (template default) = 96.67% × 100 = 96.67 points", score.explanation().en());
        // reaching the target is full points; above it is capped at 100% unless the cap says more
        assertEquals(new BigDecimal("100.00"), CSAT.score(context("0.95", null)).points());
        TargetAchievementRule generous = new TargetAchievementRule(new BigDecimal("0.9"), null, new BigDecimal("1.2"),
                null, null);
        assertEquals("1.2 ÷ target 0.9 (template default) = 133.33%, capped at 120% × 100 = 120 points",
                generous.score(context("1.2", null)).explanation().en());
    }

    @Test
    void theTargetSetForTheAgentsUnitWinsOverTheDefault() {
        RuleScore score = CSAT.score(context("0.9", new RuleContext.Target(new BigDecimal("0.95"), "group G1")));
        assertEquals(new BigDecimal("94.74"), score.points());
        assertEquals("0.9 ÷ target 0.95 (group G1) = 94.74% × 100 = 94.74 points", score.explanation().en());
    }

    @Test
    void lowerIsBetterComplaintRateCutByTwentyPercent() {
        // last year 0.05, target −20% = 0.04; 0.045 reached 88.89% of it
        TargetAchievementRule complaints = new TargetAchievementRule(new BigDecimal("0.04"), new BigDecimal("20"),
                null, Direction.LOWER, null);
        RuleScore score = complaints.score(context("0.045", null));
        assertEquals(new BigDecimal("17.78"), score.points());
        assertEquals("target 0.04 (template default) ÷ 0.045 = 88.89% × 20 = 17.78 points", score.explanation().en());
    }

    @Test
    void withoutAnyTargetTheItemHasInsufficientData() {
        TargetAchievementRule noDefault = new TargetAchievementRule(null, null, null, null, null);
        assertTrue(noDefault.score(context("0.9", null)).isInsufficient());
    }

    private static RuleContext context(String value, RuleContext.Target target) {
        return new RuleContext(new BigDecimal(value), 20L, Map.of(), target, List.of());
    }
}
