package io.perfcenter.incentive.promotion;

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
import io.perfcenter.incentive.promotion.LadderPayloads.CheckInput;
import io.perfcenter.incentive.promotion.LadderPayloads.CheckReport;
import io.perfcenter.incentive.promotion.LadderPayloads.Eligibility;
import io.perfcenter.incentive.promotion.LadderPayloads.LadderInput;
import io.perfcenter.incentive.promotion.LadderPayloads.LadderView;
import io.perfcenter.incentive.security.Caller;
import io.perfcenter.incentive.security.Roles;
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

@Path("/api/v1/incentives/promotion")
@Tag(name = "incentives: promotion", description = "Career ladders and promotion eligibility with each rule's result")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this, or the caller sees the object but may "
        + "not do this to it (an object outside the caller's data scope answers 404, as an unknown one)")
public class PromotionResource {

    private final LadderService ladders;
    private final PromotionService checks;
    private final Caller caller;

    PromotionResource(LadderService ladders, PromotionService checks, Caller caller) {
        this.ladders = ladders;
        this.checks = checks;
        this.caller = caller;
    }

    @POST
    @Path("/ladders")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "createLadder", summary = "Define a career ladder, or a new version of one",
            description = "Positions lowest first, and for each step to the next position its rules: "
                    + "consecutiveGrades, tenure, metric (mentoring pass rate, suggestions adopted, rule violations …).")
    @APIResponse(responseCode = "201", description = "Created; the body carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LadderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it); nothing stored")
    public Response createLadder(LadderInput input) {
        LadderView ladder = LadderView.of(ladders.create(input, caller.name()));
        return Response.created(URI.create("/api/v1/incentives/promotion/ladders/" + ladder.code()))
                .entity(ladder).build();
    }

    @GET
    @Path("/ladders")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listLadders", summary = "The latest version of every career ladder")
    @APIResponse(responseCode = "200", description = "Ladders by code", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    public RestResponse<List<LadderView>> listLadders(@BeanParam Page page) {
        return page.of(ladders.latestVersions().stream().map(LadderView::of).toList());
    }

    @GET
    @Path("/ladders/{code}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getLadder", summary = "The latest version of a career ladder")
    @APIResponse(responseCode = "200", description = "The ladder")
    @APIResponse(responseCode = "404", description = "No such ladder")
    public LadderView getLadder(@Parameter(example = "CAREER") @PathParam("code") String code) {
        return LadderView.of(ladders.get(code));
    }

    @GET
    @Path("/eligibility/{employeeId}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "getEligibility", summary = "Whether an agent may take the next step of a ladder",
            description = "Eligible or not yet, with each rule's result, the figure found and what is missing. "
                    + "Agents ask about themselves, supervisors and managers about agents of the units they lead.")
    @APIResponse(responseCode = "200",
            headers = @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            description = "The answer")
    @APIResponse(responseCode = "400", description = "Invalid or unknown ladderCode, invalid asOf")
    @APIResponse(responseCode = "502", description = "scoring-service or metrics-service refused the request")
    @APIResponse(responseCode = "503", description = "scoring-service or metrics-service is unavailable")
    public Eligibility eligibility(@Parameter(example = "A1") @PathParam("employeeId") String employeeId,
                                   @Parameter(required = true, example = "CAREER") @QueryParam("ladderCode")
                                   String ladderCode,
                                   @Parameter(required = true, description = "The last month looked at, YYYY-MM",
                                           example = "2026-10") @QueryParam("asOf") String asOf) {
        return checks.eligibility(employeeId, ladderCode, asOf);
    }

    @POST
    @Path("/checks")
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.MANAGER})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "checkPromotions", summary = "Check every agent of a unit against a ladder",
            description = "Every agent with a published scorecard in the month, each with the answer of "
                    + "getEligibility. Managers check the units they lead. Nothing is stored.")
    @APIResponse(responseCode = "200",
            headers = @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            description = "One answer per agent, by employee id")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "409", description = "No published scorecards in the month (scores-not-published)")
    @APIResponse(responseCode = "502", description = "scoring-service or metrics-service refused the request")
    @APIResponse(responseCode = "503", description = "scoring-service or metrics-service is unavailable")
    public CheckReport check(CheckInput input) {
        return checks.check(input);
    }
}
