package io.perfcenter.metrics.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What became of an upload: counts and, for each rejected row, which field was wrong and why. */
@Schema(name = "IngestReport")
public record IngestReport(
        @Schema(description = "Rows stored new or as a newer revision", examples = "998") int accepted,
        @Schema(description = "Rows already stored with the same or a newer revision (no change)", examples = "0")
        int duplicate,
        @Schema(description = "Rows refused; see errors", examples = "2") int rejected,
        List<RowError> errors,
        @Schema(description = "True when nothing was stored because the upload was a dry run") boolean dryRun,
        @Schema(description = "True when there were more row errors than listed; the counts cover every row")
        boolean errorsTruncated) {

    @Schema(name = "IngestRowError")
    public record RowError(
            @Schema(description = "1-based position in the upload (array position, NDJSON line, CSV record)",
                    examples = "17") int row,
            @Schema(examples = "talkSeconds") String field,
            @Schema(examples = "must be a whole number, not 'abc'") String reason) {
    }
}
