package io.perfcenter.metrics.events;

import io.perfcenter.metrics.events.EventPayloads.EventInput;
import io.perfcenter.metrics.events.EventPayloads.EventView;
import io.perfcenter.metrics.events.EventPayloads.RelayReceipt;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

@Path("/api/v1/metrics/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics: events", description = "The event log of the suite: CloudEvents 1.0 of every service, stored "
        + "once, delivered to webhooks and turned into notifications")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
public class EventResource {

    private final EventService events;

    EventResource(EventService events) {
        this.events = events;
    }

    @POST
    @Path("/relay")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EVENTS_RELAY)
    @Operation(operationId = "relayEvents", summary = "Store events of a service's outbox in the log",
            description = "scoring- and incentive-service relay their outboxes here, oldest first, as themselves "
                    + "(role events-relay). Stored once by source and id: an event sent again is counted as a "
                    + "duplicate and changes nothing. The batch (at most 1000) is checked whole first: one bad "
                    + "event refuses it, naming the event (`[2].type`), and nothing is stored. Roles: events-relay.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = EventInput.class, maxItems = 1000),
            examples = @ExampleObject(name = "published", value = """
                    [{"specversion":"1.0","id":"0b7c9a51-3f0e-4c47-9d7e-25f1c1a4e0d2","source":"/perfcenter/scoring",
                      "type":"io.perfcenter.scoring.scorecard.published","subject":"E3001",
                      "time":"2026-11-03T02:15:00Z","datacontenttype":"application/json",
                      "data":{"scorecardId":41,"runId":7,"period":"2026-10","employeeId":"E3001","total":87.5,
                              "grade":"GOOD"}}]""")))
    @APIResponse(responseCode = "200", description = "Stored (and duplicates ignored)")
    @APIResponse(responseCode = "400", description = "An invalid event (problem names it); nothing stored")
    @APIResponse(responseCode = "403", description = "Only a relaying service (role events-relay)")
    public RelayReceipt relay(List<EventInput> body) {
        return events.relay(body);
    }

    @GET
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listEvents", summary = "The event log, oldest first",
            description = "Every event of the suite in the order of the log, filtered by type and subject. "
                    + "Roles: hr, admin.")
    @APIResponse(responseCode = "200", description = "Events in log order", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    @APIResponse(responseCode = "403", description = "Only hr and admin read the log")
    public RestResponse<List<EventView>> list(
            @Parameter(description = "Only events of this type", example = "io.perfcenter.scoring.appeal.decided")
            @QueryParam("type") String type,
            @Parameter(description = "Only events about this subject", example = "E3001")
            @QueryParam("subject") String subject,
            @BeanParam Page page) {
        return page.of(events.list(type, subject, page.offset(), page.limit()), events.count(type, subject));
    }
}
