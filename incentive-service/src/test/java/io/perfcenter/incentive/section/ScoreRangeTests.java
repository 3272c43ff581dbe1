package io.perfcenter.incentive.section;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreRangeTests {

    private static ScoreRange r(String text) {
        return ScoreRange.parse(text);
    }

    @Test
    void readsIntervalsAsHrWritesThem() {
        ScoreRange a = r("(95, 100]");
        assertTrue(a.contains(new BigDecimal("100")));
        assertTrue(a.contains(new BigDecimal("95.01")));
        assertFalse(a.contains(new BigDecimal("95")));
        assertEquals("(95,100]", a.toString());
        assertTrue(r("[90,)").contains(new BigDecimal("1000")));
        assertTrue(r("(,70)").contains(new BigDecimal("-3")));
        assertFalse(r("(,70)").contains(new BigDecimal("70")));
        assertNull(r("90-95"));
        assertNull(r("[a,b]"));
        assertTrue(r("(5,5]").isEmpty());
        assertFalse(r("[5,5]").isEmpty());
    }

    @Test
    void bandsThatShareOnlyAnOpenBoundDoNotOverlap() {
        assertFalse(r("(95,100]").overlaps(r("(90,95]")));
        assertTrue(r("[95,100]").overlaps(r("(90,95]")));
        assertTrue(r("[80,90)").overlaps(r("[85,)")));
        assertFalse(r("(,70)").overlaps(r("[70,80)")));
        assertTrue(r("(,)").overlaps(r("[70,80)")));
    }
}
