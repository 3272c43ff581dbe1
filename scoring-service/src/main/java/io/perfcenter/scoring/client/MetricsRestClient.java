package io.perfcenter.scoring.client;

import io.perfcenter.scoring.client.MetricsPayloads.AggregateReport;
import io.perfcenter.scoring.client.MetricsPayloads.Assignment;
import io.perfcenter.scoring.client.MetricsPayloads.IngestReport;
import io.perfcenter.scoring.client.MetricsPayloads.Member;
import io.perfcenter.scoring.client.MetricsPayloads.OrgUnit;
import io.perfcenter.scoring.client.MetricsPayloads.ValueRecord;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.LocalDate;
import java.util.List;

/**
 * The HTTP shape of the metrics-service endpoints scoring calls. The caller's Authorization and X-Request-Id
 * headers are propagated ({@code org.eclipse.microprofile.rest.client.propagateHeaders}), so metrics-service applies
 * the caller's own data scope. Use {@link MetricsClient}, which guards these calls.
 */
@RegisterRestClient(configKey = "metrics")
@RegisterClientHeaders
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
interface MetricsRestClient {

    @GET
    @Path("/aggregates")
    AggregateReport aggregates(@QueryParam("unit") String unitCode, @QueryParam("metric") List<String> metricCodes,
                               @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);

    @GET
    @Path("/aggregates")
    AggregateReport aggregatesOfAgent(@QueryParam("employeeId") String employeeId,
                                      @QueryParam("metric") List<String> metricCodes,
                                      @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);

    @GET
    @Path("/org/my-units")
    List<String> myUnits(@QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("/org/units/{code}")
    OrgUnit unit(@PathParam("code") String code);

    @GET
    @Path("/org/units/{code}/members")
    List<Member> members(@PathParam("code") String code, @QueryParam("from") LocalDate from,
                         @QueryParam("to") LocalDate to, @QueryParam("limit") int limit,
                         @QueryParam("offset") int offset);

    @GET
    @Path("/org/units/{code}/assignments")
    RestResponse<List<Assignment>> assignments(@PathParam("code") String code, @QueryParam("from") LocalDate from,
                                 @QueryParam("to") LocalDate to, @QueryParam("policy") String policy,
                                 @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @POST
    @Path("/values")
    @Consumes(MediaType.APPLICATION_JSON)
    IngestReport ingest(List<ValueRecord> records, @QueryParam("atomic") boolean atomic);

    @GET
    @Path("/qa/evaluations/{id}")
    MetricsPayloads.QaEvaluation qaEvaluation(@PathParam("id") long id);

    @GET
    @Path("/qa/evaluations")
    List<MetricsPayloads.QaEvaluation> qaEvaluations(@QueryParam("employeeId") String employeeId,
                                                     @QueryParam("from") LocalDate from,
                                                     @QueryParam("to") LocalDate to,
                                                     @QueryParam("limit") int limit,
                                                     @QueryParam("offset") int offset);

    /** 4xx: our request was wrong, see {@link MetricsRejection}; anything else stays a failure of the dependency. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        return status >= 400 && status < 500 ? MetricsRejection.of(response) : null;
    }
}
