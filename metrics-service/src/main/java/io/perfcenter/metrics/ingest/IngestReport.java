package io.perfcenter.metrics.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What became of an upload: counts and, for each rejected row, which field was wrong and why. */
@Schema(name = "IngestReport")
public record IngestReport(
        @Schema(description = "Rows stored new or as a newer revision") int accepted,
        @Schema(description = "Rows already stored with the same or a newer revision (no change)") int duplicate,
        @Schema(description = "Rows refused; see errors") int rejected,
        List<RowError> errors) {

    @Schema(name = "IngestRowError")
    public record RowError(@Schema(description = "1-based position in the upload") int row, String field,
                           String reason) {
    }
}
