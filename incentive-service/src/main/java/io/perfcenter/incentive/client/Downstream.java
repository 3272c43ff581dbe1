package io.perfcenter.incentive.client;

import io.perfcenter.incentive.web.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** How downstream answers are turned into exceptions, and failures into the 503 problem the caller sees. */
final class Downstream {

    static final String SCORING = "scoring-service";
    static final String METRICS = "metrics-service";

    private Downstream() {
    }

    /** 4xx: our request is wrong or not allowed, so the service is fine; 5xx: the service is in trouble. */
    static RuntimeException error(String service, int status) {
        return status < 500 ? new DependencyRejected(service, status) : new DownstreamFailure(service, status);
    }

    static HttpProblem unavailable(String service, Throwable failure) {
        String why;
        if (failure instanceof TimeoutException) {
            why = "no answer in time";
        } else if (failure instanceof CircuitBreakerOpenException) {
            why = "circuit open after repeated failures";
        } else if (failure instanceof DownstreamFailure f) {
            why = "answered HTTP " + f.status();
        } else if (failure instanceof ProcessingException) {
            why = "unreachable";
        } else {
            why = "call failed";
        }
        return Problems.dependencyUnavailable(service, why);
    }
}
