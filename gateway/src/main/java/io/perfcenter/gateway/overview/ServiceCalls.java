package io.perfcenter.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfcenter.gateway.GatewayConfig;
import io.perfcenter.gateway.console.ConsoleLanguage;
import io.perfcenter.gateway.proxy.ServiceRoute;
import io.perfcenter.gateway.proxy.ServiceRoutes;
import io.perfcenter.gateway.web.RequestIds;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Optional;

/**
 * The gateway's own calls to the services for composite views: a GET with the caller's {@code Authorization} and
 * {@code X-Request-Id} (and, for the console's pages, the page's language as {@code Accept-Language}), bounded by the configured timeouts. A call never fails; its {@link Part} says how it went.
 */
@ApplicationScoped
public class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

    private final ServiceRoutes routes;
    private final ObjectMapper json;
    private final WebClient client;
    private final long timeoutMillis;

    ServiceCalls(ServiceRoutes routes, ObjectMapper json, GatewayConfig config, Vertx vertx) {
        this.routes = routes;
        this.json = json;
        this.timeoutMillis = config.timeout().toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnectionsPerService())
                .setFollowRedirects(false)
                .setTryUseCompression(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** What one service answered for one part of a view. */
    public record Part(String service, JsonNode body, boolean unavailable, String note) {

        static Part ok(String service, JsonNode body) {
            return new Part(service, body, false, null);
        }

        static Part unavailable(String service) {
            return new Part(service, null, true, null);
        }

        static Part refused(String service, String note) {
            return new Part(service, null, false, note);
        }
    }

    /**
     * GETs {@code pathAndQuery} (already encoded) from the named service.
     *
     * @param authorization the caller's {@code Authorization} header, forwarded unchanged
     */
    public Uni<Part> get(String service, String pathAndQuery, String authorization, String requestId) {
        Optional<ServiceRoute> route = routes.all().stream().filter(r -> r.name().equals(service)).findFirst();
        if (route.isEmpty()) {
            LOG.warnf("%s is not configured", service);
            return Uni.createFrom().item(Part.unavailable(service));
        }
        var request = request(io.vertx.core.http.HttpMethod.GET, route.get(), pathAndQuery, "application/json",
                authorization, requestId);
        return Uni.createFrom().completionStage(() -> request.send().toCompletionStage())
                .map(response -> {
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        try {
                            var body = response.body();
                            return Part.ok(service, body == null ? null : json.readTree(body.getBytes()));
                        } catch (IOException e) {
                            LOG.warnf("%s answered %s with no JSON: %s", service, pathAndQuery, e.getMessage());
                            return Part.unavailable(service);
                        }
                    }
                    if (status >= 500) {
                        LOG.warnf("%s answered %s with %d", service, pathAndQuery, status);
                        return Part.unavailable(service);
                    }
                    return Part.refused(service, note(status));
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("%s did not answer %s: %s", service, pathAndQuery, failure.toString());
                    return Part.unavailable(service);
                });
    }

    /** A file a service answered (status 0 when it could not be reached): its type, disposition and bytes. */
    public record Download(int status, String contentType, String disposition, byte[] body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * GETs a file (e.g. a payroll export) from the named service with the caller's {@code Authorization}; the console
     * hands it to the browser as the service answered it, so the token never reaches the page. Never fails.
     */
    public Uni<Download> download(String service, String pathAndQuery, String authorization, String requestId) {
        Optional<ServiceRoute> route = routes.all().stream().filter(r -> r.name().equals(service)).findFirst();
        if (route.isEmpty()) {
            return Uni.createFrom().item(new Download(0, null, null, null));
        }
        var request = request(io.vertx.core.http.HttpMethod.GET, route.get(), pathAndQuery, "*/*", authorization,
                requestId);
        return Uni.createFrom().completionStage(() -> request.send().toCompletionStage())
                .map(response -> new Download(response.statusCode(), response.getHeader("Content-Type"),
                        response.getHeader("Content-Disposition"),
                        response.body() == null ? new byte[0] : response.body().getBytes()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("%s did not answer %s: %s", service, pathAndQuery, failure.toString());
                    return new Download(0, null, null, null);
                });
    }

    /** What a service answered to a write: its status (0 when it could not be reached) and JSON body, if any. */
    public record Answer(int status, JsonNode body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean unavailable() {
            return status == 0 || status >= 500;
        }
    }

    /**
     * POSTs {@code body} as JSON to {@code pathAndQuery} (already encoded) of the named service with the caller's
     * {@code Authorization}; never fails, a service that cannot be reached answers status 0.
     */
    public Uni<Answer> post(String service, String pathAndQuery, JsonNode body, String authorization,
                            String requestId) {
        return send(io.vertx.core.http.HttpMethod.POST, service, pathAndQuery, body, authorization, requestId);
    }

    /** As {@link #post}, with PUT (the console's self-assessment and ratings, which the API takes as PUT). */
    public Uni<Answer> put(String service, String pathAndQuery, JsonNode body, String authorization,
                           String requestId) {
        return send(io.vertx.core.http.HttpMethod.PUT, service, pathAndQuery, body, authorization, requestId);
    }

    private Uni<Answer> send(io.vertx.core.http.HttpMethod method, String service, String pathAndQuery, JsonNode body,
                             String authorization, String requestId) {
        Optional<ServiceRoute> route = routes.all().stream().filter(r -> r.name().equals(service)).findFirst();
        if (route.isEmpty()) {
            LOG.warnf("%s is not configured", service);
            return Uni.createFrom().item(new Answer(0, null));
        }
        var request = request(method, route.get(), pathAndQuery, "application/json", authorization, requestId)
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json");
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unwritable body", e);
        }
        return Uni.createFrom().completionStage(() -> request.sendBuffer(io.vertx.core.buffer.Buffer.buffer(bytes))
                        .toCompletionStage())
                .map(response -> {
                    JsonNode answer = null;
                    var raw = response.body();
                    if (raw != null && raw.length() > 0) {
                        try {
                            answer = json.readTree(raw.getBytes());
                        } catch (IOException e) {
                            LOG.debugf("%s answered %s with no JSON", service, pathAndQuery);
                        }
                    }
                    return new Answer(response.statusCode(), answer);
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("%s did not answer %s: %s", service, pathAndQuery, failure.toString());
                    return new Answer(0, null);
                });
    }

    /** A request to a service with the caller's token and request id, in the console page's language if any. */
    private io.vertx.ext.web.client.HttpRequest<io.vertx.core.buffer.Buffer> request(
            io.vertx.core.http.HttpMethod method, ServiceRoute route, String pathAndQuery, String accept,
            String authorization, String requestId) {
        var request = client.requestAbs(method, route.resolve(pathAndQuery).toString())
                .timeout(timeoutMillis)
                .putHeader(HttpHeaders.ACCEPT.toString(), accept)
                .putHeader(RequestIds.HEADER, requestId);
        if (authorization != null) {
            request.putHeader(HttpHeaders.AUTHORIZATION.toString(), authorization);
        }
        // a console page's calls speak the page's language (explanations, problem titles)
        ConsoleLanguage.current().ifPresent(language -> request.putHeader(HttpHeaders.ACCEPT_LANGUAGE.toString(),
                language));
        return request;
    }

    private static String note(int status) {
        return switch (status) {
            case 400 -> "400 bad request";
            case 401 -> "401 unauthorized";
            case 403 -> "403 forbidden";
            case 404 -> "404 not found";
            default -> status + " client error";
        };
    }
}
