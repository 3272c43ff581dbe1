package io.perfcenter.metrics.ingest;

/**
 * How an upload is applied. {@code atomic}: any bad row rejects the whole upload and nothing is stored.
 * {@code dryRun}: everything is checked and counted as it would be, then nothing is kept. {@code evaluator}: when
 * set, QA evaluations must name this evaluator (a QA specialist uploads only their own evaluations).
 */
public record IngestOptions(boolean atomic, boolean dryRun, String evaluator) {

    public static final IngestOptions DEFAULT = new IngestOptions(false, false, null);
}
