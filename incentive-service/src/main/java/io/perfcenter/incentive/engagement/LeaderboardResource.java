package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.engagement.EngagementPayloads.FreezeInput;
import io.perfcenter.incentive.engagement.EngagementPayloads.LeaderboardView;
import io.perfcenter.incentive.engagement.EngagementPayloads.PolicyInput;
import io.perfcenter.incentive.engagement.EngagementPayloads.PolicyView;
import io.perfcenter.incentive.engagement.EngagementPayloads.SnapshotView;
import io.perfcenter.incentive.security.Caller;
import io.perfcenter.incentive.security.Roles;
import io.perfcenter.incentive.web.Explained;
import io.perfcenter.incentive.web.Language;
import io.perfcenter.incentive.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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

import java.util.List;

@Path("/api/v1/incentives/engagement")
@Tag(name = "incentives: engagement", description = "Leaderboards, contests, points and badges")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class LeaderboardResource {

    private final LeaderboardService boards;
    private final Caller caller;

    LeaderboardResource(LeaderboardService boards, Caller caller) {
        this.boards = boards;
        this.caller = caller;
    }

    @GET
    @Path("/leaderboards")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "getLeaderboard", summary = "A unit's leaderboard of a period on the scorecard total or a "
            + "metric",
            description = "Ranked by competition ranking (1, 2, 2, 4); an agent whose figure rests on fewer samples "
                    + "than the center's policy requires for the metric is listed apart, unranked, with the reason. "
                    + "hr, admin and the unit's supervisor or manager see every row with names; an agent on the board "
                    + "sees the policy's view: the top N places and their own row, others named or anonymised "
                    + "(\"Agent #3\"), and only their own row in a group smaller than the privacy minimum. Anyone "
                    + "else gets 404, as for an unknown board. A board hr froze reads as it was frozen (list them with "
                    + "listLeaderboardSnapshots)." + EngagementPayloads.IN_LANGUAGE)
    @APIResponse(responseCode = "200", description = "The leaderboard as the caller may see it",
            headers = @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LeaderboardView.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem names it)")
    @APIResponse(responseCode = "404", description = "No such board for the caller (another unit's, or not on it)")
    @APIResponse(responseCode = "502", description = "scoring-service or metrics-service refused the request")
    @APIResponse(responseCode = "503", description = "scoring-service or metrics-service is unavailable")
    public LeaderboardView getLeaderboard(
            @Parameter(required = true, example = "G1") @QueryParam("unitCode") String unitCode,
            @Parameter(required = true, description = "YYYY-MM, or YYYY-Qn for a metric", example = "2026-10")
            @QueryParam("period") String period,
            @Parameter(required = true, description = "score (published scorecard total) or a metric code",
                    example = "csat") @QueryParam("measure") String measure,
            @Parameter(description = "HIGHER (default) or LOWER", example = "HIGHER")
            @QueryParam("direction") String direction) {
        return boards.read(unitCode, period, measure, direction);
    }

    @GET
    @Path("/leaderboards/snapshots")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listLeaderboardSnapshots", summary = "A unit's frozen leaderboards, newest frozen first",
            description = "When and by whom each board was frozen, with its counts; read one with getLeaderboard and "
                    + "the same unitCode, period, measure and direction. hr, admin and the unit's supervisor or "
                    + "manager see every snapshot; an agent those they are on (ranked or listed apart). Anyone else "
                    + "gets 404, as for an unknown unit.")
    @APIResponse(responseCode = "200", description = "Snapshots, newest frozen first", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Invalid parameter, limit or offset (problem names it)")
    @APIResponse(responseCode = "404", description = "No such unit for the caller (another unit's)")
    public RestResponse<List<SnapshotView>> listLeaderboardSnapshots(
            @Parameter(required = true, example = "G1") @QueryParam("unitCode") String unitCode,
            @Parameter(description = "YYYY-MM or YYYY-Qn: only this period's", example = "2026-10")
            @QueryParam("period") String period,
            @Parameter(description = "score or a metric code: only this measure's", example = "csat")
            @QueryParam("measure") String measure,
            @BeanParam Page page) {
        return page.of(boards.snapshots(unitCode, period, measure));
    }

    @POST
    @Path("/leaderboards/snapshots")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "freezeLeaderboard", summary = "Freeze a leaderboard as it stands (closing its period)",
            description = "Stores the board's standings; later reads of the same unit, period, measure and direction "
                    + "show them, whatever changes afterwards. Freezing a frozen board answers it unchanged (200)."
                    + EngagementPayloads.IN_LANGUAGE)
    @APIResponse(responseCode = "201", description = "Frozen now",
            headers = @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LeaderboardView.class)))
    @APIResponse(responseCode = "200", description = "Frozen before; the board as it was",
            headers = @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LeaderboardView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it); nothing stored")
    @APIResponse(responseCode = "502", description = "scoring-service or metrics-service refused the request")
    @APIResponse(responseCode = "503", description = "scoring-service or metrics-service is unavailable")
    public Response freezeLeaderboard(FreezeInput input) {
        LeaderboardService.Frozen frozen = boards.freeze(input, caller.name());
        return Response.status(frozen.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(frozen.board()).build();
    }

    @GET
    @Path("/leaderboard-policies/{centerCode}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getLeaderboardPolicy", summary = "How a center's leaderboards are shown to agents",
            description = "The default (top 10, names anonymised, no minimum of samples) when the center has none.")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid center code")
    public PolicyView getLeaderboardPolicy(@Parameter(example = "C1") @PathParam("centerCode") String centerCode) {
        return boards.policy(centerCode).view();
    }

    @PUT
    @Path("/leaderboard-policies/{centerCode}")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "setLeaderboardPolicy", summary = "Set how a center's leaderboards are shown to agents",
            description = "Top N, names SHOWN or ANONYMISED, and the minimum samples per metric below which an agent "
                    + "is listed apart. Applies to every later read, frozen boards' views included (the minimum "
                    + "samples of a frozen board are those in force when it was frozen).")
    @APIResponse(responseCode = "200", description = "The policy as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it); nothing stored")
    public PolicyView setLeaderboardPolicy(@Parameter(example = "C1") @PathParam("centerCode") String centerCode,
                                           PolicyInput input) {
        return boards.setPolicy(centerCode, input, caller.name()).view();
    }
}
