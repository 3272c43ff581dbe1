package io.perfcenter.incentive.client;

import io.quarkus.oidc.client.OidcClient;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * This service's own identity, for calls it makes on behalf of the system rather than of the person calling it: a
 * bearer token of the service, never the caller's. With the local key pair ({@code perfcenter.service-identity.signing-key},
 * what the launcher and the end-to-end suite pass) it signs a short-lived token itself — subject the application's
 * name ({@code quarkus.application.name}), the roles of {@code perfcenter.service-identity.roles}, the issuer the
 * services verify; otherwise it asks the OIDC provider for a client-credentials token of the service's client
 * ({@code quarkus.oidc-client.*}; the roles are then the client's service-account roles), which it caches and refreshes.
 */
@ApplicationScoped
public class ServiceIdentity {

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final String name;
    private final Set<String> roles;
    private final Optional<PrivateKey> signingKey;
    private final String issuer;
    private final String audience;
    private final Instance<OidcClient> oidcClient;
    private volatile String minted;
    private volatile Instant mintedExpires = Instant.EPOCH;

    ServiceIdentity(@ConfigProperty(name = "quarkus.application.name") String name,
                    @ConfigProperty(name = "perfcenter.service-identity.roles") List<String> roles,
                    @ConfigProperty(name = "perfcenter.service-identity.signing-key") Optional<String> signingKey,
                    @ConfigProperty(name = "perfcenter.service-identity.issuer", defaultValue = "perfcenter-local")
                    String issuer,
                    @ConfigProperty(name = "quarkus.oidc.token.audience", defaultValue = "perfcenter") String audience,
                    Instance<OidcClient> oidcClient) {
        this.name = name;
        this.roles = Set.copyOf(roles);
        this.signingKey = signingKey.filter(k -> !k.isBlank()).map(ServiceIdentity::privateKey);
        this.issuer = issuer;
        this.audience = audience;
        this.oidcClient = oidcClient;
    }

    /** A valid access token of this service. */
    public String token() {
        if (signingKey.isPresent()) {
            if (Instant.now().isAfter(mintedExpires.minusSeconds(30))) {
                Instant expires = Instant.now().plus(LIFETIME);
                minted = Jwt.issuer(issuer).audience(audience).subject(name).preferredUserName(name)
                        .groups(roles)
                        .expiresAt(expires).sign(signingKey.get());
                mintedExpires = expires;
            }
            return minted;
        }
        // OidcClient caches the token and refreshes it before it expires
        return oidcClient.get().getTokens().await().atMost(Duration.ofSeconds(10)).getAccessToken();
    }

    private static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("perfcenter.service-identity.signing-key is not a base64 PKCS#8 RSA key",
                    e);
        }
    }
}
