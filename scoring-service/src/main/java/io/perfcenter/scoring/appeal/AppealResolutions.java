package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.appeal.AppealPayloads.DecisionInput;
import io.perfcenter.scoring.web.Problems;

/**
 * Which resolution a decision's request asks for: REJECTED alone is a {@link Rejection}; ACCEPTED with an
 * {@code adjustment} a {@link ScoreAdjustment}, with a {@code correction} a {@link DataPointCorrection}. Anything else
 * is a 400 naming the field, before anything is read or sent.
 */
final class AppealResolutions {

    private AppealResolutions() {
    }

    static AppealResolution of(DecisionInput input) {
        if (input.outcome() == null || input.outcome() == Appeal.Status.OPEN) {
            throw Problems.invalid("outcome", "must be ACCEPTED or REJECTED");
        }
        if (input.reason() == null || input.reason().isBlank()) {
            throw Problems.invalid("reason", "is required");
        }
        if (input.outcome() == Appeal.Status.REJECTED) {
            if (input.adjustment() != null || input.correction() != null) {
                throw Problems.invalid("outcome", "a rejection changes nothing: leave adjustment and correction out");
            }
            return new Rejection();
        }
        if ((input.adjustment() == null) == (input.correction() == null)) {
            throw Problems.invalid("adjustment", "accepting takes exactly one of adjustment and correction");
        }
        return input.adjustment() != null ? new ScoreAdjustment(input.adjustment().points())
                : new DataPointCorrection(input.correction());
    }
}
