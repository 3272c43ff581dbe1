package io.perfcenter.scoring.rule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static io.perfcenter.scoring.rule.Figures.HUNDRED;
import static io.perfcenter.scoring.rule.Figures.format;
import static io.perfcenter.scoring.rule.Figures.withUnit;
import static io.perfcenter.scoring.rule.Figures.withUnitZh;

/**
 * Target achievement (docs/domain.md §3): actual ÷ target × points, the achievement capped at {@code cap} (default
 * 100%). For lower-is-better metrics (complaint rate) the ratio is target ÷ actual. The target comes from the targets
 * HR and managers set in scoring, the most specific one applying (agent, then group, team, center); without one the
 * rule's own {@code target}; without that, the item has insufficient data. Points run from 0 to points × cap; in a
 * weighted template {@code points} (100% achievement) earns the item's weight, so a cap above 1 pays beyond it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TargetAchievementRule", description = "Points in proportion to how much of the target was reached")
public record TargetAchievementRule(
        @Schema(required = true, enumeration = TYPE, examples = TYPE) String type,
        @Schema(description = "Default target when none is set for the agent or their units", examples = "0.9")
        BigDecimal target,
        @Schema(description = "Points at 100% achievement; default 100", examples = "100") BigDecimal points,
        @Schema(description = "Highest achievement counted, as a ratio; default 1 (100%)", examples = "1.2")
        BigDecimal cap,
        @Schema(description = "HIGHER (default): actual ÷ target; LOWER: target ÷ actual (lower case accepted)")
        Direction direction,
        @Schema(description = "Unit of the value, for explanations", examples = "%") String unit)
        implements ScoringRule {

    public static final String TYPE = "target-achievement";
    private static final MathContext RATIO = new MathContext(12, RoundingMode.HALF_UP);

    @Schema(name = "TargetDirection", description = "HIGHER: higher is better, actual ÷ target; LOWER: lower is "
            + "better (complaint rate), target ÷ actual")
    public enum Direction {
        HIGHER, LOWER;

        // templates stored before the API spoke UPPER_CASE say "higher"; both spellings are read, UPPER_CASE written
        @JsonCreator
        public static Direction of(String value) {
            return RuleEnums.read(Direction.class, value);
        }
    }

    public TargetAchievementRule {
        type = TYPE;
    }

    public TargetAchievementRule(BigDecimal target, BigDecimal points, BigDecimal cap, Direction direction,
                                 String unit) {
        this(TYPE, target, points, cap, direction, unit);
    }

    @Override
    public List<InvalidParameter> check() {
        List<InvalidParameter> invalid = new ArrayList<>();
        if (target != null && target.signum() <= 0) {
            invalid.add(new InvalidParameter("target", "must be above 0"));
        }
        if (points != null && points.signum() <= 0) {
            invalid.add(new InvalidParameter("points", "must be above 0"));
        }
        if (cap != null && cap.signum() <= 0) {
            invalid.add(new InvalidParameter("cap", "must be above 0, e.g. 1.2 for 120%"));
        }
        return invalid;
    }

    @Override
    public PointRange pointRange() {
        return new PointRange(BigDecimal.ZERO, full().multiply(cap == null ? BigDecimal.ONE : cap));
    }

    /** 100% achievement earns the item's weight; over-achievement up to the cap pays beyond it. */
    @Override
    public BigDecimal fullPoints() {
        return full();
    }

    private BigDecimal full() {
        return points == null ? HUNDRED : points;
    }

    @Override
    public RuleScore score(RuleContext context) {
        RuleContext.Target applying = context.target() != null ? context.target()
                : target == null ? null : new RuleContext.Target(target, "template default");
        if (applying == null) {
            return RuleScore.insufficient("No target set for the agent, their group, team or center, and no "
                    + "default in the template", "坐席本人及其所在小组、团队、中心均未设定目标，模板中也没有默认目标");
        }
        BigDecimal actual = context.value();
        BigDecimal full = full();
        BigDecimal ceiling = cap == null ? BigDecimal.ONE : cap;
        boolean lower = direction == Direction.LOWER;
        BigDecimal ratio;
        Explanation computation;
        if (lower) {
            ratio = actual.signum() <= 0 ? ceiling : applying.value().divide(actual, RATIO);
            computation = Explanation.of("target " + withUnit(applying.value(), unit) + " (" + applying.source()
                            + ") ÷ " + withUnit(actual, unit),
                    "目标 " + withUnitZh(applying.value(), unit) + "（" + sourceZh(applying.source()) + "）÷ "
                            + withUnitZh(actual, unit));
        } else {
            ratio = actual.divide(applying.value(), RATIO);
            computation = Explanation.of(withUnit(actual, unit) + " ÷ target " + withUnit(applying.value(), unit)
                            + " (" + applying.source() + ")",
                    withUnitZh(actual, unit) + " ÷ 目标 " + withUnitZh(applying.value(), unit) + "（"
                            + sourceZh(applying.source()) + "）");
        }
        String achieved = format(ratio.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP)) + "%";
        if (ratio.compareTo(ceiling) > 0) {
            String capped = format(ceiling.multiply(HUNDRED)) + "%";
            computation = computation.plus(" = " + achieved + ", capped at " + capped,
                    " = " + achieved + "，封顶 " + capped);
            ratio = ceiling;
        } else {
            computation = computation.plus(Explanation.same(" = " + achieved));
        }
        BigDecimal earned = Figures.points(ratio.multiply(full));
        String product = " × " + format(full) + " = " + format(earned);
        return new RuleScore(earned, computation.plus(product + " points", product + " 分"));
    }

    private static final java.util.Map<String, String> SOURCES_ZH = java.util.Map.of("agent", "坐席", "group", "小组",
            "team", "团队", "center", "中心", "department", "部门", "unit", "单位");

    /**
     * Where a target was set, in Chinese: "group G-EAST-1" → "小组 G-EAST-1", "agent E2001, 2026-10" → "坐席 E2001，
     * 2026-10", "template default" → "模板默认目标"; another wording as it is.
     */
    static String sourceZh(String source) {
        if (source == null) {
            return null;
        }
        if (source.equals("template default")) {
            return "模板默认目标";
        }
        int space = source.indexOf(' ');
        String kind = space < 0 ? null : SOURCES_ZH.get(source.substring(0, space));
        return kind == null ? source : kind + source.substring(space).replace(", ", "，");
    }
}
