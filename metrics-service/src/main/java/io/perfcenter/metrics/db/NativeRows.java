package io.perfcenter.metrics.db;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Columns of native query rows as Java types (the JDBC driver and Hibernate hand dates and instants over in several). */
public final class NativeRows {

    private NativeRows() {
    }

    public static LocalDate day(Object v) {
        return v == null ? null : v instanceof Date d ? d.toLocalDate() : (LocalDate) v;
    }

    public static OffsetDateTime time(Object v) {
        if (v == null || v instanceof OffsetDateTime) {
            return (OffsetDateTime) v;
        }
        return v instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : ((Timestamp) v).toInstant().atOffset(ZoneOffset.UTC);
    }
}
