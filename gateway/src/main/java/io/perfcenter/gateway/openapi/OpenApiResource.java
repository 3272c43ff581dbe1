package io.perfcenter.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.gateway.web.PublicUrl;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Serves the one OpenAPI document of the public API; no token needed, as the document is no secret. */
@Path("/openapi.json")
@PermitAll
public class OpenApiResource {

    private final MergedOpenApi openApi;
    private final PublicUrl publicUrl;

    OpenApiResource(MergedOpenApi openApi, PublicUrl publicUrl) {
        this.openApi = openApi;
        this.publicUrl = publicUrl;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public ObjectNode document(@Context UriInfo uri, @Context HttpHeaders headers) {
        ObjectNode document = openApi.document().deepCopy();
        String host = headers.getHeaderString(HttpHeaders.HOST);
        String server = publicUrl.base(headers::getHeaderString, uri.getBaseUri().getScheme(),
                host != null ? host : uri.getBaseUri().getRawAuthority());
        document.putArray("servers").addObject()
                .put("url", server)
                .put("description", "PerfCenter gateway");
        return document;
    }
}
