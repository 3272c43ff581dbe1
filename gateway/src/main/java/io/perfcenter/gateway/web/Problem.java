package io.perfcenter.gateway.web;

import io.perfcenter.gateway.console.ConsoleLanguage;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 7807 problem the gateway answers with itself, when no service could or may answer: its body's members
 * beyond the standard ones ({@code properties}) and any headers it needs (e.g. {@code WWW-Authenticate}). Its
 * {@code title} follows the caller's {@code Accept-Language} (zh-CN or en), as the console's pages do.
 */
public record Problem(URI type, String title, int status, String detail, Map<String, Object> properties,
                      Map<String, String> headers) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        properties = Map.copyOf(properties);
        headers = Map.copyOf(headers);
    }

    public JsonObject toJson(String instance, String requestId) {
        return toJson(instance, requestId, null);
    }

    /** The body, its {@code title} in the language the caller's {@code Accept-Language} prefers (zh-CN or en). */
    public JsonObject toJson(String instance, String requestId, String acceptLanguage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title(acceptLanguage));
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.putAll(properties);
        body.put("requestId", requestId);
        return new JsonObject(body);
    }

    /** Chinese titles of the gateway's own problem types; the detail stays in English (it names API terms). */
    private static final Map<String, String> ZH_TITLES = Map.of(
            "unauthorized", "未授权",
            "invalid-field", "字段无效",
            "not-found", "未找到",
            "service-unavailable", "服务不可用",
            "gateway-timeout", "网关超时",
            "bad-gateway", "网关错误");

    /** The title in the language {@code acceptLanguage} prefers: zh-CN for any zh first, English otherwise. */
    public String title(String acceptLanguage) {
        if (acceptLanguage != null && "zh-CN".equals(ConsoleLanguage.fromAcceptLanguage(acceptLanguage))) {
            String path = type.getPath();
            String zh = ZH_TITLES.get(path.substring(path.lastIndexOf('/') + 1));
            if (zh != null) {
                return zh;
            }
        }
        return title;
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
        response.putHeader(HttpHeaders.CONTENT_LANGUAGE, language(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)))
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        response.end(toJson(ctx.request().path(), requestId, ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE))
                .encode());
    }

    /** The language of the title answered to {@code acceptLanguage}. */
    public String language(String acceptLanguage) {
        return title(acceptLanguage).equals(title) ? "en" : "zh-CN";
    }
}
