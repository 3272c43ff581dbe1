package io.perfcenter.incentive.promotion;

import io.perfcenter.incentive.client.Scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * What promotion rules read about one agent: the hire date in the org directory, the published scorecards by
 * month, and metric values over look-back windows (keyed by the window's length in months, ending with the month asked about).
 */
public record AgentRecord(String employeeId, LocalDate hiredOn, Map<YearMonth, Scorecard> cards,
                          Map<Integer, Map<String, BigDecimal>> metricsByWindow) {

    public BigDecimal metric(int months, String code) {
        Map<String, BigDecimal> values = metricsByWindow.get(months);
        return values == null ? null : values.get(code);
    }
}
