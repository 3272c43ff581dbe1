package io.perfcenter.incentive.section;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.plan.PlanSections.Direction;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.statement.Money;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.web.Problems;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.incentive.section.SectionChecks.absentIfEmpty;
import static io.perfcenter.incentive.section.SectionChecks.amount;
import static io.perfcenter.incentive.section.SectionChecks.coefficient;
import static io.perfcenter.incentive.section.SectionChecks.measure;

/**
 * Basic + challenge targets (seed 003): reaching the basic target pays the base bonus ({@code target-bonus}),
 * reaching the challenge target pays an extra ({@code challenge-bonus}); both times the weight of the agent's
 * position, so that pools tilt towards hard roles. A target not reached is a 0.00 line saying by how much.
 * Configuration: {@code targets} ({@link TargetBonus}).
 */
public final class TargetBonusSection extends PlanSection {

    public static final String BASIC = "target-bonus";
    public static final String CHALLENGE = "challenge-bonus";
    public static final String MISSING_FIGURE = "missingFigure";

    public TargetBonusSection() {
        super("targets", 20, LineKind.paid(BASIC), LineKind.paid(CHALLENGE));
    }

    @Override
    public boolean given(PlanInput in) {
        return in.targets() != null;
    }

    @Override
    public void check(PlanInput in, CheckedSections out) {
        TargetBonus t = in.targets();
        measure("targets.measure", t.measure());
        target("targets.basic", t.basic(), true);
        target("targets.challenge", t.challenge(), false);
        Direction direction = t.direction() == null ? Direction.HIGHER : t.direction();
        if (t.challenge() != null) {
            int c = t.challenge().threshold().compareTo(t.basic().threshold());
            if (direction == Direction.HIGHER ? c <= 0 : c >= 0) {
                throw Problems.invalid("targets.challenge.threshold", "must be harder to reach than the basic "
                        + "threshold (" + (direction == Direction.HIGHER ? "above" : "below") + " "
                        + Numbers.asGiven(t.basic().threshold()) + ")");
            }
        }
        Map<String, BigDecimal> weights = null;
        if (absentIfEmpty(t.positionWeights()) != null) {
            weights = new LinkedHashMap<>();
            for (Map.Entry<String, BigDecimal> e : t.positionWeights().entrySet()) {
                String field = "targets.positionWeights." + e.getKey();
                if (e.getKey() == null || e.getKey().isBlank() || e.getKey().length() > 64) {
                    throw Problems.invalid(field, "a position must be 1 to 64 characters");
                }
                coefficient(field, e.getValue());
                weights.put(e.getKey(), e.getValue());
            }
        }
        out.targets = new TargetBonus(t.measure(), direction, t.basic(), t.challenge(), weights);
    }

    private static void target(String field, Target target, boolean required) {
        if (target == null) {
            if (required) {
                throw Problems.invalid(field, "is required");
            }
            return;
        }
        if (target.threshold() == null) {
            throw Problems.invalid(field + ".threshold", "is required");
        }
        amount(field + ".amount", target.amount());
    }

    @Override
    public List<String> measures(PlanSections sections) {
        return sections.targets() == null ? List.of() : List.of(sections.targets().measure());
    }

    @Override
    public List<ComputedLine> lines(Facts facts) {
        TargetBonus targets = facts.sections().targets();
        if (targets == null) {
            return List.of();
        }
        IncentivePlan plan = facts.plan();
        BigDecimal value = facts.figures().value(targets.measure());
        if (value == null) {
            Map<String, Object> source = source(targets, null, targets.basic(), null, null, plan);
            String employee = facts.scorecard().employeeId();
            return List.of(ComputedLine.notComputed(BASIC, plan.currency, new Explanation("No " + targets.measure()
                    + " figure for " + employee + ": target bonuses not computed", employee + " 没有 "
                    + targets.measure() + " 数据：未计算目标奖金"), source, MISSING_FIGURE));
        }
        String position = facts.position();
        BigDecimal weight = weight(targets, position);
        List<ComputedLine> lines = new ArrayList<>();
        lines.add(line(BASIC, "basic", "基础", targets, targets.basic(), value, position, weight, plan));
        if (targets.challenge() != null) {
            lines.add(line(CHALLENGE, "challenge", "挑战", targets, targets.challenge(), value, position, weight, plan));
        }
        return lines;
    }

    /** {@code name} and {@code nameZh} name the target: basic / 基础, challenge / 挑战. */
    private static ComputedLine line(String kind, String name, String nameZh, TargetBonus targets, Target target,
                                     BigDecimal value, String position, BigDecimal weight, IncentivePlan plan) {
        Map<String, Object> source = source(targets, value, target, position, weight, plan);
        boolean higher = targets.direction() != Direction.LOWER;
        int c = value.compareTo(target.threshold());
        boolean reached = higher ? c >= 0 : c <= 0;
        String figure = targets.measure() + " " + Numbers.figure(value);
        String threshold = Numbers.figure(target.threshold());
        if (!reached) {
            String shortBy = Numbers.figure(value.subtract(target.threshold()).abs());
            return ComputedLine.paid(kind, BigDecimal.ZERO, plan.currency, new Explanation(
                    figure + (higher ? " below " : " above ") + name + " target " + threshold + " (short by " + shortBy
                            + "): no " + name + " bonus",
                    figure + (higher ? " 低于" : " 高于") + nameZh + "目标 " + threshold + "（差 " + shortBy + "）：无"
                            + nameZh + "奖金"), source);
        }
        BigDecimal amount = Money.round(target.amount().multiply(weight));
        String sign = higher ? " ≥ " : " ≤ ";
        String calculation = Numbers.money(target.amount()) + " × " + Numbers.factor(weight);
        return ComputedLine.paid(kind, amount, plan.currency, new Explanation(
                figure + sign + name + " target " + threshold + ": " + calculation + " ("
                        + (position == null ? "no position in the org directory" : "position " + position) + ") = "
                        + Numbers.money(amount),
                figure + sign + nameZh + "目标 " + threshold + "：" + calculation + "（"
                        + (position == null ? "组织目录中无岗位" : "岗位 " + position) + "）= "
                        + Numbers.money(amount)), source);
    }

    static BigDecimal weight(TargetBonus targets, String position) {
        if (position == null || targets.positionWeights() == null) {
            return BigDecimal.ONE;
        }
        return targets.positionWeights().getOrDefault(position, BigDecimal.ONE);
    }

    private static Map<String, Object> source(TargetBonus targets, BigDecimal value, Target target, String position,
                                              BigDecimal weight, IncentivePlan plan) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("measure", targets.measure());
        source.put("value", value);
        source.put("threshold", target.threshold());
        source.put("bonus", target.amount());
        source.put("position", position);
        source.put("positionWeight", weight);
        source.put("planVersion", plan.version);
        return source;
    }

    @Schema(name = "PlanTargetBonus", description = "Basic + challenge targets (seed 003): a bonus for reaching "
            + "the basic target and an extra one for the challenge target, times the agent's position weight")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetBonus(
            @Schema(required = true, examples = "fcr") String measure,
            @Schema(description = "HIGHER (default): reaching means ≥ threshold; LOWER: ≤ threshold")
            Direction direction,
            @Schema(required = true) Target basic,
            Target challenge,
            @Schema(description = "Multiplier of both bonuses per position in the org directory (hard roles weigh "
                    + "more); 1 for positions not listed", examples = "{\"expert-seat\": 1.2, \"seat\": 1.0}")
            Map<String, BigDecimal> positionWeights) {
    }

    @Schema(name = "PlanTarget")
    public record Target(@Schema(required = true, examples = "0.80") BigDecimal threshold,
                         @Schema(required = true, description = "Bonus in the plan's currency", examples = "500")
                         BigDecimal amount) {
    }
}
