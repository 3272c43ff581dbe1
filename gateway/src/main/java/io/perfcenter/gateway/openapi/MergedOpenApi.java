package io.perfcenter.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.gateway.GatewayConfig;
import io.perfcenter.gateway.proxy.ServiceRoute;
import io.perfcenter.gateway.proxy.ServiceRoutes;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The merged OpenAPI document of the public API, built from the services' own documents on first demand and then
 * kept for a short while, so a new version of a service shows up without restarting the gateway.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);

    /** The gateway itself as a document source: only its own paths under {@code /api/v1/me} are merged. */
    static final ServiceRoute GATEWAY = new ServiceRoute("gateway", URI.create("http://localhost"), "/api/v1/me");

    private final ServiceRoutes routes;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Duration cacheTtl;
    private final HttpClient http;
    private final String openIdConnectUrl;

    private final Instance<OpenApiDocumentService> ownDocument;

    private ObjectNode cached;
    private long cachedAt;

    MergedOpenApi(ServiceRoutes routes, ObjectMapper json, GatewayConfig config,
                  Instance<OpenApiDocumentService> ownDocument) {
        this.routes = routes;
        this.ownDocument = ownDocument;
        this.json = json;
        this.timeout = config.probeTimeout();
        this.cacheTtl = config.openapi().cacheTtl();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.openIdConnectUrl = config.openapi().openIdConnectUrl()
                .filter(URI::isAbsolute).map(Object::toString).orElse(null);
    }

    /** The merged document; the caller must not change it (copy it first). */
    public synchronized ObjectNode document() {
        long now = System.nanoTime();
        if (cached == null || now - cachedAt >= cacheTtl.toNanos()) {
            cached = build();
            cachedAt = now;
        }
        return cached;
    }

    private ObjectNode build() {
        // the services are asked in parallel; a slow one costs at most the probe timeout
        Map<ServiceRoute, CompletableFuture<Optional<ObjectNode>>> requests = new LinkedHashMap<>();
        for (ServiceRoute route : routes.all()) {
            requests.put(route, fetch(route));
        }
        List<ServiceDocument> documents = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        requests.forEach((route, request) -> request.join().ifPresentOrElse(
                document -> documents.add(new ServiceDocument(route, document)),
                () -> unavailable.add(route.name())));
        own().ifPresentOrElse(documents::add, () -> unavailable.add(GATEWAY.name()));
        return OpenApiMerger.merge(documents, unavailable, openIdConnectUrl);
    }

    /** The gateway's own paths (its composite views), from its smallrye-openapi document. */
    private Optional<ServiceDocument> own() {
        try {
            if (!ownDocument.isResolvable()) {
                LOG.warn("The gateway's own OpenAPI document is not available");
                return Optional.empty();
            }
            JsonNode document = json.readTree(ownDocument.get().getDocument(Format.JSON));
            if (document instanceof ObjectNode object) {
                return Optional.of(new ServiceDocument(GATEWAY, object));
            }
            LOG.warn("The gateway's own OpenAPI document is not a JSON object");
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The gateway's own OpenAPI document could not be read: %s", e.toString());
        }
        return Optional.empty();
    }

    private CompletableFuture<Optional<ObjectNode>> fetch(ServiceRoute route) {
        HttpRequest request = HttpRequest.newBuilder(route.resolve("/q/openapi?format=json"))
                .header("Accept", "application/json")
                .timeout(timeout)
                .GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        LOG.warnf("OpenAPI document of %s: status %d", route.name(), response.statusCode());
                        return Optional.<ObjectNode>empty();
                    }
                    try {
                        JsonNode document = json.readTree(response.body());
                        if (document instanceof ObjectNode object) {
                            return Optional.of(object);
                        }
                        LOG.warnf("OpenAPI document of %s is not a JSON object", route.name());
                    } catch (IOException e) {
                        LOG.warnf("OpenAPI document of %s is not JSON: %s", route.name(), e.getMessage());
                    }
                    return Optional.<ObjectNode>empty();
                })
                .exceptionally(failure -> {
                    LOG.warnf("OpenAPI document of %s unavailable: %s", route.name(), failure.toString());
                    return Optional.empty();
                });
    }
}
