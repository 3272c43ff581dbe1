package io.perfcenter.metrics.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A value of a metric for one agent and day, pushed by an external system. {@code sourceSystem} and
 * {@code externalId} identify it: sending it again is a no-op, a higher {@code revision} replaces it.
 * Fields are checked row by row (not with bean validation) so one bad row does not reject the batch.
 */
@Schema(name = "MetricValueRecord")
public record ValueRecord(
        @Schema(required = true, examples = "acd") String sourceSystem,
        @Schema(required = true, examples = "calls-E2001-2026-10-01") String externalId,
        @Schema(required = true, examples = "E2001") String employeeId,
        @Schema(required = true, examples = "calls_handled") String metricCode,
        @Schema(required = true, examples = "2026-10-01") LocalDate date,
        @Schema(required = true, examples = "78") BigDecimal value,
        @Schema(description = "Defaults to 1; a higher revision replaces the stored one", examples = "1")
        Integer revision,
        @Schema(description = "For MEAN, RATIO and WEIGHTED_MEAN metrics: how much the value weighs in a period "
                + "(e.g. the calls a daily AHT covers); defaults to 1", examples = "78")
        BigDecimal weight) {

    /** The record as the texts of {@link RecordKind#VALUES}' input fields. */
    String[] texts() {
        RecordKind kind = RecordKind.VALUES;
        String[] texts = new String[kind.inputFields().size()];
        texts[kind.index("sourceSystem")] = sourceSystem;
        texts[kind.index("externalId")] = externalId;
        texts[kind.index("employeeId")] = employeeId;
        texts[kind.index("metricCode")] = metricCode;
        texts[kind.index("date")] = date == null ? null : date.toString();
        // toString, not toPlainString: 1E+2147483647 written out would not fit in memory; the field checks the bounds
        texts[kind.index("value")] = value == null ? null : value.toString();
        texts[kind.index("revision")] = revision == null ? null : revision.toString();
        texts[kind.index("weight")] = weight == null ? null : weight.toString();
        return texts;
    }
}
