package io.perfcenter.gateway.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 7807 problem the gateway answers with itself, when no service could or may answer: its body's members
 * beyond the standard ones ({@code properties}) and any headers it needs (e.g. {@code WWW-Authenticate}).
 */
public record Problem(URI type, String title, int status, String detail, Map<String, Object> properties,
                      Map<String, String> headers) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        properties = Map.copyOf(properties);
        headers = Map.copyOf(headers);
    }

    public JsonObject toJson(String instance, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.putAll(properties);
        body.put("requestId", requestId);
        return new JsonObject(body);
    }

    /** Ends the exchange with this problem, unless a service's answer has already begun. */
    public void send(RoutingContext ctx) {
        var response = ctx.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            // a problem can no longer replace a half-sent answer; cutting the stream tells the caller it is broken
            response.reset();
            return;
        }
        String requestId = RequestIds.of(ctx);
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId);
        headers.forEach(response::putHeader);
        response.end(toJson(ctx.request().path(), requestId).encode());
    }
}
