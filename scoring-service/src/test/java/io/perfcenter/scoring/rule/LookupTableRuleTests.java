package io.perfcenter.scoring.rule;

import io.perfcenter.scoring.rule.LookupTableRule.Row;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/domain.md §3 (seed 004), error count → points: ≤3 → 30; 4 → 28; 5 → 27.5; 6 → 26.4; 7 → 25.8; 8 → 25.2;
 * 9 → 23.7; 10 → 23; >10 → 0.
 */
public class LookupTableRuleTests {

    public static final LookupTableRule ERRORS = new LookupTableRule(List.of(row("3", "30"), row("4", "28"),
            row("5", "27.5"), row("6", "26.4"), row("7", "25.8"), row("8", "25.2"), row("9", "23.7"), row("10", "23"),
            row(null, "0")), null, "errors");

    @Test
    void domainExampleEveryRow() {
        String[][] expected = {{"0", "30"}, {"3", "30"}, {"4", "28"}, {"5", "27.5"}, {"6", "26.4"}, {"7", "25.8"},
                {"8", "25.2"}, {"9", "23.7"}, {"10", "23"}, {"11", "0"}, {"40", "0"}};
        for (String[] e : expected) {
            assertEquals(0, new BigDecimal(e[1]).compareTo(ERRORS.score(new BigDecimal(e[0])).points()),
                    "points for " + e[0] + " errors");
        }
    }

    @Test
    void explainsTheRow() {
        assertEquals("5 errors (row 4 < value ≤ 5) → 27.5 points", ERRORS.score(new BigDecimal("5")).explanation().en());
        assertEquals("2 errors (row ≤ 3) → 30 points", ERRORS.score(new BigDecimal("2")).explanation().en());
        assertEquals("12 errors (row > 10) → 0 points", ERRORS.score(new BigDecimal("12")).explanation().en());
    }

    @Test
    void scalesToAHundredWithMaxPoints() {
        LookupTableRule scaled = new LookupTableRule(ERRORS.table(), new BigDecimal("30"), "errors");
        RuleScore score = scaled.score(new BigDecimal("5"));
        assertEquals(new BigDecimal("91.67"), score.points());
        assertEquals("5 errors (row 4 < value ≤ 5) → 27.5; 27.5 / 30 (max) × 100 = 91.67 points", score.explanation().en());
    }

    @Test
    void checkNamesTheParameter() {
        assertEquals("table[1].upTo", new LookupTableRule(List.of(row("3", "30"), row("3", "28"), row(null, "0")),
                null, null).check().get(0).field());
        assertEquals("table[1].points", new LookupTableRule(List.of(row("3", "30"), row(null, null)), null, null)
                .check().get(0).field());
        assertEquals("table[1].upTo", new LookupTableRule(List.of(row("3", "30"), row("4", "1")), null, null)
                .check().get(0).field());
        assertEquals("table", new LookupTableRule(List.of(), null, null).check().get(0).field());
    }

    static Row row(String upTo, String points) {
        return new Row(upTo == null ? null : new BigDecimal(upTo), points == null ? null : new BigDecimal(points));
    }
}
