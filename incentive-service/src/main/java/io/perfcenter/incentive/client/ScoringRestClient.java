package io.perfcenter.incentive.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * {@link ScoringReads} with the caller's own token (Authorization and X-Request-Id are propagated), for reads scoped
 * to the caller ({@link ReadAs#CALLER}); the system's reads go through {@link ScoringSystemRestClient}.
 */
@RegisterRestClient(configKey = "scoring")
@RegisterClientHeaders
@Path("/api/v1/scoring")
interface ScoringRestClient extends ScoringReads {

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Downstream.error(Downstream.SCORING, response.getStatus());
    }
}
