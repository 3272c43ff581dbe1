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
 * scoring-service's scorecard listing, asked as incentive-service itself ({@link ServiceHeaders}: the service's token,
 * the acting person in {@code X-Acting-For}, the request id), not with the caller's token. Use {@link ScoringClient}.
 */
@RegisterRestClient(configKey = "scoring")
@RegisterClientHeaders(ServiceHeaders.class)
@Path("/api/v1/scoring")
interface ScoringSystemRestClient {

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
