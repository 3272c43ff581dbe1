package io.perfcenter.scoring.appeal;

import java.math.BigDecimal;

/**
 * The data of the appeal events ({@code appeal.filed}, {@code appeal.escalated}, {@code appeal.decided}; subject the
 * agent's employee id): what a notification or an integration needs to say what happened, not the whole appeal.
 */
public record AppealEvent(long appealId, long scorecardId, long runId, String employeeId, String unitCode,
                          String itemCode, Appeal.Kind kind, Appeal.Status status, Appeal.Resolution resolution,
                          String decidedBy, BigDecimal pointsBefore, BigDecimal pointsAfter, BigDecimal totalBefore,
                          BigDecimal totalAfter, String gradeBefore, String gradeAfter, boolean escalated) {

    static AppealEvent of(Appeal a) {
        return new AppealEvent(a.id, a.scorecardId, a.runId, a.employeeId, a.unitCode, a.itemCode, a.kind, a.status,
                a.resolution, a.decidedBy, a.pointsBefore, a.pointsAfter, a.totalBefore, a.totalAfter,
                a.gradeBefore, a.gradeAfter, a.escalatedAt != null);
    }
}
