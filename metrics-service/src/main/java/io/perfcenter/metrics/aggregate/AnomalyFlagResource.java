package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.aggregate.AnomalyFlags.FlagView;
import io.perfcenter.metrics.aggregate.AnomalyFlags.ScanReport;
import io.perfcenter.metrics.org.OrgScope;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

@Path("/api/v1/metrics/anomalies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics: aggregates", description = "Values of metrics per agent or unit over a period, and trends")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class AnomalyFlagResource {

    private final AnomalyFlags flags;
    private final Caller caller;
    private final OrgScope scope;

    AnomalyFlagResource(AnomalyFlags flags, Caller caller, OrgScope scope) {
        this.flags = flags;
        this.caller = caller;
        this.scope = scope;
    }

    @POST
    @Path("/scan")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "scanAnomalies", summary = "Scan a month's figures so far for anomalies and store the "
            + "new flags",
            description = "The month's figures (to the center's today while it runs) of every agent of every top "
                    + "unit, or of one unit, against each agent's own baseline with the configured threshold and "
                    + "baseline periods (perfcenter.metrics.anomaly.*). Each new flag is stored once per agent, "
                    + "metric and month, emitted once as io.perfcenter.metrics.anomaly.flagged and told to the "
                    + "leaders of the agent's unit and the units above it; anomalies flagged before are counted, not "
                    + "stored again. A job does the same for the current and the previous month every "
                    + "perfcenter.metrics.anomaly.scan-every (default 6h). Roles: hr, admin.")
    @APIResponse(responseCode = "200", description = "What was scanned and the flags stored now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScanReport.class)))
    @APIResponse(responseCode = "400", description = "period, unit or metric invalid (problem names it); nothing "
            + "stored")
    public ScanReport scanAnomalies(
            @Parameter(description = "A month, YYYY-MM, not after the current one", required = true,
                    example = "2026-10") @QueryParam("period") String period,
            @Parameter(description = "Only this unit (its sub-units included); default every top unit",
                    example = "C-EAST") @QueryParam("unit") String unit,
            @Parameter(description = "Metric codes, repeatable; default every metric in use", example = "aht")
            @QueryParam("metric") List<String> metrics) {
        return flags.scan(period, unit, metrics, caller.name());
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listAnomalyFlags", summary = "Stored anomaly flags, newest first",
            description = "hr and admin see every flag; a supervisor or manager the flags of agents whose unit "
                    + "(when flagged) is one they lead or below one; an agent their own. A unit outside the caller's "
                    + "scope, or another agent for an agent, answers 404 as an unknown one.")
    @APIResponse(responseCode = "200", description = "Flags, newest first", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "A filter, limit or offset invalid (problem names it)")
    @APIResponse(responseCode = "404", description = "A unit or agent outside the caller's scope")
    public RestResponse<List<FlagView>> listAnomalyFlags(
            @Parameter(description = "A month, YYYY-MM", example = "2026-10") @QueryParam("period") String period,
            @Parameter(example = "E3001") @QueryParam("employeeId") String employeeId,
            @Parameter(description = "The unit the agent belonged to when flagged", example = "G-EAST-1")
            @QueryParam("unit") String unit,
            @Parameter(example = "aht") @QueryParam("metric") String metric,
            @BeanParam Page page) {
        boolean everything = caller.has(Roles.HR) || caller.has(Roles.ADMIN);
        List<String> led = everything || !caller.leadsUnits() ? List.of() : scope.ledUnits();
        return page.of(flags.list(period, employeeId, unit, metric, everything, caller.employeeId().orElse(null),
                led));
    }
}
