package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.aggregate.AggregatePayloads.Granularity;
import io.perfcenter.metrics.web.Problems;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one period type of metrics-service: a range of days [from, to], named directly or as a period (2026-10-05,
 * 2026-W41, 2026-10, 2026-Q4, 2026); the periods before it (anomaly baselines); and the calendar buckets a trend
 * splits it into (days, ISO weeks from Monday, months, quarters, years).
 */
public record PeriodRange(LocalDate from, LocalDate to) {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    /** From the query parameters: either {@code period} or both {@code from} and {@code to}. */
    public static PeriodRange of(String period, LocalDate from, LocalDate to) {
        if (period != null) {
            if (from != null || to != null) {
                throw Problems.invalid("period", "give either period or from and to, not both");
            }
            return parse(period);
        }
        if (from == null) {
            throw Problems.invalid("from", "is required (or give period)");
        }
        if (to == null) {
            throw Problems.invalid("to", "is required (or give period)");
        }
        if (to.isBefore(from)) {
            throw Problems.invalid("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw Problems.invalid("to", "a range may span at most five years");
        }
        return new PeriodRange(from, to);
    }

    static PeriodRange parse(String period) {
        String p = period.strip();
        try {
            Matcher w = WEEK.matcher(p);
            if (w.matches()) {
                LocalDate monday = LocalDate.of(Integer.parseInt(w.group(1)), 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(w.group(2)))
                        .with(DayOfWeek.MONDAY);
                return new PeriodRange(monday, monday.plusDays(6));
            }
            Matcher q = QUARTER.matcher(p);
            if (q.matches()) {
                LocalDate start = LocalDate.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1, 1);
                return new PeriodRange(start, start.plusMonths(3).minusDays(1));
            }
            if (p.matches("\\d{4}")) {
                LocalDate start = LocalDate.of(Integer.parseInt(p), 1, 1);
                return new PeriodRange(start, start.plusYears(1).minusDays(1));
            }
            if (p.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(p);
                return new PeriodRange(month.atDay(1), month.atEndOfMonth());
            }
            LocalDate day = LocalDate.parse(p);
            return new PeriodRange(day, day);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw Problems.invalid("period", "must look like 2026-10-05, 2026-W41, 2026-10, 2026-Q4 or 2026");
        }
    }

    /**
     * The {@code n} periods before this one, oldest first: previous calendar months, quarters or years when this
     * range is one, otherwise windows of the same number of days (a week before a week).
     */
    public List<LocalDate[]> previous(int n) {
        List<LocalDate[]> windows = new ArrayList<>();
        int months = calendarMonths();
        for (int k = n; k >= 1; k--) {
            if (months > 0) {
                LocalDate start = from.minusMonths((long) months * k);
                windows.add(new LocalDate[]{start, start.plusMonths(months).minusDays(1)});
            } else {
                long days = to.toEpochDay() - from.toEpochDay() + 1;
                LocalDate start = from.minusDays(days * k);
                windows.add(new LocalDate[]{start, start.plusDays(days - 1)});
            }
        }
        return windows;
    }

    /**
     * The starts of the buckets of the given length that overlap the range, oldest first; every bucket is listed,
     * also one without data (a trend shows an empty month as a point without values).
     */
    public List<LocalDate> bucketStarts(Granularity granularity) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = bucketStart(from, granularity); !start.isAfter(to);
             start = nextBucket(start, granularity)) {
            starts.add(start);
        }
        return starts;
    }

    /** The bucket starting on {@code start}, cut to the range: its first and last day. */
    public PeriodRange bucket(LocalDate start, Granularity granularity) {
        LocalDate end = nextBucket(start, granularity).minusDays(1);
        return new PeriodRange(start.isBefore(from) ? from : start, end.isAfter(to) ? to : end);
    }

    /** The first day of the bucket the day is in: itself, its week's Monday, the first of its month, quarter, year. */
    static LocalDate bucketStart(LocalDate day, Granularity granularity) {
        return switch (granularity) {
            case DAY -> day;
            case WEEK -> day.with(DayOfWeek.MONDAY);
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
            case YEAR -> day.with(TemporalAdjusters.firstDayOfYear());
        };
    }

    static LocalDate nextBucket(LocalDate start, Granularity granularity) {
        return switch (granularity) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /** 1, 3 or 12 when the range is exactly a calendar month, quarter or year; else 0. */
    private int calendarMonths() {
        if (from.getDayOfMonth() != 1) {
            return 0;
        }
        for (int m : new int[]{1, 3, 12}) {
            if (from.plusMonths(m).minusDays(1).equals(to)) {
                return m;
            }
        }
        return 0;
    }
}
