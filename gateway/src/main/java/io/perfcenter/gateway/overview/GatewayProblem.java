package io.perfcenter.gateway.overview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The documented shape of the gateway's own RFC 7807 problems ({@link io.perfcenter.gateway.web.Problem}). */
@Schema(name = "GatewayProblem", description = "RFC 7807 problem answered by the gateway itself")
public record GatewayProblem(
        @Schema(required = true, example = "https://perfcenter.io/problems/invalid-field") String type,
        @Schema(required = true) String title,
        @Schema(required = true) int status,
        String detail,
        String instance,
        @Schema(description = "The query parameter or token claim at fault (400)", example = "period") String field,
        @Schema(required = true) String requestId) {
}
