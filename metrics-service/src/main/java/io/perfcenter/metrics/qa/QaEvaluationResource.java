package io.perfcenter.metrics.qa;

import io.perfcenter.metrics.qa.QaEvaluationPayloads.AcknowledgementInput;
import io.perfcenter.metrics.qa.QaEvaluationPayloads.DisputeInput;
import io.perfcenter.metrics.qa.QaEvaluationPayloads.EvaluationView;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.LocalDate;
import java.util.List;

/**
 * An agent's QA evaluations of a period with their per-item results and, for form-scored ones, how the score came
 * about: what an agent discusses with their supervisor (绩效面谈) and what a dispute names. The evaluated agent
 * acknowledges an evaluation here, or disputes it with an appeal in scoring-service, which reports the appeal and its
 * outcome here ({@link QaEvaluationResponses}).
 */
@Path("/api/v1/metrics/qa/evaluations")
@Tag(name = "metrics: quality")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this, or the caller sees the evaluation but may "
        + "not do this to it")
public class QaEvaluationResource {

    private final QaEvaluations evaluations;
    private final QaEvaluationResponses responses;

    QaEvaluationResource(QaEvaluations evaluations, QaEvaluationResponses responses) {
        this.evaluations = evaluations;
        this.responses = responses;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listQaEvaluations", summary = "An agent's QA evaluations of a period, item by item",
            description = "Give employeeId and period (2026-10, 2026-Q4, …) or from and to. The agent reads their "
                    + "own; a supervisor or manager those dated on days the agent belonged to a unit they lead (as "
                    + "for figures); QA specialists, hr and admin every agent's. Ordered by evaluatedOn, "
                    + "sourceSystem, externalId.")
    @APIResponse(responseCode = "200", description = "The evaluations", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Missing or invalid parameter (problem names it)")
    @APIResponse(responseCode = "404", description = "No such agent, or one outside the caller's scope (the same "
            + "answer)")
    public RestResponse<List<EvaluationView>> list(
            @Parameter(description = "The evaluated agent", example = "E2001") @QueryParam("employeeId")
            String employeeId,
            @Parameter(description = "A day, week, month, quarter or year", example = "2026-10")
            @QueryParam("period") String period,
            @Parameter(description = "First day (with to)", example = "2026-10-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day (with from)", example = "2026-10-31") @QueryParam("to") LocalDate to,
            @BeanParam Page page) {
        return page.of(evaluations.list(employeeId, period, from, to));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getQaEvaluation", summary = "One QA evaluation, item by item, with the agent's answer",
            description = "Scoped as listQaEvaluations: the agent their own; a supervisor or manager one dated on a "
                    + "day the agent belonged to a unit they lead; QA specialists, hr and admin all. agentStatus says "
                    + "whether the agent acknowledged or disputed it (with the appeal's number and outcome).")
    @APIResponse(responseCode = "200", description = "The evaluation")
    @APIResponse(responseCode = "404", description = "No such evaluation, or one outside the caller's scope (the same "
            + "answer)")
    public EvaluationView get(@Parameter(example = "17") @PathParam("id") long id) {
        return evaluations.get(id);
    }

    @POST
    @Path("/{id}/acknowledgement")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    @Operation(operationId = "acknowledgeQaEvaluation", summary = "The evaluated agent acknowledges an evaluation",
            description = "Only the evaluated agent (their employee id), with an optional comment; agentStatus becomes "
                    + "ACKNOWLEDGED for the current revision. Acknowledging again replaces the comment. An evaluation "
                    + "disputed by an open appeal is not acknowledged (409). To dispute it, file an appeal in "
                    + "scoring-service (POST /api/v1/scoring/appeals, kind DATA_POINT, record {kind: qa-evaluations, "
                    + "id}).")
    @APIResponse(responseCode = "200", description = "Acknowledged")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "404", description = "No such evaluation, or one outside the caller's scope")
    @APIResponse(responseCode = "409", description = "Disputed by an appeal still open")
    @Consumes(MediaType.APPLICATION_JSON)
    public EvaluationView acknowledge(@Parameter(example = "17") @PathParam("id") long id,
                                      AcknowledgementInput input) {
        return responses.acknowledge(id, input);
    }

    @PUT
    @Path("/{id}/dispute")
    @RolesAllowed({Roles.CORRECTIONS_WRITER})
    @Operation(operationId = "recordQaEvaluationDispute", summary = "scoring-service reports the appeal disputing an "
            + "evaluation, and its outcome",
            description = "Called by scoring-service as itself (role corrections-writer, the deciding or filing person "
                    + "in X-Acting-For, which is recorded): OPEN when an appeal naming the evaluation is filed or "
                    + "reopened, ACCEPTED or REJECTED when it is decided, WITHDRAWN when its filing did not complete. "
                    + "Idempotent; another appeal while one is open is a 409.")
    @APIResponse(responseCode = "200", description = "Recorded; the evaluation as it stands")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it), e.g. another agent")
    @APIResponse(responseCode = "404", description = "No such evaluation")
    @APIResponse(responseCode = "409", description = "Disputed by another appeal still open")
    @Consumes(MediaType.APPLICATION_JSON)
    public EvaluationView dispute(@Parameter(example = "17") @PathParam("id") long id, @NotNull DisputeInput input,
                                  @Parameter(description = "Who the calling service acts for")
                                  @HeaderParam("X-Acting-For") String actingFor) {
        return responses.dispute(id, input, actingFor);
    }
}
