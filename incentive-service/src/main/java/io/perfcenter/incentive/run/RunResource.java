package io.perfcenter.incentive.run;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import io.perfcenter.incentive.web.Language;
import io.perfcenter.incentive.web.Explained;
import io.perfcenter.incentive.web.Page;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.perfcenter.incentive.run.RunPayloads.RunInput;
import io.perfcenter.incentive.run.RunPayloads.RunSummary;
import io.perfcenter.incentive.run.RunPayloads.RunView;
import io.perfcenter.incentive.client.MetricsClient;
import io.perfcenter.incentive.security.Caller;
import io.perfcenter.incentive.security.Roles;
import io.perfcenter.incentive.period.Period;
import io.perfcenter.incentive.web.Problems;
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

@Path("/api/v1/incentives/runs")
@Tag(name = "incentives: runs", description = "Payout runs: a plan applied to a unit's published scorecards of a month")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this, or the caller sees the object but may "
        + "not do this to it (an object outside the caller's data scope answers 404, as an unknown one)")
public class RunResource {

    private final PayoutRunService runs;
    private final Caller caller;
    private final MetricsClient metrics;
    private final PayoutCounters counters;

    RunResource(PayoutRunService runs, Caller caller, MetricsClient metrics, PayoutCounters counters) {
        this.runs = runs;
        this.counters = counters;
        this.caller = caller;
        this.metrics = metrics;
    }

    @POST
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "computeRun", summary = "Compute the statements of a unit for a month",
            description = "Fetches the unit's PUBLISHED scorecards of the period from scoring-service (and from "
                    + "metrics-service the figures a plan section needs that the scorecards lack) and writes one "
                    + "statement per scorecard, one line per component of the plan: performance-pay (salary × share "
                    + "× grade or score-band coefficient), target-bonus and challenge-bonus, commission, team-share, "
                    + "honor, perk. Lines are rounded HALF_UP to 2 decimals. An agent without a salary on file gets "
                    + "a statement flagged missingSalary and no total. The run's cost is held against the unit's "
                    + "budget. Computing again before approval: identical statements answer 200 with the live run; "
                    + "changed ones supersede it with the next revision (see GET /runs/{id}/changes).")
    @APIResponse(responseCode = "201", description = "A new run or revision (COMPUTED) with its statements",
            headers = @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "200", description = "Nothing changed: the live run, as it was",
            headers = @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, or no such plan (problem names the field)")
    @APIResponse(responseCode = "409", description = "No published scorecards (scores-not-published), or the "
            + "run of this plan, period and unit is approved (run-locked), or the plan is retired (conflict)")
    @APIResponse(responseCode = "502", description = "scoring-service refused the request")
    @APIResponse(responseCode = "503", description = "scoring-service or metrics-service is unavailable; nothing "
            + "was stored")
    public Response compute(RunInput input) {
        PayoutRunService.Computed computed = runs.compute(input, caller.name());
        RunView run = computed.run();
        return computed.created()
                ? Response.created(URI.create("/api/v1/incentives/runs/" + run.id())).entity(run).build()
                : Response.ok(run).build();
    }

    @GET
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.MANAGER, Roles.PAYROLL_EXPORT})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "listRuns", summary = "Runs, newest first, without their statements",
            description = "Managers see the runs of the units they lead.")
    @APIResponse(responseCode = "200", description = "The runs, newest (highest id) first", headers = {
            @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Invalid parameter, limit or offset (problem names it)")
    @APIResponse(responseCode = "503", description = "metrics-service is unavailable (managers only)")
    public RestResponse<List<RunSummary>> list(
            @Parameter(example = "2026-10") @QueryParam("period") String period,
            @Parameter(example = "G-EAST-1") @QueryParam("unitCode") String unitCode,
            @Parameter(example = "PERF-2026") @QueryParam("planCode") String planCode,
            @Parameter(description = "COMPUTED, APPROVED or SUPERSEDED", example = "APPROVED")
            @QueryParam("status") String status,
            @BeanParam Page page) {
        Period.parseOptionalMonth("period", period);
        RunStatus wanted = status == null ? null : parseStatus(status);
        List<String> units = caller.seesEverything() ? null : List.copyOf(metrics.myUnits());
        return page.of(runs.list(period, unitCode, planCode, wanted, units));
    }

    private static RunStatus parseStatus(String status) {
        try {
            return RunStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("status", "must be COMPUTED, APPROVED or SUPERSEDED");
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.MANAGER, Roles.PAYROLL_EXPORT})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "getRun", summary = "A run with its statements",
            description = "Managers see the runs of the units they lead.")
    @APIResponse(responseCode = "200",
            headers = @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            description = "The run")
    @APIResponse(responseCode = "404", description = "No such run, or one outside the caller's scope (the same answer)")
    @APIResponse(responseCode = "503", description = "metrics-service is unavailable (managers only)")
    public RunView get(@Parameter(example = "7") @PathParam("id") long id) {
        checkScope(runs.summary(id));
        return runs.get(id);
    }

    @GET
    @Path("/{id}/changes")
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.MANAGER})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "getRunChanges", summary = "What changed per agent against the previous revision",
            description = "For a run that superseded another (after an appeal changed a scorecard, a salary changed "
                    + "…): each agent whose statement differs, with the lines that differ and the source facts that "
                    + "differ (grade, total, sales …). A first revision has no changes.")
    @APIResponse(responseCode = "200",
            headers = @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            description = "The changes")
    @APIResponse(responseCode = "404", description = "No such run, or one outside the caller's scope (the same answer)")
    @APIResponse(responseCode = "503", description = "metrics-service is unavailable (managers only)")
    public RunPayloads.RunChanges changes(@Parameter(example = "8") @PathParam("id") long id) {
        checkScope(runs.summary(id));
        return runs.changes(id);
    }

    @GET
    @Path("/{id}/export")
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.PAYROLL_EXPORT})
    @Operation(operationId = "exportRun", summary = "The payroll file of an approved run, as CSV or XLSX",
            description = "One row per statement: run, revision, plan and version, period, unit, employee, currency, "
                    + "the amount of each paid kind (performance-pay, target-bonus, challenge-bonus, commission, "
                    + "team-share, honor), total, entitlements (perks, honors without prize) and flags.")
    @APIResponse(responseCode = "200", description = "text/csv or the XLSX workbook, as an attachment",
            content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "format is not csv or xlsx")
    @APIResponse(responseCode = "404", description = "No such run, or one outside the caller's scope (the same answer)")
    @APIResponse(responseCode = "409", description = "The run is not approved (run-not-approved)")
    public Response export(@Parameter(example = "7") @PathParam("id") long id,
                           @Parameter(description = "csv (default) or xlsx", example = "xlsx")
                           @QueryParam("format") String format) {
        PayoutRunService.Export file = runs.export(id, format);
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build();
    }

    private void checkScope(RunSummary run) {
        if (!caller.seesEverything() && !metrics.myUnits().contains(run.unitCode())) {
            // out of scope answers exactly as an unknown id, so that ids cannot be probed
            throw Problems.notFound("Run", Long.toString(run.id()));
        }
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.HR)
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "approveRun", summary = "Approve a computed run; it is locked from then on")
    @APIResponse(responseCode = "200",
            headers = @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            description = "The run, APPROVED")
    @APIResponse(responseCode = "404", description = "No such run, or one outside the caller's scope (the same answer)")
    @APIResponse(responseCode = "409", description = "Approved already (run-locked) or superseded (conflict)")
    public RunView approve(@Parameter(example = "7") @PathParam("id") long id) {
        RunView approved = runs.approve(id, caller.name());
        counters.approved(approved);
        return approved;
    }
}
