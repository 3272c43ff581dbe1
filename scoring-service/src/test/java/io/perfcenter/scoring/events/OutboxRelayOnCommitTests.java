package io.perfcenter.scoring.events;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.scoring.MetricsServiceMock;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay running as in production, with its tick an hour apart: events are relayed as soon as the transaction
 * that wrote them commits, not at the next tick, and a transaction that rolled back wakes nothing and sends nothing.
 */
@QuarkusTest
@TestProfile(OutboxRelayOnCommitTests.RelayOn.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class OutboxRelayOnCommitTests {

    private static final String RELAY = "/api/v1/metrics/events/relay";

    public static class RelayOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("perfcenter.events.relay.enabled", "true", "perfcenter.events.relay.every", "1h");
        }
    }

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Inject
    Outbox outbox;

    @Test
    void eventsAreRelayedOnceTheirTransactionCommitted() throws InterruptedException {
        metrics.stubFor(post(urlPathEqualTo(RELAY)).willReturn(okJson("{\"stored\":1,\"duplicates\":0}")));

        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.emit("test.rolled-back", "OROLL", Map.of("n", 1));
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // nothing committed, nothing to relay
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.emitAll(List.of(
                new Outbox.Emission("test.soon", "OSOON", Map.of("n", 1)),
                new Outbox.Emission("test.soon", "OSOON", Map.of("n", 2)))));

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (QuarkusTransaction.requiringNew().call(
                () -> OutboxEvent.count("subject = ?1 and relayedAt is null", "OSOON")) > 0) {
            assertTrue(System.nanoTime() < deadline, "relayed within 20 s, not at the next tick an hour away");
            Thread.sleep(50);
        }
        assertEquals(1, metrics.findAll(postRequestedFor(urlPathEqualTo(RELAY))
                .withRequestBody(containing("OSOON"))).size());
        assertEquals(0, metrics.findAll(postRequestedFor(urlPathEqualTo(RELAY))
                .withRequestBody(containing("OROLL"))).size());
    }
}
