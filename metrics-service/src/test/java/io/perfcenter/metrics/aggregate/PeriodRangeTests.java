package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.aggregate.AggregatePayloads.Granularity;
import io.quarkiverse.resteasy.problem.HttpProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one period type: how periods are named, the periods before one, and the buckets of a trend. */
class PeriodRangeTests {

    static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    static PeriodRange range(String from, String to) {
        return new PeriodRange(d(from), d(to));
    }

    @Test
    void everyFormOfAPeriod() {
        assertEquals(range("2026-10-05", "2026-10-05"), PeriodRange.parse("2026-10-05"));
        assertEquals(range("2026-10-05", "2026-10-11"), PeriodRange.parse("2026-W41"));
        assertEquals(range("2025-12-29", "2026-01-04"), PeriodRange.parse("2026-W1"), "ISO week 1 starts in 2025");
        assertEquals(range("2026-10-01", "2026-10-31"), PeriodRange.parse("2026-10"));
        assertEquals(range("2026-02-01", "2026-02-28"), PeriodRange.parse(" 2026-02 "));
        assertEquals(range("2026-10-01", "2026-12-31"), PeriodRange.parse("2026-Q4"));
        assertEquals(range("2026-01-01", "2026-12-31"), PeriodRange.parse("2026"));
    }

    @Test
    void aBadPeriodIsAProblemNamingPeriod() {
        for (String bad : List.of("2026-13", "2026-Q5", "2026-W", "October", "2026-10-32", "")) {
            HttpProblem problem = assertThrows(HttpProblem.class, () -> PeriodRange.parse(bad), bad);
            assertEquals("period", problem.getParameters().get("field"), bad);
        }
    }

    @Test
    void periodOrFromAndTo() {
        assertEquals(range("2026-10-01", "2026-10-31"), PeriodRange.of("2026-10", null, null));
        assertEquals(range("2026-10-03", "2026-10-09"), PeriodRange.of(null, d("2026-10-03"), d("2026-10-09")));
        assertEquals("period", field(() -> PeriodRange.of("2026-10", d("2026-10-01"), null)));
        assertEquals("from", field(() -> PeriodRange.of(null, null, d("2026-10-01"))));
        assertEquals("to", field(() -> PeriodRange.of(null, d("2026-10-01"), null)));
        assertEquals("to", field(() -> PeriodRange.of(null, d("2026-10-02"), d("2026-10-01"))));
        assertEquals("to", field(() -> PeriodRange.of(null, d("2020-01-01"), d("2026-01-01"))));
    }

    private static Object field(Runnable call) {
        return assertThrows(HttpProblem.class, call::run).getParameters().get("field");
    }

    @Test
    void thePeriodsBeforeAreCalendarPeriodsOrWindowsOfTheSameLength() {
        List<LocalDate[]> months = range("2026-03-01", "2026-03-31").previous(2);
        assertArrayEquals(new LocalDate[]{d("2026-01-01"), d("2026-01-31")}, months.get(0));
        assertArrayEquals(new LocalDate[]{d("2026-02-01"), d("2026-02-28")}, months.get(1));
        List<LocalDate[]> quarters = range("2026-04-01", "2026-06-30").previous(1);
        assertArrayEquals(new LocalDate[]{d("2026-01-01"), d("2026-03-31")}, quarters.get(0));
        List<LocalDate[]> weeks = range("2026-10-05", "2026-10-11").previous(1);
        assertArrayEquals(new LocalDate[]{d("2026-09-28"), d("2026-10-04")}, weeks.get(0));
    }

    @Test
    void aTrendListsEveryBucketEmptyMonthsIncluded() {
        PeriodRange range = range("2026-07-15", "2026-10-10");
        assertEquals(List.of(d("2026-07-01"), d("2026-08-01"), d("2026-09-01"), d("2026-10-01")),
                range.bucketStarts(Granularity.MONTH));
        // the first and last buckets are cut to the range
        assertEquals(range("2026-07-15", "2026-07-31"), range.bucket(d("2026-07-01"), Granularity.MONTH));
        assertEquals(range("2026-08-01", "2026-08-31"), range.bucket(d("2026-08-01"), Granularity.MONTH));
        assertEquals(range("2026-10-01", "2026-10-10"), range.bucket(d("2026-10-01"), Granularity.MONTH));
    }

    @Test
    void bucketsStartOnMondaysAndCalendarBoundaries() {
        assertEquals(d("2026-10-05"), PeriodRange.bucketStart(d("2026-10-11"), Granularity.WEEK));
        assertEquals(d("2026-10-01"), PeriodRange.bucketStart(d("2026-11-30"), Granularity.QUARTER));
        assertEquals(d("2026-01-01"), PeriodRange.bucketStart(d("2026-11-30"), Granularity.YEAR));
        assertEquals(List.of(d("2026-09-28"), d("2026-10-05")),
                range("2026-10-01", "2026-10-11").bucketStarts(Granularity.WEEK));
        assertEquals(3, range("2026-10-30", "2026-11-01").bucketStarts(Granularity.DAY).size());
    }
}
