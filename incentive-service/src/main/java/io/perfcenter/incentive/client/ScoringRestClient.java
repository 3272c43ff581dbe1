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
 * scoring-service's scorecard listing with the caller's own token (Authorization and X-Request-Id are propagated),
 * for reads scoped to the caller ({@link ReadAs#CALLER}); the system's reads go through {@link ScoringSystemRestClient}.
 */
@RegisterRestClient(configKey = "scoring")
@RegisterClientHeaders
@Path("/api/v1/scoring")
interface ScoringRestClient {

    @GET
    @Path("/scorecards")
    List<Scorecard> scorecards(@QueryParam("period") String period, @QueryParam("unit") String unit,
                               @QueryParam("status") String status, @QueryParam("limit") int limit,
                               @QueryParam("offset") int offset);

    @GET
    @Path("/scorecards")
    List<Scorecard> scorecardsOf(@QueryParam("employeeId") String employeeId, @QueryParam("status") String status,
                                 @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Downstream.error(Downstream.SCORING, response.getStatus());
    }
}
