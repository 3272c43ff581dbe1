package io.perfcenter.support;

import io.smallrye.jwt.build.Jwt;

import java.time.Duration;
import java.util.Set;

/**
 * Bearer tokens for {@code @QuarkusTest}s that run with {@code OidcWiremockTestResource}: signed with its test key
 * and issued by its issuer, for PerfCenter's audience ({@link LocalIdentity#AUDIENCE}), carrying the roles and the
 * employee id the services scope data by. They live for {@link #LIFETIME}: the static tokens a suite makes once must
 * outlast the whole suite on a slow machine (the library's default, 300 s, did not).
 */
public final class TestTokens {

    private static final String WIREMOCK_ISSUER = "https://server.example.com";
    static final Duration LIFETIME = Duration.ofHours(3);

    private TestTokens() {
    }

    public static String token(String employeeId, String... roles) {
        return forAudience(LocalIdentity.AUDIENCE, employeeId, roles);
    }

    /** A token meant for another client ({@code aud}): the services must refuse it. */
    public static String forAudience(String audience, String employeeId, String... roles) {
        var builder = Jwt.preferredUserName(employeeId == null ? "system" : employeeId)
                .groups(Set.of(roles))
                .issuer(WIREMOCK_ISSUER)
                .audience(audience)
                .expiresIn(LIFETIME);
        if (employeeId != null) {
            builder.claim(LocalIdentity.EMPLOYEE_ID_CLAIM, employeeId);
        }
        return builder.sign();
    }

    /** A token for a machine client (no employee id), e.g. the CRM integration. */
    public static String system(String... roles) {
        return token(null, roles);
    }
}
