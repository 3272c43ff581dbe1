package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.support.LocalIdentity;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Stands in for metrics-service: a WireMock server on a free port that the scoring service's REST client is pointed
 * at. Tests get it in a field annotated {@link Server} and stub the answers they need.
 */
public class MetricsServiceMock implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    /** The key scoring-service signs its service tokens with in tests; its public half verifies them. */
    public static final LocalIdentity SIGNING = LocalIdentity.generated();

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        // the service signs its own tokens for calls as itself (corrections), as with the launcher's local key pair
        return Map.of("quarkus.rest-client.metrics.url", server.baseUrl(),
                "perfcenter.service-identity.signing-key", SIGNING.privateKeyBase64());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
