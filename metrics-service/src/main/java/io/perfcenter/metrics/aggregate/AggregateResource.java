package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.aggregate.AggregatePayloads.AggregateReport;
import io.perfcenter.metrics.org.OrgScope;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/metrics/aggregates")
@Tag(name = "metrics: aggregates", description = "Values of metrics per agent over a period")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role or data scope does not allow this")
public class AggregateResource {

    private final AggregateService aggregates;
    private final OrgScope scope;

    AggregateResource(AggregateService aggregates, OrgScope scope) {
        this.aggregates = aggregates;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getAggregates",
            summary = "Period values of metrics for every agent of a unit, or for one agent",
            description = "Name exactly one of unit and employeeId. Agents may ask only for themselves, "
                    + "supervisors and managers for the units they lead.")
    @APIResponse(responseCode = "200", description = "One row per agent")
    @APIResponse(responseCode = "400", description = "Missing or invalid parameter (problem names it)")
    @APIResponse(responseCode = "404", description = "No such unit or agent")
    public AggregateReport aggregates(
            @Parameter(description = "Unit code (its sub-units included)", example = "G-EAST-1") @QueryParam("unit") String unit,
            @Parameter(description = "One agent", example = "E2001") @QueryParam("employeeId") String employeeId,
            @Parameter(description = "Metric codes, repeatable", example = "calls_handled") @QueryParam("metric") List<String> metrics,
            @Parameter(description = "First day, inclusive", example = "2026-10-01", required = true) @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day, inclusive", example = "2026-10-31", required = true) @QueryParam("to") LocalDate to) {
        if (from == null) {
            throw Problems.invalid("from", "is required");
        }
        if (to == null) {
            throw Problems.invalid("to", "is required");
        }
        if (to.isBefore(from)) {
            throw Problems.invalid("to", "must not be before from");
        }
        if ((unit == null) == (employeeId == null)) {
            throw Problems.invalid("unit", "name exactly one of unit and employeeId");
        }
        if (unit != null) {
            scope.checkUnit(unit);
            return new AggregateReport(unit, from, to, metrics, aggregates.forUnit(unit, metrics, from, to));
        }
        scope.checkAgent(employeeId, to);
        return new AggregateReport(null, from, to, metrics,
                List.of(aggregates.forAgent(employeeId, metrics, from, to)));
    }
}
