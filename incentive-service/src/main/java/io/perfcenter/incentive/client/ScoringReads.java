package io.perfcenter.incentive.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/**
 * The reads incentive-service makes of scoring-service (below {@code /api/v1/scoring}), declared once. Two REST
 * clients extend it and differ only in on whose authority they ask ({@link ReadAs}): {@link ScoringRestClient} with the
 * caller's token, {@link ScoringSystemRestClient} as the service itself. Use {@link ScoringClient}.
 */
interface ScoringReads {

    /** A page of a unit's scorecards with its headers: scoring says the list's length ({@code X-Total-Count}). */
    @GET
    @Path("/scorecards")
    RestResponse<List<Scorecard>> scorecards(@QueryParam("period") String period, @QueryParam("unit") String unit,
                               @QueryParam("status") String status, @QueryParam("limit") int limit,
                               @QueryParam("offset") int offset);

    @GET
    @Path("/scorecards")
    List<Scorecard> scorecardsOf(@QueryParam("employeeId") String employeeId, @QueryParam("status") String status,
                                 @QueryParam("limit") int limit, @QueryParam("offset") int offset);
}
