package io.perfcenter.incentive.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * {@link ScoringReads} asked as incentive-service itself ({@link ServiceHeaders}: the service's token, the acting
 * person in {@code X-Acting-For}, the request id), not with the caller's token. Use {@link ScoringClient}.
 */
@RegisterRestClient(configKey = "scoring")
@RegisterClientHeaders(ServiceHeaders.class)
@Path("/api/v1/scoring")
interface ScoringSystemRestClient extends ScoringReads {

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Downstream.error(Downstream.SCORING, response.getStatus());
    }
}
