package io.perfcenter.scoring.template;

import io.perfcenter.scoring.web.Page;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.perfcenter.scoring.security.Roles;
import io.perfcenter.scoring.web.EntityTags;
import io.perfcenter.scoring.template.TemplatePayloads.TemplateInput;
import io.perfcenter.scoring.template.TemplatePayloads.TemplateView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/v1/scoring/templates")
@Tag(name = "scoring: templates", description = "Scorecard templates: items, weights, scoring rules, grade bands")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class TemplateResource {

    private final TemplateService templates;

    TemplateResource(TemplateService templates) {
        this.templates = templates;
    }

    @POST
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "defineScorecardTemplate", summary = "Define a template, or the next version of one",
            description = "Weights must sum to 100, item codes be unique, grade bands distinct with one at 0, and each "
                    + "rule's parameters valid. A problem names the offending field, e.g. items[0].rule.full. To make "
                    + "sure nobody defined a version meanwhile, send the ETag of the version you read as If-Match.")
    @APIResponse(responseCode = "201", description = "Stored; the body is the new version",
            headers = @Header(name = "ETag", description = "The new version's entity tag",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it); nothing is stored")
    @APIResponse(responseCode = "409", description = "The template is retired, or the same code was defined "
            + "concurrently (try again)")
    @APIResponse(responseCode = "412", description = "If-Match names another version than the latest; nothing is "
            + "stored")
    public Response define(@NotNull TemplateInput input, @Parameter(description = EntityTags.IF_MATCH, example = "\"3\"")
                           @HeaderParam("If-Match") String ifMatch) {
        ScorecardTemplate template = templates.define(input, ifMatch);
        return Response.created(URI.create("/api/v1/scoring/templates/" + template.code))
                .header("ETag", template.entityTag()).entity(TemplateView.of(template)).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listScorecardTemplates", summary = "The latest version of every template in use")
    @APIResponse(responseCode = "200", description = "Templates ordered by code", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    public RestResponse<List<TemplateView>> list(
            @Parameter(description = "true: retired templates too", example = "false")
            @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
            @BeanParam Page page) {
        return page.of(ScorecardTemplate.latestVersions(includeRetired).stream().map(TemplateView::of).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getScorecardTemplate", summary = "The latest version of a template, retired or not")
    @APIResponse(responseCode = "200", description = "The template",
            headers = @Header(name = "ETag", description = "Send it as If-Match to define the next version or retire",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "404", description = "No such template")
    public Response latest(@PathParam("code") String code) {
        ScorecardTemplate template = templates.latest(code);
        return Response.ok(TemplateView.of(template)).header("ETag", template.entityTag())
                .build();
    }

    @POST
    @Path("/{code}/retire")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "retireScoringTemplate", summary = "Retire a template, keeping its history",
            description = "Every version is kept and still reads, as do the runs and scorecards that used it; the "
                    + "template leaves the default list (?includeRetired=true shows it), new runs with it are refused "
                    + "(409) and its code is not defined again. Retiring a retired template answers it unchanged.")
    @APIResponse(responseCode = "200", description = "The template as retired",
            headers = @Header(name = "ETag", description = "The retired template's entity tag",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "404", description = "No such template")
    @APIResponse(responseCode = "412", description = "If-Match names another state than the current one")
    public Response retire(@PathParam("code") String code, @Parameter(description = EntityTags.IF_MATCH, example = "\"3\"")
                           @HeaderParam("If-Match") String ifMatch) {
        ScorecardTemplate template = templates.retire(code, ifMatch);
        return Response.ok(TemplateView.of(template)).header("ETag", template.entityTag())
                .build();
    }

    @GET
    @Path("/{code}/versions/{version}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getScorecardTemplateVersion",
            summary = "One version of a template, e.g. the one a scorecard names")
    @APIResponse(responseCode = "200", description = "The template version")
    @APIResponse(responseCode = "404", description = "No such template or version")
    public TemplateView version(@PathParam("code") String code, @PathParam("version") int version) {
        return TemplateView.of(templates.version(code, version));
    }
}
