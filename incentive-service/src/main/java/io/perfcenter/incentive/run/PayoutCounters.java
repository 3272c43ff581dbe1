package io.perfcenter.incentive.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.perfcenter.incentive.run.RunPayloads.RunView;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Business counters of pay, on the management interface's {@code /q/metrics}: payout runs computed (a new revision,
 * or the unchanged live run), statements computed, runs approved and the amounts they approved, per currency, e.g.
 * {@code perfcenter_pay_approved_total{currency="CNY"}}. Counted once the run is stored or approved (committed). The
 * amounts are for dashboards; the exact figures are the runs' own.
 */
@Startup
@ApplicationScoped
public class PayoutCounters {

    private final MeterRegistry registry;

    PayoutCounters(MeterRegistry registry) {
        this.registry = registry;
        // the series exist from the start, at 0, so that rates and dashboards need no first run
        registry.counter("perfcenter.payout.runs.computed", "outcome", "revision");
        registry.counter("perfcenter.payout.runs.computed", "outcome", "unchanged");
        registry.counter("perfcenter.payout.statements.computed");
        registry.counter("perfcenter.payout.runs.approved");
    }

    void computed(PayoutRunService.Computed computed) {
        registry.counter("perfcenter.payout.runs.computed", "outcome", computed.created() ? "revision" : "unchanged")
                .increment();
        if (computed.created()) {
            registry.counter("perfcenter.payout.statements.computed").increment(computed.run().statementCount());
        }
    }

    void approved(RunView run) {
        registry.counter("perfcenter.payout.runs.approved").increment();
        if (run.totalAmount() != null) {
            registry.counter("perfcenter.pay.approved", "currency", run.currency() == null ? "" : run.currency())
                    .increment(run.totalAmount().doubleValue());
        }
    }
}
