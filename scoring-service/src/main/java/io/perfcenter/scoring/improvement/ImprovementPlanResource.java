package io.perfcenter.scoring.improvement;

import io.perfcenter.scoring.improvement.ImprovementPayloads.CheckInInput;
import io.perfcenter.scoring.improvement.ImprovementPayloads.ConsequenceInput;
import io.perfcenter.scoring.improvement.ImprovementPayloads.PlanInput;
import io.perfcenter.scoring.improvement.ImprovementPayloads.PlanView;
import io.perfcenter.scoring.security.Roles;
import io.perfcenter.scoring.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

@Path("/api/v1/scoring/improvement-plans")
@Tag(name = "scoring: improvement plans", description = "Improvement plans (绩效改进计划): goals measured by metrics "
        + "over ISO weeks or months, check-ins, the outcome evaluated from the figures, consequences after a miss")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this, or the caller sees the object but may "
        + "not do this to it (an object outside the caller's data scope answers 404, as an unknown one)")
public class ImprovementPlanResource {

    private final ImprovementPlanService plans;

    ImprovementPlanResource(ImprovementPlanService plans) {
        this.plans = plans;
    }

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "createImprovementPlan", summary = "Make an improvement plan for an agent",
            description = "By a leader of the agent's unit (or a unit above it), hr or admin; never for oneself. The "
                    + "agent must belong to unitCode (or a unit below it) on startDate. Goals: a metric AT_MOST or "
                    + "AT_LEAST a value in `consecutive` ISO weeks (Monday–Sunday, the center's calendar) or calendar "
                    + "months lying wholly between startDate and dueDate, e.g. aht AT_MOST 420 in 2 consecutive "
                    + "WEEKs. Example: {\"employeeId\":\"E2001\",\"unitCode\":\"G-EAST-1\",\"startDate\":"
                    + "\"2026-11-02\",\"dueDate\":\"2026-11-29\",\"goals\":[{\"metricCode\":\"aht\",\"comparison\":"
                    + "\"AT_MOST\",\"value\":420,\"window\":\"WEEK\",\"consecutive\":2}],\"reason\":\"AHT 480 s in "
                    + "October\"}")
    @APIResponse(responseCode = "201", description = "The plan, IN_PROGRESS",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it): e.g. fewer full weeks than "
            + "the goal needs, the agent not in the unit, an unknown metric")
    @APIResponse(responseCode = "503", description = "metrics-service is unavailable; nothing stored")
    public Response create(@NotNull PlanInput input) {
        PlanView plan = plans.create(input);
        return Response.created(URI.create("/api/v1/scoring/improvement-plans/" + plan.id())).entity(plan).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listImprovementPlans", summary = "Improvement plans in the caller's scope",
            description = "Agents their own; supervisors and managers those of the units they lead (and below); hr "
                    + "and admin all. Oldest first (by id).")
    @APIResponse(responseCode = "200", description = "Plans with check-ins, last evaluation and consequences",
            headers = {
                    @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = Page.TOTAL, description = Page.TOTAL_DOC,
                            schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or offset (problem names it)")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public RestResponse<List<PlanView>> list(
            @Parameter(example = "E2001") @QueryParam("employeeId") String employeeId,
            @Parameter(example = "G-EAST-1") @QueryParam("unitCode") String unitCode,
            @Parameter(description = "IN_PROGRESS, MET or MISSED", example = "MISSED") @QueryParam("status")
            String status,
            @BeanParam Page page) {
        return page.of(plans.list(employeeId, unitCode, status));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getImprovementPlan", summary = "One improvement plan",
            description = "The stored last evaluation; reading never calls metrics-service (evaluate does).")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "404", description = "No such plan, or one outside the caller's scope (the same "
            + "answer)")
    public PlanView get(@Parameter(example = "3") @PathParam("id") long id) {
        return plans.get(id);
    }

    @POST
    @Path("/{id}/check-ins")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "addImprovementPlanCheckIn", summary = "Add a check-in note (coach or agent)",
            description = "The agent on their own plan (authorRole AGENT), its coach (COACH).")
    @APIResponse(responseCode = "200", description = "The plan with the check-in")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "404", description = "No such plan, or one outside the caller's scope (the same "
            + "answer)")
    public PlanView checkIn(@Parameter(example = "3") @PathParam("id") long id, @NotNull CheckInInput input) {
        return plans.checkIn(id, input);
    }

    @POST
    @Path("/{id}/evaluation")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "evaluateImprovementPlan", summary = "Evaluate the plan from metrics-service's figures",
            description = "Reads the agent's value of each goal's metric in every window (ISO week or month) wholly "
                    + "between start and due whose last day has passed, as the service itself (the same figures "
                    + "whoever evaluates). MET when every goal held in a run of `consecutive` windows; MISSED when "
                    + "the due date has passed without that (the coach then owes a consequence); IN_PROGRESS "
                    + "otherwise. Stored with the figures; a MET or MISSED plan answers unchanged.")
    @APIResponse(responseCode = "200", description = "The plan with its evaluation")
    @APIResponse(responseCode = "404", description = "No such plan, or one outside the caller's scope (the same "
            + "answer)")
    @APIResponse(responseCode = "503", description = "metrics-service is unavailable; nothing stored")
    public PlanView evaluate(@Parameter(example = "3") @PathParam("id") long id) {
        return plans.evaluate(id);
    }

    @POST
    @Path("/{id}/consequence")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "recordImprovementPlanConsequence",
            summary = "Record what follows a missed plan, with its reason",
            description = "By the plan's coach, after a MISSED evaluation, once per miss: RETRAINING (assigned), "
                    + "REASSIGNMENT, NONE, or EXTENDED with extendedTo (the plan is IN_PROGRESS again until the new "
                    + "due date). The reason is required and the agent reads it.")
    @APIResponse(responseCode = "200", description = "The plan with the consequence")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "404", description = "No such plan, or one outside the caller's scope (the same "
            + "answer)")
    @APIResponse(responseCode = "409", description = "The plan is not MISSED, or its consequence is recorded")
    public PlanView consequence(@Parameter(example = "3") @PathParam("id") long id,
                                @NotNull ConsequenceInput input) {
        return plans.recordConsequence(id, input);
    }
}
