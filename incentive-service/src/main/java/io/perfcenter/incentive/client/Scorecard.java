package io.perfcenter.incentive.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** The part of scoring-service's scorecard that payouts are computed from; other properties are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Scorecard(Long id, String employeeId, String unitCode, String period, BigDecimal total,
                        String grade, String status) {

    public static final String PUBLISHED = "PUBLISHED";
}
