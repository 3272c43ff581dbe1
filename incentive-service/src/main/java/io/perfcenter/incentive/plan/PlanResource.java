package io.perfcenter.incentive.plan;

import io.perfcenter.incentive.web.Page;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.plan.PlanPayloads.PlanView;
import io.perfcenter.incentive.security.Caller;
import io.perfcenter.incentive.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.perfcenter.incentive.web.EntityTags;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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

    private final PlanService plans;
    private final Caller caller;

    PlanResource(PlanService plans, Caller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "createPlan", summary = "Create a plan, or a new version of an existing plan code",
            description = "Versions are immutable; runs record the version they used. Every section but performance "
                    + "pay is optional; the first invalid field is a problem naming it by its path "
                    + "(commission.brackets[1].upTo). To make sure nobody added a version meanwhile, send the ETag "
                    + "of the version you read as If-Match.")
    @APIResponse(responseCode = "201", description = "Created; the body carries the version",
            headers = @Header(name = "ETag", description = "The new version's entity tag",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it); nothing stored")
    @APIResponse(responseCode = "409", description = "The plan is retired; nothing stored")
    @APIResponse(responseCode = "412", description = "If-Match names another version than the latest; nothing stored")
    public Response create(PlanInput input, @Parameter(description = EntityTags.IF_MATCH, example = "\"2\"")
                           @HeaderParam("If-Match") String ifMatch) {
        IncentivePlan stored = plans.create(input, caller.name(), ifMatch);
        PlanView plan = PlanView.of(stored);
        return Response.created(URI.create("/api/v1/incentives/plans/" + plan.code() + "?version=" + plan.version()))
                .header("ETag", stored.entityTag()).entity(plan).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listPlans", summary = "The latest version of every plan in use")
    @APIResponse(responseCode = "200", description = "Plans ordered by code", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    public RestResponse<List<PlanView>> list(
            @Parameter(description = "true: retired plans too", example = "false")
            @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
            @BeanParam Page page) {
        return page.of(plans.latestVersions(includeRetired).stream().map(PlanView::of).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getPlan", summary = "A plan, retired or not: its latest version, or the version asked for")
    @APIResponse(responseCode = "200", description = "The plan version",
            headers = @Header(name = "ETag", description = "Send it as If-Match to add the next version or retire",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan or version")
    public Response get(@Parameter(example = "PERF-2026") @PathParam("code") String code,
                        @Parameter(description = "A past version; the latest when absent", example = "1")
                        @QueryParam("version") Integer version) {
        IncentivePlan plan = plans.get(code, version);
        return Response.ok(PlanView.of(plan)).header("ETag", plan.entityTag()).build();
    }

    @POST
    @Path("/{code}/retire")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "retireIncentivePlan", summary = "Retire a plan, keeping its history",
            description = "Every version is kept and still reads, as do the runs and statements that used it; the "
                    + "plan leaves the default list (?includeRetired=true shows it), new runs with it are refused "
                    + "(409) and its code is not defined again. Retiring a retired plan answers it unchanged.")
    @APIResponse(responseCode = "200", description = "The plan as retired",
            headers = @Header(name = "ETag", description = "The retired plan's entity tag",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "412", description = "If-Match names another state than the current one")
    public Response retire(@Parameter(example = "PERF-2026") @PathParam("code") String code,
                           @Parameter(description = EntityTags.IF_MATCH, example = "\"2\"")
                           @HeaderParam("If-Match") String ifMatch) {
        IncentivePlan plan = plans.retire(code, ifMatch, caller.name());
        return Response.ok(PlanView.of(plan)).header("ETag", plan.entityTag()).build();
    }
}
