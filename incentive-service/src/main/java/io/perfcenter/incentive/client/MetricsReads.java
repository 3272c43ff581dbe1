package io.perfcenter.incentive.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.List;

/**
 * The reads incentive-service makes of metrics-service (below {@code /api/v1/metrics}) on either authority, declared
 * once. Two REST clients extend it and differ only in on whose authority they ask ({@link ReadAs}):
 * {@link MetricsRestClient} with the caller's token (and, only that way, which units the caller leads),
 * {@link MetricsSystemRestClient} as the service itself. Use {@link MetricsClient}.
 */
interface MetricsReads {

    /** Name either unit or employeeId; from and to are ISO dates, both inclusive; anomalies=true flags outliers. */
    @GET
    @Path("/aggregates")
    MetricAggregates aggregates(@QueryParam("unit") String unit, @QueryParam("employeeId") String employeeId,
                                @QueryParam("metric") List<String> metrics, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("anomalies") Boolean anomalies);

    /** The org directory's entry of a person: position, hire date, unit today. */
    @GET
    @Path("/org/agents/{employeeId}")
    OrgPerson agent(@PathParam("employeeId") String employeeId);

    /** One unit of the org directory: its kind and parent (a center has none). */
    @GET
    @Path("/org/units/{code}")
    OrgUnitEntry unit(@PathParam("code") String code);

    /** Memberships of the unit (and the units below it) overlapping [from, to]. */
    @GET
    @Path("/org/units/{code}/members")
    List<OrgMember> members(@PathParam("code") String unitCode, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("limit") int limit,
                            @QueryParam("offset") int offset);
}
