package io.perfcenter.incentive.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * {@link MetricsReads} asked as incentive-service itself ({@link ServiceHeaders}), not with the caller's token. Which
 * units the caller leads is never asked this way ({@link MetricsRestClient#myUnits}). Use {@link MetricsClient}.
 */
@RegisterRestClient(configKey = "metrics")
@RegisterClientHeaders(ServiceHeaders.class)
@Path("/api/v1/metrics")
interface MetricsSystemRestClient extends MetricsReads {

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Downstream.error(Downstream.METRICS, response.getStatus());
    }
}
