package io.perfcenter.incentive.promotion;

import io.perfcenter.incentive.statement.Explanation;

import io.perfcenter.incentive.promotion.LadderPayloads.Eligibility;
import io.perfcenter.incentive.promotion.LadderPayloads.LadderInput;
import io.perfcenter.incentive.promotion.LadderPayloads.RuleResult;
import io.perfcenter.incentive.promotion.LadderPayloads.Step;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a ladder to an agent: the step from the agent's position in the org directory (the first position when
 * none) and every rule of that step. Eligible when every rule passes; otherwise "not yet", with what each unmet rule misses.
 */
final class LadderEvaluation {

    private LadderEvaluation() {
    }

    static Eligibility evaluate(CareerLadder ladder, YearMonth asOf, String position, AgentRecord agent) {
        LadderInput d = ladder.definition();
        Explanation note = null;
        String current = position;
        if (current == null) {
            current = d.positions().get(0);
            note = new Explanation("no position in the org directory: taken as " + current,
                    "组织目录中没有岗位：按 " + current + " 处理");
        } else if (!d.positions().contains(current)) {
            return new Eligibility(agent.employeeId(), ladder.code, ladder.version, asOf.toString(), current, null,
                    false, new Explanation("not on this ladder", "不在此晋升通道上"), new Explanation("position "
                    + current + " is not on ladder " + ladder.code, "岗位 " + current + " 不在晋升通道 " + ladder.code
                    + " 上"), List.of());
        }
        String from = current;
        Step step = d.steps().stream().filter(s -> s.from().equals(from)).findFirst().orElse(null);
        if (step == null) {
            return new Eligibility(agent.employeeId(), ladder.code, ladder.version, asOf.toString(), current, null,
                    false, new Explanation("no further step", "没有更高一级"), new Explanation(current
                    + " has no step above it on ladder " + ladder.code, current + " 在晋升通道 " + ladder.code
                    + " 上没有更高一级"), List.of());
        }
        List<RuleResult> results = new ArrayList<>();
        for (var rule : step.rules()) {
            results.add(PromotionRule.of(rule).check(agent, asOf));
        }
        long unmet = results.stream().filter(r -> !r.passed()).count();
        Explanation summary = unmet == 0 ? new Explanation("eligible for " + step.to() + ": all " + results.size()
                + " rules met", "符合晋升 " + step.to() + " 的条件：全部 " + results.size() + " 条规则已满足")
                : new Explanation("not yet: " + unmet + " of " + results.size() + " rules unmet",
                "暂不符合：" + results.size() + " 条规则中有 " + unmet + " 条未满足");
        return new Eligibility(agent.employeeId(), ladder.code, ladder.version, asOf.toString(), current, step.to(),
                unmet == 0, summary, note, results);
    }

    /** Months of scorecards the ladder's rules look back on, at least the month itself. */
    static int scorecardMonths(LadderInput d) {
        int months = 1;
        for (Step s : d.steps()) {
            for (var r : s.rules()) {
                months = Math.max(months, PromotionRule.of(r).scorecardMonths());
            }
        }
        return months;
    }

    /** Metric codes per look-back window (months), over every step's metric rules. */
    static Map<Integer, List<String>> metricWindows(LadderInput d) {
        Map<Integer, List<String>> windows = new TreeMap<>();
        for (Step s : d.steps()) {
            for (var r : s.rules()) {
                if (PromotionRule.of(r) instanceof MetricRule m) {
                    List<String> codes = windows.computeIfAbsent(m.periods(), k -> new ArrayList<>());
                    if (!codes.contains(m.measure())) {
                        codes.add(m.measure());
                    }
                }
            }
        }
        return windows;
    }
}
