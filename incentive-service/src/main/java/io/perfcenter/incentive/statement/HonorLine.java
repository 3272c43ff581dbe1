package io.perfcenter.incentive.statement;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Honor lines: the awards the agent won in the period (by the honor runs), for awards the plan names a prize for.
 * A prize above 0 is paid; a prize of 0 lists the honor on the statement without money.
 */
@ApplicationScoped
public class HonorLine implements LineRule {

    public static final String KIND = "honor";

    @Override
    public int order() {
        return 50;
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
            String title = win.awardName() + " " + win.period() + ", place " + win.place() + " (" + win.reason() + ")";
            lines.add(prize.signum() > 0
                    ? ComputedLine.paid(KIND, prize, facts.plan().currency, title + ": prize "
                    + Money.format(prize), source)
                    : ComputedLine.entitlement(KIND, facts.plan().currency, title, source));
        }
        return lines;
    }
}
