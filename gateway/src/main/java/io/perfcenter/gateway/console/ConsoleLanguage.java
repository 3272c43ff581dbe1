package io.perfcenter.gateway.console;

import io.quarkus.qute.EngineBuilder;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's language: zh-CN or en. The browser's choice on the page (a cookie, kept a year) wins; without one the
 * best match of its {@code Accept-Language}; English otherwise. {@link ConsoleRoutes} settles it for each page request;
 * every page renders in it (Qute message bundle {@code msg}, {@link ConsoleMessages}) and the page's calls to the API
 * carry it as {@code Accept-Language} ({@code overview/ServiceCalls}), so the services' explanations and problem titles
 * can follow.
 */
@Path("/console/language")
@ApplicationScoped
public class ConsoleLanguage {

    /** The languages the console speaks, as BCP 47 tags (the message bundles' locales); the first is the default. */
    public static final List<String> LANGUAGES = List.of("en", "zh-CN");
    public static final String COOKIE = "perfcenter_lang";
    /** Where the request's language is kept: the request's Vert.x (duplicated) context. */
    public static final String KEY = "perfcenter.console.language";

    /** The language of a console request: the cookie's, else the best of Accept-Language, else English. */
    static String choose(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        Optional<String> chosen = cookie == null ? Optional.empty() : supported(cookie.getValue());
        return chosen.orElseGet(() -> fromAcceptLanguage(ctx.request().getHeader("Accept-Language")));
    }

    /** The supported language a tag names (any case; zh, zh-Hans, zh-CN … are zh-CN), if any. */
    static Optional<String> supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return switch (language) {
            case "zh" -> Optional.of("zh-CN");
            case "en" -> Optional.of("en");
            default -> Optional.empty();
        };
    }

    /** The first language of the header, by weight, that the console speaks; English when none is. */
    public static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            return LANGUAGES.get(0);
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() > 0) {
                    Optional<String> found = supported(range.getRange());
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header counts as none
        }
        return LANGUAGES.get(0);
    }

    /** Settles the request's language: kept on its Vert.x context for the templates and the API calls. */
    static void settle(RoutingContext ctx) {
        String language = choose(ctx);
        ctx.put(KEY, language);
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(KEY, language);
        }
    }

    /** The current console request's language, or empty outside one. */
    public static Optional<String> current() {
        if (!VertxContext.isOnDuplicatedContext()) {
            return Optional.empty();
        }
        return ContextLocals.<String>get(KEY);
    }

    /** Every template renders in the request's language: an initializer of every template instance. */
    void initializeTemplates(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(
                instance -> instance.setLocale(Locale.forLanguageTag(current().orElse(LANGUAGES.get(0)))));
    }

    /** The switch in the page header: remembers the choice and goes back to the page it was made on. */
    @POST
    @Operation(hidden = true)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> choose(@FormParam("lang") String lang, @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                                @Context RoutingContext ctx) {
        Optional<String> language = supported(lang);
        if (!ConsolePages.sameOrigin(ctx, csrf) || language.isEmpty()) {
            return Uni.createFrom().item(Response.status(language.isEmpty() ? 400 : 403)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(language.isEmpty() ? "lang must be one of " + LANGUAGES : "Refused: reload the page").build());
        }
        ctx.response().addCookie(ConsoleRoutes.cookie(ctx, COOKIE, language.get())
                .setSameSite(CookieSameSite.LAX).setMaxAge(365L * 24 * 3600));
        return Uni.createFrom().item(Response.seeOther(back(ctx)).build());
    }

    /** The page the switch was used on (its Referer, on this host), else the console's start. */
    static URI back(RoutingContext ctx) {
        String referer = ctx.request().getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                String host = ctx.request().getHeader("X-Forwarded-Host");
                if (host == null) {
                    host = ctx.request().authority() == null ? ctx.request().host()
                            : ctx.request().authority().toString();
                }
                String authority = uri.getRawAuthority();
                String path = uri.getRawPath();
                if (authority != null && authority.equalsIgnoreCase(host) && path != null && path.startsWith("/")
                        && !path.startsWith("//") && (path.equals("/") || path.startsWith("/console/"))) {
                    return URI.create(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                }
            } catch (IllegalArgumentException e) {
                // not a URL: go to the start
            }
        }
        return URI.create("/");
    }
}
