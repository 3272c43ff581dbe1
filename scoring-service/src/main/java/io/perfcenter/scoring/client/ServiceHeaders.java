package io.perfcenter.scoring.client;

import io.perfcenter.scoring.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Headers of calls made as the service ({@link ServiceIdentity}): its own bearer token instead of the caller's, the
 * request id, and {@code X-Acting-For} naming the person whose action caused the call (employee id, else the
 * token's name), which the callee records in its audit trail.
 */
@ApplicationScoped
public class ServiceHeaders implements ClientHeadersFactory {

    public static final String ACTING_FOR = "X-Acting-For";

    private final ServiceIdentity identity;
    private final jakarta.enterprise.inject.Instance<Caller> caller;

    ServiceHeaders(ServiceIdentity identity, jakarta.enterprise.inject.Instance<Caller> caller) {
        this.identity = identity;
        this.caller = caller;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + identity.token());
        String requestId = incoming.getFirst("X-Request-Id");
        if (requestId != null) {
            headers.putSingle("X-Request-Id", requestId);
        }
        try {
            Caller who = caller.get();
            if (!who.anonymous()) {
                headers.putSingle(ACTING_FOR, who.name());
            }
        } catch (ContextNotActiveException noRequest) {
            // a call outside any request acts for nobody but the service
        } catch (RuntimeException noIdentity) {
            // a scheduled job (in scoring, improvement/ImprovementPlanCheck) runs in a request context with no caller behind it:
            // should its identity not resolve, the call still goes out as the service, acting for nobody
        }
        return headers;
    }
}
