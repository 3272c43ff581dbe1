package io.perfcenter.gateway.console;

import io.perfcenter.gateway.web.RequestIds;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The console's pages ({@code /} and {@code /console/**}) before their resource runs: the session cookie becomes the
 * bearer token the page's calls carry (it is verified here like any bearer token, so an expired or forged one signs
 * the browser out), a browser without a valid session is sent to the sign-in page (with a provider, an expired one
 * straight back to the provider), every page gets the CSRF token its forms post back and is in the browser's language
 * ({@link ConsoleLanguage}). Pages answer with headers that keep them out of caches, frames and other origins'
 * scripts. The provider's sign-in and sign-out paths are left to quarkus-oidc ({@link ConsoleTenant}).
 */
@ApplicationScoped
public class ConsoleRoutes {

    private static final Logger LOG = Logger.getLogger(ConsoleRoutes.class);

    /** The session cookie: the signed-in person's bearer token, HttpOnly and SameSite=Strict. */
    public static final String SESSION_COOKIE = "perfcenter_session";
    /** The CSRF cookie, whose value every form posts back as {@link #CSRF_FIELD}. */
    public static final String CSRF_COOKIE = "perfcenter_csrf";
    public static final String CSRF_FIELD = "csrf";
    static final String CSRF_KEY = "perfcenter.console.csrf";

    static final String SIGN_IN = "/console/sign-in";
    static final String SIGN_OUT = "/console/sign-out";
    static final String STATIC = "/console/static/";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The page a browser was on when it was sent to sign in, to go back to afterwards. */
    static final String NEXT_COOKIE = "perfcenter_next";
    static final String LANGUAGE = "/console/language";
    /** A page of the console worth going back to: its start or a page under /console/ (not sign-in or -out). */
    private static final Pattern NEXT = Pattern.compile("/(\\?[A-Za-z0-9=&._~%-]{0,500})?|/console/(?!sign-)"
            + "[A-Za-z0-9/._~%-]{1,200}(\\?[A-Za-z0-9=&._~%-]{0,500})?");

    private final ConsoleTenant provider;

    ConsoleRoutes(ConsoleTenant provider) {
        this.provider = provider;
    }

    void register(@Observes Router router) {
        router.routeWithRegex("/|/console/.*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith(STATIC)) {
            ctx.next();
            return;
        }
        headers(ctx);
        csrf(ctx);
        ConsoleLanguage.settle(ctx);
        if (ConsoleTenant.owns(path)) {
            // the provider's sign-in and sign-out: quarkus-oidc's code flow (ConsoleTenant), no bearer token
            ctx.next();
            return;
        }
        Cookie session = ctx.request().getCookie(SESSION_COOKIE);
        if (session != null && !session.getValue().isBlank()
                && ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            ctx.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + session.getValue());
        }
        if (path.equals(SIGN_IN) || path.equals(SIGN_OUT) || path.equals(LANGUAGE)) {
            ctx.next();
            return;
        }
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(ctx, null);
        if (identity == null) {
            toSignIn(ctx, null);
            return;
        }
        // Quarkus' own failure handler would answer a bare 401; a browser is sent to the sign-in page instead
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, failure) -> {
        });
        Context context = Vertx.currentContext();
        identity.subscribe().with(
                caller -> context.runOnContext(v -> {
                    if (caller == null || caller.isAnonymous()) {
                        toSignIn(ctx, null);
                    } else {
                        RequestIds.user(caller);
                        ctx.next();
                    }
                }),
                failure -> context.runOnContext(v -> {
                    LOG.debugf("Console session rejected: %s", failure.getMessage());
                    toSignIn(ctx, session);
                }));
    }

    /**
     * Sends the browser to sign in, remembering the page it asked for. A session that was refused is cleared; when it
     * had only expired and a provider is configured, the browser goes straight back to the provider, which signs it in
     * again without asking while its own session lasts (quarkus-oidc first refreshes the tokens it keeps).
     */
    private void toSignIn(RoutingContext ctx, Cookie refused) {
        if (refused != null) {
            ctx.response().addCookie(cookie(ctx, SESSION_COOKIE, "").setMaxAge(0));
        }
        if (ctx.request().method() == HttpMethod.GET) {
            String uri = ctx.request().uri();
            if (NEXT.matcher(uri).matches()) {
                ctx.response().addCookie(cookie(ctx, NEXT_COOKIE, uri).setSameSite(CookieSameSite.LAX)
                        .setPath(SIGN_IN).setMaxAge(600));
            }
        }
        boolean again = refused != null && provider.enabled() && SignIn.expired(refused.getValue());
        ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, again ? ConsoleTenant.SIGN_IN : SIGN_IN)
                .end();
    }

    /** The page to show after signing in (what the browser asked for before), once; the console's start otherwise. */
    static String next(RoutingContext ctx) {
        Cookie next = ctx.request().getCookie(NEXT_COOKIE);
        if (next == null) {
            return "/";
        }
        ctx.response().addCookie(cookie(ctx, NEXT_COOKIE, "").setPath(SIGN_IN).setMaxAge(0));
        return NEXT.matcher(next.getValue()).matches() ? next.getValue() : "/";
    }

    private void headers(RoutingContext ctx) {
        // the sign-out form ends at the provider (RP-initiated logout): form-action must allow its origin
        String formAction = provider.providerOrigin() == null ? "'self'" : "'self' " + provider.providerOrigin();
        ctx.response().headers()
                .set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' "
                        + "'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action " + formAction
                        + "; base-uri 'none'")
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "same-origin")
                .set(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The browser's CSRF token, made on its first visit; forms post it back and it must match the cookie. */
    private static void csrf(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(CSRF_COOKIE);
        String value = cookie == null ? null : cookie.getValue();
        if (value == null || value.length() < 20) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ctx.response().addCookie(cookie(ctx, CSRF_COOKIE, value));
        }
        ctx.put(CSRF_KEY, value);
    }

    /** A console cookie: whole site, HttpOnly, SameSite=Strict, Secure when the browser came over HTTPS. */
    static Cookie cookie(RoutingContext ctx, String name, String value) {
        boolean https = ctx.request().isSSL()
                || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(https);
    }
}
