package io.perfcenter.incentive.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers an {@link Explained} operation in the language of {@code Accept-Language} ({@link Language}): the answer
 * (or each element of a listed answer) shows its explanations in that language, and {@code Content-Language} says
 * which, with {@code Vary: Accept-Language} for caches. Errors are left as they are (problem bodies say nothing of
 * the request's language here).
 */
@Provider
@Explained
public class ExplainedFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400) {
            return;
        }
        Language language = Language.of(request.getHeaderString(Language.ACCEPT_LANGUAGE));
        Object entity = response.getEntity();
        Object shown = shown(entity, language);
        if (shown != entity) {
            response.setEntity(shown, response.getEntityAnnotations(), response.getMediaType());
        }
        response.getHeaders().putSingle(Language.CONTENT_LANGUAGE, language.tag());
        response.getHeaders().add("Vary", Language.ACCEPT_LANGUAGE);
    }

    static Object shown(Object entity, Language language) {
        if (entity instanceof InLanguage<?> one) {
            return one.in(language);
        }
        if (entity instanceof List<?> list && list.stream().anyMatch(e -> e instanceof InLanguage<?>)) {
            List<Object> shown = new ArrayList<>(list.size());
            for (Object e : list) {
                shown.add(e instanceof InLanguage<?> one ? one.in(language) : e);
            }
            return shown;
        }
        return entity;
    }
}
