package io.perfcenter.scoring.indicator;

import io.perfcenter.scoring.indicator.IndicatorPayloads.Review;
import io.perfcenter.scoring.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;

@Path("/api/v1/scoring/indicator-reviews")
@Tag(name = "scoring: indicator review", description = "Whether the indicators are reasonable (指标合理性): "
        + "distribution, share meeting the target, ceiling and floor effects, correlation with CSAT")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
@APIResponse(responseCode = "400", description = "Missing or invalid parameter (problem names it)")
@APIResponse(responseCode = "404", description = "No published or locked scorecards of the unit and period, or a "
        + "unit outside the caller's scope (answered as an unknown one)")
@APIResponse(responseCode = "503", description = "metrics-service is unavailable (CSAT figures)")
public class IndicatorReviewResource {

    private final IndicatorReviewService reviews;

    IndicatorReviewResource(IndicatorReviewService reviews) {
        this.reviews = reviews;
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getIndicatorReview", summary = "The indicator review of a unit's published scorecards "
            + "of a period",
            description = "Per template item: the metric's values and the item's points (min, quartiles by linear "
                    + "interpolation, max, mean, population standard deviation; 4 decimals half up); the share of "
                    + "agents meeting the target (target-achievement items: the target each scorecard applied, "
                    + "else the rule's default; other items: the rule's full marks) against the aim that about 80% "
                    + "reach it (NEAR within ±15 points, FAR_ABOVE, FAR_BELOW); the shares at the rule's highest "
                    + "(ceiling) and lowest (floor) points, flagged at 90% or more; Pearson's r of the metric with "
                    + "csat (none with the reason below 3 agents or without variance). Unit leaders (the units "
                    + "they lead and below), hr and admin.")
    @APIResponse(responseCode = "200", description = "The review")
    public Review review(
            @Parameter(required = true, example = "G-EAST-1") @QueryParam("unit") String unit,
            @Parameter(required = true, example = "2026-10") @QueryParam("period") String period,
            @Parameter(description = "Needed when the unit has published scorecards of several templates",
                    example = "SEAT") @QueryParam("templateCode") String templateCode) {
        return reviews.review(unit, period, templateCode);
    }

    @GET
    @Path("/export")
    @Produces({IndicatorCsv.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "exportIndicatorReview", summary = "The indicator review as a CSV file",
            description = "The same figures as getIndicatorReview, one row per item (RFC 4180, UTF-8), as an "
                    + "attachment named indicator-review-<unit>-<period>.csv.")
    @APIResponse(responseCode = "200", description = "text/csv attachment",
            content = @Content(mediaType = IndicatorCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response export(
            @Parameter(required = true, example = "G-EAST-1") @QueryParam("unit") String unit,
            @Parameter(required = true, example = "2026-10") @QueryParam("period") String period,
            @Parameter(example = "SEAT") @QueryParam("templateCode") String templateCode) {
        Review review = reviews.review(unit, period, templateCode);
        return Response.ok(IndicatorCsv.of(review).getBytes(StandardCharsets.UTF_8), IndicatorCsv.MEDIA_TYPE
                        + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"indicator-review-"
                        + review.unitCode().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + review.period() + ".csv\"")
                .build();
    }
}
