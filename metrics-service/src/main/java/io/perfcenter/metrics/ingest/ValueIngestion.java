package io.perfcenter.metrics.ingest;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Pre-aggregated metric values sent as a JSON array: the same idempotent path as every other upload. */
@ApplicationScoped
public class ValueIngestion {

    private final BulkIngestion bulk;

    ValueIngestion(BulkIngestion bulk) {
        this.bulk = bulk;
    }

    public IngestReport ingest(List<ValueRecord> records, IngestOptions options) {
        return bulk.ingestTexts(RecordKind.VALUES,
                records.stream().map(r -> r == null ? null : r.texts()).toList(), options);
    }
}
