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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The signed-in person's notifications (metrics-service's feed, their own only): newest first, each unread one with a
 * button that marks it read; and the unread count the header shows (fetched by {@code notifications.js}).
 */
@Path("/console/notifications")
public class NotificationViews extends ConsoleKit {

    private static final String FEED = "/api/v1/metrics/notifications";

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance notifications(Viewer viewer, String csrf, Feed feed);
    }

    @TemplateData
    public record Feed(List<Item> items, List<String> notes) {
    }

    @TemplateData
    public record Item(long id, String title, String createdAt, boolean read) {
    }

    NotificationViews(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        super(calls, identity, clock);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> feed(@Context RoutingContext ctx) {
        if (viewer().employeeId() == null) {
            return message(404, msg().notFound(), msg().notificationsForPeople(), ctx);
        }
        return get("metrics-service", FEED + "?limit=100", ctx).flatMap(part -> {
            if (part.body() == null || !part.body().isArray()) {
                return refused(part, msg().whatNotifications(), ctx);
            }
            List<Item> items = new ArrayList<>();
            for (JsonNode n : part.body()) {
                String at = n.path("createdAt").asText("");
                items.add(new Item(n.path("id").asLong(), n.path("title").asText(),
                        at.length() >= 16 ? at.substring(0, 16).replace('T', ' ') : at, n.hasNonNull("readAt")));
            }
            return page(Templates.notifications(viewer(), csrf(ctx), new Feed(items, List.of())));
        });
    }

    /** The unread count (up to 1000) as plain text; empty when it cannot be read. */
    @GET
    @Path("unread")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public Uni<Response> unread(@Context RoutingContext ctx) {
        if (viewer().employeeId() == null) {
            return Uni.createFrom().item(Response.ok("0").build());
        }
        return get("metrics-service", FEED + "?unread=true&limit=1000", ctx).map(part -> {
            JsonNode body = part.body();
            return Response.ok(body != null && body.isArray() ? Integer.toString(body.size()) : "")
                    .header("Cache-Control", "no-store").build();
        });
    }

    @POST
    @Path("{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> markRead(@PathParam("id") long id, @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                                  @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        return post("metrics-service", FEED + "/" + id + "/read", null, ctx)
                .flatMap(answer -> after(answer, "/console/notifications", msg().whatMarkingRead(), ctx));
    }
}
