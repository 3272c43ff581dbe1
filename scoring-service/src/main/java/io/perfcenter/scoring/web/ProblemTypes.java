package io.perfcenter.scoring.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkiverse.resteasy.problem.validation.HttpValidationProblem;
import io.quarkiverse.resteasy.problem.validation.Violation;
import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.reflect.Field;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The problem type URIs of PerfCenter, the same in every service and the gateway, and the post-processor that gives
 * the problems made by the framework (401, 403 by role, unknown path, wrong method or media type …) one too, so that
 * clients can tell every error kind apart by its type alone. The {@code title} follows the caller's
 * {@code Accept-Language}: Chinese (zh-CN) when the most preferred language is any {@code zh}, English otherwise, said
 * in {@code Content-Language}; the {@code detail} stays English (it names fields and values in API terms).
 */
@ApplicationScoped
@Unremovable
public class ProblemTypes implements ProblemPostProcessor {

    public static final String BASE = "https://perfcenter.io/problems/";

    /** The Chinese title of each problem kind (the last segment of its type). */
    static final Map<String, String> ZH_TITLES = Map.ofEntries(
            Map.entry("invalid-field", "字段无效"),
            Map.entry("malformed-body", "请求体格式错误"),
            Map.entry("bad-request", "请求无效"),
            Map.entry("unauthorized", "未授权"),
            Map.entry("forbidden", "无权操作"),
            Map.entry("out-of-scope", "超出权限范围"),
            Map.entry("not-found", "未找到"),
            Map.entry("method-not-allowed", "不支持的请求方法"),
            Map.entry("not-acceptable", "无法提供所请求的格式"),
            Map.entry("conflict", "冲突"),
            Map.entry("precondition-failed", "版本已变更"),
            Map.entry("payload-too-large", "请求体过大"),
            Map.entry("body-too-large", "请求体过大"),
            Map.entry("unsupported-media-type", "不支持的媒体类型"),
            Map.entry("internal-error", "内部错误"),
            Map.entry("dependency-unavailable", "依赖的服务不可用"),
            Map.entry("dependency-rejected", "依赖的服务拒绝了请求"),
            Map.entry("uploads-busy", "上传繁忙"),
            Map.entry("upload-rejected", "上传被拒绝"),
            Map.entry("upload-idle", "上传中断"),
            Map.entry("too-many-uploads", "并发上传过多"),
            Map.entry("scores-not-published", "成绩尚未发布"),
            Map.entry("run-not-approved", "核算尚未批准"),
            Map.entry("run-locked", "核算已锁定"),
            Map.entry("adjustment-out-of-range", "调整超出范围"));

    @Inject
    CurrentVertxRequest request;

    public static URI type(String kind) {
        return URI.create(BASE + kind);
    }

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        HttpProblem typed = typed(problem, context);
        boolean zh = prefersChinese(acceptLanguage());
        String title = zh ? ZH_TITLES.get(kind(typed)) : null;
        HttpProblem.Builder answer = HttpProblem.builder(typed).withHeader("Vary", "Accept-Language");
        if (title != null) {
            answer.withTitle(title).withHeader("Content-Language", "zh-CN");
        } else {
            answer.withHeader("Content-Language", "en");
        }
        return answer.build();
    }

    /** Whether the most preferred language of an {@code Accept-Language} value is Chinese (any {@code zh}). */
    static boolean prefersChinese(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return !ranges.isEmpty() && ranges.get(0).getWeight() > 0
                    && ranges.get(0).getRange().toLowerCase(Locale.ROOT).startsWith("zh");
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private String acceptLanguage() {
        if (request == null || !Arc.container().requestContext().isActive() || request.getCurrent() == null) {
            return null;
        }
        return request.getCurrent().request().getHeader("Accept-Language");
    }

    private static String kind(HttpProblem problem) {
        String type = problem.getType() == null ? "" : problem.getType().toString();
        return type.startsWith(BASE) ? type.substring(BASE.length()) : "";
    }

    private static HttpProblem typed(HttpProblem problem, ProblemContext context) {
        if (problem.getStatusCode() == 400 && context != null && context.cause != null
                && context.cause.getCause() instanceof JsonProcessingException unreadable) {
            // the REST layer wraps some JSON errors (a body cut short) into a bare 400: say what was wrong instead
            return BodyProblems.problem(unreadable);
        }
        if (context != null && context.cause != null && context.cause != problem
                && context.cause.getCause() instanceof HttpProblem refused) {
            // a parameter converter's problem (StrictBooleans) arrives wrapped in the framework's 404: answer it
            return typed(refused, null);
        }
        if (problem instanceof HttpValidationProblem validation) {
            return validationTyped(validation);
        }
        String kind = problem.getType() != null ? null : switch (problem.getStatusCode()) {
            case 400 -> problem.getParameters().containsKey("field") ? "invalid-field" : "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> problem.getStatusCode() >= 500 ? "internal-error" : "http-" + problem.getStatusCode();
        };
        return kind == null ? problem : HttpProblem.builder(problem).withType(type(kind)).build();
    }

    /** Bean Validation problems: typed like every other bad field, the first violation's field named on top. */
    private static HttpProblem validationTyped(HttpValidationProblem problem) {
        HttpProblem.Builder typed = HttpProblem.builder()
                .withType(type("invalid-field"))
                .withTitle("Invalid field")
                .withStatus(problem.getStatusCode())
                .withDetail(problem.getDetail())
                .withInstance(problem.getInstance());
        problem.getParameters().forEach(typed::with);
        problem.getHeaders().forEach(typed::withHeader);
        List<Violation> violations = violations(problem);
        if (!violations.isEmpty()) {
            typed.with("field", violations.get(0).field);
        }
        return typed.with("violations", violations).build();
    }

    private static List<Violation> violations(HttpValidationProblem problem) {
        try {
            Field field = HttpValidationProblem.class.getDeclaredField("violations");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<Violation> violations = (List<Violation>) field.get(problem);
            return violations == null ? List.of() : violations;
        } catch (ReflectiveOperationException e) {
            return List.of();
        }
    }

    @Override
    public int priority() {
        // before the logger (101) and the MDC injector (100): what is logged and answered carries its type
        return 500;
    }
}
