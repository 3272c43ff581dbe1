package io.perfcenter.metrics.catalog;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.perfcenter.metrics.ingest.RecordKind;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Page;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.web.EntityTags;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/v1/metrics/catalog")
@Tag(name = "metrics: catalog",
        description = "Metric definitions: code, names, unit, direction, aggregation and derivation from records")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class CatalogResource {

    @Inject
    Caller caller;

    @Schema(name = "MetricDefinition")
    public record Definition(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,63}") @Schema(examples = "calls_handled") String code,
            @NotBlank @Schema(examples = "接听量") String nameZh,
            @NotBlank @Schema(examples = "Calls handled") String nameEn,
            @NotBlank @Schema(examples = "calls") String unit,
            @NotNull MetricDefinition.Direction direction,
            @NotNull MetricDefinition.Aggregation aggregation,
            @NotBlank @Schema(description = "Balanced-scorecard category", examples = "internal-operations")
            String category,
            @NotBlank @Schema(examples = "acd") String source,
            @Schema(description = "How the metric follows from raw records; none for metrics that are only "
                    + "pushed pre-aggregated") Derivation derivation,
            @Schema(examples = "Calls answered by the agent, inbound and outbound") String description,
            @Schema(readOnly = true, description = "When the metric was retired; absent while it is in use. A retired "
                    + "metric still reads, as do its values and aggregates, but is left out of the catalog list")
            OffsetDateTime retiredAt,
            @Schema(readOnly = true, examples = "H1") String retiredBy) {

        static Definition of(MetricDefinition d) {
            return new Definition(d.code, d.nameZh, d.nameEn, d.unit, d.direction, d.aggregation, d.category,
                    d.source, d.derivation, d.description, d.retiredAt, d.retiredBy);
        }
    }

    @Schema(name = "RecordFieldInfo", description = "A field derivations may use")
    public record FieldInfo(@Schema(examples = "talkSeconds") String name, @Schema(examples = "INTEGER") String type,
                            @Schema(description = "Allowed values of a choice field") List<String> choices) {
    }

    @Schema(name = "RecordKindInfo", description = "A kind of raw record and the fields derivations may read")
    public record KindInfo(@Schema(examples = "calls") String record, List<FieldInfo> fields) {
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.RECORDS_WRITER,
            Roles.SERVICE})
    @Operation(operationId = "listMetricDefinitions", summary = "The metric definitions in use")
    @APIResponse(responseCode = "200", description = "The catalog, ordered by code", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    public RestResponse<List<Definition>> list(
            @Parameter(description = "true: retired metrics too", example = "false")
            @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
            @BeanParam Page page) {
        Sort byCode = Sort.by("code");
        return page.of((includeRetired ? MetricDefinition.<MetricDefinition>listAll(byCode)
                : MetricDefinition.<MetricDefinition>list("retiredAt is null", byCode))
                .stream().map(Definition::of).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.RECORDS_WRITER,
            Roles.SERVICE})
    @Operation(operationId = "getMetricDefinition", summary = "One metric definition, retired or not")
    @APIResponse(responseCode = "200", description = "The definition",
            headers = @Header(name = "ETag", description = "Send it as If-Match to retire only this state",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Definition.class)))
    @APIResponse(responseCode = "404", description = "No such metric")
    public Response get(@PathParam("code") String code) {
        MetricDefinition d = MetricDefinition.findById(code);
        if (d == null) {
            throw Problems.notFound("Metric", code);
        }
        return Response.ok(Definition.of(d)).header("ETag", d.entityTag()).build();
    }

    @POST
    @Path("/{code}/retire")
    @Transactional
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "retireMetricDefinition", summary = "Retire a metric, keeping its history",
            description = "The definition, its values, records and aggregates still read (past scorecards are "
                    + "unchanged); the metric leaves the catalog list (?includeRetired=true shows it) and its code is "
                    + "not created again. Retiring a retired metric answers it unchanged.")
    @APIResponse(responseCode = "200", description = "The metric as retired",
            headers = @Header(name = "ETag", description = "The retired metric's entity tag",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Definition.class)))
    @APIResponse(responseCode = "404", description = "No such metric")
    @APIResponse(responseCode = "412", description = "If-Match names another state than the current one")
    public Response retire(@Parameter(example = "calls_handled") @PathParam("code") String code,
                           @Parameter(description = EntityTags.IF_MATCH, example = "\"1\"")
                           @HeaderParam("If-Match") String ifMatch) {
        MetricDefinition d = MetricDefinition.findById(code, LockModeType.PESSIMISTIC_WRITE);
        EntityTags.requireMatch(ifMatch, d == null ? null : d.entityTag(), "Metric " + code);
        if (d == null) {
            throw Problems.notFound("Metric", code);
        }
        if (d.retiredAt == null) {
            d.retiredAt = OffsetDateTime.now();
            d.retiredBy = caller.name();
            d.version++;
        }
        return Response.ok(Definition.of(d)).header("ETag", d.entityTag()).build();
    }

    @GET
    @Path("/record-fields")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.RECORDS_WRITER,
            Roles.SERVICE})
    @Operation(operationId = "listDerivationFields",
            summary = "The record kinds and fields a derivation may use (the whole vocabulary; no SQL)")
    @APIResponse(responseCode = "200", description = "Record kinds with their fields, in a fixed order", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    public RestResponse<List<KindInfo>> recordFields(@BeanParam Page page) {
        return page.of(java.util.Arrays.stream(RecordKind.values()).filter(k -> k != RecordKind.VALUES)
                .map(k -> new KindInfo(k.path(), k.allFields().stream().skip(4)
                        .map(f -> new FieldInfo(f.name(), f.type().name(), f.choices())).toList()))
                .toList());
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "createMetricDefinition", summary = "Add a metric to the catalog")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Definition.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "409", description = "The code is taken (by a metric in use or a retired one)")
    public Response create(@Valid @NotNull Definition input) {
        MetricDefinition existing = MetricDefinition.findById(input.code());
        if (existing != null) {
            throw Problems.conflict("Metric " + input.code() + (existing.retiredAt == null ? " exists already"
                    : " was retired on " + existing.retiredAt.toLocalDate() + "; its code is not used again"));
        }
        if (input.derivation() != null) {
            DerivationSql.check(input.derivation(), input.aggregation());
        }
        MetricDefinition d = new MetricDefinition();
        d.code = input.code();
        d.nameZh = input.nameZh();
        d.nameEn = input.nameEn();
        d.unit = input.unit();
        d.direction = input.direction();
        d.aggregation = input.aggregation();
        d.category = input.category();
        d.source = input.source();
        d.derivation = input.derivation();
        d.description = input.description();
        d.persist();
        return Response.created(URI.create("/api/v1/metrics/catalog/" + d.code)).header("ETag", d.entityTag())
                .entity(Definition.of(d)).build();
    }
}
