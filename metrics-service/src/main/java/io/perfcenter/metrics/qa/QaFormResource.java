package io.perfcenter.metrics.qa;

import io.perfcenter.metrics.qa.QaFormPayloads.FormInput;
import io.perfcenter.metrics.qa.QaFormPayloads.FormView;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.EntityTags;
import io.perfcenter.metrics.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
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

/**
 * QA forms (质检表): versioned like scorecard templates (POST the same code for the next version, retire keeps every
 * version). Written by QA specialists, who run the evaluations, and by hr and admin; read by everyone evaluated by
 * them or reading the results, and by the QA tool that uploads evaluations naming them.
 */
@Path("/api/v1/metrics/qa/forms")
@Tag(name = "metrics: quality", description = "QA forms, and evaluations scored by them")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class QaFormResource {

    private final QaFormService forms;

    QaFormResource(QaFormService forms) {
        this.forms = forms;
    }

    @POST
    @RolesAllowed({Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "defineQaForm", summary = "Define a QA form, or the next version of one",
            description = "Sections of items; each item has a weight, an answer type (SCALE 0..scaleMax with a "
                    + "passMark, or YES_NO), may allow n/a, and may be critical: failing it sets the evaluation's "
                    + "score to 0 (ZERO) or caps it (CAP, capAt). Item codes are unique in the form. A problem names "
                    + "the offending field, e.g. sections[0].items[1].scaleMax. To make sure nobody defined a version "
                    + "meanwhile, send the ETag of the version you read as If-Match.")
    @APIResponse(responseCode = "201", description = "Stored; the body is the new version",
            headers = @Header(name = "ETag", description = "The new version's entity tag",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FormView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it); nothing is stored")
    @APIResponse(responseCode = "409", description = "The form is retired; its code is not defined again")
    @APIResponse(responseCode = "412", description = "If-Match names another version than the latest; nothing is "
            + "stored")
    public Response define(@NotNull FormInput input, @Parameter(description = EntityTags.IF_MATCH, example = "\"1\"")
                           @HeaderParam("If-Match") String ifMatch) {
        QaForm form = forms.define(input, ifMatch);
        return Response.created(URI.create("/api/v1/metrics/qa/forms/" + form.code + "/versions/" + form.version))
                .header("ETag", form.entityTag()).entity(FormView.of(form)).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.RECORDS_WRITER})
    @Operation(operationId = "listQaForms", summary = "The latest version of every QA form in use")
    @APIResponse(responseCode = "200", description = "Forms ordered by code", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit, offset or includeRetired invalid (problem names it)")
    public RestResponse<List<FormView>> list(
            @Parameter(description = "true: retired forms too", example = "false")
            @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
            @BeanParam Page page) {
        return page.of(QaForm.latestVersions(includeRetired).stream().map(FormView::of).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.RECORDS_WRITER})
    @Operation(operationId = "getQaForm", summary = "The latest version of a QA form, retired or not")
    @APIResponse(responseCode = "200", description = "The form",
            headers = @Header(name = "ETag", description = "Send it as If-Match to define the next version or retire",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FormView.class)))
    @APIResponse(responseCode = "404", description = "No such form")
    public Response latest(@Parameter(example = "CALL_QA") @PathParam("code") String code) {
        QaForm form = forms.latest(code);
        return Response.ok(FormView.of(form)).header("ETag", form.entityTag()).build();
    }

    @GET
    @Path("/{code}/versions/{version}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.RECORDS_WRITER})
    @Operation(operationId = "getQaFormVersion", summary = "One version of a QA form, e.g. the one an evaluation names")
    @APIResponse(responseCode = "200", description = "The form version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FormView.class)))
    @APIResponse(responseCode = "404", description = "No such form or version")
    public FormView version(@Parameter(example = "CALL_QA") @PathParam("code") String code,
                            @Parameter(description = "The version number", example = "1")
                            @PathParam("version") int version) {
        return FormView.of(forms.version(code, version));
    }

    @POST
    @Path("/{code}/retire")
    @RolesAllowed({Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "retireQaForm", summary = "Retire a QA form, keeping its history",
            description = "Every version is kept and still reads, as do the evaluations it scored; the form leaves "
                    + "the default list (?includeRetired=true shows it), evaluations naming it are refused (per row, "
                    + "field formCode) and its code is not defined again. Retiring a retired form answers it "
                    + "unchanged.")
    @APIResponse(responseCode = "200", description = "The form as retired",
            headers = @Header(name = "ETag", description = "The retired form's entity tag",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FormView.class)))
    @APIResponse(responseCode = "404", description = "No such form")
    @APIResponse(responseCode = "412", description = "If-Match names another state than the current one")
    public Response retire(@Parameter(example = "CALL_QA") @PathParam("code") String code,
                           @Parameter(description = EntityTags.IF_MATCH, example = "\"1\"")
                           @HeaderParam("If-Match") String ifMatch) {
        QaForm form = forms.retire(code, ifMatch);
        return Response.ok(FormView.of(form)).header("ETag", form.entityTag()).build();
    }
}
