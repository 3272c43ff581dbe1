package io.perfcenter.gateway.console;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.oidc.runtime.OidcTenantConfig.Authentication.CookieSameSite;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Signing in to the console through the OIDC provider: quarkus-oidc's authorization code flow, as a second tenant
 * ({@code console}, {@code application-type=web-app}) that owns only the console's two provider paths. Quarkus sends
 * the browser to the provider with PKCE (S256), state and nonce, checks them on the way back, exchanges the code,
 * refreshes expired tokens with the refresh token and ends the provider's session on sign-out (RP-initiated logout).
 * Every other path, the API and the console's pages, keeps the default tenant: bearer tokens only (the pages get theirs
 * from the session cookie, see {@link ConsoleRoutes}).
 *
 * <p>Built here from the default tenant's provider rather than as {@code quarkus.oidc.console.*} properties, because
 * the tenant must exist only when a provider is configured: in local mode (a public key, no provider) there is none.
 */
@ApplicationScoped
public class ConsoleTenant implements TenantConfigResolver {

    private static final Logger LOG = Logger.getLogger(ConsoleTenant.class);

    public static final String TENANT = "console";
    /** Starts the sign-in (no session: to the provider) and receives the provider's answer (redirect_uri). */
    public static final String SIGN_IN = "/console/sign-in/provider";
    /** Ends the Quarkus session and the provider's (RP-initiated logout), back to the sign-in page. */
    public static final String SIGN_OUT = "/console/sign-out/provider";

    private final Optional<OidcTenantConfig> config;
    private final String providerOrigin;

    ConsoleTenant(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> provider,
                  @ConfigProperty(name = "perfcenter.console.oidc.client-id", defaultValue = "perfcenter-console")
                  String clientId,
                  @ConfigProperty(name = "perfcenter.console.oidc.secret") Optional<String> secret,
                  @ConfigProperty(name = "perfcenter.console.oidc.scopes", defaultValue = "profile")
                  String scopes) {
        Optional<String> url = provider.filter(u -> !u.isBlank());
        this.providerOrigin = url.map(ConsoleTenant::origin).orElse(null);
        this.config = url.map(u -> build(u, clientId, secret.filter(s -> s.length() >= 32).orElseGet(() -> {
            if (secret.isPresent()) {
                LOG.warn("perfcenter.console.oidc.secret is shorter than 32 characters; a random one is used");
            }
            // enough for one gateway: a sign-in begun before a restart, or on another replica, starts again
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }), scopes));
    }

    private static OidcTenantConfig build(String provider, String clientId, String secret, String scopes) {
        return OidcTenantConfig.builder()
                .tenantId(TENANT)
                .authServerUrl(provider)
                .clientId(clientId) // a public client: no client secret; PKCE proves the code is ours
                .applicationType(ApplicationType.WEB_APP)
                .authentication()
                    .pkceRequired(true) // S256
                    .nonceRequired(true)
                    .stateSecret(secret) // encrypts the PKCE verifier and nonce in the state cookie
                    .redirectPath(SIGN_IN)
                    .removeRedirectParameters(true) // code and state never stay in the address bar
                    .restorePathAfterRedirect(false)
                    .scopes(scopes.split(","))
                    // Quarkus' cookies (state, session) must come back on the provider's redirect: Lax, and only
                    // to the provider paths; the console's own session cookie stays Strict (ConsoleRoutes)
                    .cookieSameSite(CookieSameSite.LAX)
                    .cookiePath("/console")
                    .javaScriptAutoRedirect(true)
                    // the refresh token outlives the access token: keep Quarkus' session as long as the provider's
                    .sessionAgeExtension(Duration.ofHours(12))
                    .end()
                .token()
                    .refreshExpired(true)
                    .refreshTokenTimeSkew(Duration.ofSeconds(30))
                    .end()
                .tokenStateManager()
                    .encryptionSecret(secret)
                    .end()
                .logout()
                    .path(SIGN_OUT)
                    .postLogoutPath(ConsoleRoutes.SIGN_IN)
                    .end()
                .build();
    }

    /** A provider is configured: sign-in goes through it and local sign-in is refused. */
    public boolean enabled() {
        return config.isPresent();
    }

    /** The provider's origin, which the sign-out form's redirects lead to (Content-Security-Policy form-action). */
    public String providerOrigin() {
        return providerOrigin;
    }

    static boolean owns(String path) {
        return SIGN_IN.equals(path) || SIGN_OUT.equals(path);
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext ctx, OidcRequestContext<OidcTenantConfig> request) {
        if (config.isPresent() && owns(ctx.normalizedPath())) {
            return Uni.createFrom().item(config.get());
        }
        return Uni.createFrom().nullItem(); // the default tenant: bearer tokens
    }

    private static String origin(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
