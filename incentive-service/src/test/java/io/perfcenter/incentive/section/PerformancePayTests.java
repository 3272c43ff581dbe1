package io.perfcenter.incentive.section;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PerformancePayTests {

    private static PerformancePay pay(String salary, String share, String coefficient, String grade) {
        return PerformancePay.of(new BigDecimal(salary), new BigDecimal(share), new BigDecimal(coefficient), grade);
    }

    @Test
    void domainExampleThirtyPercentOfSalaryTimesTheGradeCoefficient() {
        PerformancePay pay = pay("8000.00", "0.30", "1.1", "excellent");
        assertEquals(new BigDecimal("2640.00"), pay.amount());
        assertEquals("8,000.00 × 30% × 1.1 (excellent) = 2,640.00", pay.explanation());
    }

    @Test
    void roundsHalfUpToCentsOnlyAtTheEnd() {
        // 7,333.33 × 0.30 × 1.1 = 2,419.9989 exactly, rounded once, at the end
        PerformancePay pay = pay("7333.33", "0.30", "1.1", "excellent");
        assertEquals(new BigDecimal("2420.00"), pay.amount());
        assertEquals("7,333.33 × 30% × 1.1 (excellent) = 2,420.00", pay.explanation());
    }

    @Test
    void halfACentRoundsUp() {
        // 1,000.05 × 0.30 × 0.5 = 150.0075 → 150.01
        assertEquals(new BigDecimal("150.01"), pay("1000.05", "0.30", "0.5", "pass").amount());
        // 33.35 × 0.30 × 1.0 = 10.005 → 10.01
        assertEquals(new BigDecimal("10.01"), pay("33.35", "0.30", "1.0", "good").amount());
    }

    @Test
    void storedScalesReadNaturally() {
        // as read from the database: numeric(14,2), numeric(7,6), numeric(8,4)
        PerformancePay pay = pay("12000.00", "0.275000", "1.0000", "good");
        assertEquals(new BigDecimal("3300.00"), pay.amount());
        assertEquals("12,000.00 × 27.5% × 1.0 (good) = 3,300.00", pay.explanation());
    }

    @Test
    void aZeroCoefficientPaysZeroAndSaysSo() {
        PerformancePay pay = pay("8000.00", "0.300000", "0.0000", "fail");
        assertEquals(new BigDecimal("0.00"), pay.amount());
        assertEquals("8,000.00 × 30% × 0.0 (fail) = 0.00", pay.explanation());
    }
}
