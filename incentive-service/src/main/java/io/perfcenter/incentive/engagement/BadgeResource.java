package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.engagement.EngagementPayloads.BadgeInput;
import io.perfcenter.incentive.engagement.EngagementPayloads.BadgeView;
import io.perfcenter.incentive.security.Caller;
import io.perfcenter.incentive.security.Roles;
import io.perfcenter.incentive.web.EntityTags;
import io.perfcenter.incentive.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

@Path("/api/v1/incentives/engagement/badges")
@Tag(name = "incentives: engagement")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class BadgeResource {

    private final BadgeService badges;
    private final Caller caller;

    BadgeResource(BadgeService badges, Caller caller) {
        this.badges = badges;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "createBadge", summary = "Add a badge to the catalog",
            description = "A code is defined once (409 when it exists or was retired); contests award badges.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "ETag", description = "The badge's entity tag",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BadgeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it); nothing stored")
    @APIResponse(responseCode = "409", description = "The code exists or was retired; nothing stored")
    public Response createBadge(BadgeInput input) {
        Badge badge = badges.create(input, caller.name());
        return Response.created(URI.create("/api/v1/incentives/engagement/badges/" + badge.code))
                .header("ETag", badge.entityTag()).entity(badge.view()).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listBadges", summary = "The badge catalog, by code")
    @APIResponse(responseCode = "200", description = "Badges by code", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    public RestResponse<List<BadgeView>> listBadges(
            @Parameter(description = "true: retired badges too", example = "false")
            @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired, @BeanParam Page page) {
        return page.of(badges.list(includeRetired).stream().map(Badge::view).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getBadge", summary = "A badge, retired or not")
    @APIResponse(responseCode = "200", description = "The badge",
            headers = @Header(name = "ETag", description = "Send it as If-Match to retire",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BadgeView.class)))
    @APIResponse(responseCode = "404", description = "No such badge")
    public Response getBadge(@Parameter(example = "csat-star") @PathParam("code") String code) {
        Badge badge = badges.get(code);
        return Response.ok(badge.view()).header("ETag", badge.entityTag()).build();
    }

    @POST
    @Path("/{code}/retire")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "retireBadge", summary = "Retire a badge, keeping every grant of it",
            description = "The badge still reads and agents keep it; it leaves the default list (?includeRetired=true "
                    + "shows it), no new contest awards it (409) and its code is not defined again. Retiring a "
                    + "retired badge answers it unchanged.")
    @APIResponse(responseCode = "200", description = "The badge as retired",
            headers = @Header(name = "ETag", description = "The retired badge's entity tag",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BadgeView.class)))
    @APIResponse(responseCode = "404", description = "No such badge")
    @APIResponse(responseCode = "412", description = "If-Match names another state than the current one")
    public Response retireBadge(@Parameter(example = "csat-star") @PathParam("code") String code,
                                @Parameter(description = EntityTags.IF_MATCH, example = "\"1\"")
                                @HeaderParam("If-Match") String ifMatch) {
        Badge badge = badges.retire(code, ifMatch, caller.name());
        return Response.ok(badge.view()).header("ETag", badge.entityTag()).build();
    }
}
