package io.perfcenter.incentive.plan;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.plan.PlanPayloads.PlanView;
import io.perfcenter.incentive.security.Caller;
import io.perfcenter.incentive.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/v1/incentives/plans")
@Tag(name = "incentives: plans", description = "Versioned incentive plans: performance pay by grade or score band, "
        + "targets, commission, team reward, perks, honor prizes, over-budget policy")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class PlanResource {

    private final PlanCatalog plans;
    private final Caller caller;

    PlanResource(PlanCatalog plans, Caller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "createPlan", summary = "Create a plan, or a new version of an existing plan code",
            description = "Versions are immutable; runs record the version they used. Every section but performance "
                    + "pay is optional; the first invalid field is a problem naming it by its path "
                    + "(commission.brackets[1].upTo).")
    @APIResponse(responseCode = "201", description = "Created; the body carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it); nothing stored")
    public Response create(PlanInput input) {
        PlanView plan = PlanView.of(plans.create(input, caller.name()));
        return Response.created(URI.create("/api/v1/incentives/plans/" + plan.code() + "?version=" + plan.version()))
                .entity(plan).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listPlans", summary = "The latest version of every plan")
    @APIResponse(responseCode = "200", description = "Plans ordered by code")
    public List<PlanView> list() {
        return plans.latestVersions().stream().map(PlanView::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getPlan", summary = "A plan: its latest version, or the version asked for")
    @APIResponse(responseCode = "200", description = "The plan version")
    @APIResponse(responseCode = "404", description = "No such plan or version")
    public PlanView get(@Parameter(example = "PERF-2026") @PathParam("code") String code,
                        @Parameter(description = "A past version; the latest when absent", example = "1")
                        @QueryParam("version") Integer version) {
        return PlanView.of(plans.get(code, version));
    }
}
