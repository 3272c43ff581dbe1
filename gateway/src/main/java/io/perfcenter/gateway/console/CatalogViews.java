package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfcenter.gateway.console.ConsolePages.Viewer;
import io.perfcenter.gateway.overview.ServiceCalls;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * hr's metric catalog: the metric definitions (retired ones on request), one definition with how it follows from the
 * records, and retiring it (metrics-service keeps its history). hr and admin only, as the API's writes are.
 */
@Path("/console/catalog")
@Produces(MediaType.TEXT_HTML)
public class CatalogViews extends ConsoleKit {

    private static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance catalog(Viewer viewer, String csrf, CatalogPage catalog);

        static native TemplateInstance metric(Viewer viewer, String csrf, Metric metric);
    }

    @TemplateData
    public record CatalogPage(boolean retired, List<Metric> metrics) {
    }

    /** A metric definition; {@code name} in the page's language, {@code derivation} as JSON (null when pushed). */
    @TemplateData
    public record Metric(String code, String name, String nameZh, String nameEn, String unit, String direction,
                         String aggregation, String category, String source, String description, String derivation,
                         String retiredAt, String retiredBy) {

        static Metric of(JsonNode d) {
            String zh = MonthView.text(d, "nameZh");
            String en = MonthView.text(d, "nameEn");
            JsonNode derivation = d.get("derivation");
            return new Metric(MonthView.text(d, "code"), label(d, null), zh, en,
                    MonthView.text(d, "unit"), MonthView.lower(MonthView.text(d, "direction")),
                    MonthView.lower(MonthView.text(d, "aggregation")), MonthView.text(d, "category"),
                    MonthView.text(d, "source"), MonthView.text(d, "description"),
                    derivation == null || derivation.isNull() ? null : pretty(derivation),
                    HrViews.minute(MonthView.text(d, "retiredAt")), MonthView.text(d, "retiredBy"));
        }
    }

    CatalogViews(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        super(calls, identity, clock);
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> catalog(@QueryParam("retired") boolean retired, @Context RoutingContext ctx) {
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        return get("metrics-service", "/api/v1/metrics/catalog?limit=500" + (retired ? "&includeRetired=true" : ""),
                ctx).flatMap(list -> {
            if (list.body() == null) {
                return refused(list, msg().whatCatalog(), ctx);
            }
            List<Metric> metrics = new ArrayList<>();
            list.body().forEach(d -> metrics.add(Metric.of(d)));
            return page(Templates.catalog(viewer(), csrf(ctx), new CatalogPage(retired, metrics)));
        });
    }

    @GET
    @Operation(hidden = true)
    @Path("{code}")
    public Uni<Response> metric(@PathParam("code") String code, @Context RoutingContext ctx) {
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        if (!METRIC.matcher(code).matches()) {
            return message(404, msg().notFound(), msg().noSuchThing(code), ctx);
        }
        return get("metrics-service", "/api/v1/metrics/catalog/" + code, ctx).flatMap(one -> one.body() == null
                ? refused(one, msg().whatMetric(code), ctx)
                : page(Templates.metric(viewer(), csrf(ctx), Metric.of(one.body()))));
    }

    @POST
    @Operation(hidden = true)
    @Path("{code}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> retire(@PathParam("code") String code, @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                                @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        if (!METRIC.matcher(code).matches()) {
            return message(404, msg().notFound(), msg().noSuchThing(code), ctx);
        }
        return post("metrics-service", "/api/v1/metrics/catalog/" + code + "/retire", null, ctx)
                .flatMap(answer -> after(answer, "/console/catalog/" + code, msg().whatRetiring(code), ctx));
    }
}
