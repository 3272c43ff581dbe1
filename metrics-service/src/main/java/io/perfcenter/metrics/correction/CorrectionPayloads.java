package io.perfcenter.metrics.correction;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Request and response bodies of data corrections. */
public final class CorrectionPayloads {

    private CorrectionPayloads() {
    }

    @Schema(name = "DataCorrectionInput", description = "The agent's figure of a summed metric on one day, as it should "
            + "have been")
    public record CorrectionInput(@Schema(required = true, examples = "E3001") String employeeId,
                                  @Schema(required = true, description = "A metric aggregated by SUM",
                                          examples = "complaints") String metricCode,
                                  @Schema(required = true, examples = "2026-10-14") LocalDate date,
                                  @Schema(required = true, examples = "0") BigDecimal value,
                                  @Schema(examples = "appeal 42: the complaint was about the courier") String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DataCorrection", description = "A data correction and who made it")
    public record CorrectionView(String key, String employeeId, String metricCode, LocalDate date, BigDecimal value,
                                 String reason,
                                 @Schema(description = "The person the calling service acted for (X-Acting-For)")
                                 String actingFor,
                                 @Schema(description = "Who sent it: the service or person of the token")
                                 String recordedBy, OffsetDateTime recordedAt, String requestId, String withdrawnBy,
                                 OffsetDateTime withdrawnAt) {

        static CorrectionView of(DataCorrection c) {
            return new CorrectionView(c.key, c.employeeId, c.metricCode, c.date, c.value, c.reason, c.actingFor,
                    c.recordedBy, c.recordedAt, c.requestId, c.withdrawnBy, c.withdrawnAt);
        }
    }
}
