package io.perfcenter.scoring.client;

import io.perfcenter.scoring.client.MetricsPayloads.AggregateReport;
import io.perfcenter.scoring.client.MetricsPayloads.DataCorrection;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.LocalDate;
import java.util.List;

/**
 * The metrics-service endpoints scoring calls as itself ({@link ServiceHeaders}: the service's token, the acting
 * person in {@code X-Acting-For}), not with the caller's token: data corrections decided on appeals and the figures
 * recomputed after them. Use {@link MetricsClient}, which guards these calls.
 */
@RegisterRestClient(configKey = "metrics")
@RegisterClientHeaders(ServiceHeaders.class)
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
interface MetricsSystemRestClient {

    @PUT
    @Path("/corrections/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    DataCorrection putCorrection(@PathParam("key") String key, DataCorrection correction);

    @DELETE
    @Path("/corrections/{key}")
    void deleteCorrection(@PathParam("key") String key);

    @GET
    @Path("/aggregates")
    AggregateReport aggregatesOfAgent(@QueryParam("employeeId") String employeeId,
                                      @QueryParam("metric") List<String> metricCodes,
                                      @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);

    @PUT
    @Path("/qa/evaluations/{id}/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    void putQaDispute(@PathParam("id") long id, MetricsPayloads.QaDispute dispute);

    /** 4xx: our request was wrong, see {@link MetricsRejection}; anything else stays a failure of the dependency. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        return status >= 400 && status < 500 ? MetricsRejection.of(response) : null;
    }
}
