package io.perfcenter.incentive;

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
 * One WireMock server on a dynamic port standing in for scoring-service and metrics-service; tests get it in a
 * field annotated {@link InjectDownstream} and stub the calls they need.
 */
public class DownstreamServices implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectDownstream {
    }

    /** The key incentive-service signs its service tokens with in tests. */
    public static final LocalIdentity SIGNING = LocalIdentity.generated();

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        // the service signs its own tokens for reads as itself, as with the launcher's local key pair
        return Map.of(
                "quarkus.rest-client.scoring.url", server.baseUrl(),
                "quarkus.rest-client.metrics.url", server.baseUrl(),
                "perfcenter.service-identity.signing-key", SIGNING.privateKeyBase64());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectDownstream.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
