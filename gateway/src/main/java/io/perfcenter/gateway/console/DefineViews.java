package io.perfcenter.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.gateway.overview.ServiceCalls;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;

/**
 * hr defining things from the console: a metric of the catalog (metrics-service's createMetricDefinition, from the
 * catalog page's form; its derivation as JSON) and an incentive plan or its next version (incentive-service's
 * createPlan, the whole definition as JSON from the plans page, or field by field from its form). hr and admin only, as the API's writes are; text that
 * is not JSON is refused naming the field before anything is sent, and the API's own problem is shown as it answers.
 */
@Path("/console/define")
@Produces(MediaType.TEXT_HTML)
public class DefineViews extends ConsoleKit {

    private static final ObjectMapper JSON = new ObjectMapper();

    DefineViews(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        super(calls, identity, clock);
    }

    @POST
    @Operation(hidden = true)
    @Path("metrics")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createMetric(@FormParam("code") String code, @FormParam("nameZh") String nameZh,
                                      @FormParam("nameEn") String nameEn, @FormParam("unit") String unit,
                                      @FormParam("direction") String direction,
                                      @FormParam("aggregation") String aggregation,
                                      @FormParam("category") String category, @FormParam("source") String source,
                                      @FormParam("description") String description,
                                      @FormParam("derivation") String derivation,
                                      @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", strip(code));
        body.put("nameZh", strip(nameZh));
        body.put("nameEn", strip(nameEn));
        body.put("unit", strip(unit));
        body.put("direction", strip(direction));
        body.put("aggregation", strip(aggregation));
        body.put("category", strip(category));
        body.put("source", strip(source));
        if (strip(description) != null) {
            body.put("description", strip(description));
        }
        if (strip(derivation) != null) {
            JsonNode parsed = parse(derivation);
            if (parsed == null || !parsed.isObject()) {
                return message(400, msg().notDone(msg().whatCreatingMetric(String.valueOf(strip(code)))),
                        msg().notJson("derivation"), ctx);
            }
            body.set("derivation", parsed);
        }
        String back = "/console/catalog/" + encode(String.valueOf(strip(code)));
        return post("metrics-service", "/api/v1/metrics/catalog", body, ctx)
                .flatMap(answer -> after(answer, back, msg().whatCreatingMetric(String.valueOf(strip(code))), ctx));
    }

    @POST
    @Operation(hidden = true)
    @Path("plans")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createPlan(@FormParam("definition") String definition,
                                    @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        JsonNode body = parse(definition);
        if (body == null || !body.isObject()) {
            return message(400, msg().notDone(msg().whatCreatingPlan()), msg().notJson("definition"), ctx);
        }
        String code = body.path("code").asText("");
        String back = "/console/pay/plans" + (code.isBlank() ? "" : "?code=" + encode(code));
        return post("incentive-service", "/api/v1/incentives/plans", body, ctx)
                .flatMap(answer -> after(answer, back, msg().whatCreatingPlan(), ctx));
    }

    /**
     * The plans page's form of a plan's next version, field by field (createPlan, built by {@link PlanForm}): the
     * same write as the JSON, without typing JSON.
     */
    @POST
    @Operation(hidden = true)
    @Path("plans/fields")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createPlanFromFields(MultivaluedMap<String, String> form, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, form.getFirst(ConsoleRoutes.CSRF_FIELD))) {
            return forged(ctx);
        }
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        ObjectNode body = PlanForm.body(form);
        String code = body.path("code").asText("");
        String back = "/console/pay/plans" + (code.isBlank() ? "" : "?code=" + encode(code));
        return post("incentive-service", "/api/v1/incentives/plans", body, ctx)
                .flatMap(answer -> after(answer, back, msg().whatCreatingPlan(), ctx));
    }

    /** The text as JSON, or null when it is blank or not JSON. */
    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
