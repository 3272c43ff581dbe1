package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.engagement.EngagementPayloads.BalanceView;
import io.perfcenter.incentive.engagement.EngagementPayloads.EarnedBadgeView;
import io.perfcenter.incentive.engagement.EngagementPayloads.LedgerEntryView;
import io.perfcenter.incentive.security.Roles;
import io.perfcenter.incentive.web.Explained;
import io.perfcenter.incentive.web.Language;
import io.perfcenter.incentive.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

@Path("/api/v1/incentives/engagement/points/{employeeId}")
@Tag(name = "incentives: engagement")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
@APIResponse(responseCode = "404", description = "No such person for the caller (an agent reads only their own; a "
        + "supervisor or manager those of the units they lead)")
public class PointsResource {

    private static final String SCOPE = " An agent reads their own; a supervisor or manager those of agents in the "
            + "units they lead today; hr and admin anyone's.";

    private final PointsService points;

    PointsResource(PointsService points) {
        this.points = points;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getPointsBalance", summary = "A person's points balance and badge count",
            description = "The sum of the ledger's entries. Points are not money: a plan pays them only through an "
                    + "explicit pointsConversion section, and converting does not spend them." + SCOPE)
    @APIResponse(responseCode = "200", description = "The balance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BalanceView.class)))
    public BalanceView getPointsBalance(@Parameter(example = "E1") @PathParam("employeeId") String employeeId) {
        return points.balance(employeeId);
    }

    @GET
    @Path("/ledger")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "listPointsLedger", summary = "A person's points ledger, newest first",
            description = "Append-only: each entry with its reason and contest." + SCOPE
                    + EngagementPayloads.IN_LANGUAGE)
    @APIResponse(responseCode = "200", description = "Entries, newest first", headers = {
            @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    public RestResponse<List<LedgerEntryView>> listPointsLedger(
            @Parameter(example = "E1") @PathParam("employeeId") String employeeId, @BeanParam Page page) {
        return page.of(points.ledger(employeeId));
    }

    @GET
    @Path("/badges")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "listEarnedBadges", summary = "The badges a person earned, newest first",
            description = "Each with the contest and the reason." + SCOPE + EngagementPayloads.IN_LANGUAGE)
    @APIResponse(responseCode = "200", description = "Badges earned, newest first", headers = {
            @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    public RestResponse<List<EarnedBadgeView>> listEarnedBadges(
            @Parameter(example = "E1") @PathParam("employeeId") String employeeId, @BeanParam Page page) {
        return page.of(points.badges(employeeId));
    }
}
