package io.perfcenter.gateway.health;

import io.perfcenter.gateway.GatewayConfig;
import io.perfcenter.gateway.proxy.ServiceRoute;
import io.perfcenter.gateway.proxy.ServiceRoutes;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.health.registry.HealthRegistries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The state of the services behind the gateway, one check per service asking its own readiness, in the health group
 * {@value #GROUP} ({@code /q/health/group/services} on the management port). Deliberately not part of the gateway's
 * readiness: a readiness probe that failed whenever one service is down would take every gateway pod out of its
 * Service and with it the whole API; a service that is down makes only its own routes answer 503.
 */
@ApplicationScoped
public class ServiceHealth {

    public static final String GROUP = "services";

    private final ServiceRoutes routes;
    private final GatewayConfig config;
    private final Duration timeout;
    private final HttpClient http;

    ServiceHealth(ServiceRoutes routes, GatewayConfig config) {
        this.routes = routes;
        this.config = config;
        this.timeout = config.probeTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    void register(@Observes StartupEvent start) {
        HealthRegistry group = HealthRegistries.getHealthGroupRegistry(GROUP);
        for (ServiceRoute route : routes.all()) {
            group.register(route.name(), (AsyncHealthCheck) () -> check(route));
        }
    }

    Uni<HealthCheckResponse> check(ServiceRoute route) {
        URI ready = readinessUrl(route);
        HttpRequest request = HttpRequest.newBuilder(ready).timeout(timeout).GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(response -> HealthCheckResponse.named(route.name())
                        .status(response.statusCode() == 200)
                        .withData("url", ready.toString())
                        .withData("status", response.statusCode())
                        .build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(route.name())
                        .down()
                        .withData("url", ready.toString())
                        .withData("error", String.valueOf(failure))
                        .build());
    }

    /** The service's readiness on its management interface, or on its main URL when no management URL is set. */
    private URI readinessUrl(ServiceRoute route) {
        GatewayConfig.Service service = config.services().get(route.name());
        String base = (service == null ? route.url() : service.managementUrl().orElse(route.url())).toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/q/health/ready");
    }
}
