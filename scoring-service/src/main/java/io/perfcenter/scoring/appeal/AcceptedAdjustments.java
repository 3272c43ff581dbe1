package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.run.ScorecardInputs;
import io.perfcenter.scoring.scorecard.ScorecardInput;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The adjustments accepted on appeals in any revision of a template, unit and period, which a new revision carries
 * over (as it carries manual ratings): an accepted appeal is a decision about the agent's result for the period, not
 * about one computation of it. The latest decision on an item wins.
 */
public final class AcceptedAdjustments {

    private AcceptedAdjustments() {
    }

    /** By "employee id|subject unit code" (empty for agents), then item code. */
    public static Map<String, Map<String, ScorecardInputs.Adjustment>> ofSeries(String templateCode, String unitCode,
                                                                              String period) {
        List<Object[]> rows = Appeal.getEntityManager().createQuery("""
                select s.employeeId, s.subjectUnitCode, a.itemCode, i from Appeal a, Scorecard s, ScorecardInput i,
                    ScorecardRun r
                where a.scorecardId = s.id and i.scorecardId = s.id and r.id = a.runId and r.templateCode = :template
                    and r.unitCode = :unit and r.period = :period and a.status = :accepted and a.resolution = :adjusted
                order by a.decidedAt, a.id""", Object[].class)
                .setParameter("template", templateCode).setParameter("unit", unitCode).setParameter("period", period)
                .setParameter("accepted", Appeal.Status.ACCEPTED)
                .setParameter("adjusted", Appeal.Resolution.ADJUSTMENT).getResultList();
        Map<String, Map<String, ScorecardInputs.Adjustment>> carried = new HashMap<>();
        for (Object[] row : rows) {
            String item = (String) row[2];
            ScorecardInputs.Adjustment adjustment = ((ScorecardInput) row[3]).inputs.adjustments().get(item);
            if (adjustment != null) {
                carried.computeIfAbsent(row[0] + "|" + Objects.toString(row[1], ""), k -> new HashMap<>())
                        .put(item, adjustment);
            }
        }
        return carried;
    }
}
