package io.perfcenter.scoring.template;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.perfcenter.scoring.security.Roles;
import io.perfcenter.scoring.template.TemplatePayloads.TemplateInput;
import io.perfcenter.scoring.template.TemplatePayloads.TemplateView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
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
                    + "rule's parameters valid. A problem names the offending field, e.g. items[0].rule.full.")
    @APIResponse(responseCode = "201", description = "Stored; the body is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it); nothing is stored")
    @APIResponse(responseCode = "409", description = "The same code was defined concurrently; try again")
    public Response define(@NotNull TemplateInput input) {
        ScorecardTemplate template = templates.define(input);
        return Response.created(URI.create("/api/v1/scoring/templates/" + template.code))
                .entity(TemplateView.of(template)).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listScorecardTemplates", summary = "The latest version of every template")
    @APIResponse(responseCode = "200", description = "Templates ordered by code")
    public List<TemplateView> list() {
        return ScorecardTemplate.latestVersions().stream().map(TemplateView::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getScorecardTemplate", summary = "The latest version of a template")
    @APIResponse(responseCode = "200", description = "The template")
    @APIResponse(responseCode = "404", description = "No such template")
    public TemplateView latest(@PathParam("code") String code) {
        return TemplateView.of(templates.latest(code));
    }

    @GET
    @Path("/{code}/versions/{version}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getScorecardTemplateVersion",
            summary = "One version of a template, e.g. the one a scorecard names")
    @APIResponse(responseCode = "200", description = "The template version")
    @APIResponse(responseCode = "404", description = "No such template or version")
    public TemplateView version(@PathParam("code") String code, @PathParam("version") int version) {
        return TemplateView.of(templates.version(code, version));
    }
}
