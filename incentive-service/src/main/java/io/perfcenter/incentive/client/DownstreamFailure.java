package io.perfcenter.incentive.client;

/** A downstream service answered with a server error (5xx): worth retrying, and counted by the circuit breaker. */
public class DownstreamFailure extends RuntimeException {

    private final int status;

    DownstreamFailure(String service, int status) {
        super(service + " answered HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
