package io.perfcenter.scoring.run;

import io.perfcenter.scoring.run.RunPayloads.RunInput;
import io.perfcenter.scoring.run.RunPayloads.RunSummary;
import io.perfcenter.scoring.run.RunPayloads.RunView;
import io.perfcenter.scoring.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
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
@Tag(name = "scoring: runs", description = "Scoring a unit for a period with a template, and publishing the result")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role or data scope does not allow this")
public class RunResource {

    private final RunService runs;

    RunResource(RunService runs) {
        this.runs = runs;
    }

    @POST
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "computeScoringRun", summary = "Score every agent of a unit for a period",
            description = "Reads the agents' values of all the template's metrics from metrics-service in one call, "
                    + "scores each agent (items, total, grade, rank) and stores the run as COMPUTED. A metric without "
                    + "data for an agent is marked insufficientData and earns 0 points.")
    @APIResponse(responseCode = "201", description = "Computed; the run with its scorecards, best rank first")
    @APIResponse(responseCode = "400", description = "Invalid field or unknown template or unit (problem names "
            + "the field); nothing is stored")
    @APIResponse(responseCode = "503", description = "metrics-service unreachable, too slow or cut off by the "
            + "circuit breaker; nothing is stored")
    public Response compute(@NotNull RunInput input) {
        RunView run = runs.compute(input);
        return Response.created(URI.create("/api/v1/scoring/runs/" + run.id())).entity(run).build();
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listScoringRuns", summary = "Runs, newest period first, without their scorecards",
            description = "Supervisors and managers see the runs of the units they lead.")
    @APIResponse(responseCode = "200", description = "Runs matching the filters")
    @APIResponse(responseCode = "400", description = "Invalid filter (problem names it)")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public List<RunSummary> list(
            @Parameter(description = "Month as YYYY-MM", example = "2026-10") @QueryParam("period") String period,
            @Parameter(description = "Unit the run scored", example = "G-EAST-1") @QueryParam("unit") String unit,
            @Parameter(example = "SEAT-MONTHLY") @QueryParam("templateCode") String templateCode) {
        return runs.list(period, unit, templateCode);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getScoringRun", summary = "A run with its scorecards, best rank first",
            description = "Supervisors and managers see runs of the units they lead.")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", description = "No such run")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public RunView get(@PathParam("id") long id) {
        return runs.get(id);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "publishScoringRun", summary = "Publish a run and its scorecards",
            description = "Agents see their scorecards once published; incentive-service reads published ones.")
    @APIResponse(responseCode = "200", description = "Published; the run with its scorecards")
    @APIResponse(responseCode = "404", description = "No such run")
    @APIResponse(responseCode = "409", description = "Already published, or another run of the same template, unit "
            + "and period is")
    public RunView publish(@PathParam("id") long id) {
        return runs.publish(id);
    }
}
