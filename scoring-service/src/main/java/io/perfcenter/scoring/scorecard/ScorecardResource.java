package io.perfcenter.scoring.scorecard;

import io.perfcenter.scoring.web.Page;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;
import io.perfcenter.scoring.scorecard.ScorecardPayloads.ScorecardView;
import io.perfcenter.scoring.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/scoring/scorecards")
@Tag(name = "scoring: scorecards", description = "Agents' results: items with explanations, total, grade, rank")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this, or the caller sees the object but may "
        + "not do this to it (an object outside the caller's data scope answers 404, as an unknown one)")
public class ScorecardResource {

    private final ScorecardService scorecards;

    ScorecardResource(ScorecardService scorecards) {
        this.scorecards = scorecards;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listScorecards", summary = "Scorecards matching the filters, within the caller's scope",
            description = "All filters are optional. Agents get only their own published scorecards, supervisors and "
                    + "managers those of the units they lead, hr, admin and services (incentive-service) all; scorecards "
                    + "outside the scope are left out.")
    @APIResponse(responseCode = "200", description = "Newest period first, then unit, rank, employee id and id",
            headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or offset (problem names it)")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public RestResponse<List<ScorecardView>> list(
            @Parameter(description = "Month as YYYY-MM", example = "2026-10") @QueryParam("period") String period,
            @Parameter(description = "Unit the run scored", example = "G-EAST-1") @QueryParam("unit") String unit,
            @Parameter(description = "COMPUTED or PUBLISHED", example = "PUBLISHED") @QueryParam("status") String status,
            @Parameter(example = "E2001") @QueryParam("employeeId") String employeeId,
            @BeanParam Page page) {
        ScorecardService.Found found = scorecards.find(period, unit, status, employeeId, page.limit(), page.offset());
        return page.of(ScorecardView.all(found.cards()), found.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getScorecard", summary = "One scorecard with its items and their explanations")
    @APIResponse(responseCode = "200", description = "The scorecard")
    @APIResponse(responseCode = "404", description = "No such scorecard, or one the caller does not see (the same answer)")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public ScorecardView get(@PathParam("id") long id) {
        return ScorecardView.of(scorecards.get(id));
    }
}
