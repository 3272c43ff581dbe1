package io.perfcenter.gateway.proxy;

import io.opentelemetry.api.OpenTelemetry;
import io.perfcenter.gateway.GatewayConfig;
import io.perfcenter.gateway.web.PublicUrl;
import io.perfcenter.gateway.web.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;

/**
 * Forwards one request to a service and streams its answer back: method, path, query, headers (the
 * Authorization header included) and body pass unchanged in both directions, the body without being buffered.
 * A service that cannot be reached, is too slow or breaks off becomes a problem (503, 504, 502).
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    /** How long a caller whose upload was answered early may go on sending before its connection closes. */
    private static final Duration LINGER = Duration.ofSeconds(1);

    private final HttpClient client;
    private final Duration timeout;
    private final PublicUrl publicUrl;
    private final Vertx vertx;
    @Inject
    OpenTelemetry telemetry;

    ServiceProxy(Vertx vertx, GatewayConfig config, PublicUrl publicUrl) {
        this.vertx = vertx;
        this.timeout = config.timeout();
        this.publicUrl = publicUrl;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnectionsPerService())
                .setKeepAlive(true)
                // bodies pass as the service encoded them
                .setDecompressionSupported(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public void forward(RoutingContext ctx, ServiceRoute route) {
        HttpServerRequest request = ctx.request();
        String requestId = RequestIds.of(ctx);
        long started = System.nanoTime();

        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(request);
        proxyRequest.putHeader(RequestIds.HEADER, requestId);
        propagateTrace(proxyRequest);
        // the gateway answers "100 Continue" itself once the service is connected, see below
        boolean expectsContinue = "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
        proxyRequest.headers().remove(HttpHeaders.EXPECT);
        forwardedFor(proxyRequest, request);

        RequestOptions origin = new RequestOptions()
                .setHost(route.url().getHost())
                .setPort(route.port())
                .setSsl(route.secure());

        UploadEnd[] upload = {null};
        client.request(origin)
                .compose(clientRequest -> {
                    if (expectsContinue) {
                        request.response().writeContinue();
                    }
                    // failures while the body is still streaming also fail the answer, and are reported there
                    clientRequest.exceptionHandler(e -> LOG.debugf("Request to %s broke off: %s", route.name(), e));
                    upload[0] = startTimeoutAfterUpload(proxyRequest, clientRequest);
                    return proxyRequest.send(clientRequest);
                })
                .compose(proxyResponse -> {
                    // the id is already on the response; the service's echo of it must not double it
                    proxyResponse.headers().remove(RequestIds.HEADER);
                    // the service names its own internal address in Location; callers must get the gateway's
                    String location = proxyResponse.headers().get(HttpHeaders.LOCATION);
                    if (location != null) {
                        proxyResponse.headers().set(HttpHeaders.LOCATION, PublicUrl.relocate(location, route.url(),
                                publicUrl.base(request::getHeader, request.scheme(),
                                        request.getHeader(HttpHeaders.HOST))));
                    }
                    int status = proxyResponse.getStatusCode();
                    if (upload[0] != null && !request.isEnded()) {
                        // answered before the body ended (413, 429): the service reads no more of it, nor do we
                        proxyResponse.putHeader(HttpHeaders.CONNECTION, "close");
                        Future<Integer> sent = proxyResponse.send().map(status);
                        upload[0].cutShort(() -> sent.onComplete(done -> close(request)));
                        return sent.onComplete(done -> vertx.setTimer(LINGER.toMillis(), t -> close(request)));
                    }
                    return proxyResponse.send().map(status);
                })
                .onComplete(result -> {
                    MDC.put(RequestIds.MDC_KEY, requestId);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if (result.succeeded()) {
                        LOG.infof("%s %s -> %s %d (%d ms)", request.method(), request.path(), route.name(),
                                result.result(), millis);
                        return;
                    }
                    ProxyFailure failure = ProxyFailure.of(result.cause());
                    LOG.warnf("%s %s -> %s failed (%s, %d ms): %s", request.method(), request.path(), route.name(),
                            failure, millis, result.cause().toString());
                    if (!ctx.response().headWritten()) {
                        // let the rest of the caller's body drain so the connection stays usable
                        request.resume();
                    }
                    failure.problem(route.name(), timeout).send(ctx);
                });
    }

    /**
     * Vert.x's request timeout is an idle timeout on the answer; arming it only when the caller's body has been
     * sent means: the service has {@code timeout} to start answering, and then between any two chunks.
     */
    private UploadEnd startTimeoutAfterUpload(ProxyRequest proxyRequest, HttpClientRequest clientRequest) {
        long millis = timeout.toMillis();
        if (proxyRequest.proxiedRequest().isEnded()) {
            clientRequest.idleTimeout(millis);
            return null;
        }
        Body body = proxyRequest.getBody();
        UploadEnd upload = new UploadEnd(body.stream(), () -> clientRequest.idleTimeout(millis));
        proxyRequest.setBody(Body.body(upload, body.length()));
        return upload;
    }

    /**
     * After an early answer the caller's connection closes, as the answer said, once the caller has had the time to
     * read the answer while still sending (see {@link UploadEnd#cutShort}). HTTP/2 streams end on their own; closing
     * would end the connection's other streams.
     */
    private static void close(HttpServerRequest request) {
        if (request.version() != HttpVersion.HTTP_2) {
            request.connection().close();
        }
    }

    /**
     * With tracing on, the service's spans join the trace as children of the gateway's span of this request (W3C
     * {@code traceparent}, replacing the caller's, which is the parent of the gateway's); with tracing off (no SDK)
     * nothing is added and the caller's header passes unchanged.
     */
    private void propagateTrace(ProxyRequest proxyRequest) {
        telemetry.getPropagators().getTextMapPropagator().inject(io.opentelemetry.context.Context.current(),
                proxyRequest, (request, key, value) -> request.putHeader(key, value));
    }

    private static void forwardedFor(ProxyRequest proxyRequest, HttpServerRequest request) {
        if (request.remoteAddress() != null) {
            String previous = request.getHeader("X-Forwarded-For");
            String client = request.remoteAddress().hostAddress();
            proxyRequest.putHeader("X-Forwarded-For", previous == null ? client : previous + ", " + client);
        }
        if (request.getHeader("X-Forwarded-Proto") == null) {
            proxyRequest.putHeader("X-Forwarded-Proto", request.scheme());
        }
    }
}
