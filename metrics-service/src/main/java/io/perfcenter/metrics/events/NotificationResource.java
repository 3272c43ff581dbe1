package io.perfcenter.metrics.events;

import io.perfcenter.metrics.events.EventPayloads.NotificationView;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

@Path("/api/v1/metrics/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics: notifications", description = "Each person's in-app feed: their scorecard published, an appeal "
        + "awaiting their decision or decided, their statement approved")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Machine clients have no feed")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.APPEALS, Roles.HR, Roles.ADMIN})
public class NotificationResource {

    private final NotificationService notifications;

    NotificationResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    @Operation(operationId = "listNotifications", summary = "The caller's own notifications, newest first",
            description = "Only the caller's (by the token's employee id; none without one). With unread=true only "
                    + "those not read yet: X-Total-Count is then the unread count. Roles: agent, supervisor, "
                    + "manager, qa, appeals, hr, admin.")
    @APIResponse(responseCode = "200", description = "The feed, newest first", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "unread, limit or offset invalid (problem names it)")
    public RestResponse<List<NotificationView>> list(
            @Parameter(description = "true: only unread ones", example = "true")
            @QueryParam("unread") @DefaultValue("false") boolean unread,
            @BeanParam Page page) {
        return page.of(notifications.feed(unread, page.offset(), page.limit()), notifications.count(unread));
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark one of one's notifications read",
            description = "Idempotent (the first reading time is kept). Someone else's notification answers 404 as "
                    + "an unknown one. Roles: agent, supervisor, manager, qa, appeals, hr, admin.")
    @APIResponse(responseCode = "200", description = "Read")
    @APIResponse(responseCode = "404", description = "No such notification of the caller")
    public NotificationView markRead(@Parameter(example = "17") @PathParam("id") long id) {
        return notifications.markRead(id);
    }
}
