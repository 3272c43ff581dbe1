package io.perfcenter.gateway.proxy;

import io.perfcenter.gateway.overview.OverviewResource;
import io.perfcenter.gateway.web.Problems;
import io.perfcenter.gateway.web.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.function.BiConsumer;

/**
 * The public API under {@code /api/}: only an authenticated caller gets through, and then to the service that
 * owns the path. Roles are the services' business; the gateway only makes sure nobody unknown reaches them.
 */
@ApplicationScoped
public class ApiRoutes {

    private static final Logger LOG = Logger.getLogger(ApiRoutes.class);

    private final ServiceRoutes routes;
    private final ServiceProxy proxy;

    ApiRoutes(ServiceRoutes routes, ServiceProxy proxy) {
        this.routes = routes;
        this.proxy = proxy;
    }

    void register(@Observes Router router) {
        // no body handler: the body stays paused (Quarkus pauses every request) until it streams to the service
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        // lazy authentication (quarkus.http.auth.proactive=false) leaves the verification of the token to us
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(ctx, null);
        if (identity == null) {
            Problems.missingToken().send(ctx);
            return;
        }
        // Quarkus' own failure handler would answer a bare 401; the rejection below answers with a problem instead
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, failure) -> {
        });
        Context context = Vertx.currentContext();
        identity.subscribe().with(
                caller -> context.runOnContext(v -> authenticated(ctx, caller)),
                failure -> context.runOnContext(v -> rejected(ctx, failure)));
    }

    private void authenticated(RoutingContext ctx, SecurityIdentity caller) {
        if (caller == null || caller.isAnonymous()) {
            Problems.missingToken().send(ctx);
            return;
        }
        RequestIds.user(caller);
        String path = ctx.request().path();
        if (OverviewResource.PATH.equals(path)) {
            // the gateway's own composite view: answered by its REST resource, with the identity verified above
            ctx.next();
            return;
        }
        routes.forPath(path).ifPresentOrElse(
                route -> proxy.forward(ctx, route),
                () -> Problems.noRoute(path).send(ctx));
    }

    private void rejected(RoutingContext ctx, Throwable failure) {
        if (failure instanceof AuthenticationFailedException) {
            LOG.debugf("Token rejected: %s", failure.getMessage());
        } else {
            // e.g. the identity provider's keys could not be fetched; the caller still cannot be let through
            LOG.warnf("Token could not be verified: %s", failure.toString());
        }
        Problems.invalidToken().send(ctx);
    }
}
