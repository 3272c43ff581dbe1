package io.perfcenter.scoring.improvement;

import io.perfcenter.scoring.improvement.ImprovementPayloads.Comparison;
import io.perfcenter.scoring.improvement.ImprovementPayloads.Goal;
import io.perfcenter.scoring.improvement.ImprovementPayloads.GoalResult;
import io.perfcenter.scoring.improvement.ImprovementPayloads.Window;
import io.perfcenter.scoring.improvement.ImprovementPayloads.WindowFigure;
import io.perfcenter.scoring.rule.Figures;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The windows a goal is measured in and whether it held: ISO weeks (Monday to Sunday) or calendar months of the
 * center's calendar (dates are the center's days, as metrics-service dates every record), only those lying wholly
 * between the plan's start and due dates. A goal is met by the earliest run of {@code consecutive} windows in a row
 * whose value holds (AT_MOST: value ≤ threshold; AT_LEAST: value ≥ threshold); a window without data does not hold.
 */
final class GoalWindows {

    private GoalWindows() {
    }

    /** The full windows of the kind between start and due, both inclusive, oldest first: [first day, last day]. */
    static List<LocalDate[]> between(Window window, LocalDate start, LocalDate due) {
        List<LocalDate[]> windows = new ArrayList<>();
        if (window == Window.WEEK) {
            for (LocalDate monday = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                 !monday.plusDays(6).isAfter(due); monday = monday.plusWeeks(1)) {
                windows.add(new LocalDate[]{monday, monday.plusDays(6)});
            }
        } else {
            LocalDate first = start.getDayOfMonth() == 1 ? start : start.withDayOfMonth(1).plusMonths(1);
            for (; !first.with(TemporalAdjusters.lastDayOfMonth()).isAfter(due); first = first.plusMonths(1)) {
                windows.add(new LocalDate[]{first, first.with(TemporalAdjusters.lastDayOfMonth())});
            }
        }
        return windows;
    }

    static boolean holds(Goal goal, BigDecimal value) {
        if (value == null) {
            return false;
        }
        int c = value.compareTo(goal.value());
        return goal.comparison() == Comparison.AT_MOST ? c <= 0 : c >= 0;
    }

    /** Judges the goal on the figures of its ended windows (oldest first, each already marked whether it holds). */
    static GoalResult judge(Goal goal, List<WindowFigure> figures) {
        int needed = goal.windows();
        int run = 0;
        int longest = 0;
        for (int i = 0; i < figures.size(); i++) {
            run = figures.get(i).holds() ? run + 1 : 0;
            longest = Math.max(longest, run);
            if (run == needed) {
                List<WindowFigure> held = figures.subList(i - needed + 1, i + 1);
                LocalDate from = held.get(0).start();
                LocalDate to = held.get(held.size() - 1).end();
                return new GoalResult(goal, true, from, to, figures, describe(goal) + ": held " + from + " to " + to
                        + " (" + values(held) + ")", describeZh(goal) + "：已于 " + from + " 至 " + to + " 达成（"
                        + valuesZh(held) + "）");
            }
        }
        String seen = figures.isEmpty() ? "no " + windowName(goal.window(), 2) + " ended yet"
                : "longest run " + longest + " of " + needed + " (" + values(figures) + ")";
        String seenZh = figures.isEmpty() ? "尚无已结束的" + windowNameZh(goal.window())
                : "最长连续达标 " + longest + " 个，需 " + needed + " 个（" + valuesZh(figures) + "）";
        return new GoalResult(goal, false, null, null, figures, describe(goal) + ": not yet held, " + seen,
                describeZh(goal) + "：尚未达成，" + seenZh);
    }

    /** "aht at most 420 in 2 consecutive ISO weeks". */
    static String describe(Goal goal) {
        int n = goal.windows();
        return goal.metricCode() + (goal.comparison() == Comparison.AT_MOST ? " at most " : " at least ")
                + Figures.plainText(goal.value()) + " in " + (n == 1 ? "a" : n + " consecutive") + " "
                + windowName(goal.window(), n);
    }

    /** "aht 在连续 2 个 ISO 周内不高于 420", "csat 在 1 个自然月内不低于 4.5". */
    static String describeZh(Goal goal) {
        int n = goal.windows();
        return goal.metricCode() + " 在" + (n == 1 ? " 1 个" : "连续 " + n + " 个") + windowNameZh(goal.window())
                + "内" + (goal.comparison() == Comparison.AT_MOST ? "不高于 " : "不低于 ")
                + Figures.plainText(goal.value());
    }

    private static String windowNameZh(Window window) {
        return window == Window.WEEK ? " ISO 周" : "自然月";
    }

    private static String valuesZh(List<WindowFigure> figures) {
        return figures.stream().map(f -> f.value() == null ? "无数据" : Figures.plainText(f.value()))
                .collect(Collectors.joining("、"));
    }

    private static String windowName(Window window, int n) {
        String name = window == Window.WEEK ? "ISO week" : "calendar month";
        return n == 1 ? name : name + "s";
    }

    private static String values(List<WindowFigure> figures) {
        return figures.stream().map(f -> f.value() == null ? "no data" : Figures.plainText(f.value()))
                .collect(Collectors.joining(", "));
    }
}
