package io.perfcenter.metrics.aggregate;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlainNumbersTests {

    @Test
    void noTrailingZerosAndNoExponent() {
        assertEquals("310", PlainNumbers.text(new BigDecimal("310.0000")));
        assertEquals("82.5", PlainNumbers.text(new BigDecimal("82.5000")));
        assertEquals("0", PlainNumbers.text(new BigDecimal("0.0000")));
        assertEquals("-12.05", PlainNumbers.text(new BigDecimal("-12.050")));
        assertEquals("1000", PlainNumbers.text(new BigDecimal("1E+3")));
        assertEquals(0, PlainNumbers.plain(new BigDecimal("310.0000")).scale());
        assertEquals("310", PlainNumbers.plain(new BigDecimal("3.1E+2")).toString(), "never 3.1E+2 in JSON");
        assertNull(PlainNumbers.plain(null));
    }
}
