package io.perfcenter.scoring.targets;

import io.perfcenter.scoring.web.Page;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;
import io.perfcenter.scoring.security.Roles;
import io.perfcenter.scoring.targets.TargetPayloads.TargetInput;
import io.perfcenter.scoring.targets.TargetPayloads.TargetView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/scoring/targets")
@Tag(name = "scoring: targets", description = "Targets for target-achievement items, cascading center → team → "
        + "group → agent")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this, or the caller sees the object but may "
        + "not do this to it (an object outside the caller's data scope answers 404, as an unknown one)")
public class TargetResource {

    private final TargetService targets;

    TargetResource(TargetService targets) {
        this.targets = targets;
    }

    @PUT
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
    @Operation(operationId = "setScoringTarget", summary = "Set (or replace) the target of a metric on a unit or agent",
            description = "Managers and supervisors set targets of the units they lead; hr and admin any target, "
                    + "including single agents'. A run uses the most specific target: agent, group, team, center.")
    @APIResponse(responseCode = "200", description = "The target as stored")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public TargetView set(@NotNull TargetInput input) {
        return TargetView.of(targets.set(input));
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listScoringTargets", summary = "Targets, optionally of one metric and period",
            description = "Ordered by metric, scope kind, scope code and period. Everyone sees the units' targets. "
                    + "Individual targets: hr and admin see every one; an agent their own; a supervisor or manager "
                    + "their own and those of the agents who belonged to a unit they lead on some day of the period "
                    + "asked for (today without one), as metrics-service's org directory says.")
    @APIResponse(responseCode = "503", description = "metrics-service is unavailable (supervisors and managers "
            + "listing individual targets)")
    @APIResponse(responseCode = "200", description = "Targets by metric, scope and period", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    public RestResponse<List<TargetView>> list(
            @Parameter(example = "csat") @QueryParam("metricCode") String metricCode,
            @Parameter(example = "2026-10") @QueryParam("period") String period,
            @BeanParam Page page) {
        return page.of(targets.list(metricCode, period).stream().map(TargetView::of).toList());
    }
}
