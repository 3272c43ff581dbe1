package io.perfcenter.metrics.ingest;

import io.perfcenter.metrics.ingest.RecordPayloads.AdherenceRecord;
import io.perfcenter.metrics.ingest.RecordPayloads.CallRecord;
import io.perfcenter.metrics.ingest.RecordPayloads.IncidentRecord;
import io.perfcenter.metrics.ingest.RecordPayloads.QaEvaluationRecord;
import io.perfcenter.metrics.ingest.RecordPayloads.SaleRecord;
import io.perfcenter.metrics.ingest.RecordPayloads.SurveyRecord;
import io.perfcenter.metrics.ingest.RecordPayloads.TicketRecord;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/**
 * Bulk upload of raw activity records, one endpoint per kind, each taking a JSON array, NDJSON or CSV (chosen by
 * Content-Type) streamed straight into PostgreSQL. The endpoints are one upload ({@link #store}) parameterised by the
 * {@link RecordKind}; each kind keeps a thin method of its own only for what the OpenAPI document shows per
 * operation (its operationId, summary, roles and record schema from {@link RecordPayloads}, which
 * RecordPayloadsTests holds to the kind's fields).
 */
@Path("/api/v1/metrics/records")
@Tag(name = "metrics: ingestion", description = "Idempotent bulk upload of activity and metric values")
@APIResponse(responseCode = "200", description = "The upload's report")
@APIResponse(responseCode = "400", description = "The body cannot be read as its content type; nothing stored")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow writing these records")
@APIResponse(responseCode = "422", description = "atomic=true and some rows are invalid; nothing stored")
@APIResponse(responseCode = "408", description = "The body stopped arriving for the idle timeout; nothing stored")
@APIResponse(responseCode = "413", description = "The body is larger than uploads may be; nothing stored")
@APIResponse(responseCode = "429", description = "The caller already runs as many uploads as allowed; see Retry-After")
@APIResponse(responseCode = "503", description = "Too many uploads are being stored; see Retry-After")
public class RecordResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    static final String JSON = "application/json";
    static final String XLSX = XlsxRows.MEDIA_TYPE;
    private static final String HOW = " Send a JSON array (application/json), one JSON object a line "
            + "(application/x-ndjson) or CSV with a header row naming the fields (text/csv); the body is streamed, "
            + "so uploads of any size take bounded memory. Each row is stored, recognised as already stored "
            + "(duplicate: same or newer revision) or rejected with its row number, field and reason; bad rows never "
            + "block good ones unless atomic=true. A record repeated in one upload applies in order. Re-sending, "
            + "also after a timeout, is safe: the upload is one transaction and records are keyed by "
            + "(sourceSystem, externalId). Nothing is committed before the whole body has arrived and passed its "
            + "checks (a large body may be stored while it arrives, in that one transaction): it may be up to 2 GB "
            + "(configurable), must not pause for more than 30 s, and one caller runs at most 4 uploads at once.";

    /** What every upload takes besides its body: the body's format and how to store it. */
    public static class Upload {
        @HeaderParam(HttpHeaders.CONTENT_TYPE)
        String type;
        @Parameter(description = "All or nothing")
        @QueryParam("atomic")
        @DefaultValue("false")
        boolean atomic;
        @Parameter(description = "Check and count only")
        @QueryParam("dryRun")
        @DefaultValue("false")
        boolean dryRun;
    }

    private final BulkIngestion ingestion;
    private final UploadGate gate;
    private final HttpServerRequest request;
    private final Caller caller;

    RecordResource(BulkIngestion ingestion, UploadGate gate, Caller caller, HttpServerRequest request) {
        this.request = request;
        this.ingestion = ingestion;
        this.gate = gate;
        this.caller = caller;
    }

    @POST
    @Path("/calls")
    @Consumes({JSON, NDJSON, CSV})
    @RolesAllowed({Roles.RECORDS_WRITER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "uploadCallRecords", summary = "Upload calls/contacts (ACD, CRM)", description = HOW)
    @RequestBody(content = {
            @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CallRecord.class)),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = CallRecord.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public IngestReport calls(InputStream body, @BeanParam Upload upload) {
        return store(RecordKind.CALLS, body, upload, null);
    }

    @POST
    @Path("/tickets")
    @Consumes({JSON, NDJSON, CSV})
    @RolesAllowed({Roles.RECORDS_WRITER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "uploadTicketRecords", summary = "Upload tickets (CRM)", description = HOW)
    @RequestBody(content = {
            @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TicketRecord.class)),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = TicketRecord.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public IngestReport tickets(InputStream body, @BeanParam Upload upload) {
        return store(RecordKind.TICKETS, body, upload, null);
    }

    @POST
    @Path("/surveys")
    @Consumes({JSON, NDJSON, CSV})
    @RolesAllowed({Roles.RECORDS_WRITER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "uploadSurveyRecords", summary = "Upload survey answers (CSAT, NPS)", description = HOW)
    @RequestBody(content = {
            @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = SurveyRecord.class)),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = SurveyRecord.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public IngestReport surveys(InputStream body, @BeanParam Upload upload) {
        return store(RecordKind.SURVEYS, body, upload, null);
    }

    @POST
    @Path("/qa-evaluations")
    @Consumes({JSON, NDJSON, CSV})
    @RolesAllowed({Roles.QA, Roles.RECORDS_WRITER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "uploadQaEvaluations", summary = "Upload QA evaluations of recorded contacts",
            description = "QA specialists may upload their own evaluations (evaluatorId must be theirs)." + HOW)
    @RequestBody(content = {
            @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = QaEvaluationRecord.class)),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = QaEvaluationRecord.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public IngestReport qaEvaluations(InputStream body, @BeanParam Upload upload) {
        String evaluator = null;
        if (!caller.seesEverything()) {
            evaluator = caller.employeeId().orElseThrow(() ->
                    Problems.forbidden("A QA specialist's token must carry an employee_id"));
        }
        return store(RecordKind.QA_EVALUATIONS, body, upload, evaluator);
    }

    @POST
    @Path("/adherence")
    @Consumes({JSON, NDJSON, CSV})
    @RolesAllowed({Roles.RECORDS_WRITER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "uploadAdherenceRecords", summary = "Upload schedule adherence per agent and day (WFM)",
            description = HOW)
    @RequestBody(content = {
            @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AdherenceRecord.class)),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = AdherenceRecord.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public IngestReport adherence(InputStream body, @BeanParam Upload upload) {
        return store(RecordKind.ADHERENCE, body, upload, null);
    }

    @POST
    @Path("/incidents")
    @Consumes({JSON, NDJSON, CSV})
    @RolesAllowed({Roles.RECORDS_WRITER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "uploadIncidentRecords",
            summary = "Upload errors, rule violations, complaints and commendations", description = HOW)
    @RequestBody(content = {
            @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = IncidentRecord.class)),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = IncidentRecord.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public IngestReport incidents(InputStream body, @BeanParam Upload upload) {
        return store(RecordKind.INCIDENTS, body, upload, null);
    }

    @POST
    @Path("/sales")
    @Consumes({JSON, NDJSON, CSV})
    @RolesAllowed({Roles.RECORDS_WRITER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "uploadSaleRecords", summary = "Upload sales amounts", description = HOW)
    @RequestBody(content = {
            @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = SaleRecord.class)),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = SaleRecord.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public IngestReport sales(InputStream body, @BeanParam Upload upload) {
        return store(RecordKind.SALES, body, upload, null);
    }

    @POST
    @Path("/values")
    @Consumes({JSON, NDJSON, CSV, XLSX})
    @RolesAllowed({Roles.RECORDS_WRITER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "uploadMetricValues",
            summary = "Upload pre-aggregated metric values (agent, metric, day, value), any size and format",
            description = "The streaming form of POST /api/v1/metrics/values." + HOW + " Values HR keeps by hand may also "
                    + "come as an XLSX workbook (" + XLSX + "): its first sheet, the first non-empty row naming the "
                    + "fields as in CSV; date cells are read as dates and numbers as written, whatever the sheet "
                    + "displays.")
    @RequestBody(content = {
            @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ValueRecord.class)),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = ValueRecord.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public IngestReport values(InputStream body, @BeanParam Upload upload) {
        return store(RecordKind.VALUES, body, upload, null);
    }

    /**
     * The one upload every kind's endpoint is (they differ only in the kind and the record schema the OpenAPI
     * document shows, which is per operation): received into a file and stored from it, from its first megabyte on
     * while the rest arrives (no database connection waits for a slow client: see {@link EarlyStore}), committed
     * only once the whole body has arrived. {@code evaluator}: the QA specialist whose own evaluations these must be,
     * else null.
     */
    private IngestReport store(RecordKind kind, InputStream body, Upload upload, String evaluator) {
        UploadFormat format = UploadFormat.of(upload.type);
        IngestOptions options = new IngestOptions(upload.atomic, upload.dryRun, evaluator);
        return gate.streamed(caller.subject(), declaredLength(), body, format != UploadFormat.XLSX,
                received -> ingestion.ingest(kind, format, received, options));
    }

    /** The body's declared length, -1 for a chunked body: a body that ends before it has broken off. */
    private long declaredLength() {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
