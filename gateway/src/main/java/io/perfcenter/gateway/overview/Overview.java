package io.perfcenter.gateway.overview;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The documented shape of {@code GET /api/v1/me/overview}; the answer itself is built as JSON. */
@Schema(name = "MyOverview", description = "The calling person's overview for one month, composed from the services")
public record Overview(
        @Schema(required = true, description = "The caller's employee id (token claim employee_id)", example = "E1")
        String employeeId,
        @Schema(required = true, description = "The month, YYYY-MM", example = "2026-10", pattern = "^\\d{4}-\\d{2}$")
        String period,
        @Schema(type = SchemaType.OBJECT, nullable = true,
                description = "The person as metrics-service returns it (name, position, unitCode, …); null when it could not be had")
        Map<String, Object> person,
        @Schema(type = SchemaType.ARRAY, implementation = Object.class, nullable = true,
                description = "The scorecards as scoring-service returns them (agents see only published ones); null when they could not be had")
        List<Object> scorecards,
        @Schema(type = SchemaType.ARRAY, implementation = Object.class, nullable = true,
                description = "The incentive statements as incentive-service returns them; null when they could not be had")
        List<Object> statements,
        @Schema(required = true, description = "Services that were down, answered 5xx or timed out; their part is null")
        List<String> unavailable,
        @Schema(required = true, description = "Parts a service refused (4xx) by part name, e.g. {\"person\": \"404 not found\"}")
        Map<String, String> notes) {
}
