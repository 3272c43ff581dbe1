package io.perfcenter.metrics.hrimport;

import io.perfcenter.metrics.ingest.UploadFormat.MalformedUpload;
import io.perfcenter.metrics.ingest.XlsxRows;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.BodyLimits;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;

/**
 * The org directory from the files HR exports from its HRIS (CSV or XLSX), with a dry run: the same rows and checks as
 * the JSON bulk syncs ({@code syncOrgUnits}, {@code syncAgents}), reported by the file's row numbers.
 */
@Path("/api/v1/metrics/org/imports")
@Tag(name = "metrics: org directory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({ImportTable.CSV, XlsxRows.MEDIA_TYPE})
@APIResponse(responseCode = "200", description = "What happened (or, in a dry run, would happen) to each row",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
@APIResponse(responseCode = "400", description = "The file cannot be read, or a required column is missing (the "
        + "problem names the field); nothing changed")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow changing the org directory")
@APIResponse(responseCode = "413", description = "The file is larger than 16 MB or has more rows than one import "
        + "takes; nothing changed")
@APIResponse(responseCode = "415", description = "Neither text/csv nor an XLSX workbook")
public class OrgImportResource {

    private static final String HOW = " Send CSV (text/csv, UTF-8, a header row) or an XLSX workbook (its first sheet, "
            + "the first non-empty row the header). Columns are named as the JSON fields (any case) or as HRIS "
            + "exports name them in Chinese; other columns are listed as ignored. Dates as 2026-10-31, 2026/10/31 or "
            + "an XLSX date cell. Each row is created, updated, unchanged or rejected with its row number (records "
            + "after the header), field and reason; rejected rows never block good ones. dryRun=true checks and "
            + "counts the same way and changes nothing.";

    private final OrgImportService imports;
    private final BodyLimits limits;

    OrgImportResource(OrgImportService imports, BodyLimits limits) {
        this.imports = imports;
        this.limits = limits;
    }

    @POST
    @Path("/units")
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.ORG_SYNC})
    @Operation(operationId = "importOrgUnits", summary = "Import centers, teams and groups from an HR file (CSV or XLSX)",
            description = "Columns: code (编码), name (名称), kind (类型: CENTER/中心, TEAM/团队, GROUP/组), parentCode "
                    + "(上级编码), leaderEmployeeId (负责人工号). Rows may come in any order." + HOW)
    @RequestBody(required = true, content = {
            @Content(mediaType = ImportTable.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "units", value = "code,name,kind,parentCode\n"
                            + "C-SH,Shanghai center,CENTER,\nT-EAST,East team,TEAM,C-SH\n"
                            + "G-EAST-1,East hotline group 1,GROUP,T-EAST\n")),
            @Content(mediaType = XlsxRows.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public ImportReport units(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                              @Parameter(description = "Check and count only; nothing changes")
                              @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return imports.units(table(type, body, "/api/v1/metrics/org/imports/units"), dryRun);
    }

    @POST
    @Path("/agents")
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.ORG_SYNC})
    @Operation(operationId = "importAgents", summary = "Import agents with positions and hire dates from an HR file "
            + "(CSV or XLSX)",
            description = "Columns: employeeId (工号), name (姓名), position (岗位), hireDate (入职日期), status (状态: "
                    + "ACTIVE/在职, LEFT/离职), leftOn (离职日期), unitCode (组编码), memberFrom (调入日期). A unit other "
                    + "than today's moves the agent from memberFrom; LEFT ends the membership on leftOn." + HOW)
    @RequestBody(required = true, content = {
            @Content(mediaType = ImportTable.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "agents", value = "工号,姓名,岗位,入职日期,组编码\n"
                            + "E2001,Li Na,seat,2024-03-01,G-EAST-1\nE2002,Wang Wei,seat,2025/7/15,G-EAST-1\n")),
            @Content(mediaType = XlsxRows.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public ImportReport agents(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                               @Parameter(description = "Check and count only; nothing changes")
                               @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return imports.agents(table(type, body, "/api/v1/metrics/org/imports/agents"), dryRun);
    }

    /** The file, read whole up to the endpoint's limit (one byte more is a 413 problem, also for a chunked body). */
    private ImportTable table(String type, InputStream body, String path) {
        long limit = limits.limitFor(path);
        try {
            byte[] file = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (file.length > limit) {
                throw Problems.bodyTooLarge(limit);
            }
            return ImportTable.read(type, new java.io.ByteArrayInputStream(file));
        } catch (MalformedUpload e) {
            throw Problems.malformedBody(e.getMessage());
        } catch (IOException e) {
            throw Problems.malformedBody("the file could not be read: " + e.getMessage());
        }
    }
}
