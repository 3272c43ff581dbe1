package io.perfcenter.metrics.events;

import io.perfcenter.metrics.events.EventPayloads.CreatedSubscription;
import io.perfcenter.metrics.events.EventPayloads.DeliveryView;
import io.perfcenter.metrics.events.EventPayloads.SubscriptionInput;
import io.perfcenter.metrics.events.EventPayloads.SubscriptionView;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Page;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Locale;

@Path("/api/v1/metrics/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics: webhooks", description = "Integration clients' subscriptions to event types, signed deliveries "
        + "with retries and dead letters, the delivery log and replays")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Only hr and admin manage webhooks")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class WebhookResource {

    private final WebhookService webhooks;

    WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Path("/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe a URL to event types",
            description = "Events of these types stored from now on are POSTed to the URL (CloudEvents structured "
                    + "JSON), signed: X-PerfCenter-Signature = sha256=hex(HMAC-SHA256(secret, "
                    + "X-PerfCenter-Timestamp + '.' + body)). The secret is in this answer only. Roles: hr, admin.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionInput.class),
            examples = @ExampleObject(name = "crm", value = """
                    {"name":"CRM agent profile sync","url":"https://crm.example.com/hooks/perfcenter",
                     "eventTypes":["io.perfcenter.scoring.scorecard.published","io.perfcenter.incentive.statement.approved"]}""")))
    @APIResponse(responseCode = "201", description = "Made; the answer shows the signing secret, once")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    public RestResponse<CreatedSubscription> create(SubscriptionInput input) {
        return RestResponse.status(RestResponse.Status.CREATED, webhooks.create(input));
    }

    @GET
    @Path("/subscriptions")
    @Operation(operationId = "listWebhookSubscriptions", summary = "Webhook subscriptions, oldest first",
            description = "Without their secrets. Roles: hr, admin.")
    @APIResponse(responseCode = "200", description = "Subscriptions by id", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    public RestResponse<List<SubscriptionView>> list(@BeanParam Page page) {
        return page.of(webhooks.list());
    }

    @GET
    @Path("/subscriptions/{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "A webhook subscription (without its secret)",
            description = "Roles: hr, admin.")
    @APIResponse(responseCode = "200", description = "The subscription")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public SubscriptionView get(@Parameter(example = "3") @PathParam("id") long id) {
        return webhooks.get(id);
    }

    @POST
    @Path("/subscriptions/{id}/disable")
    @Operation(operationId = "disableWebhookSubscription", summary = "Stop a webhook subscription",
            description = "Nothing more is sent to it, pending deliveries included; it and its deliveries stay in "
                    + "the log. Idempotent. Roles: hr, admin.")
    @APIResponse(responseCode = "200", description = "Disabled")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public SubscriptionView disable(@Parameter(example = "3") @PathParam("id") long id) {
        return webhooks.disable(id);
    }

    @POST
    @Path("/subscriptions/{id}/rotate-secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateWebhookSecret", summary = "Give a webhook subscription a new signing secret",
            description = "The new secret is in this answer only; the old one is never shown again. For a grace "
                    + "period (graceMinutes, default perfcenter.events.delivery.rotation-grace = 24 h) each delivery "
                    + "carries two signatures in X-PerfCenter-Signature, separated by a space, the new secret's "
                    + "first: 'sha256=<hex new> sha256=<hex old>'; a receiver accepts a delivery when one matches. "
                    + "After the grace only the new secret signs. Roles: hr, admin.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventPayloads.RotationInput.class),
            examples = @ExampleObject(name = "a day of grace", value = "{\"graceMinutes\":1440}")))
    @APIResponse(responseCode = "200", description = "Rotated; the answer shows the new secret, once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EventPayloads.RotatedSecret.class)))
    @APIResponse(responseCode = "400", description = "graceMinutes invalid (problem names it); nothing changed")
    @APIResponse(responseCode = "404", description = "No such subscription")
    @APIResponse(responseCode = "409", description = "The subscription is disabled; nothing changed")
    public EventPayloads.RotatedSecret rotateSecret(@Parameter(example = "3") @PathParam("id") long id,
                                                    EventPayloads.RotationInput input) {
        return webhooks.rotate(id, input);
    }

    @GET
    @Path("/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log, newest first",
            description = "Each delivery's status (PENDING, DELIVERED, DEAD), attempts, last status code or error "
                    + "and next attempt; filtered by subscription, status and event id. Roles: hr, admin.")
    @APIResponse(responseCode = "200", description = "Deliveries, newest first", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "A filter, limit or offset invalid (problem names it)")
    public RestResponse<List<DeliveryView>> deliveries(
            @Parameter(description = "Only this subscription's", example = "3",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("subscriptionId") String subscriptionId,
            @Parameter(description = "Only deliveries in this status", example = "DEAD",
                    schema = @Schema(enumeration = {"PENDING", "DELIVERED", "DEAD"}))
            @QueryParam("status") String status,
            @Parameter(description = "Only deliveries of this event (CloudEvents id)")
            @QueryParam("eventId") String eventId,
            @BeanParam Page page) {
        Long subscription = subscriptionId(subscriptionId);
        WebhookDelivery.Status wanted = status(status);
        return page.of(webhooks.deliveries(subscription, wanted, eventId, page.offset(), page.limit()),
                webhooks.countDeliveries(subscription, wanted, eventId));
    }

    @GET
    @Path("/deliveries/{id}")
    @Operation(operationId = "getWebhookDelivery", summary = "A delivery with every attempt",
            description = "Roles: hr, admin.")
    @APIResponse(responseCode = "200", description = "The delivery and its attempts, oldest first")
    @APIResponse(responseCode = "404", description = "No such delivery")
    public DeliveryView delivery(@Parameter(example = "12") @PathParam("id") long id) {
        return webhooks.delivery(id);
    }

    @POST
    @Path("/deliveries/{id}/replay")
    @Operation(operationId = "replayWebhookDelivery", summary = "Send a delivery again",
            description = "A dead letter (or a delivered event the receiver lost) is PENDING again from now, with "
                    + "a fresh count of attempts; earlier attempts stay in its log. Roles: hr, admin.")
    @APIResponse(responseCode = "200", description = "Queued again")
    @APIResponse(responseCode = "404", description = "No such delivery")
    @APIResponse(responseCode = "409", description = "Its subscription is disabled")
    public DeliveryView replay(@Parameter(example = "12") @PathParam("id") long id) {
        return webhooks.replay(id);
    }

    private static Long subscriptionId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id < 1) {
                throw Problems.invalid("subscriptionId", "must be a subscription id (1 or more)");
            }
            return id;
        } catch (NumberFormatException e) {
            throw Problems.invalid("subscriptionId", "must be a subscription id (1 or more)");
        }
    }

    private static WebhookDelivery.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return WebhookDelivery.Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("status", "must be one of PENDING, DELIVERED, DEAD");
        }
    }
}
