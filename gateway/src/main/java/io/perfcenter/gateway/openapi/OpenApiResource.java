package io.perfcenter.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.gateway.GatewayConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Serves the one OpenAPI document of the public API; no token needed, as the document is no secret. */
@Path("/openapi.json")
@PermitAll
public class OpenApiResource {

    private final MergedOpenApi openApi;
    private final GatewayConfig config;

    OpenApiResource(MergedOpenApi openApi, GatewayConfig config) {
        this.openApi = openApi;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public ObjectNode document(@Context UriInfo uri) {
        ObjectNode document = openApi.document().deepCopy();
        String server = config.openapi().publicUrl().map(Object::toString)
                .orElseGet(() -> uri.getBaseUri().toString());
        document.putArray("servers").addObject()
                .put("url", server.endsWith("/") ? server.substring(0, server.length() - 1) : server)
                .put("description", "PerfCenter gateway");
        return document;
    }
}
