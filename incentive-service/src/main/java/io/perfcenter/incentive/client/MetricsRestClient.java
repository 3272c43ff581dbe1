package io.perfcenter.incentive.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * {@link MetricsReads} with the caller's own token (Authorization and X-Request-Id are propagated), for reads scoped
 * to the caller ({@link ReadAs#CALLER}), and which units the caller leads, asked only this way. The system's reads
 * go through {@link MetricsSystemRestClient}.
 */
@RegisterRestClient(configKey = "metrics")
@RegisterClientHeaders
@Path("/api/v1/metrics")
interface MetricsRestClient extends MetricsReads {

    @GET
    @Path("/org/my-units")
    List<String> myUnits(@QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Downstream.error(Downstream.METRICS, response.getStatus());
    }
}
