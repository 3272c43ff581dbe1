package io.perfcenter.metrics.aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A data correction in force within the scope (correction/, decided on an appeal): an agent's figure of a summed
 * metric on one day, and the bucket the day is in. It replaces whatever the day's records and pushed values gave
 * ({@link AggregateCombiner#applyCorrections}).
 */
record DayCorrection(String employeeId, String metricCode, LocalDate date, String bucket, BigDecimal value) {

    /** The corrections of the summed metrics; a unit counts one only on a day the agent belonged to it. */
    static SqlQuery query(List<String> summedMetrics, AggregateScope scope, MemberWindows members, LocalDate from,
                          LocalDate to, Bucketing bucketing) {
        return new SqlQuery()
                .append("SELECT d.employee_id, d.metric_code, d.value_date, " + bucketing.sql("d.value_date")
                        + ", d.value FROM data_correction d ")
                .append(MemberWindows.join(members, "d", "value_date"))
                .append("WHERE d.withdrawn_at IS NULL AND d.metric_code = ANY(?) AND d.value_date BETWEEN ? AND ? ",
                        SqlQuery.texts(summedMetrics), from, to)
                .append(scope.agentFilter("d.employee_id"));
    }
}
