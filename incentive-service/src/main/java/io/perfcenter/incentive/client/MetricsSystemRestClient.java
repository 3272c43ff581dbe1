package io.perfcenter.incentive.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * metrics-service's org directory and aggregates, asked as incentive-service itself ({@link ServiceHeaders}), not
 * with the caller's token. Which units the caller leads is never asked this way ({@link MetricsRestClient#myUnits}).
 * Use {@link MetricsClient}.
 */
@RegisterRestClient(configKey = "metrics")
@RegisterClientHeaders(ServiceHeaders.class)
@Path("/api/v1/metrics")
interface MetricsSystemRestClient {

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

    /** Memberships of the unit (and the units below it) overlapping [from, to]. */
    @GET
    @Path("/org/units/{code}/members")
    List<OrgMember> members(@PathParam("code") String unitCode, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("limit") int limit,
                            @QueryParam("offset") int offset);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Downstream.error(Downstream.METRICS, response.getStatus());
    }
}
