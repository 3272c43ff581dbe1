package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.rule.Explanation;
import io.perfcenter.scoring.rule.Figures;
import io.perfcenter.scoring.run.ScorecardInputs;
import io.perfcenter.scoring.web.Problems;

import java.math.BigDecimal;

/**
 * Accepted with new points for the item, within what its rule can give ({@link AdjustmentBounds}: 422 outside), and
 * never lifting the total above the template's maximum (422, nothing stored). The scorecard is recomputed with the
 * adjustment as an input, which later revisions of the run carry over ({@link AcceptedAdjustments}).
 */
public record ScoreAdjustment(BigDecimal points) implements AppealResolution {

    @Override
    public Appeal.Resolution resolution() {
        return Appeal.Resolution.ADJUSTMENT;
    }

    @Override
    public void check(AppealDecision decision) {
        if (points == null) {
            throw Problems.invalid("adjustment.points", "is required");
        }
        AdjustmentBounds.Range range = AdjustmentBounds.of(decision.template(), decision.item());
        if (!range.holds(points)) {
            throw AdjustmentBounds.outOfRange("adjustment.points", "item " + decision.item().code()
                    + " can be worth " + range.text() + "; " + Figures.format(points) + " is outside");
        }
    }

    @Override
    public Appeal apply(AppealDecision decision, DecisionSteps steps) {
        steps.withdrawEarlierCorrection(decision.appeal());
        BigDecimal maxTotal = AdjustmentBounds.maxTotal(decision.template());
        ScorecardInputs.Adjustment adjustment = new ScorecardInputs.Adjustment(points, decision.appeal().id,
                decision.reason(), decision.decidedBy());
        return steps.accept(decision, this, card -> {
            steps.recompute(card, inputs -> inputs.withAdjustment(decision.appeal().itemCode, adjustment));
            if (maxTotal != null && card.total.compareTo(maxTotal) > 0) {
                // rolls the transaction back: nothing is stored
                throw AdjustmentBounds.outOfRange("adjustment.points", "the total would be "
                        + Figures.format(card.total) + ", above the template's maximum " + Figures.format(maxTotal));
            }
        });
    }

    @Override
    public String auditAction() {
        return "SCORECARD_ADJUSTED";
    }

    @Override
    public Explanation explain(Appeal decided) {
        return AppealResolution.beforeAndAfter(decided);
    }
}
