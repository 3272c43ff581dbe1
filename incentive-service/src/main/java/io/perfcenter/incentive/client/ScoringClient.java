package io.perfcenter.incentive.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/**
 * Reads scorecards from scoring-service, protected by a timeout, retries and a circuit breaker. When scoring cannot
 * be reached the caller gets a 503 problem naming scoring-service. Each read says on whose authority it is made
 * ({@link ReadAs}): as incentive-service itself, or with the caller's token.
 */
@ApplicationScoped
public class ScoringClient {

    private final ScoringRestClient asCaller;
    private final ScoringSystemRestClient asService;
    // reads the later pages of a unit's scorecards side by side, with the request's context (its request id and the
    // person acted for travel along, as on the request's own thread)
    private final ManagedExecutor executor;

    ScoringClient(@RestClient ScoringRestClient asCaller, @RestClient ScoringSystemRestClient asService,
                  ManagedExecutor executor) {
        this.asCaller = asCaller;
        this.asService = asService;
        this.executor = executor;
    }

    /**
     * The period's published scorecards of a unit, as scoring-service lists them (every page, up to the list's length
     * scoring gives in {@code X-Total-Count}: a center of 10,000 agents is 10 pages, not 10 and an empty 11th that
     * scoring counted its scorecards for; the nine after the first read {@value AllPages#PAGES_AT_ONCE} at a time,
     * see {@link AllPages#readCounted}). A read of a whole unit:
     * its own limit ({@link MetricsClient#UNIT_READ_TIMEOUT_MS}, {@code PERFCENTER_UNIT_READ_TIMEOUT_MS}), as the
     * center's 10,000 scorecards take seconds on a busy machine, and not repeated once it ran out of time.
     */
    @Timeout(MetricsClient.UNIT_READ_TIMEOUT_MS)
    // a 4xx (DependencyRejected) means our request is wrong or not allowed: retrying will not help, and it says
    // nothing about scoring's health, so it neither trips the breaker nor falls back to "unavailable"
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = {DependencyRejected.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = DependencyRejected.class)
    @Fallback(value = ScoringUnavailable.class, skipOn = DependencyRejected.class)
    public List<Scorecard> publishedScorecards(ReadAs as, String period, String unitCode) {
        ScoringReads scoring = as(as);
        return AllPages.readCounted((limit, offset) -> scoring.scorecards(period, unitCode, Scorecard.PUBLISHED,
                limit, offset), executor);
    }

    /** Every published scorecard of one employee, all periods (promotion looks back over several months). */
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = DependencyRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = DependencyRejected.class)
    @Fallback(value = ScoringUnavailable.class, skipOn = DependencyRejected.class)
    public List<Scorecard> publishedScorecardsOf(ReadAs as, String employeeId) {
        ScoringReads scoring = as(as);
        return AllPages.read((limit, offset) -> scoring.scorecardsOf(employeeId, Scorecard.PUBLISHED, limit, offset));
    }

    /** The REST client that asks on that authority. */
    private ScoringReads as(ReadAs as) {
        return as == ReadAs.SERVICE ? asService : asCaller;
    }

    static class ScoringUnavailable implements FallbackHandler<List<Scorecard>> {
        @Override
        public List<Scorecard> handle(ExecutionContext context) {
            throw Downstream.unavailable(Downstream.SCORING, context.getFailure());
        }
    }
}
