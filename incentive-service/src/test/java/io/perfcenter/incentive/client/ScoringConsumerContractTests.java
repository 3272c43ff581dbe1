package io.perfcenter.incentive.client;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTest;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.perfcenter.support.CommittedPact;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonArrayMinLike;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * incentive-service's contract with scoring-service: the published scorecards it computes payouts, honors and
 * promotions from, asked with {@link ScoringSystemRestClient} (as incentive-service itself) against Pact's mock
 * server; {@link ScoringRestClient}, used with a scoped caller's token, asks the same requests. Only the fields incentive
 * reads are expected. The pact must equal the one committed in scoring-service ({@link CommittedPact}).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@CommittedPact(consumer = "incentive-service", provider = "scoring-service")
@PactConsumerTest
@PactTestFor(providerName = "scoring-service", pactVersion = PactSpecVersion.V3)
class ScoringConsumerContractTests {

    static final String CONSUMER = "incentive-service";
    static final String PROVIDER = "scoring-service";
    /** The provider state scoring-service's ContractVerificationTests sets up. */
    static final String PUBLISHED = "E1's scorecard of unit G1 for 2026-10 is published";
    static final String CALLER = "the caller";

    /** incentive-service reading as itself (payout and honor runs): a token of role service, no employee id. */
    static final Map<String, Object> SERVICE = Map.of("role", "service");

    /** The client asking as incentive-service (in the service its own token and X-Acting-For; here set by hand). */
    static ScoringSystemRestClient client(MockServer server) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(server.getUrl()))
                .register((ClientRequestFilter) request -> request.getHeaders().putSingle("Authorization", "Bearer a-token"))
                .build(ScoringSystemRestClient.class);
    }

    /** What incentive reads of a scorecard. */
    static DslPart scorecards() {
        return newJsonArrayMinLike(1, cards -> cards.object(card -> {
            card.integerType("id", 1);
            card.stringType("employeeId", "E1");
            card.stringType("unitCode", "G1");
            card.stringMatcher("period", "\\d{4}-\\d{2}", "2026-10");
            card.numberType("total", 95.38);
            card.stringType("grade", "excellent");
            card.stringMatcher("status", "PUBLISHED|LOCKED", "PUBLISHED");
            card.minArrayLike("items", 1, item -> {
                item.stringType("metricCode", "calls_handled");
                item.numberType("value", 2412);
                item.booleanType("insufficientData", false);
            });
        })).build();
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact unitScorecards(PactDslWithProvider builder) {
        return builder
                .given(PUBLISHED)
                .given(CALLER, SERVICE)
                .uponReceiving("the published scorecards of a unit for a period")
                .method("GET").path("/api/v1/scoring/scorecards")
                .query("period=2026-10&unit=G1&status=PUBLISHED&limit=1000&offset=0")
                .matchHeader("Authorization", "Bearer .+", "Bearer a-token")
                .willRespondWith().status(200)
                // the list's length: the read of a whole unit stops there (AllPages.readCounted), with no empty page
                .matchHeader(AllPages.TOTAL, "\\d+", "1")
                .body(scorecards())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "unitScorecards")
    void unitScorecards(MockServer server) {
        List<Integer> offsets = new java.util.ArrayList<>();
        Scorecard card = AllPages.readCounted((limit, offset) -> {
            offsets.add(offset);
            return client(server).scorecards("2026-10", "G1", Scorecard.PUBLISHED, limit, offset);
        }, Runnable::run).get(0);
        assertEquals(List.of(0), offsets);
        assertEquals("E1", card.employeeId());
        assertEquals("PUBLISHED", card.status());
        assertEquals(0, new BigDecimal(2412).compareTo(card.metricValue("calls_handled")));
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact employeeScorecards(PactDslWithProvider builder) {
        return builder
                .given(PUBLISHED)
                .given(CALLER, SERVICE)
                .uponReceiving("every published scorecard of an employee")
                .method("GET").path("/api/v1/scoring/scorecards")
                .query("employeeId=E1&status=PUBLISHED&limit=1000&offset=0")
                .matchHeader("Authorization", "Bearer .+", "Bearer a-token")
                .willRespondWith().status(200)
                .body(scorecards())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "employeeScorecards")
    void employeeScorecards(MockServer server) {
        List<Scorecard> cards = AllPages.read((limit, offset) -> client(server).scorecardsOf("E1",
                Scorecard.PUBLISHED, limit, offset));
        assertEquals("2026-10", cards.get(0).period());
        assertEquals("excellent", cards.get(0).grade());
    }
}
