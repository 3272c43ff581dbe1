package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.appeal.AppealPayloads.Adjustment;
import io.perfcenter.scoring.appeal.AppealPayloads.Correction;
import io.perfcenter.scoring.appeal.AppealPayloads.DecisionInput;
import io.perfcenter.scoring.rule.LinearRule;
import io.perfcenter.scoring.run.ScorecardRun;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateItem;
import io.quarkiverse.resteasy.problem.HttpProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Which resolution a decision asks for, what each refuses before anything is sent or stored (the field named as the
 * API always named it), and how each explains itself in the audit trail.
 */
class AppealResolutionsTests {

    private static final Adjustment ADJUST = new Adjustment(new BigDecimal("90"));
    private static final Correction CORRECT = new Correction(null, LocalDate.of(2026, 10, 14), BigDecimal.ZERO);

    @Test
    void theRequestPicksTheResolution() {
        assertInstanceOf(Rejection.class, AppealResolutions.of(decision(Appeal.Status.REJECTED, null, null)));
        AppealResolution adjusted = AppealResolutions.of(decision(Appeal.Status.ACCEPTED, ADJUST, null));
        assertEquals(new ScoreAdjustment(new BigDecimal("90")), adjusted);
        AppealResolution corrected = AppealResolutions.of(decision(Appeal.Status.ACCEPTED, null, CORRECT));
        assertEquals(new DataPointCorrection(CORRECT), corrected);
        assertEquals(List.of(Appeal.Status.REJECTED, Appeal.Status.ACCEPTED, Appeal.Status.ACCEPTED), List.of(
                new Rejection().outcome(), adjusted.outcome(), corrected.outcome()));
        assertNull(new Rejection().resolution());
        assertEquals(Appeal.Resolution.ADJUSTMENT, adjusted.resolution());
        assertEquals(Appeal.Resolution.DATA_CORRECTION, corrected.resolution());
        assertEquals(List.of(false, false, true), List.of(new Rejection().keepsCorrection(),
                adjusted.keepsCorrection(), corrected.keepsCorrection()));
    }

    @Test
    void aRequestThatAsksForNoResolutionIsRefused() {
        refused("outcome: must be ACCEPTED or REJECTED", () -> AppealResolutions.of(decision(null, null, null)));
        refused("outcome: must be ACCEPTED or REJECTED",
                () -> AppealResolutions.of(decision(Appeal.Status.OPEN, null, null)));
        refused("reason: is required", () -> AppealResolutions.of(new DecisionInput(Appeal.Status.REJECTED, " ",
                null, null)));
        refused("outcome: a rejection changes nothing: leave adjustment and correction out",
                () -> AppealResolutions.of(decision(Appeal.Status.REJECTED, ADJUST, null)));
        refused("outcome: a rejection changes nothing: leave adjustment and correction out",
                () -> AppealResolutions.of(decision(Appeal.Status.REJECTED, null, CORRECT)));
        refused("adjustment: accepting takes exactly one of adjustment and correction",
                () -> AppealResolutions.of(decision(Appeal.Status.ACCEPTED, null, null)));
        refused("adjustment: accepting takes exactly one of adjustment and correction",
                () -> AppealResolutions.of(decision(Appeal.Status.ACCEPTED, ADJUST, CORRECT)));
    }

    @Test
    void anAdjustmentStaysWithinWhatTheItemCanBeWorth() {
        AppealDecision on = on(null);
        new ScoreAdjustment(new BigDecimal("100")).check(on);
        refused("adjustment.points: is required", () -> new ScoreAdjustment(null).check(on));
        HttpProblem out = assertThrows(HttpProblem.class, () -> new ScoreAdjustment(new BigDecimal("100.5")).check(on));
        assertEquals(422, out.getStatusCode());
        assertEquals("adjustment.points: item csat can be worth 0 to 100 points; 100.5 is outside", out.getDetail());
    }

    @Test
    void aCorrectionNamesADayOfThePeriodAndAMetricTheTemplateReads() {
        new DataPointCorrection(CORRECT).check(on(null));
        refused("correction: a unit's scorecard is corrected by correcting its agents' data and computing the run "
                + "again", () -> new DataPointCorrection(CORRECT).check(on("G1")));
        refused("correction.metricCode: template TPL reads no aht", () -> new DataPointCorrection(
                new Correction("aht", LocalDate.of(2026, 10, 14), BigDecimal.ONE)).check(on(null)));
        refused("correction.date: is required, a day of 2026-10", () -> new DataPointCorrection(
                new Correction(null, LocalDate.of(2026, 11, 1), BigDecimal.ONE)).check(on(null)));
        refused("correction.date: is required, a day of 2026-10", () -> new DataPointCorrection(
                new Correction(null, null, BigDecimal.ONE)).check(on(null)));
        refused("correction.value: is required", () -> new DataPointCorrection(
                new Correction(null, LocalDate.of(2026, 10, 31), null)).check(on(null)));
    }

    @Test
    void eachResolutionExplainsItself() {
        Appeal decided = new Appeal();
        decided.itemCode = "csat";
        decided.decisionReason = "Recording checked";
        decided.pointsBefore = new BigDecimal("60.00");
        decided.pointsAfter = new BigDecimal("100.00");
        decided.totalBefore = new BigDecimal("80.5000");
        decided.totalAfter = new BigDecimal("1E+2");
        decided.gradeBefore = "B";
        decided.gradeAfter = "A";
        decided.rankBefore = 3;
        decided.rankAfter = 1;
        String change = "csat: 60 → 100 points; total 80.5 → 100, grade B → A, rank 3 → 1";
        String changeZh = "csat：60 → 100 分；总分 80.5 → 100，等级 B → A，排名 3 → 1";
        assertEquals(change, new ScoreAdjustment(BigDecimal.TEN).explain(decided).en());
        assertEquals(changeZh, new ScoreAdjustment(BigDecimal.TEN).explain(decided).zh());
        assertEquals(change, new DataPointCorrection(CORRECT).explain(decided).en());
        assertEquals(changeZh, new DataPointCorrection(CORRECT).explain(decided).zh());
        // the decider's reason is kept as written, the same in both
        assertEquals("Recording checked", new Rejection().explain(decided).en());
        assertEquals("Recording checked", new Rejection().explain(decided).zh());
        decided.pointsBefore = null;
        assertEquals("csat: none → 100 points; total 80.5 → 100, grade B → A, rank 3 → 1",
                new ScoreAdjustment(BigDecimal.TEN).explain(decided).en());
        assertEquals("csat：无 → 100 分；总分 80.5 → 100，等级 B → A，排名 3 → 1",
                new ScoreAdjustment(BigDecimal.TEN).explain(decided).zh());
        assertEquals(List.of("APPEAL_REJECTED", "SCORECARD_ADJUSTED", "SCORECARD_RECOMPUTED"), List.of(
                new Rejection().auditAction(), new ScoreAdjustment(BigDecimal.TEN).auditAction(),
                new DataPointCorrection(CORRECT).auditAction()));
    }

    private static DecisionInput decision(Appeal.Status outcome, Adjustment adjustment, Correction correction) {
        return new DecisionInput(outcome, "Recording checked", adjustment, correction);
    }

    // an appeal of item csat (linear, 0–100) of a weighted template reading csat, for October 2026
    private static AppealDecision on(String subjectUnitCode) {
        TemplateItem item = new TemplateItem("csat", "CSAT", null, "csat", new BigDecimal("100"),
                new LinearRule(new BigDecimal("0.95"), new BigDecimal("0.5"), null));
        ScorecardTemplate template = new ScorecardTemplate();
        template.code = "TPL";
        template.items = List.of(item);
        ScorecardRun run = new ScorecardRun();
        run.period = "2026-10";
        run.periodFrom = LocalDate.of(2026, 10, 1);
        run.periodTo = LocalDate.of(2026, 10, 31);
        Scorecard card = new Scorecard();
        card.subjectUnitCode = subjectUnitCode;
        Appeal appeal = new Appeal();
        appeal.itemCode = "csat";
        return new AppealDecision(appeal, card, run, template, item, "Recording checked", "RV1");
    }

    private static void refused(String detail, Runnable check) {
        HttpProblem refused = assertThrows(HttpProblem.class, check::run);
        assertEquals(400, refused.getStatusCode());
        assertEquals(detail, refused.getDetail());
    }
}
