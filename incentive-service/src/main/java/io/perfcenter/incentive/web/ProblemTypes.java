package io.perfcenter.incentive.web;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkiverse.resteasy.problem.validation.HttpValidationProblem;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives the problems made by the framework (401, 403 by role, unreadable JSON, unknown path …) a stable type URI
 * too, so that clients can tell every error kind apart by its type alone.
 */
@ApplicationScoped
@Unremovable
public class ProblemTypes implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getType() != null || problem instanceof HttpValidationProblem) {
            return problem;
        }
        String kind = switch (problem.getStatusCode()) {
            case 400 -> problem.getParameters().containsKey("field") ? "invalid-field" : "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406, 415 -> "unsupported-media-type";
            default -> problem.getStatusCode() >= 500 ? "internal-error" : null;
        };
        return kind == null ? problem : HttpProblem.builder(problem).withType(Problems.type(kind)).build();
    }
}
