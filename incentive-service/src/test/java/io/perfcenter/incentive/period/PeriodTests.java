package io.perfcenter.incentive.period;

import io.quarkiverse.resteasy.problem.HttpProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one period type: months and quarters, and the 400 problems naming the field. */
class PeriodTests {

    @Test
    void aMonthCoversItsDays() {
        Period p = Period.parse("period", "2026-02");
        assertEquals("2026-02", p.code());
        assertEquals(LocalDate.of(2026, 2, 1), p.from());
        assertEquals(LocalDate.of(2026, 2, 28), p.to());
        assertEquals(List.of(YearMonth.of(2026, 2)), p.months());
        assertFalse(p.isQuarter());
        assertEquals(p, Period.month(YearMonth.of(2026, 2)));
    }

    @Test
    void aQuarterCoversItsThreeMonths() {
        Period q = Period.parse("period", "2026-Q3");
        assertTrue(q.isQuarter());
        assertEquals(LocalDate.of(2026, 7, 1), q.from());
        assertEquals(LocalDate.of(2026, 9, 30), q.to());
        assertEquals(List.of(YearMonth.of(2026, 7), YearMonth.of(2026, 8), YearMonth.of(2026, 9)), q.months());
        assertEquals("2026-Q3", Period.quarterOf(YearMonth.of(2026, 9)));
        assertEquals("2026-Q1", Period.quarterOf(YearMonth.of(2026, 1)));
    }

    @Test
    void monthsOnlyWhereAMonthIsAsked() {
        assertEquals(YearMonth.of(2026, 10), Period.parseMonth("asOf", "2026-10"));
        assertEquals(YearMonth.of(2026, 10), Period.parseOptionalMonth("period", "2026-10"));
        assertNull(Period.parseOptionalMonth("period", null));
        assertTrue(Period.isMonth("2026-12"));
        assertFalse(Period.isMonth("2026-13"));
        assertFalse(Period.isMonth("2026-Q3"));
        assertFalse(Period.isMonth(null));
        assertEquals(List.of(YearMonth.of(2026, 11), YearMonth.of(2026, 12), YearMonth.of(2027, 1)),
                Period.monthsEndingWith(YearMonth.of(2027, 1), 3));
    }

    @Test
    void aPeriodWrittenOtherwiseIsAProblemNamingTheField() {
        assertProblem("period: is required", () -> Period.parse("period", " "));
        assertProblem("period: must be a month written YYYY-MM (2026-10) or a quarter written YYYY-Qn (2026-Q3)",
                () -> Period.parse("period", "2026-Q5"));
        assertProblem("asOf: is required", () -> Period.parseMonth("asOf", null));
        assertProblem("asOf: must be a month written YYYY-MM, such as 2026-10",
                () -> Period.parseMonth("asOf", "2026-Q3"));
        assertProblem("period: must be a month written YYYY-MM, such as 2026-10",
                () -> Period.parseOptionalMonth("period", ""));
    }

    private static void assertProblem(String detail, Runnable read) {
        HttpProblem p = assertThrows(HttpProblem.class, read::run);
        assertEquals(400, p.getStatusCode());
        assertEquals(detail, p.getDetail());
    }
}
