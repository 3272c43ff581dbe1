package io.perfcenter.incentive.plan;

import io.perfcenter.incentive.section.PerkSection;
import io.perfcenter.incentive.section.PointsConversionSection;
import io.perfcenter.incentive.section.CommissionSection;
import io.perfcenter.incentive.section.OverBudgetSection;
import io.perfcenter.incentive.section.PerformancePaySection;
import io.perfcenter.incentive.section.TeamRewardSection;
import io.perfcenter.incentive.section.TargetBonusSection;
import io.perfcenter.incentive.statement.Numbers;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request and response bodies of incentive plans. */
public final class PlanPayloads {

    private PlanPayloads() {
    }

    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    @Schema(name = "PlanInput", description = "A plan to create; posting an existing code adds a new version. "
            + "Performance pay is performancePayShare with gradeCoefficients or scoreBands; every other section is "
            + "optional, and a plan may leave performance pay out when it has another section.")
    public record PlanInput(
            @Schema(required = true, pattern = CODE, examples = "PERF-2026") String code,
            @Schema(required = true, maxLength = 200, examples = "Performance pay 2026") String name,
            @Schema(required = true, pattern = "[A-Z]{3}", description = "ISO 4217 code of the payouts",
                    examples = "CNY") String currency,
            @Schema(minimum = "0", exclusiveMinimum = true, maximum = "1",
                    description = "Share of the monthly salary that is performance pay; the rest is base pay",
                    examples = "0.30") BigDecimal performancePayShare,
            @Schema(description = "Multiplier of performance pay per grade (each ≥ 0); grades "
                    + "are matched to scorecards ignoring case. Give this or scoreBands.",
                    examples = "{\"excellent\": 1.1, \"good\": 1.0, \"pass\": 0.8, \"fail\": 0}")
            Map<String, BigDecimal> gradeCoefficients,
            @Schema(description = "Multiplier of performance pay by scorecard total (the K table); ranges must "
                    + "not overlap. Give this or gradeCoefficients.") List<PerformancePaySection.ScoreBand> scoreBands,
            TargetBonusSection.TargetBonus targets,
            CommissionSection.Commission commission,
            TeamRewardSection.TeamReward teamReward,
            List<PerkSection.Perk> perks,
            @Schema(description = "Prize per honor award code, paid to the award's winners of the period (0: the "
                    + "honor is listed without money)", examples = "{\"SERVICE-STAR\": 500, \"ALL-ROUND\": 0}")
            Map<String, BigDecimal> honorPrizes,
            OverBudgetSection.OverBudget overBudget,
            @Schema(description = "Engagement points to pay (points are not money unless a plan has this section)")
            PointsConversionSection.PointsConversion pointsConversion) {

        /** The version 1 shape: performance pay by grade only. */
        public PlanInput(String code, String name, String currency, BigDecimal performancePayShare,
                         Map<String, BigDecimal> gradeCoefficients) {
            this(code, name, currency, performancePayShare, gradeCoefficients, null, null, null, null, null, null,
                    null, null);
        }

        /** The shape before points conversion. */
        public PlanInput(String code, String name, String currency, BigDecimal performancePayShare,
                         Map<String, BigDecimal> gradeCoefficients, List<PerformancePaySection.ScoreBand> scoreBands,
                         TargetBonusSection.TargetBonus targets, CommissionSection.Commission commission,
                         TeamRewardSection.TeamReward teamReward, List<PerkSection.Perk> perks,
                         Map<String, BigDecimal> honorPrizes, OverBudgetSection.OverBudget overBudget) {
            this(code, name, currency, performancePayShare, gradeCoefficients, scoreBands, targets, commission,
                    teamReward, perks, honorPrizes, overBudget, null);
        }
    }

    @Schema(name = "Plan")
    @JsonInclude(JsonInclude.Include.NON_NULL)
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
            List<PerformancePaySection.ScoreBand> scoreBands,
            TargetBonusSection.TargetBonus targets,
            CommissionSection.Commission commission,
            TeamRewardSection.TeamReward teamReward,
            List<PerkSection.Perk> perks,
            Map<String, BigDecimal> honorPrizes,
            OverBudgetSection.OverBudget overBudget,
            PointsConversionSection.PointsConversion pointsConversion,
            OffsetDateTime createdAt,
            @Schema(examples = "H1") String createdBy,
            @Schema(description = "When the plan was retired; absent while it is in use. A retired plan still reads "
                    + "(every version), but is left out of the list and pays no new run") OffsetDateTime retiredAt,
            @Schema(examples = "H1") String retiredBy) {

        public static PlanView of(IncentivePlan p) {
            Map<String, BigDecimal> coefficients = new LinkedHashMap<>();
            p.gradeCoefficients.entrySet().stream()
                    .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> coefficients.put(e.getKey(), Numbers.plainValue(e.getValue())));
            PlanSections s = p.sections();
            return new PlanView(p.code, p.version, p.name, p.currency,
                    p.performancePayShare == null ? null : Numbers.plainValue(p.performancePayShare),
                    coefficients.isEmpty() ? null : coefficients,
                    s.scoreBands(), s.targets(), s.commission(), s.teamReward(), s.perks(), s.honorPrizes(),
                    s.overBudget(), s.pointsConversion(), p.createdAt, p.createdBy, p.retiredAt, p.retiredBy);
        }
    }
}
