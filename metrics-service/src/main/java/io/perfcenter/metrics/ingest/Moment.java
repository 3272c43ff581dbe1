package io.perfcenter.metrics.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A point in time as a record sent it: the ISO text with an offset (what PostgreSQL stores), the day it counts for
 * — its date in the center's time zone, whatever offset the sender used — and its epoch second. Parsed by hand for
 * the common form, since java.time's general parser was a third of the cost of a bulk upload.
 */
public record Moment(String text, LocalDate day, long epochSecond) {

    /**
     * Parses {@code yyyy-MM-ddTHH:mm[:ss[.fff]][Z|±HH:MM]}; without an offset the time is local to {@code zone}. The
     * day is the instant's date in {@code zone}: 2026-10-31T20:00Z is 1 November in Asia/Shanghai.
     */
    static Moment parse(String t, ZoneId zone) {
        Moment fast = fast(t, zone);
        if (fast != null) {
            return fast;
        }
        OffsetDateTime odt;
        try {
            odt = OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            odt = LocalDateTime.parse(t).atZone(zone).toOffsetDateTime();
        }
        return new Moment(odt.toString(), odt.atZoneSameInstant(zone).toLocalDate(), odt.toEpochSecond());
    }

    private static Moment fast(String t, ZoneId zone) {
        int n = t.length();
        if (n < 16 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int dayOfMonth = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = 0;
        int i = 16;
        if (i < n && t.charAt(i) == ':') {
            if (n < 19) {
                return null;
            }
            second = digits(t, 17, 2);
            i = 19;
            if (i < n && t.charAt(i) == '.') {
                int start = ++i;
                while (i < n && Character.isDigit(t.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return null;
                }
            }
        }
        if (year < 0 || month < 0 || dayOfMonth < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.of(year, month, dayOfMonth);
        } catch (DateTimeException e) {
            return null;
        }
        int offsetSeconds;
        String text = t;
        if (i == n) {
            ZoneOffset offset = zone.getRules().getOffset(LocalDateTime.of(day, java.time.LocalTime.of(hour, minute, second)));
            offsetSeconds = offset.getTotalSeconds();
            text = t + offset.getId();
        } else if (i == n - 1 && (t.charAt(i) == 'Z' || t.charAt(i) == 'z')) {
            offsetSeconds = 0;
        } else if ((t.charAt(i) == '+' || t.charAt(i) == '-') && n - i == 6 && t.charAt(i + 3) == ':') {
            int oh = digits(t, i + 1, 2);
            int om = digits(t, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (t.charAt(i) == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epoch = day.toEpochDay() * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return new Moment(text, centerDay(day, epoch, offsetSeconds, zone), epoch);
    }

    /** The date of the instant in the center's zone; the sender's date when the sender used the zone's offset. */
    private static LocalDate centerDay(LocalDate senderDay, long epoch, int senderOffset, ZoneId zone) {
        int centerOffset = zone.getRules().getOffset(Instant.ofEpochSecond(epoch)).getTotalSeconds();
        if (centerOffset == senderOffset) {
            return senderDay;
        }
        return LocalDate.ofEpochDay(Math.floorDiv(epoch + centerOffset, 86_400));
    }

    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
