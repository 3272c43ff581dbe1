package io.perfcenter.metrics.qa;

import io.perfcenter.metrics.aggregate.PeriodRange;
import io.perfcenter.metrics.qa.SamplingPayloads.PlanInput;
import io.perfcenter.metrics.qa.SamplingPayloads.PlanView;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Page;
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

/**
 * QA sampling plans (抽检计划): which calls QA evaluates in a unit and period, drawn reproducibly from the ingested
 * calls and spread over the QA specialists named. Read and written by QA, hr and admin only: which calls will be
 * evaluated is not told to the agents or their leaders beforehand.
 */
@Path("/api/v1/metrics/qa/sampling-plans")
@Tag(name = "metrics: quality")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class SamplingResource {

    private final SamplingService sampling;

    SamplingResource(SamplingService sampling) {
        this.sampling = sampling;
    }

    @POST
    @RolesAllowed({Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "createQaSamplingPlan", summary = "Draw a unit's calls of a period for QA evaluation",
            description = "Samples ⌈agentShare × agents⌉ of the unit's agents and up to evaluationsPerAgent of each "
                    + "one's calls matching the filters, at random with the seed (given, or drawn and recorded: the "
                    + "same seed over the same records draws the same calls), and assigns each call to the QA "
                    + "specialist with the fewest so far (never the agent themself). Progress counts a call as done "
                    + "once an evaluation of the agent names it as contactExternalId.")
    @APIResponse(responseCode = "201", description = "The plan with its drawn calls",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it); nothing is stored")
    public Response create(@NotNull PlanInput input) {
        PlanView plan = sampling.view(sampling.create(input));
        return Response.created(URI.create("/api/v1/metrics/qa/sampling-plans/" + plan.id())).entity(plan).build();
    }

    @POST
    @Path("/{id}/top-up")
    @RolesAllowed({Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "topUpQaSamplingPlan", summary = "Top a sampling plan up with calls that arrived late",
            description = "For each sampled agent still short of evaluationsPerAgent (in employee-id order), draws "
                    + "from the agent's matching calls not in the plan yet (those ingested since the draw), ordered "
                    + "by (sourceSystem, externalId) and shuffled with java.util.Random(seed + round), one generator "
                    + "for the round (round 1, 2, …), as many as the agent is short; each goes to the QA specialist "
                    + "with the fewest calls of the plan so far, never the agent themself. The plan's calls so far "
                    + "stay as they are; a round that added calls is recorded in rounds. 409 once the plan is closed "
                    + "(its period ended more than PERFCENTER_QA_TOP_UP_DAYS days ago, default 31) or its period "
                    + "begins before the raw-record retention's first kept day.")
    @APIResponse(responseCode = "200", description = "The plan with the calls added and its progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "The plan is closed to top-ups or its records are gone; nothing "
            + "is stored")
    public PlanView topUp(@Parameter(description = "The plan's id", example = "7") @PathParam("id") long id) {
        return sampling.view(sampling.topUp(id));
    }

    @GET
    @RolesAllowed({Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listQaSamplingPlans", summary = "Sampling plans, newest first, with their progress")
    @APIResponse(responseCode = "200", description = "The plans", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem names it)")
    public RestResponse<List<PlanView>> list(
            @Parameter(description = "Only plans of this unit", example = "G-HOTLINE-1") @QueryParam("unit")
            String unit,
            @Parameter(description = "Only plans overlapping this period", example = "2026-10")
            @QueryParam("period") String period,
            @BeanParam Page page) {
        PeriodRange range = period == null ? null : PeriodRange.of(period, null, null);
        List<Long> ids = sampling.ids(unit, range);
        int from = Math.min(page.offset(), ids.size());
        List<Long> shown = ids.subList(from, (int) Math.min((long) from + page.limit(), ids.size()));
        return page.of(shown.stream().map(sampling::view).toList(), ids.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getQaSamplingPlan", summary = "A sampling plan: its drawn calls and progress")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    public PlanView get(@Parameter(description = "The plan's id", example = "7") @PathParam("id") long id) {
        return sampling.view(id);
    }
}
