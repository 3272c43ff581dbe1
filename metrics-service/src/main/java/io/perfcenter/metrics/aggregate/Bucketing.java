package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.aggregate.AggregatePayloads.Granularity;

import java.time.LocalDate;
import java.util.List;

/** How records of a range are split into buckets: one bucket, calendar units, or given windows. */
interface Bucketing {

    /** SQL giving the bucket of a row as text, from the row's date column; built only from dates we render. */
    String sql(String dateColumn);

    /** True when every row falls in the same bucket, which then stays out of GROUP BY. */
    default boolean constant() {
        return false;
    }

    static Bucketing whole(LocalDate from) {
        return new Bucketing() {
            @Override
            public String sql(String dateColumn) {
                return "'" + from + "'::text";
            }

            @Override
            public boolean constant() {
                return true;
            }
        };
    }

    static Bucketing by(Granularity granularity) {
        return column -> "date_trunc('" + granularity.name().toLowerCase() + "', " + column + ")::date::text";
    }

    /** Windows [start, end] (inclusive) named by their position. */
    static Bucketing windows(List<LocalDate[]> windows) {
        return column -> {
            StringBuilder sql = new StringBuilder("CASE");
            for (int i = 0; i < windows.size(); i++) {
                sql.append(" WHEN ").append(column).append(" BETWEEN DATE '").append(windows.get(i)[0])
                        .append("' AND DATE '").append(windows.get(i)[1]).append("' THEN '").append(i).append('\'');
            }
            return sql.append(" END").toString();
        };
    }
}
