package io.perfcenter.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.gateway.overview.ServiceCalls.Part;
import io.perfcenter.gateway.web.Problem;
import io.perfcenter.gateway.web.Problems;
import io.perfcenter.gateway.web.RequestIds;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The calling person's overview of one month: who they are (metrics-service), their scorecards (scoring-service) and
 * their incentive statements (incentive-service), asked concurrently with the caller's own token. A service that
 * fails leaves its part null and is named in {@code unavailable}; the rest is still answered.
 * <p>
 * {@link io.perfcenter.gateway.proxy.ApiRoutes} has already verified the token (401 problems) before this runs.
 */
@Path(OverviewResource.PATH)
@Tag(name = OverviewResource.TAG, description = "Views the gateway composes from several services")
public class OverviewResource {

    public static final String PATH = "/api/v1/me/overview";
    public static final String TAG = "gateway: composite views";
    public static final String EMPLOYEE_ID_CLAIM = "employee_id";

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");

    private final ServiceCalls calls;
    private final SecurityIdentity identity;
    private final Clock clock;

    OverviewResource(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        this.calls = calls;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMyOverview", summary = "The calling person's overview of one month",
            description = "Person (metrics-service), scorecards (scoring-service) and incentive statements "
                    + "(incentive-service) of the employee named by the token's employee_id claim, asked "
                    + "concurrently with the caller's token, so each service applies its own access rules. A service "
                    + "that is down, answers 5xx or times out leaves its part null and is listed in unavailable "
                    + "(still 200); a 4xx (e.g. 403, 404) leaves the part null and is noted in notes.")
    @APIResponse(responseCode = "200", description = "The overview, possibly partial",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Overview.class)))
    @APIResponse(responseCode = "400", description = "The token has no employee_id claim, or period is malformed "
            + "(field names which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = GatewayProblem.class)))
    @APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = GatewayProblem.class)))
    public Uni<Response> overview(
            @Parameter(description = "The month, YYYY-MM; the previous calendar month in the center's time zone (perfcenter.time-zone) when left out",
                    example = "2026-10", schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-\\d{2}$"))
            @QueryParam("period") String period,
            @Context HttpHeaders headers,
            @Context RoutingContext ctx) {
        String employeeId = employeeId();
        if (employeeId == null) {
            return problem(ctx, Problems.badRequest(EMPLOYEE_ID_CLAIM,
                    "The token has no employee_id claim; the overview is only for a person"));
        }
        YearMonth month;
        if (period == null || period.isBlank()) {
            // the month before the current one in the center's time zone
            month = YearMonth.now(clock).minusMonths(1);
        } else {
            try {
                if (!PERIOD.matcher(period).matches()) {
                    throw new DateTimeParseException("not YYYY-MM", period, 0);
                }
                month = YearMonth.parse(period);
            } catch (DateTimeParseException e) {
                return problem(ctx, Problems.badRequest("period", "period must be a month as YYYY-MM"));
            }
        }
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String requestId = RequestIds.of(ctx);
        String id = encode(employeeId);
        String query = "?employeeId=" + id + "&period=" + month;

        Uni<Part> person = calls.get("metrics-service", "/api/v1/metrics/org/agents/" + id.replace("+", "%20"),
                authorization, requestId);
        Uni<Part> scorecards = calls.get("scoring-service", "/api/v1/scoring/scorecards" + query,
                authorization, requestId);
        Uni<Part> statements = calls.get("incentive-service", "/api/v1/incentives/statements" + query,
                authorization, requestId);

        return Uni.combine().all().unis(person, scorecards, statements).asTuple().map(parts -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("employeeId", employeeId);
            body.put("period", month.toString());
            ObjectNode notes = JsonNodeFactory.instance.objectNode();
            var unavailable = JsonNodeFactory.instance.arrayNode();
            put(body, notes, unavailable, "person", parts.getItem1());
            put(body, notes, unavailable, "scorecards", parts.getItem2());
            put(body, notes, unavailable, "statements", parts.getItem3());
            body.set("unavailable", unavailable);
            body.set("notes", notes);
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    private static void put(ObjectNode body, ObjectNode notes, com.fasterxml.jackson.databind.node.ArrayNode unavailable,
                            String name, Part part) {
        JsonNode value = part.body();
        body.set(name, value == null ? JsonNodeFactory.instance.nullNode() : value);
        if (part.unavailable()) {
            unavailable.add(part.service());
        } else if (part.note() != null) {
            notes.put(name, part.note());
        }
    }

    private String employeeId() {
        if (identity == null || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        Object claim = token.getClaim(EMPLOYEE_ID_CLAIM);
        String value = claim instanceof JsonString string ? string.getString() : claim == null ? null : claim.toString();
        return value == null || value.isBlank() ? null : value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Uni<Response> problem(RoutingContext ctx, Problem problem) {
        String requestId = RequestIds.of(ctx);
        var response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header("Content-Language", problem.language(ctx.request().getHeader("Accept-Language")))
                .header("Vary", "Accept-Language")
                .entity(problem.toJson(ctx.request().path(), requestId, ctx.request().getHeader("Accept-Language"))
                        .encode());
        problem.headers().forEach(response::header);
        return Uni.createFrom().item(response.build());
    }
}
