package io.perfcenter.scoring.run;

import io.perfcenter.scoring.web.Page;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.perfcenter.scoring.audit.AuditPayloads.EventView;
import io.perfcenter.scoring.run.RunPayloads.AgentChange;
import io.perfcenter.scoring.run.RunPayloads.Reproduction;
import io.perfcenter.scoring.run.RunPayloads.RunInput;
import io.perfcenter.scoring.run.RunPayloads.RunSummary;
import io.perfcenter.scoring.run.RunPayloads.RunView;
import io.perfcenter.scoring.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
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

@Path("/api/v1/scoring/runs")
@Tag(name = "scoring: runs", description = "Scoring a unit for a period with a template: revisions, review, "
        + "publishing and locking")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this, or the caller sees the object but may "
        + "not do this to it (an object outside the caller's data scope answers 404, as an unknown one)")
public class RunResource {

    /** What {@code ?scorecards=false} of a publish or lock does. */
    static final String WITHOUT_SCORECARDS = "false: answer with the run alone, without its scorecards (ten thousand "
            + "at a center's close); read them with GET /runs/{id} or GET /scorecards. Default true";

    private final RunService runs;
    private final RunQueryService queries;
    private final RunLifecycleService lifecycle;
    private final WhatIf whatIf;

    RunResource(RunService runs, RunQueryService queries, RunLifecycleService lifecycle, WhatIf whatIf) {
        this.runs = runs;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.whatIf = whatIf;
    }

    @POST
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "computeScoringRun", summary = "Score every agent (or unit) of a unit for a period",
            description = "Reads the values of all the template's metrics from metrics-service in bulk, scores each "
                    + "agent (items, total, grade, rank, percentile) and stores the run as COMPUTED, with the inputs "
                    + "used. Idempotent: when the latest revision of the same template, unit and period was computed "
                    + "from the same inputs, it is returned as it is (200, unchanged=true); otherwise the next "
                    + "revision is stored (201) with the changes per agent against the previous one. Items without "
                    + "enough data are handled by the template's insufficient-data policy and say so.")
    @APIResponse(responseCode = "201", description = "Computed: a new revision, with its scorecards, best rank first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "200", description = "Same inputs as the latest revision: that revision, unchanged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field or unknown template or unit (problem names "
            + "the field); nothing is stored")
    @APIResponse(responseCode = "409", description = "The template is retired, or an agent of the unit already has a "
            + "current scorecard of this template in another unit; nothing is stored")
    @APIResponse(responseCode = "503", description = "metrics-service unreachable, too slow or cut off by the "
            + "circuit breaker; nothing is stored")
    public Response compute(@NotNull RunInput input,
                            @Parameter(description = "false: answer without the scorecards (and changes), for large "
                                    + "units; read them with GET /runs/{id} or GET /scorecards") @QueryParam("scorecards")
                            @DefaultValue("true") boolean withScorecards) {
        RunService.Outcome outcome = runs.compute(input, withScorecards);
        RunView run = withScorecards ? outcome.run() : outcome.run().summary();
        if (!outcome.created()) {
            return Response.ok(run).build();
        }
        return Response.created(URI.create("/api/v1/scoring/runs/" + run.id())).entity(run).build();
    }

    @POST
    @Path("/what-if")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "previewScoringRun", summary = "What-if: score a past period with a template version or "
            + "draft, without storing",
            description = "Computes exactly as a run would (metrics fetched, rules, policies, ranks, forced "
                    + "distribution), stores nothing, and compares totals, grades, ranks and the grade distribution "
                    + "with the stored run of the same template, unit and period. Give templateCode (and optionally "
                    + "templateVersion) for a stored version, or template for a draft of the next version.")
    @APIResponse(responseCode = "200", description = "The comparison and the previewed scorecards")
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. of the draft (problem names it)")
    @APIResponse(responseCode = "503", description = "metrics-service unavailable")
    public RunPayloads.PreviewView preview(@NotNull RunPayloads.PreviewInput input) {
        return whatIf.preview(input);
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listScoringRuns", summary = "Runs, newest period first, without their scorecards",
            description = "Supervisors and managers see the runs of the units they lead.")
    @APIResponse(responseCode = "200", description = "Runs matching the filters: newest period first, then unit, "
            + "newest run first",
            headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or offset (problem names it)")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public RestResponse<List<RunSummary>> list(
            @Parameter(description = "2026-10, 2026-Q4, 2026 or a range", example = "2026-10") @QueryParam("period")
            String period,
            @Parameter(description = "Unit the run scored", example = "G-EAST-1") @QueryParam("unit") String unit,
            @Parameter(example = "SEAT-MONTHLY") @QueryParam("templateCode") String templateCode,
            @BeanParam Page page) {
        return page.of(queries.list(period, unit, templateCode));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getScoringRun", summary = "A run with its scorecards, best rank first",
            description = "Supervisors and managers see runs of the units they lead.")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", description = "No such run, or one outside the caller's scope (the same answer)")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public RunView get(@PathParam("id") long id) {
        return queries.get(id);
    }

    @GET
    @Path("/{id}/changes")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getScoringRunChanges", summary = "What changed per agent against the previous revision",
            description = "Agents added, removed, or with a different total, grade, rank or item value or points. "
                    + "With `against`, compared with that revision of the same template, unit and period instead.")
    @APIResponse(responseCode = "200", description = "The changes, the new revision's agents best rank first, then "
            + "those removed; empty for a first revision",
            headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "`against` is no revision of the same series, or limit or "
            + "offset invalid (problem names it)")
    @APIResponse(responseCode = "404", description = "No such run, or one outside the caller's scope (the same answer)")
    public RestResponse<List<AgentChange>> changes(@PathParam("id") long id,
                                     @Parameter(description = "Another revision's run id") @QueryParam("against")
                                     Long against,
                                     @BeanParam Page page) {
        return page.of(queries.changes(id, against));
    }

    @GET
    @Path("/{id}/reproduction")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "reproduceScoringRun", summary = "Recompute the run from its stored inputs and compare",
            description = "Uses the template version, inputs (metric values, samples, targets, appeal adjustments) "
                    + "and ratings stored with the run; stores nothing.")
    @APIResponse(responseCode = "200", description = "Whether every scorecard comes out the same, and any difference")
    @APIResponse(responseCode = "404", description = "No such run, or one outside the caller's scope (the same answer)")
    public Reproduction reproduce(@PathParam("id") long id) {
        return runs.reproduce(id);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getScoringRunHistory", summary = "The run's audit trail: computed, reviews, ratings, "
            + "published, locked, appeals — who and when")
    @APIResponse(responseCode = "200", description = "Events, oldest first (by id)", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    @APIResponse(responseCode = "404", description = "No such run, or one outside the caller's scope (the same answer)")
    public RestResponse<List<EventView>> history(@PathParam("id") long id, @BeanParam Page page) {
        return page.of(queries.history(id));
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "openScoringRunReview", summary = "Open a computed run for self-assessments, ratings "
            + "and supervisor reviews",
            description = "COMPUTED → IN_REVIEW: agents now see their own draft scorecard and write their "
                    + "self-assessment; supervisors rate and review their group's.")
    @APIResponse(responseCode = "200", description = "The run, IN_REVIEW")
    @APIResponse(responseCode = "404", description = "No such run, or one outside the caller's scope (the same answer)")
    @APIResponse(responseCode = "409", description = "The run is not COMPUTED")
    public RunView openReview(@PathParam("id") long id) {
        return lifecycle.openReview(id);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "publishScoringRun", summary = "Publish a run and its scorecards",
            description = "COMPUTED or IN_REVIEW → PUBLISHED. Agents see their published scorecards; "
                    + "incentive-service reads them. A newer revision supersedes the published one (SUPERSEDED) "
                    + "unless that is locked or has open appeals. A template requiring reviews is published only "
                    + "when every scorecard was reviewed.")
    @APIResponse(responseCode = "200", description = "Published; the run with its scorecards (without them with "
            + "scorecards=false)")
    @APIResponse(responseCode = "400", description = "scorecards is neither true nor false (problem names it)")
    @APIResponse(responseCode = "404", description = "No such run, or one outside the caller's scope (the same answer)")
    @APIResponse(responseCode = "409", description = "Already published, superseded, reviews missing, or the "
            + "published revision is newer, locked or has open appeals")
    public RunView publish(@PathParam("id") long id,
                           @Parameter(description = WITHOUT_SCORECARDS, example = "false") @QueryParam("scorecards")
                           @DefaultValue("true") boolean withScorecards) {
        return lifecycle.publish(id, withScorecards);
    }

    @POST
    @Path("/{id}/lock")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "lockScoringRun", summary = "Lock a published run",
            description = "PUBLISHED → LOCKED: no more appeals or changes. Locked scorecards are still final for pay: "
                    + "`GET /scorecards?status=PUBLISHED` returns them too.")
    @APIResponse(responseCode = "200", description = "Locked; the run with its scorecards (without them with "
            + "scorecards=false)")
    @APIResponse(responseCode = "400", description = "scorecards is neither true nor false (problem names it)")
    @APIResponse(responseCode = "404", description = "No such run, or one outside the caller's scope (the same answer)")
    @APIResponse(responseCode = "409", description = "Not PUBLISHED, or appeals are open")
    public RunView lock(@PathParam("id") long id,
                        @Parameter(description = WITHOUT_SCORECARDS, example = "false") @QueryParam("scorecards")
                        @DefaultValue("true") boolean withScorecards) {
        return lifecycle.lock(id, withScorecards);
    }
}
