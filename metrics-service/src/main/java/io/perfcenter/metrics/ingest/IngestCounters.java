package io.perfcenter.metrics.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Business counters of ingestion, on the management interface's {@code /q/metrics}: records stored (new or as a
 * newer revision) and records refused, per kind ({@code calls}, {@code surveys}, …, {@code values}), e.g.
 * {@code perfcenter_records_ingested_total{kind="calls"}}. Counted once the upload is committed; dry runs and
 * uploads refused as a whole store nothing and count as nothing stored.
 */
@Startup
@ApplicationScoped
public class IngestCounters {

    private final MeterRegistry registry;

    IngestCounters(MeterRegistry registry) {
        this.registry = registry;
        // every kind's series from the start, at 0, so that rates and dashboards need no first upload
        for (RecordKind kind : RecordKind.values()) {
            if (!kind.uploaded()) {
                continue;
            }
            registry.counter("perfcenter.records.ingested", "kind", kind.path());
            registry.counter("perfcenter.records.rejected", "kind", kind.path());
        }
    }

    /** After an upload: what it stored when it was committed, what it refused unless it was a dry run. */
    void count(RecordKind kind, IngestReport report, boolean committed) {
        if (committed) {
            registry.counter("perfcenter.records.ingested", "kind", kind.path()).increment(report.accepted());
        }
        if (!report.dryRun()) {
            registry.counter("perfcenter.records.rejected", "kind", kind.path()).increment(report.rejected());
        }
    }
}
