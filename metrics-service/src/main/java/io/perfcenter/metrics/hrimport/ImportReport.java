package io.perfcenter.metrics.hrimport;

import io.perfcenter.metrics.ingest.IngestReport.RowError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "OrgImportReport", description = "What an HR file import did (or, in a dry run, would do), row by row. "
        + "Row numbers count the file's records after the header row (a spreadsheet's line is one more when no line "
        + "is empty).")
public record ImportReport(
        @Schema(description = "true: checked and counted only, nothing changed", examples = "false") boolean dryRun,
        @Schema(description = "Records in the file", examples = "256") int rows,
        @Schema(examples = "12") int created,
        @Schema(examples = "3") int updated,
        @Schema(examples = "240") int unchanged,
        @Schema(examples = "1") int rejected,
        @Schema(description = "Each rejected row with its field and reason, by row") List<RowError> errors,
        @Schema(description = "Header columns that name no field and were not read", examples = "[\"备注\"]")
        List<String> ignoredColumns) {
}
