package io.perfcenter.scoring.improvement;

import io.perfcenter.scoring.improvement.ImprovementPayloads.Comparison;
import io.perfcenter.scoring.improvement.ImprovementPayloads.Goal;
import io.perfcenter.scoring.improvement.ImprovementPayloads.GoalResult;
import io.perfcenter.scoring.improvement.ImprovementPayloads.Status;
import io.perfcenter.scoring.improvement.ImprovementPayloads.Window;
import io.perfcenter.scoring.improvement.ImprovementPayloads.WindowFigure;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which windows a goal is measured in, and when it is met. */
class GoalWindowsTests {

    private static final Goal AHT_TWO_WEEKS = new Goal("aht", Comparison.AT_MOST, new BigDecimal("420"), Window.WEEK,
            2);

    @Test
    void onlyWholeIsoWeeksAndMonthsBetweenStartAndDueCount() {
        // Wednesday 2026-09-02 to Saturday 2026-10-03: the weeks from Monday 09-07 to Sunday 09-27 (09-28 … 10-04
        // ends after the due date)
        List<LocalDate[]> weeks = GoalWindows.between(Window.WEEK, LocalDate.of(2026, 9, 2), LocalDate.of(2026, 10, 3));
        assertEquals(3, weeks.size());
        assertEquals(LocalDate.of(2026, 9, 7), weeks.get(0)[0]);
        assertEquals(LocalDate.of(2026, 9, 27), weeks.get(2)[1]);
        // a Monday start and a Sunday due count whole
        assertEquals(4, GoalWindows.between(Window.WEEK, LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 4)).size());
        // ISO week 53 of 2026 runs Monday 2026-12-28 to Sunday 2027-01-03, across the year's end
        List<LocalDate[]> newYear = GoalWindows.between(Window.WEEK, LocalDate.of(2026, 12, 28),
                LocalDate.of(2027, 1, 3));
        assertEquals(1, newYear.size());
        // months: 2026-09-15 to 2026-11-30 holds October and November, not the half September
        List<LocalDate[]> months = GoalWindows.between(Window.MONTH, LocalDate.of(2026, 9, 15),
                LocalDate.of(2026, 11, 30));
        assertEquals(2, months.size());
        assertEquals(LocalDate.of(2026, 10, 1), months.get(0)[0]);
        assertEquals(LocalDate.of(2026, 11, 30), months.get(1)[1]);
    }

    @Test
    void metByTheEarliestRunOfConsecutiveWeeks() {
        // weekly AHT 450, 415, 400, 430: weeks 2 and 3 are both ≤ 420
        GoalResult met = GoalWindows.judge(AHT_TWO_WEEKS, weeks(450, 415, 400, 430));
        assertTrue(met.met());
        assertEquals(LocalDate.of(2026, 9, 14), met.metFrom());
        assertEquals(LocalDate.of(2026, 9, 27), met.metTo());
        assertEquals("aht at most 420 in 2 consecutive ISO weeks: held 2026-09-14 to 2026-09-27 (415, 400)",
                met.explanation());
        // alternating 410, 430, 415, 425: never two in a row
        GoalResult missed = GoalWindows.judge(AHT_TWO_WEEKS, weeks(410, 430, 415, 425));
        assertFalse(missed.met());
        assertEquals("aht at most 420 in 2 consecutive ISO weeks: not yet held, longest run 1 of 2 "
                + "(410, 430, 415, 425)", missed.explanation());
        // exactly the threshold holds; a week without data breaks the run
        assertTrue(GoalWindows.holds(AHT_TWO_WEEKS, new BigDecimal("420")));
        assertFalse(GoalWindows.holds(AHT_TWO_WEEKS, null));
        Goal csat = new Goal("csat", Comparison.AT_LEAST, new BigDecimal("0.85"), Window.MONTH, null);
        assertTrue(GoalWindows.holds(csat, new BigDecimal("0.85")));
        assertFalse(GoalWindows.holds(csat, new BigDecimal("0.849")));
    }

    @Test
    void theWordsInChineseToo() {
        GoalResult met = GoalWindows.judge(AHT_TWO_WEEKS, weeks(450, 415, 400, 430));
        assertEquals("aht 在连续 2 个 ISO 周内不高于 420：已于 2026-09-14 至 2026-09-27 达成（415、400）",
                met.explanationZh());
        GoalResult missed = GoalWindows.judge(AHT_TWO_WEEKS, weeks(410, 430, 415, 425));
        assertEquals("aht 在连续 2 个 ISO 周内不高于 420：尚未达成，最长连续达标 1 个，需 2 个（410、430、415、425）",
                missed.explanationZh());
        Goal csat = new Goal("csat", Comparison.AT_LEAST, new BigDecimal("0.85"), Window.MONTH, null);
        assertEquals("csat 在 1 个自然月内不低于 0.85：尚未达成，尚无已结束的自然月",
                GoalWindows.judge(csat, List.of()).explanationZh());
        assertEquals("csat at least 0.85 in a calendar month: not yet held, no calendar months ended yet",
                GoalWindows.judge(csat, List.of()).explanation());
        // a week without data says so
        List<WindowFigure> gap = new ArrayList<>(weeks(430));
        gap.add(new WindowFigure(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 20), null, null, false));
        assertTrue(GoalWindows.judge(AHT_TWO_WEEKS, gap).explanationZh().endsWith("（430、无数据）"));

        // the evaluation's words, both languages, by outcome
        LocalDate due = LocalDate.of(2026, 10, 4);
        List<GoalResult> notYet = List.of(missed);
        var inProgress = ImprovementPlanService.outcome(notYet, due, due);
        assertEquals("IN_PROGRESS: 1 of 1 goals not yet held; due 2026-10-04", inProgress.explanation());
        assertEquals("进行中：1 个目标中有 1 个尚未达成；到期日 2026-10-04", inProgress.explanationZh());
        assertEquals("未达成：截至到期日 2026-10-04，1 个目标中有 1 个未达成；由辅导人记录后续处理",
                ImprovementPlanService.outcome(notYet, due, due.plusDays(1)).explanationZh());
        assertEquals("已达成：所有目标均已达成（最后一项于 2026-09-27 达成）",
                ImprovementPlanService.outcome(List.of(met), due, due).explanationZh());
    }

    @Test
    void outcomeByTheDueDate() {
        List<GoalResult> missed = List.of(GoalWindows.judge(AHT_TWO_WEEKS, weeks(410, 430)));
        assertEquals(Status.IN_PROGRESS, ImprovementPlanService.outcome(missed, LocalDate.of(2026, 10, 4),
                LocalDate.of(2026, 10, 4)).status());
        assertEquals(Status.MISSED, ImprovementPlanService.outcome(missed, LocalDate.of(2026, 10, 4),
                LocalDate.of(2026, 10, 5)).status());
        List<GoalResult> met = List.of(GoalWindows.judge(AHT_TWO_WEEKS, weeks(410, 400)));
        assertEquals(Status.MET, ImprovementPlanService.outcome(met, LocalDate.of(2026, 10, 4),
                LocalDate.of(2026, 9, 22)).status());
    }

    /** Weeks from Monday 2026-09-07 with these AHT values. */
    private static List<WindowFigure> weeks(int... aht) {
        List<WindowFigure> weeks = new ArrayList<>();
        LocalDate monday = LocalDate.of(2026, 9, 7);
        for (int value : aht) {
            BigDecimal v = BigDecimal.valueOf(value);
            weeks.add(new WindowFigure(monday, monday.plusDays(6), v, 100L, GoalWindows.holds(AHT_TWO_WEEKS, v)));
            monday = monday.plusWeeks(1);
        }
        return weeks;
    }
}
