package io.perfcenter.gateway.health;

import io.perfcenter.gateway.GatewayConfig;
import io.perfcenter.gateway.proxy.ServiceRoute;
import io.perfcenter.gateway.proxy.ServiceRoutes;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The gateway is ready when every service behind it is: one readiness check per service asks its own. */
@ApplicationScoped
public class ServiceReadiness {

    private final ServiceRoutes routes;
    private final HealthRegistry readiness;
    private final Duration timeout;
    private final HttpClient http;

    ServiceReadiness(ServiceRoutes routes, @Readiness HealthRegistry readiness, GatewayConfig config) {
        this.routes = routes;
        this.readiness = readiness;
        this.timeout = config.probeTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    void register(@Observes StartupEvent start) {
        for (ServiceRoute route : routes.all()) {
            readiness.register(route.name(), (AsyncHealthCheck) () -> check(route));
        }
    }

    Uni<HealthCheckResponse> check(ServiceRoute route) {
        HttpRequest request = HttpRequest.newBuilder(route.resolve("/q/health/ready")).timeout(timeout).GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(response -> HealthCheckResponse.named(route.name())
                        .status(response.statusCode() == 200)
                        .withData("url", route.url().toString())
                        .withData("status", response.statusCode())
                        .build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(route.name())
                        .down()
                        .withData("url", route.url().toString())
                        .withData("error", String.valueOf(failure))
                        .build());
    }
}
