package io.perfcenter.incentive.statement;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The one number formatter: each form as explanations, answers and the payroll export print it. */
class NumbersTests {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void moneyIsGroupedWithTwoDecimalsHalfUpWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("8,000.00", Numbers.money(d("8000")));
            assertEquals("1,233.33", Numbers.money(d("1233.333")));
            assertEquals("0.01", Numbers.money(d("0.005")));
            assertEquals("-12.50", Numbers.money(d("-12.5")));
            assertEquals("100.00", Numbers.money(d("1E+2")));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void figuresAndPlainValuesLoseTrailingZerosAndNeverUseAnExponent() {
        assertEquals("0.86", Numbers.figure(d("0.860")));
        assertEquals("2412", Numbers.figure(d("2412")));
        assertEquals("100", Numbers.figure(d("1E+2")));
        assertEquals("0", Numbers.figure(d("0.000")));
        assertEquals("none", Numbers.figure(null));
        assertEquals("4.62", Numbers.plain(d("4.6200")));
        assertEquals(d("0.3"), Numbers.plainValue(d("0.300000")));
        assertEquals("2", Numbers.plainValue(d("2.0000")).toString());
        assertEquals("100", Numbers.plainValue(d("1E+2")).toString());
        assertNull(Numbers.plainValue(null));
    }

    @Test
    void percentsAndFactorsReadAsInTheExplanations() {
        assertEquals("30%", Numbers.percent(d("0.30")));
        assertEquals("27.5%", Numbers.percent(d("0.275")));
        assertEquals("1.5%", Numbers.percent(d("0.015")));
        assertEquals("1.1", Numbers.factor(d("1.10")));
        assertEquals("1.0", Numbers.factor(d("1")));
        assertEquals("0.0", Numbers.factor(d("0")));
        assertEquals("10.0", Numbers.factor(d("1E+1")));
    }

    @Test
    void asGivenKeepsTheDigitsTheValueCarries() {
        assertEquals("95.0", Numbers.asGiven(d("95.0")));
        assertEquals("2640.00", Numbers.asGiven(d("2640.00")));
        assertEquals("0.708502", Numbers.asGiven(d("0.708502")));
        assertEquals("100", Numbers.asGiven(d("1E+2")));
    }

    @Test
    void decimalsCountsWhatTheValueNeeds() {
        assertEquals(2, Numbers.decimals(d("0.150")));
        assertEquals(0, Numbers.decimals(d("100")));
        assertEquals(0, Numbers.decimals(d("1E+3")));
        assertEquals(3, Numbers.decimals(d("1.001")));
    }
}
