package io.perfcenter.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The gateway's settings: which service answers which path prefix, and how long the gateway waits for it. */
@ConfigMapping(prefix = "perfcenter.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name (e.g. {@code metrics-service}); the name appears in problems. */
    Map<String, Service> services();

    /**
     * How long a proxied call may wait for the service once the request has been sent, and between two chunks
     * of its response. A large upload that is still streaming does not count against it.
     */
    @WithDefault("30s")
    Duration timeout();

    /** How long opening a connection to a service may take before it counts as unavailable. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Connections the gateway keeps open to each service at most; further calls queue. */
    @WithDefault("100")
    int maxConnectionsPerService();

    /** Timeout of the gateway's own calls to the services: health checks and OpenAPI documents. */
    @WithDefault("3s")
    Duration probeTimeout();

    OpenApi openapi();

    interface Service {

        /** Base URL of the service, e.g. {@code http://localhost:8081}; the request path is appended unchanged. */
        URI url();

        /** The path prefix the service owns, e.g. {@code /api/v1/metrics}. */
        String path();

        /**
         * Base URL of the service's management interface, where its health answers (e.g. {@code http://localhost:9081});
         * by default {@link #url()}.
         */
        Optional<URI> managementUrl();
    }

    interface OpenApi {

        /** How long the merged document is kept before the services are asked again. */
        @WithDefault("30s")
        Duration cacheTtl();

        /**
         * Deprecated spelling of {@code perfcenter.public-url}, still honoured: the gateway's public URL for the
         * document's {@code servers} and {@code Location} headers.
         */
        Optional<URI> publicUrl();

        /**
         * The identity provider's OpenID Connect discovery URL, offered as the security scheme {@code oidc} beside
         * {@code bearer}; by default derived from {@code quarkus.oidc.auth-server-url}, none with a fixed key.
         */
        Optional<URI> openIdConnectUrl();
    }
}
