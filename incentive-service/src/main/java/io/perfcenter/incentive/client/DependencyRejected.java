package io.perfcenter.incentive.client;

import io.perfcenter.incentive.web.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * A downstream service refused the request (4xx, e.g. the caller's token is not accepted there). Not retried and
 * not counted against the circuit breaker, as the service itself is healthy; answered as a 502 problem.
 */
public class DependencyRejected extends HttpProblem {

    private final int status;

    DependencyRejected(String service, int status) {
        super(HttpProblem.builder(Problems.dependencyRejected(service, status)));
        this.status = status;
    }

    /** The HTTP status the service answered (404: it does not know what was asked for). */
    public int status() {
        return status;
    }
}
