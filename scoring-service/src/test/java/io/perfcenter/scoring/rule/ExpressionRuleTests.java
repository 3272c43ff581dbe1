package io.perfcenter.scoring.rule;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The expression rule, for what the other types cannot say, in CEL: e.g. docs/domain.md §2's "logistics-query
 * resolution ≥ 95%" as full points at 95% and proportional below, and a combination of two metrics.
 */
class ExpressionRuleTests {

    @Test
    void scoresTheItemsValue() {
        ExpressionRule rule = new ExpressionRule("value >= 0.95 ? 100.0 : value / 0.95 * 100.0", null, null, null);
        assertTrue(rule.check().isEmpty(), rule.check().toString());
        assertEquals(new BigDecimal("100.00"), rule.score(new BigDecimal("0.97")).points());
        RuleScore score = rule.score(new BigDecimal("0.76"));
        assertEquals(new BigDecimal("80.00"), score.points());
        assertEquals("expression `value >= 0.95 ? 100.0 : value / 0.95 * 100.0` with value = 0.76 = 80 points",
                score.explanation().en());
    }

    @Test
    void readsOtherMetricsAndIsLimitedToMinAndMax() {
        ExpressionRule rule = new ExpressionRule("(csat - 3.0) * 40.0 + calls_handled / 100.0", List.of("csat",
                "calls_handled"), BigDecimal.ZERO, new BigDecimal("100"));
        assertTrue(rule.check().isEmpty(), rule.check().toString());
        RuleContext context = new RuleContext(new BigDecimal("4.5"), 20L, Map.of("csat", new BigDecimal("4.5"),
                "calls_handled", new BigDecimal("2412")), null, List.of());
        RuleScore score = rule.score(context);
        assertEquals(new BigDecimal("84.12"), score.points());
        RuleContext high = new RuleContext(null, null, Map.of("csat", new BigDecimal("5"),
                "calls_handled", new BigDecimal("3000")), null, List.of());
        assertEquals("expression `(csat - 3.0) * 40.0 + calls_handled / 100.0` with csat = 5, calls_handled = 3,000 "
                + "= 110, limited to the maximum 100 points", rule.score(high).explanation().en());
        RuleContext missing = new RuleContext(null, null, Map.of("csat", new BigDecimal("5")), null, List.of());
        assertTrue(rule.score(missing).isInsufficient());
    }

    @Test
    void invalidOrNonNumericExpressionsAreRefusedWhenDefined() {
        assertEquals("expression", new ExpressionRule("value *", null, null, null).check().get(0).field());
        // CEL does not mix int and double: HR is told when defining the template, not at run time
        assertTrue(new ExpressionRule("value * 2", null, null, null).check().get(0).reason().contains("not valid CEL"));
        assertTrue(new ExpressionRule("value > 2.0", null, null, null).check().get(0).reason()
                .contains("must give a number"));
        // no way out of the sandbox: only the declared variables exist
        assertEquals("expression", new ExpressionRule("java.lang.System.exit(0)", null, null, null).check().get(0)
                .field());
        assertEquals("expression", new ExpressionRule("aht * 1.0", null, null, null).check().get(0).field());
        assertEquals("metrics[0]", new ExpressionRule("value", List.of("Bad Code"), null, null).check().get(0).field());
    }

    @Test
    void aDivisionByZeroIsInsufficientDataNotAnError() {
        ExpressionRule rule = new ExpressionRule("100 / samples", null, null, null);
        assertTrue(rule.check().isEmpty(), rule.check().toString());
        assertTrue(rule.score(new RuleContext(BigDecimal.ONE, 0L, Map.of(), null, List.of())).isInsufficient());
        assertEquals(new BigDecimal("25.00"), rule.score(new RuleContext(BigDecimal.ONE, 4L, Map.of(), null,
                List.of())).points());
    }
}
