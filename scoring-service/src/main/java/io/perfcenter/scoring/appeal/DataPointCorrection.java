package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.appeal.AppealPayloads.Correction;
import io.perfcenter.scoring.client.MetricsPayloads.DataCorrection;
import io.perfcenter.scoring.client.MetricsPayloads.MetricAggregate;
import io.perfcenter.scoring.client.MetricsRejection;
import io.perfcenter.scoring.rule.Explanation;
import io.perfcenter.scoring.template.TemplateItem;
import io.perfcenter.scoring.web.Problems;

import java.util.Map;

/**
 * Accepted with the agent's corrected figure of a day: stored in metrics-service under the appeal's key (by the
 * service's own identity, for the decider), then the agent's figures are read again the way a run reads them and the
 * scorecard is recomputed from them. Only an agent's scorecard: a unit's is corrected through its agents' data.
 *
 * <p>So that no correction outlives a decision that did not take it: (1) one transaction notes on the appeal that a
 * correction is on its way, if the appeal is still open and the run still published; (2) metrics-service stores it,
 * outside any transaction (sending it again under the same key replaces it); (3) the figures are read again;
 * (4) one transaction recomputes the scorecard and records the decision, if the appeal is still open and the run
 * still published. If (2)–(4) fail, the correction is withdrawn and the appeal stays OPEN; if even the withdrawal
 * fails, the mark of (1) makes the next decision on the appeal replace the correction (accepting) or withdraw it first
 * (rejecting, adjusting). What is not guaranteed, and cannot be without a transaction spanning both services: that
 * metrics-service holds no correction between a failed (4) and a failed withdrawal; the mark says so.
 */
public record DataPointCorrection(Correction correction) implements AppealResolution {

    @Override
    public Appeal.Resolution resolution() {
        return Appeal.Resolution.DATA_CORRECTION;
    }

    @Override
    public void check(AppealDecision decision) {
        if (decision.card().subjectUnitCode != null) {
            throw Problems.invalid("correction", "a unit's scorecard is corrected by correcting its agents' data and "
                    + "computing the run again");
        }
        String metric = metric(decision.item());
        if (metric == null) {
            throw Problems.invalid("correction.metricCode", "is required: item " + decision.item().code()
                    + " scores no metric");
        }
        if (!decision.template().metricCodes().contains(metric)) {
            throw Problems.invalid("correction.metricCode", "template " + decision.template().code + " reads no "
                    + metric);
        }
        if (correction.date() == null || correction.date().isBefore(decision.run().periodFrom)
                || correction.date().isAfter(decision.run().periodTo)) {
            throw Problems.invalid("correction.date", "is required, a day of " + decision.run().period);
        }
        if (correction.value() == null) {
            throw Problems.invalid("correction.value", "is required");
        }
    }

    // the metric corrected: the one named, else the item's own
    private String metric(TemplateItem item) {
        return correction.metricCode() != null ? correction.metricCode() : item.metricCode();
    }

    @Override
    public Appeal apply(AppealDecision decision, DecisionSteps steps) {
        Appeal appeal = decision.appeal();
        steps.noteCorrectionSent(appeal.id);
        String key = appeal.correctionKey();
        try {
            steps.sendCorrection(key, new DataCorrection(appeal.employeeId, metric(decision.item()),
                    correction.date(), correction.value(), "appeal " + appeal.id + ": " + decision.reason()));
        } catch (MetricsRejection rejection) {
            throw Problems.invalid("correction" + (rejection.remoteField() == null ? ""
                    : "." + rejection.remoteField()), "metrics-service refused it: " + rejection.remoteDetail());
        } catch (RuntimeException failure) {
            // it may have been stored before the answer was lost
            steps.withdrawQuietly(key, failure);
            throw failure;
        }
        try {
            Map<String, MetricAggregate> corrected = steps.figuresOf(decision);
            return steps.accept(decision, this, card -> {
                steps.recompute(card, inputs -> inputs.withMetrics(corrected));
                steps.rehash(card.runId);
            });
        } catch (RuntimeException failure) {
            steps.withdrawQuietly(key, failure);
            throw failure;
        }
    }

    @Override
    public String auditAction() {
        return "SCORECARD_RECOMPUTED";
    }

    @Override
    public Explanation explain(Appeal decided) {
        return AppealResolution.beforeAndAfter(decided);
    }

    @Override
    public boolean keepsCorrection() {
        return true;
    }
}
