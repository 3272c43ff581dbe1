package io.perfcenter.scoring;

import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.github.tomakehurst.wiremock.WireMockServer;
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

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.aggregateReport;
import static io.perfcenter.scoring.ScoringApi.aggregatesOf;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.seatTemplate;

/**
 * Replays the pacts its consumers committed in {@code src/test/resources/pacts} (incentive-service, the gateway)
 * against this service with real scorecards in PostgreSQL; metrics-service, which a run reads, is a WireMock stub
 * here (its own side of that contract is verified in metrics-service).
 */
@QuarkusTest
@TestProfile(ContractVerificationTests.OwnDatabase.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
@Provider("scoring-service")
@PactFolder("pacts")
class ContractVerificationTests {

    /**
     * Its own profile, so Quarkus restarts the service for this class with a fresh database: the provider states
     * create units and agents the other test classes create too.
     */
    public static class OwnDatabase implements QuarkusTestProfile {
    }


    static final String PUBLISHED = "E1's scorecard of unit G1 for 2026-10 is published";
    /** Whose token the request carries: params employeeId and role. */
    static final String CALLER = "the caller";

    private static boolean published;
    /** The stub, kept here because Pact calls the state methods on an instance Quarkus did not inject. */
    private static WireMockServer stub;

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @TestHTTPResource("/")
    URL url;

    @BeforeEach
    void target(PactVerificationContext context) {
        stub = metrics;
        context.setTarget(new HttpTestTarget(url.getHost(), url.getPort()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context, HttpRequest request) {
        // the consumers send whatever token their caller had; here a valid one of the caller the state names
        request.setHeader("Authorization", "Bearer " + callerToken(context));
        context.verifyInteraction();
    }

    private static String callerToken(PactVerificationContext context) {
        for (ProviderState state : context.getInteraction().getProviderStates()) {
            if (CALLER.equals(state.getName())) {
                Map<String, Object> params = state.getParams();
                return TestTokens.token((String) params.get("employeeId"), (String) params.get("role"));
            }
        }
        return TestTokens.token("H1", "hr");
    }

    @State(CALLER)
    void caller() {
        // the token is set in verify()
    }

    /** A run of the seat template for G1, October 2026, published: E1 and E2 each get a scorecard. */
    @State(PUBLISHED)
    void published() {
        if (published) {
            return;
        }
        WireMockServer metrics = stub;
        String g1 = aggregateReport("G1",
                new Object[]{"E1", "calls_handled", 2412, "reply_minutes", 4.2, "csat", 4.9},
                new Object[]{"E2", "calls_handled", 2000, "reply_minutes", 5.5, "csat", 4.62});
        metrics.stubFor(aggregatesOf("G1").willReturn(okJson(g1)));
        ScoringApi.stubStayers(metrics, "G1", "2026-10-01", "2026-10-31", g1);
        // an agent leads no unit
        metrics.stubFor(get(urlPathEqualTo(ScoringApi.MY_UNITS)).willReturn(okJson("[]")));
        hr().body(seatTemplate("SEAT-PACT")).post(TEMPLATES).then().statusCode(201);
        long id = hr().body(run("SEAT-PACT", "G1", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        hr().post(RUNS + "/" + id + "/publish").then().statusCode(200);
        published = true;
    }
}
