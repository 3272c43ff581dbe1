package io.perfcenter.incentive.section;

import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.statement.UnitOutcome;
import io.perfcenter.incentive.web.Problems;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.incentive.section.SectionChecks.CODE;
import static io.perfcenter.incentive.section.SectionChecks.amount;

/**
 * Honor lines: the awards the agent won in the period (by the honor runs), for awards the plan names a prize for.
 * A prize above 0 is paid; a prize of 0 lists the honor on the statement without money (and in the payroll export
 * as an entitlement, {@code SERVICE-STAR 2026-06}). Configuration: {@code honorPrizes}, prize by award code.
 */
public final class HonorPrizeSection extends PlanSection {

    public static final String KIND = "honor";

    public HonorPrizeSection() {
        super("honorPrizes", 50, LineKind.paid(KIND));
    }

    @Override
    public boolean given(PlanInput in) {
        return in.honorPrizes() != null && !in.honorPrizes().isEmpty();
    }

    @Override
    public void check(PlanInput in, CheckedSections out) {
        Map<String, BigDecimal> prizes = in.honorPrizes();
        Map<String, BigDecimal> checked = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : prizes.entrySet()) {
            String field = "honorPrizes." + e.getKey();
            if (e.getKey() == null || !CODE.matcher(e.getKey()).matches()) {
                throw Problems.invalid(field, "an award code is 1 to 64 letters, digits, '_', '.' or '-'");
            }
            amount(field, e.getValue());
            checked.put(e.getKey(), e.getValue());
        }
        out.honorPrizes = checked;
    }

    /** SERVICE-STAR 2026-06. */
    @Override
    public String entitlement(String kind, Map<String, Object> source) {
        Object award = source.get("award");
        return award == null ? null : award + " " + source.get("period");
    }

    @Override
    public List<ComputedLine> lines(Facts facts) {
        Map<String, BigDecimal> prizes = facts.sections().honorPrizes();
        List<UnitOutcome.HonorWin> wins = facts.unit().honors().get(facts.scorecard().employeeId());
        if (prizes == null || wins == null) {
            return List.of();
        }
        List<ComputedLine> lines = new ArrayList<>();
        for (UnitOutcome.HonorWin win : wins) {
            BigDecimal prize = prizes.get(win.awardCode());
            if (prize == null) {
                continue;
            }
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("award", win.awardCode());
            source.put("period", win.period());
            source.put("place", win.place());
            source.put("honorRunId", win.honorRunId());
            source.put("prize", prize);
            source.put("planVersion", facts.plan().version);
            // the award's Chinese label when HR gave one, its name otherwise; the reason as the honor run gave it
            Explanation reason = win.reason();
            Explanation title = new Explanation(
                    win.awardName() + " " + win.period() + ", place " + win.place() + " (" + reason.en() + ")",
                    (win.awardNameZh() == null ? win.awardName() : win.awardNameZh()) + " " + win.period() + " 第 "
                            + win.place() + " 名（" + reason.in(io.perfcenter.incentive.web.Language.ZH) + "）");
            lines.add(prize.signum() > 0
                    ? ComputedLine.paid(KIND, prize, facts.plan().currency, title.plus(": prize "
                    + Numbers.money(prize), "：奖金 " + Numbers.money(prize)), source)
                    : ComputedLine.entitlement(KIND, facts.plan().currency, title, source));
        }
        return lines;
    }
}
