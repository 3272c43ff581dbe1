package io.perfcenter.incentive.section;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.statement.Money;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.statement.UnitOutcome;
import io.perfcenter.incentive.web.Problems;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Engagement points converted to pay, only in a plan that says so: points are not money, and a plan without this
 * section never reads them. The points an agent earned in the run's month (contest awards count in the month of the
 * contest's last day) × {@code ratePerPoint}, computed exactly and rounded HALF_UP to the cent once, then held to
 * {@code cap} when the plan sets one. Converting does not spend points: the balance stays what the ledger says.
 * Configuration: {@code pointsConversion} ({@link PointsConversion}).
 */
public final class PointsConversionSection extends PlanSection {

    public static final String KIND = "points";
    private static final BigDecimal MAX_RATE = new BigDecimal("1000");

    public PointsConversionSection() {
        super("pointsConversion", 55, LineKind.paid(KIND));
    }

    @Schema(name = "PlanPointsConversion", description = "Converts the engagement points an agent earned in the "
            + "month to pay: points × ratePerPoint, rounded HALF_UP to the cent, at most cap")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PointsConversion(
            @Schema(required = true, description = "Money per point, above 0, at most 4 decimals",
                    examples = "0.50") BigDecimal ratePerPoint,
            @Schema(description = "The most a month's points pay; no cap when absent", examples = "50.00")
            BigDecimal cap) {
    }

    @Override
    public boolean given(PlanInput in) {
        return in.pointsConversion() != null;
    }

    @Override
    public void check(PlanInput in, CheckedSections out) {
        PointsConversion c = in.pointsConversion();
        if (c.ratePerPoint() == null) {
            throw Problems.invalid("pointsConversion.ratePerPoint", "is required");
        }
        if (c.ratePerPoint().signum() <= 0 || c.ratePerPoint().compareTo(MAX_RATE) >= 0
                || Numbers.decimals(c.ratePerPoint()) > 4) {
            throw Problems.invalid("pointsConversion.ratePerPoint", "must be above 0 and below 1000 with at most 4 "
                    + "decimals");
        }
        if (c.cap() != null) {
            SectionChecks.amount("pointsConversion.cap", c.cap());
        }
        out.pointsConversion = c;
    }

    @Override
    public List<ComputedLine> lines(Facts facts) {
        PointsConversion c = facts.sections().pointsConversion();
        if (c == null) {
            return List.of();
        }
        String employee = facts.scorecard().employeeId();
        UnitOutcome.PointsEarned earned = facts.unit().points().get(employee);
        String period = facts.unit().period();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("period", period);
        source.put("points", earned == null ? 0 : earned.points());
        source.put("byContest", earned == null ? Map.of() : earned.byContest());
        source.put("ratePerPoint", c.ratePerPoint());
        if (c.cap() != null) {
            source.put("cap", c.cap());
        }
        source.put("planVersion", facts.plan().version);
        String currency = facts.plan().currency;
        if (earned == null || earned.points() == 0) {
            return List.of(ComputedLine.paid(KIND, Money.round(BigDecimal.ZERO), currency, new Explanation(
                    "no engagement points earned in " + (period == null ? "the period" : period) + ": 0.00",
                    (period == null ? "本期" : period + " ") + "未获得参与积分：0.00"), source));
        }
        List<String> parts = new ArrayList<>();
        earned.byContest().forEach((contest, points) -> parts.add(contest + " " + points));
        BigDecimal converted = Money.round(BigDecimal.valueOf(earned.points()).multiply(c.ratePerPoint()));
        String text = earned.points() + (earned.points() == 1 ? " point" : " points") + " earned in " + period + " ("
                + String.join(", ", parts) + ") × " + Numbers.plain(c.ratePerPoint()) + " per point = "
                + Numbers.money(converted);
        String textZh = period + " 获得 " + earned.points() + " 积分（" + String.join("，", parts) + "）× 每积分 "
                + Numbers.plain(c.ratePerPoint()) + " = " + Numbers.money(converted);
        BigDecimal amount = converted;
        if (c.cap() != null && converted.compareTo(c.cap()) > 0) {
            amount = Money.round(c.cap());
            text += ", capped at " + Numbers.money(amount);
            textZh += "，封顶 " + Numbers.money(amount);
        }
        source.put("unconverted", converted);
        return List.of(ComputedLine.paid(KIND, amount, currency, new Explanation(text + ": " + Numbers.money(amount),
                textZh + "：" + Numbers.money(amount)), source));
    }
}
