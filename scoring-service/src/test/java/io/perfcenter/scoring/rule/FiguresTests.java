package io.perfcenter.scoring.rule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The service's one number formatter: never a trailing zero, never an exponent, grouped only in explanations. */
class FiguresTests {

    @ParameterizedTest(name = "{0}: explained {1}, in text {2}, in JSON {3}")
    @CsvSource(delimiter = ';', value = {
            "2412;        2,412;       2412;        2412",
            "1326.60;     1,326.6;     1326.6;      1326.6",
            "0.500;       0.5;         0.5;         0.5",
            "1E+2;        100;         100;         100",
            "2300.00;     2,300;       2300;        2300",
            "-3.00;       -3;          -3;          -3",
            "0.000;       0;           0;           0",
            "0.0010;      0.001;       0.001;       0.001",
            "12345678.90; 12,345,678.9; 12345678.9; 12345678.9"})
    void everyFormWithoutTrailingZeros(String value, String explained, String text, String json) {
        BigDecimal number = new BigDecimal(value);
        assertEquals(explained, Figures.format(number));
        assertEquals(text, Figures.plainText(number));
        assertEquals(json, Figures.plain(number).toString(), "JSON writes BigDecimal.toString(): never an exponent");
        // the inputs hash wrote stripTrailingZeros().toPlainString(): the same text, so stored hashes still match
        assertEquals(number.stripTrailingZeros().toPlainString(), Figures.plainText(number));
    }

    /**
     * Explanations stored before {@link Figures#format} stopped using DecimalFormat were written by it: the same text
     * for every value (random ones of up to 60 bits, scales −8 to 21; rounding at the 10th decimal, "-0" for a
     * negative value that rounds to zero).
     */
    @Test
    void formatWritesWhatDecimalFormatWrote() {
        java.text.DecimalFormat decimalFormat = new java.text.DecimalFormat("#,##0.##########",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US));
        decimalFormat.setRoundingMode(java.math.RoundingMode.HALF_UP);
        java.util.List<BigDecimal> values = new java.util.ArrayList<>();
        for (String v : new String[]{"0", "0.00", "-0.00000000001", "-0.000000000049", "0.00000000005",
                "-0.00000000005", "1E+10", "-1234.5", "999.99999999995", "-999.99999999995", "1E-10", "0E+3",
                "12345678901234567890.123456789012345"}) {
            values.add(new BigDecimal(v));
        }
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 100_000; i++) {
            java.math.BigInteger unscaled = new java.math.BigInteger(1 + random.nextInt(60), random);
            values.add(new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(30) - 8));
        }
        for (BigDecimal value : values) {
            assertEquals(decimalFormat.format(value), Figures.format(value), value.toString());
        }
    }

    @Test
    void unitsNullAndPoints() {
        assertEquals("2,412 calls", Figures.withUnit(new BigDecimal("2412"), "calls"));
        assertEquals("2,412", Figures.withUnit(new BigDecimal("2412"), " "));
        assertNull(Figures.plain(null));
        assertEquals(new BigDecimal("35.38"), Figures.points(new BigDecimal("35.376")));
        assertEquals(new BigDecimal("0.01"), Figures.points(new BigDecimal("0.005")));
    }
}
