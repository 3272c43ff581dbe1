package io.perfcenter.metrics.catalog;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.perfcenter.metrics.ingest.RecordKind;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/v1/metrics/catalog")
@Tag(name = "metrics: catalog",
        description = "Metric definitions: code, names, unit, direction, aggregation and derivation from records")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class CatalogResource {

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
            @Schema(examples = "Calls answered by the agent, inbound and outbound") String description) {

        static Definition of(MetricDefinition d) {
            return new Definition(d.code, d.nameZh, d.nameEn, d.unit, d.direction, d.aggregation, d.category,
                    d.source, d.derivation, d.description);
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
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listMetricDefinitions", summary = "All metric definitions")
    @APIResponse(responseCode = "200", description = "The catalog, ordered by code")
    public List<Definition> list() {
        return MetricDefinition.<MetricDefinition>listAll(io.quarkus.panache.common.Sort.by("code"))
                .stream().map(Definition::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getMetricDefinition", summary = "One metric definition")
    @APIResponse(responseCode = "200", description = "The definition")
    @APIResponse(responseCode = "404", description = "No such metric")
    public Definition get(@PathParam("code") String code) {
        MetricDefinition d = MetricDefinition.findById(code);
        if (d == null) {
            throw Problems.notFound("Metric", code);
        }
        return Definition.of(d);
    }

    @GET
    @Path("/record-fields")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listDerivationFields",
            summary = "The record kinds and fields a derivation may use (the whole vocabulary; no SQL)")
    @APIResponse(responseCode = "200", description = "Record kinds with their fields")
    public List<KindInfo> recordFields() {
        return java.util.Arrays.stream(RecordKind.values()).filter(k -> k != RecordKind.VALUES)
                .map(k -> new KindInfo(k.path(), k.allFields().stream().skip(4)
                        .map(f -> new FieldInfo(f.name(), f.type().name(), f.choices())).toList()))
                .toList();
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "createMetricDefinition", summary = "Add a metric to the catalog")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Definition.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response create(@Valid @NotNull Definition input) {
        if (MetricDefinition.findById(input.code()) != null) {
            throw Problems.conflict("Metric " + input.code() + " exists already");
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
        return Response.created(URI.create("/api/v1/metrics/catalog/" + d.code)).entity(Definition.of(d)).build();
    }
}
