package io.perfcenter.incentive.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** metrics-service's org directory; the caller's Authorization and X-Request-Id headers are propagated. */
@RegisterRestClient(configKey = "metrics")
@RegisterClientHeaders
@Path("/api/v1/metrics/org")
interface MetricsRestClient {

    @GET
    @Path("/my-units")
    List<String> myUnits();

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Downstream.error(Downstream.METRICS, response.getStatus());
    }
}
