package io.perfcenter.gateway.proxy;

import io.perfcenter.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The routing table: which service owns a request path (the longest matching prefix wins). */
@ApplicationScoped
public class ServiceRoutes {

    private final List<ServiceRoute> routes;

    ServiceRoutes(GatewayConfig config) {
        this.routes = config.services().entrySet().stream()
                .map(e -> new ServiceRoute(e.getKey(), e.getValue().url(), e.getValue().path()))
                .sorted(Comparator.comparing(ServiceRoute::name))
                .toList();
    }

    /** All services, ordered by name. */
    public List<ServiceRoute> all() {
        return routes;
    }

    public Optional<ServiceRoute> forPath(String path) {
        return routes.stream()
                .filter(route -> route.owns(path))
                .max(Comparator.comparingInt(route -> route.pathPrefix().length()));
    }
}
