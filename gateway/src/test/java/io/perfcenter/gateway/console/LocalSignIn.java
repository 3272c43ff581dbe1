package io.perfcenter.gateway.console;

import io.perfcenter.gateway.ServiceStubsResource;
import io.perfcenter.support.LocalIdentity;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Local mode: no OIDC provider, tokens verified with the local key pair, demo people offered on the sign-in page. */
public class LocalSignIn implements QuarkusTestProfile {

    static final LocalIdentity IDENTITY = LocalIdentity.generated();
    static final String AGENT = IDENTITY.token("E3001", "E3001", List.of("agent"), Duration.ofHours(1));
    static final String SUPERVISOR = IDENTITY.token("E2001", "E2001", List.of("supervisor"), Duration.ofHours(1));
    /** Minted with no lifetime left: the sign-in page marks it, signing in with it is refused. */
    static final String EXPIRED = IDENTITY.token("E4001", "E4001", List.of("qa"), Duration.ZERO);
    static final String INTEGRATION = IDENTITY.token("crm-integration", null, List.of("records-writer"),
            Duration.ofHours(1));

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "%test.quarkus.oidc.auth-server-url", "",
                "%test.quarkus.oidc.client-id", "",
                "quarkus.oidc.devservices.enabled", "false",
                "quarkus.oidc.public-key", IDENTITY.publicKeyBase64(),
                "quarkus.oidc.token.issuer", LocalIdentity.ISSUER,
                "perfcenter.console.local-people", String.join(",", AGENT, SUPERVISOR, EXPIRED, INTEGRATION));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ServiceStubsResource.class));
    }
}
