package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.rule.Explanation;
import io.perfcenter.scoring.rule.Figures;

/**
 * One way an open appeal is decided, as the rules are one class per kind: each resolution checks itself against the
 * appeal, carries itself out and writes the audit trail's words for what it changed. The resolutions are
 * {@link Rejection}, {@link ScoreAdjustment} and {@link DataPointCorrection}; {@link AppealResolutions} picks one
 * from a decision's request. (Escalation is not a resolution: it hands the appeal to hr, who then decide it with one
 * of these; {@link AppealService#escalate}.)
 *
 * <p>Transactions: a resolution sends nothing to metrics-service inside a database transaction (the decision runs
 * with none open, {@link AppealService#decide}), and stores the decision in one transaction of its own, last
 * ({@link DecisionSteps#accept}, {@link DecisionSteps#reject}), which checks again that the appeal is open.
 */
public sealed interface AppealResolution permits Rejection, ScoreAdjustment, DataPointCorrection {

    /** How an acceptance changed the scorecard; null for a rejection. */
    Appeal.Resolution resolution();

    /** What the appeal says once decided: ACCEPTED, or REJECTED for the resolution that changes nothing. */
    default Appeal.Status outcome() {
        return resolution() == null ? Appeal.Status.REJECTED : Appeal.Status.ACCEPTED;
    }

    /**
     * Refuses what this resolution cannot do to this appeal, as a problem naming the field (400, or 422 for points
     * out of range). Reads only: nothing is sent or stored yet.
     */
    void check(AppealDecision decision);

    /** Carries the checked resolution out and returns the decided appeal. */
    Appeal apply(AppealDecision decision, DecisionSteps steps);

    /** The audit trail's action for what the resolution did to the scorecard (or to the appeal, rejecting). */
    String auditAction();

    /** The audit trail's words for it, in English and Chinese. */
    Explanation explain(Appeal decided);

    /** A data correction stays in metrics-service after the decision; the other resolutions withdraw any. */
    default boolean keepsCorrection() {
        return false;
    }

    /**
     * "complaints: 60 → 100 points; total 80 → 90, grade B → A, rank 3 → 1",
     * "complaints：60 → 100 分；总分 80 → 90，等级 B → A，排名 3 → 1".
     */
    static Explanation beforeAndAfter(Appeal a) {
        return Explanation.of(a.itemCode + ": " + text(a.pointsBefore, "none") + " → " + text(a.pointsAfter, "none")
                + " points; total " + text(a.totalBefore, "none") + " → " + text(a.totalAfter, "none") + ", grade "
                + a.gradeBefore + " → " + a.gradeAfter + ", rank " + a.rankBefore + " → " + a.rankAfter,
                a.itemCode + "：" + text(a.pointsBefore, "无") + " → " + text(a.pointsAfter, "无") + " 分；总分 "
                + text(a.totalBefore, "无") + " → " + text(a.totalAfter, "无") + "，等级 " + a.gradeBefore + " → "
                + a.gradeAfter + "，排名 " + a.rankBefore + " → " + a.rankAfter);
    }

    private static String text(java.math.BigDecimal v, String none) {
        return v == null ? none : Figures.plainText(v);
    }
}
