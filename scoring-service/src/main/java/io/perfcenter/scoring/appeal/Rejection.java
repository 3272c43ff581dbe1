package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.rule.Explanation;

/**
 * The appeal is rejected: the scorecard stays as it is. A data correction sent on an earlier attempt that did not end
 * in a decision is withdrawn first; if metrics-service cannot withdraw it, nothing is decided (503).
 */
public record Rejection() implements AppealResolution {

    @Override
    public Appeal.Resolution resolution() {
        return null;
    }

    @Override
    public void check(AppealDecision decision) {
        // a rejection takes nothing but the reason, checked with the request (AppealResolutions)
    }

    @Override
    public Appeal apply(AppealDecision decision, DecisionSteps steps) {
        steps.withdrawEarlierCorrection(decision.appeal());
        return steps.reject(decision, this);
    }

    @Override
    public String auditAction() {
        return "APPEAL_REJECTED";
    }

    @Override
    public Explanation explain(Appeal decided) {
        // the reviewer's reason, as written
        return Explanation.same(decided.decisionReason);
    }
}
