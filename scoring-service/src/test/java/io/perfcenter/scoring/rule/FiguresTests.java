package io.perfcenter.scoring.rule;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The service's one number formatter: never a trailing zero, never an exponent, grouped only in explanations. */
class FiguresTests {

    @Test
    void explanationsGroupThousandsWithoutTrailingZeros() {
        assertEquals("2,412", Figures.format(new BigDecimal("2412")));
        assertEquals("1,326.6", Figures.format(new BigDecimal("1326.60")));
        assertEquals("0.5", Figures.format(new BigDecimal("0.500")));
        assertEquals("100", Figures.format(new BigDecimal("1E+2")));
        assertEquals("-3", Figures.format(new BigDecimal("-3.00")));
        assertEquals("2,412 calls", Figures.withUnit(new BigDecimal("2412"), "calls"));
        assertEquals("2,412", Figures.withUnit(new BigDecimal("2412"), " "));
    }

    @Test
    void plainTextIsUngrouped() {
        assertEquals("2300", Figures.plainText(new BigDecimal("2300.00")));
        assertEquals("1326.6", Figures.plainText(new BigDecimal("1326.60")));
        assertEquals("100", Figures.plainText(new BigDecimal("1E+2")));
        assertEquals("0", Figures.plainText(new BigDecimal("0.000")));
        assertEquals("0.001", Figures.plainText(new BigDecimal("0.0010")));
    }

    @Test
    void plainIsTheValueJsonAndTheInputsHashCarry() {
        assertEquals(new BigDecimal("30"), Figures.plain(new BigDecimal("30.00")));
        assertEquals(new BigDecimal("1326.6"), Figures.plain(new BigDecimal("1326.60")));
        assertEquals("100", Figures.plain(new BigDecimal("1E+2")).toString());
        assertEquals(0, Figures.plain(new BigDecimal("1E+2")).scale());
        assertNull(Figures.plain(null));
        // the inputs hash wrote stripTrailingZeros().toPlainString(): the same text, so stored hashes still match
        for (String v : new String[] {"4.50", "100", "1E+2", "0.00", "-2.500", "12345678.90"}) {
            assertEquals(new BigDecimal(v).stripTrailingZeros().toPlainString(), Figures.plainText(new BigDecimal(v)));
        }
    }

    @Test
    void pointsAreTwoDecimalsHalfUp() {
        assertEquals(new BigDecimal("35.38"), Figures.points(new BigDecimal("35.376")));
        assertEquals(new BigDecimal("0.01"), Figures.points(new BigDecimal("0.005")));
    }
}
