package io.perfcenter.scoring.rule;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/domain.md §3 (seed 004, courier example): each violation −0.5 points, floored at zero or a minimum. */
class PerIncidentRuleTests {

    static final PerIncidentRule VIOLATIONS = new PerIncidentRule(new BigDecimal("10"), new BigDecimal("0.5"), null,
            null, "violations");

    @Test
    void domainExampleHalfAPointPerViolation() {
        RuleScore score = VIOLATIONS.score(new BigDecimal("3"));
        assertEquals(new BigDecimal("8.50"), score.points());
        assertEquals("3 violations × 0.5 = 1.5 deducted from 10 = 8.5 points", score.explanation().en());
        assertEquals(new BigDecimal("10.00"), VIOLATIONS.score(BigDecimal.ZERO).points());
    }

    @Test
    void neverBelowTheFloor() {
        RuleScore score = VIOLATIONS.score(new BigDecimal("25"));
        assertEquals(new BigDecimal("0.00"), score.points());
        assertEquals("25 violations × 0.5 = 12.5 deducted from 10, floored at 0 points", score.explanation().en());
        PerIncidentRule withMinimum = new PerIncidentRule(new BigDecimal("10"), new BigDecimal("0.5"),
                new BigDecimal("4"), null, null);
        assertEquals(new BigDecimal("4.00"), withMinimum.score(new BigDecimal("15")).points());
    }

    @Test
    void scalesToAHundredWithMaxPoints() {
        PerIncidentRule scaled = new PerIncidentRule(new BigDecimal("10"), new BigDecimal("0.5"), null,
                new BigDecimal("10"), null);
        assertEquals(new BigDecimal("85.00"), scaled.score(new BigDecimal("3")).points());
    }

    @Test
    void checkNamesTheParameter() {
        assertEquals("perIncident", new PerIncidentRule(new BigDecimal("10"), null, null, null, null).check().get(0)
                .field());
        assertEquals("floor", new PerIncidentRule(new BigDecimal("10"), BigDecimal.ONE, new BigDecimal("10"), null,
                null).check().get(0).field());
    }
}
