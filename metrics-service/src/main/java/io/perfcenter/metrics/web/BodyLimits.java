package io.perfcenter.metrics.web;

import io.perfcenter.metrics.config.LimitsConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.resteasy.reactive.server.vertx.VertxInputStream;

import java.time.Duration;

/**
 * The body size each endpoint accepts, enforced before the body is read: a declared Content-Length beyond the
 * limit is answered 413 at once; a chunked body is counted as it is read (by {@link BoundedJsonBodies} and the
 * upload spool, which answer 413 problems), with Quarkus' own cut a little beyond as the backstop. An answer given
 * before the whole body arrived says {@code Connection: close} and closes the connection a moment later, so the rest
 * of the body is not waited for.
 */
@ApplicationScoped
public class BodyLimits {

    /** The streaming uploads; everything else under /api is JSON read into memory. */
    public static final String UPLOADS = "/api/v1/metrics/records/";
    public static final String VALUES = "/api/v1/metrics/values";
    /**
     * The bulk endpoints read whole: the values endpoint, the org directory's syncs (JSON arrays) and its imports of HR
     * files (CSV, XLSX).
     */
    private static final java.util.Set<String> BULK = java.util.Set.of(VALUES, "/api/v1/metrics/org/units/bulk",
            "/api/v1/metrics/org/agents/bulk", "/api/v1/metrics/org/imports/units", "/api/v1/metrics/org/imports/agents");
    /** How far Quarkus' bare 413 stays behind the counted limit (it counts bytes received, not bytes read). */
    private static final long BACKSTOP_SLACK = 1 << 20;

    /** How long, and how much of, a body answered early is read and dropped before its connection closes. */
    private static final Duration LINGER = Duration.ofSeconds(1);
    private static final long MAX_DROPPED = 32L << 20;

    private final LimitsConfig limits;
    private final Vertx vertx;

    BodyLimits(LimitsConfig limits, Vertx vertx) {
        this.limits = limits;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        // right after Quarkus' global limit (quarkus.http.limits.max-body-size), before security and REST
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::check);
    }

    /** The limit of the endpoint at {@code path}, in bytes. */
    public long limitFor(String path) {
        if (path.startsWith(UPLOADS)) {
            return limits.uploadBody().asLongValue();
        }
        if (BULK.contains(path.endsWith("/") ? path.substring(0, path.length() - 1) : path)) {
            return limits.valuesBody().asLongValue();
        }
        return limits.jsonBody().asLongValue();
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean body = (length != null && declared(length) > 0)
                || request.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true);
        if (!body || request.isEnded()) {
            ctx.next();
            return;
        }
        long declared = length == null ? -1 : declared(length);
        if (request.version() != HttpVersion.HTTP_2) {
            // HTTP/2 streams stop on flow control; closing the connection would end every other stream on it.
            // Answered early (413, 408, 429, ...): the rest of the body is neither read nor waited for, and the
            // answer says so, so that a client (the gateway's connection pool) never sends its next request on a
            // connection about to close. A body read whole keeps the connection open for the next request.
            ctx.addHeadersEndHandler(v -> {
                if (!received(request, declared)) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                }
            });
            ctx.addEndHandler(done -> {
                if (!received(request, declared)) {
                    closeAfterDropping(request);
                }
            });
        }
        long limit = limitFor(request.path());
        if (declared > limit) {
            ctx.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end("{\"type\":\"https://perfcenter.io/problems/body-too-large\",\"title\":\"Body too large\","
                            + "\"status\":413,\"detail\":\"the body is larger than the " + limit + " bytes this "
                            + "endpoint accepts; nothing was stored\",\"field\":\"body\",\"limit\":" + limit + "}");
            return;
        }
        ctx.put(VertxInputStream.MAX_REQUEST_SIZE_KEY, limit + BACKSTOP_SLACK);
        ctx.next();
    }

    /**
     * Closes the connection of a request answered before its body arrived, a moment later: until then what arrives is
     * read and dropped, so the answer reaches a client that is still sending instead of being overtaken by a reset.
     * For at most {@link #LINGER} and {@link #MAX_DROPPED} bytes: a client still sending (the gateway stops as soon as
     * it has the answer) needs the time to read the answer on a loaded machine, but gets no licence to send on.
     */
    private void closeAfterDropping(HttpServerRequest request) {
        Runnable close = () -> request.connection().close();
        long[] dropped = {0};
        try {
            request.handler(data -> {
                if ((dropped[0] += data.length()) > MAX_DROPPED) {
                    close.run();
                }
            });
            request.endHandler(v -> close.run());
            request.resume();
        } catch (IllegalStateException e) {
            // the body has been read by now after all
            close.run();
            return;
        }
        vertx.setTimer(LINGER.toMillis(), t -> close.run());
    }

    /**
     * Whether the whole body has arrived. The request's own end flag is not enough: the REST layer reads the body
     * through a wrapper of the request, whose end the request seen here does not always learn of.
     */
    private static boolean received(HttpServerRequest request, long declared) {
        return request.isEnded() || (declared >= 0 && request.bytesRead() >= declared);
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
