package io.perfcenter.scoring.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkiverse.resteasy.problem.validation.HttpValidationProblem;
import io.quarkiverse.resteasy.problem.validation.Violation;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

import java.lang.reflect.Field;
import java.net.URI;
import java.util.List;

/**
 * The problem type URIs of PerfCenter, the same in every service and the gateway, and the post-processor that gives
 * the problems made by the framework (401, 403 by role, unknown path, wrong method or media type …) one too, so that
 * clients can tell every error kind apart by its type alone.
 */
@ApplicationScoped
@Unremovable
public class ProblemTypes implements ProblemPostProcessor {

    public static final String BASE = "https://perfcenter.io/problems/";

    public static URI type(String kind) {
        return URI.create(BASE + kind);
    }

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getStatusCode() == 400 && context != null && context.cause != null
                && context.cause.getCause() instanceof JsonProcessingException unreadable) {
            // the REST layer wraps some JSON errors (a body cut short) into a bare 400: say what was wrong instead
            return BodyProblems.problem(unreadable);
        }
        if (context != null && context.cause != null && context.cause != problem
                && context.cause.getCause() instanceof HttpProblem refused) {
            // a parameter converter's problem (StrictBooleans) arrives wrapped in the framework's 404: answer it
            return apply(refused, null);
        }
        if (problem instanceof HttpValidationProblem validation) {
            return typed(validation);
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
    private static HttpProblem typed(HttpValidationProblem problem) {
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
