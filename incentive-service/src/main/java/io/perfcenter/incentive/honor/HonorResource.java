package io.perfcenter.incentive.honor;

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
import io.perfcenter.incentive.honor.AwardPayloads.AwardInput;
import io.perfcenter.incentive.honor.AwardPayloads.AwardView;
import io.perfcenter.incentive.honor.AwardPayloads.HonorRunInput;
import io.perfcenter.incentive.honor.AwardPayloads.HonorRunReport;
import io.perfcenter.incentive.honor.AwardPayloads.HonorView;
import io.perfcenter.incentive.security.Caller;
import io.perfcenter.incentive.security.Roles;
import io.perfcenter.incentive.period.Period;
import jakarta.annotation.security.RolesAllowed;
import io.perfcenter.incentive.web.EntityTags;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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

@Path("/api/v1/incentives/honors")
@Tag(name = "incentives: honors", description = "Honor awards, the runs that pick their winners, the honors history")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class HonorResource {

    private final AwardService awards;
    private final HonorRunService runs;
    private final HonorWinnerService board;
    private final Caller caller;

    HonorResource(AwardService awards, HonorRunService runs, HonorWinnerService board, Caller caller) {
        this.awards = awards;
        this.runs = runs;
        this.board = board;
        this.caller = caller;
    }

    @POST
    @Path("/awards")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "createAward", summary = "Define an honor award, or a new version of one",
            description = "The ranking figure (score, rank or a metric), eligibility conditions (minimum volume, no "
                    + "upheld complaint …), excluded grades (no failed grade), winners per unit and tie-breakers. To "
                    + "make sure nobody added a version meanwhile, send the ETag of the version you read as If-Match.")
    @APIResponse(responseCode = "201", description = "Created; the body carries the version",
            headers = @Header(name = "ETag", description = "The new version's entity tag",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AwardView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it); nothing stored")
    @APIResponse(responseCode = "409", description = "The award is retired; nothing stored")
    @APIResponse(responseCode = "412", description = "If-Match names another version than the latest; nothing stored")
    public Response createAward(AwardInput input, @Parameter(description = EntityTags.IF_MATCH, example = "\"1\"")
                                @HeaderParam("If-Match") String ifMatch) {
        HonorAward stored = awards.create(input, caller.name(), ifMatch);
        return Response.created(URI.create("/api/v1/incentives/honors/awards/" + stored.code))
                .header("ETag", stored.entityTag()).entity(AwardView.of(stored)).build();
    }

    @GET
    @Path("/awards")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listAwards", summary = "The latest version of every award in use")
    @APIResponse(responseCode = "200", description = "Awards by code", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    public RestResponse<List<AwardView>> listAwards(
            @Parameter(description = "true: retired awards too", example = "false")
            @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
            @BeanParam Page page) {
        return page.of(awards.latestVersions(includeRetired).stream().map(AwardView::of).toList());
    }

    @GET
    @Path("/awards/{code}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getAward", summary = "The latest version of an award, retired or not")
    @APIResponse(responseCode = "200", description = "The award",
            headers = @Header(name = "ETag", description = "Send it as If-Match to add the next version or retire",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AwardView.class)))
    @APIResponse(responseCode = "404", description = "No such award")
    public Response getAward(@Parameter(example = "SERVICE-STAR") @PathParam("code") String code) {
        HonorAward award = awards.get(code);
        return Response.ok(AwardView.of(award)).header("ETag", award.entityTag()).build();
    }

    @POST
    @Path("/awards/{code}/retire")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "retireHonorAward", summary = "Retire an honor award, keeping its history",
            description = "Every version and every honor won with it still reads; the award leaves the default list "
                    + "(?includeRetired=true shows it), honor runs no longer judge it (naming it is a 409) and its "
                    + "code is not defined again. Retiring a retired award answers it unchanged.")
    @APIResponse(responseCode = "200", description = "The award as retired",
            headers = @Header(name = "ETag", description = "The retired award's entity tag",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AwardView.class)))
    @APIResponse(responseCode = "404", description = "No such award")
    @APIResponse(responseCode = "412", description = "If-Match names another state than the current one")
    public Response retireAward(@Parameter(example = "SERVICE-STAR") @PathParam("code") String code,
                                @Parameter(description = EntityTags.IF_MATCH, example = "\"1\"")
                                @HeaderParam("If-Match") String ifMatch) {
        HonorAward award = awards.retire(code, ifMatch, caller.name());
        return Response.ok(AwardView.of(award)).header("ETag", award.entityTag()).build();
    }

    @POST
    @Path("/runs")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "runHonors", summary = "Pick the winners of awards for a unit and a month or quarter",
            description = "Monthly awards read the month's published scorecards (and metrics-service for figures "
                    + "they lack); quarterly awards the quarter's three months: mean total, every month's grade, "
                    + "metrics over the quarter. Judging again supersedes the previous winners of the award, unless "
                    + "they are the same (changed: false).")
    @APIResponse(responseCode = "201", description = "The winners of each award, with the reasons",
            headers = @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HonorRunReport.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, unknown award or an award of the other "
            + "cadence (problem names the field)")
    @APIResponse(responseCode = "409", description = "No published scorecards (scores-not-published), or an award named is retired (conflict)")
    @APIResponse(responseCode = "502", description = "scoring-service or metrics-service refused the request")
    @APIResponse(responseCode = "503", description = "scoring-service or metrics-service is unavailable")
    public Response runHonors(HonorRunInput input) {
        return Response.status(Response.Status.CREATED).entity(runs.run(input, caller.name())).build();
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "listHonors", summary = "The honors history, per agent or per award",
            description = "Winners are shown to all (seed 003: winners' cases are shown to everyone); only the live "
                    + "judgement of each award, unit and period is listed, and the honors contests gave their winners "
                    + "at close (contestCode).")
    @APIResponse(responseCode = "200", description = "Newest period first, then award, unit, place and employee id",
            headers = {
            @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Invalid parameter, limit or offset (problem names it)")
    public RestResponse<List<HonorView>> history(
            @Parameter(example = "A1") @QueryParam("employeeId") String employeeId,
            @Parameter(example = "SERVICE-STAR") @QueryParam("awardCode") String awardCode,
            @Parameter(description = "YYYY-MM or YYYY-Qn", example = "2026-10") @QueryParam("period") String period,
            @Parameter(example = "G1") @QueryParam("unitCode") String unitCode,
            @BeanParam Page page) {
        if (period != null) {
            Period.parse("period", period);
        }
        return page.of(board.history(employeeId, awardCode, period, unitCode));
    }
}
