package io.perfcenter.incentive.events;

import io.perfcenter.incentive.client.ServiceHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * metrics-service's event log, called as this service ({@link ServiceHeaders}: its own token, role
 * {@code events-relay}): the outbox's events in order, stored once by source and id.
 */
@RegisterRestClient(configKey = "metrics")
@RegisterClientHeaders(ServiceHeaders.class)
@Path("/api/v1/metrics/events")
public interface EventsRestClient {

    @POST
    @Path("/relay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    RelayReceipt relay(List<CloudEvent> events);
}
