package io.perfcenter.incentive.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Request and response bodies of incentive plans. */
public final class PlanPayloads {

    private PlanPayloads() {
    }

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    @Schema(name = "PlanInput", description = "A plan to create; posting an existing code adds a new version")
    public record PlanInput(
            @Schema(required = true, pattern = CODE, examples = "PERF-2026") String code,
            @Schema(required = true, maxLength = 200, examples = "Performance pay 2026") String name,
            @Schema(required = true, pattern = "[A-Z]{3}", description = "ISO 4217 code of the payouts",
                    examples = "CNY") String currency,
            @Schema(required = true, minimum = "0", exclusiveMinimum = true, maximum = "1",
                    description = "Share of the monthly salary that is performance pay; the rest is base pay",
                    examples = "0.30") BigDecimal performancePayShare,
            @Schema(required = true, description = "Multiplier of performance pay per grade (each ≥ 0); grades "
                    + "are matched to scorecards ignoring case",
                    examples = "{\"excellent\": 1.1, \"good\": 1.0, \"pass\": 0.8, \"fail\": 0}")
            Map<String, BigDecimal> gradeCoefficients) {
    }

    @Schema(name = "Plan")
    public record PlanView(
            @Schema(examples = "PERF-2026") String code,
            @Schema(description = "1 for a new code, one more for every later post of the same code", examples = "1")
            int version,
            @Schema(examples = "Performance pay 2026") String name,
            @Schema(examples = "CNY") String currency,
            @Schema(examples = "0.30") BigDecimal performancePayShare,
            @Schema(description = "Highest coefficient first",
                    examples = "{\"excellent\": 1.1, \"good\": 1.0, \"pass\": 0.8, \"fail\": 0}")
            Map<String, BigDecimal> gradeCoefficients,
            OffsetDateTime createdAt,
            @Schema(examples = "H1") String createdBy) {

        public static PlanView of(IncentivePlan p) {
            Map<String, BigDecimal> coefficients = new LinkedHashMap<>();
            p.gradeCoefficients.entrySet().stream()
                    .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> coefficients.put(e.getKey(), plain(e.getValue())));
            return new PlanView(p.code, p.version, p.name, p.currency, plain(p.performancePayShare),
                    coefficients, p.createdAt, p.createdBy);
        }

        /** 0.300000 as stored reads 0.3, and 2.0000 reads 2 (never 2E+0). */
        private static BigDecimal plain(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }
}
