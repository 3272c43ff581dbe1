package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.engagement.EngagementPayloads.ClosingView;
import io.perfcenter.incentive.engagement.EngagementPayloads.ContestInput;
import io.perfcenter.incentive.engagement.EngagementPayloads.ContestView;
import io.perfcenter.incentive.engagement.EngagementPayloads.StandingsView;
import io.perfcenter.incentive.security.Caller;
import io.perfcenter.incentive.security.Roles;
import io.perfcenter.incentive.web.Explained;
import io.perfcenter.incentive.web.Language;
import io.perfcenter.incentive.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

import java.net.URI;
import java.util.List;

@Path("/api/v1/incentives/engagement/contests")
@Tag(name = "incentives: engagement")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class ContestResource {

    private final ContestService contests;
    private final Caller caller;

    ContestResource(ContestService contests, Caller caller) {
        this.contests = contests;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "createContest", summary = "Define a contest: a time-boxed challenge on a metric",
            description = "For chosen units, individual or team, with rules that award points and badges at close "
                    + "(GOAL: reach a threshold over the window; TOP: the first places). hr and admin only: points "
                    + "may become pay through a plan's pointsConversion section, and pay is not a unit leader's "
                    + "decision.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, or an unknown badge (problem names the field); "
            + "nothing stored")
    @APIResponse(responseCode = "409", description = "The code exists, or a badge named is retired; nothing stored")
    public Response createContest(ContestInput input) {
        ContestView view = contests.create(input, caller.name());
        return Response.created(URI.create("/api/v1/incentives/engagement/contests/" + view.code())).entity(view)
                .build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listContests", summary = "Every contest, by code")
    @APIResponse(responseCode = "200", description = "Contests by code", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    public RestResponse<List<ContestView>> listContests(@BeanParam Page page) {
        return page.of(contests.list());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getContest", summary = "A contest's definition and status")
    @APIResponse(responseCode = "200", description = "The contest",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContestView.class)))
    @APIResponse(responseCode = "404", description = "No such contest")
    public ContestView getContest(@Parameter(example = "CSAT-NOV") @PathParam("code") String code) {
        return contests.get(code);
    }

    @GET
    @Path("/{code}/standings")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "getContestStandings", summary = "Live progress of a contest, or its final standings",
            description = "OPEN: metrics-service's aggregates over the window so far, each row with what it would "
                    + "earn now; CLOSED: the final standings. hr, admin and whoever leads every unit of the contest "
                    + "see all rows; a participating agent the leaderboard policy's view; a TEAM contest's rows are "
                    + "units, shown in full to its participants. Anyone else: 404." + EngagementPayloads.IN_LANGUAGE)
    @APIResponse(responseCode = "200", description = "The standings as the caller may see them",
            headers = @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StandingsView.class)))
    @APIResponse(responseCode = "404", description = "No such contest for the caller")
    @APIResponse(responseCode = "502", description = "metrics-service refused the request")
    @APIResponse(responseCode = "503", description = "metrics-service is unavailable")
    public StandingsView getContestStandings(@Parameter(example = "CSAT-NOV") @PathParam("code") String code) {
        return contests.standings(code);
    }

    @POST
    @Path("/{code}/close")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "closeContest", summary = "Close a contest after its last day and award it",
            description = "Computes the final standings over the whole window and writes each award once: points to "
                    + "the ledger (counting in the month of the contest's last day), badges to the agents, in one "
                    + "transaction. Closing a closed contest writes nothing and answers what the first close wrote "
                    + "(closedNow false). Each award's reason is stored in English and in Chinese (the points "
                    + "ledger's and the badges' too)." + EngagementPayloads.IN_LANGUAGE)
    @APIResponse(responseCode = "200", description = "The contest, its awards and final standings",
            headers = @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClosingView.class)))
    @APIResponse(responseCode = "404", description = "No such contest")
    @APIResponse(responseCode = "409", description = "The contest's window has not ended yet")
    @APIResponse(responseCode = "502", description = "metrics-service refused the request")
    @APIResponse(responseCode = "503", description = "metrics-service is unavailable; nothing written")
    public ClosingView closeContest(@Parameter(example = "CSAT-NOV") @PathParam("code") String code) {
        return contests.close(code, caller.name());
    }
}
