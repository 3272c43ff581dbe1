package io.perfcenter.gateway.proxy;

import io.perfcenter.gateway.web.Problem;
import io.perfcenter.gateway.web.Problems;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** What went wrong between the gateway and a service, as the problem the caller gets. */
enum ProxyFailure {

    /** No connection could be made: the service is down, starting, or its address is wrong. */
    UNAVAILABLE,
    /** The service took the request but did not answer in time. */
    TIMEOUT,
    /** Anything else: the connection broke, the answer was malformed. */
    BROKEN;

    static ProxyFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // connect timeouts are ConnectExceptions as well: a service that cannot be reached in time is unavailable
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return UNAVAILABLE;
            }
            if (t instanceof TimeoutException) {
                return TIMEOUT;
            }
        }
        return BROKEN;
    }

    Problem problem(String service, Duration timeout) {
        return switch (this) {
            case UNAVAILABLE -> Problems.serviceUnavailable(service);
            case TIMEOUT -> Problems.gatewayTimeout(service, timeout);
            case BROKEN -> Problems.badGateway(service);
        };
    }
}
