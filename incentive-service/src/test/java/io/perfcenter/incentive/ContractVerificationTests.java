package io.perfcenter.incentive;

import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Map;

/**
 * Replays the pacts its consumers committed in {@code src/test/resources/pacts} (the gateway) against this service
 * with its real database; scoring-service and metrics-service are WireMock stubs here.
 */
@QuarkusTest
@TestProfile(ContractVerificationTests.OwnDatabase.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(DownstreamServices.class)
@Provider("incentive-service")
@PactFolder("pacts")
class ContractVerificationTests {

    /**
     * Its own profile, so Quarkus restarts the service for this class with a fresh database: the provider states
     * create units and agents the other test classes create too.
     */
    public static class OwnDatabase implements QuarkusTestProfile {
    }


    /** Whose token the request carries: params employeeId and role. */
    static final String CALLER = "the caller";

    @TestHTTPResource("/")
    URL url;

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget(url.getHost(), url.getPort()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context, HttpRequest request) {
        for (ProviderState state : context.getInteraction().getProviderStates()) {
            if (CALLER.equals(state.getName())) {
                // the consumers send whatever token their caller had; here a valid one of that caller
                Map<String, Object> params = state.getParams();
                request.setHeader("Authorization", "Bearer "
                        + TestTokens.token((String) params.get("employeeId"), (String) params.get("role")));
            }
        }
        context.verifyInteraction();
    }

    @State(CALLER)
    void caller() {
        // the token is set in verify()
    }

    @State("E1 has no statement for 2026-10")
    void noStatement() {
        // a fresh database: no payout run, so no statement
    }
}
