package io.perfcenter.scoring.events;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.perfcenter.scoring.MetricsServiceMock;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.scoring.ScoringApi.APPEALS;
import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.agent;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.stubMyUnits;
import static io.perfcenter.scoring.ScoringApi.stubOctober;
import static io.perfcenter.scoring.ScoringApi.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scoring-service's outbox: publishing and locking a run write one event per scorecard (subject the agent) and one
 * for the run, an appeal filed and decided one each, all in the transaction of the change (one that rolled back
 * leaves none); the relay sends them to metrics-service (here a mock) in order, as the service with role
 * events-relay, marks them relayed only when stored, and sends a failed batch again before anything newer.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class OutboxRelayTests {

    private static final String RELAY = "/api/v1/metrics/events/relay";

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    /** The events of the relayed batches with one of these subjects, in the order they were sent. */
    private List<JsonPath> relayed(String... subjects) {
        List<JsonPath> events = new ArrayList<>();
        for (LoggedRequest r : metrics.findAll(postRequestedFor(urlPathEqualTo(RELAY)))) {
            JsonPath batch = JsonPath.from(r.getBodyAsString());
            for (int i = 0; i < batch.getList("").size(); i++) {
                JsonPath event = JsonPath.from(batch.prettyPrint()).setRootPath("[" + i + "]");
                if (List.of(subjects).contains(event.getString("subject"))) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    @Test
    void stateChangesAreRelayedInOrderOnceStored() {
        metrics.stubFor(post(urlPathEqualTo(RELAY)).willReturn(okJson("{\"stored\":1,\"duplicates\":0}")));
        relay.relayAll(); // what other test classes left
        metrics.resetRequests();

        hr().body(template("OUTBOX", List.of(
                item("calls", "calls_handled", 100, Map.of("type", "linear", "full", 3000, "zero", 1000)))))
                .post(TEMPLATES).then().statusCode(201);
        stubOctober(metrics, "GOX", agent("OX1", "calls_handled", 2800, 22), agent("OX2", "calls_handled", 2000, 22));
        long runId = hr().body(run("OUTBOX", "GOX", "2026-10")).post(RUNS).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        long card = hr().get(RUNS + "/" + runId).then().statusCode(200).extract().jsonPath()
                .getLong("scorecards.find { it.employeeId == 'OX1' }.id");
        hr().post(RUNS + "/" + runId + "/publish").then().statusCode(200);

        // metrics-service is down: nothing is marked relayed, and the events wait
        metrics.stubFor(post(urlPathEqualTo(RELAY)).willReturn(aResponse().withStatus(503)));
        assertThrows(RuntimeException.class, () -> relay.relayAll());
        assertEquals(1, metrics.findAll(postRequestedFor(urlPathEqualTo(RELAY))).size());
        metrics.resetRequests();

        String agentToken = TestTokens.token("OX1", "agent");
        long appeal = as(agentToken).body(Map.of("scorecardId", card, "itemCode", "calls", "kind", "SCORE",
                "reason", "the phones were down on the 14th")).post(APPEALS).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        String reviewer = TestTokens.token("ORV", "appeals");
        stubMyUnits(metrics, reviewer);
        as(reviewer).body(Map.of("outcome", "REJECTED", "reason", "everyone had the outage"))
                .post(APPEALS + "/" + appeal + "/decision").then().statusCode(200);
        hr().post(RUNS + "/" + runId + "/lock").then().statusCode(200);

        // back: everything in one go, oldest first
        metrics.stubFor(post(urlPathEqualTo(RELAY)).willReturn(okJson("{\"stored\":8,\"duplicates\":0}")));
        assertEquals(8, relay.relayAll());
        List<JsonPath> events = relayed("OX1", "OX2", "run-" + runId);
        assertEquals(List.of(
                        "io.perfcenter.scoring.scorecard.published OX1", "io.perfcenter.scoring.scorecard.published OX2",
                        "io.perfcenter.scoring.run.published run-" + runId,
                        "io.perfcenter.scoring.appeal.filed OX1", "io.perfcenter.scoring.appeal.decided OX1",
                        "io.perfcenter.scoring.scorecard.locked OX1", "io.perfcenter.scoring.scorecard.locked OX2",
                        "io.perfcenter.scoring.run.locked run-" + runId),
                events.stream().map(e -> e.getString("type") + " " + e.getString("subject")).toList());
        JsonPath published = events.get(0);
        assertEquals("1.0", published.getString("specversion"));
        assertEquals("/perfcenter/scoring", published.getString("source"));
        assertEquals("application/json", published.getString("datacontenttype"));
        assertEquals("2026-10", published.getString("data.period"));
        assertEquals("OUTBOX", published.getString("data.templateCode"));
        assertEquals(card, published.getLong("data.scorecardId"));
        // 2800 calls: (2800 − 1000) / (3000 − 1000) × 100 = 90 points
        assertEquals(90.0, published.getDouble("data.total"), 1e-9);
        assertEquals("REJECTED", events.get(4).getString("data.status"));
        assertEquals("ORV", events.get(4).getString("data.decidedBy"));
        assertEquals(8, events.stream().map(e -> e.getString("id")).distinct().count());

        // sent as scoring-service itself, with the events-relay role
        LoggedRequest sent = metrics.findAll(postRequestedFor(urlPathEqualTo(RELAY))).get(0);
        String token = sent.getHeader("Authorization").substring("Bearer ".length());
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertEquals("scoring-service", claims.getString("sub"));
        assertTrue(claims.getList("groups").contains("events-relay"));

        // relayed means done: nothing is sent again
        metrics.resetRequests();
        assertEquals(0, relay.relayAll());
        assertTrue(metrics.findAll(postRequestedFor(urlPathEqualTo(RELAY))).isEmpty());
    }

    @Test
    void aChangeThatRolledBackLeavesNoEvent() {
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("subject", "ORB"));
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.emit("test.rolled-back", "ORB", Map.of("n", 1));
            // and the set-based write of a step's events, on the same transaction's connection (OutboxRows, tested
            // page by page in perfcenter-support)
            outbox.emitAll(List.of(new Outbox.Emission("test.rolled-back", "ORB", Map.of("n", 2)),
                    new Outbox.Emission("test.rolled-back", "ORB", Map.of("n", 3))));
            throw new IllegalStateException("the change failed after its event was written");
        }));
        assertThrows(TransactionalException.class, () -> outbox.emit("test.outside", "ORB", Map.of("n", 2)));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("subject", "ORB")));
        // a refused publish (an unknown run) writes nothing either
        long events = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
        hr().post(RUNS + "/999999/publish").then().statusCode(404);
        assertEquals(events, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count()));
        assertFalse(outbox.typeName("x.y").contains("incentive"));
    }

    @Test
    void aBatchStaysUnderMetricsServicesBodyLimit() {
        metrics.stubFor(post(urlPathEqualTo(RELAY)).willReturn(okJson("{\"stored\":1,\"duplicates\":0}")));
        relay.relayAll(); // what other tests left
        metrics.resetRequests();
        // three events of ~200 KB each: two fit in a batch's 512 KB of data, the third goes in the next request
        String text = "x".repeat(200_000);
        QuarkusTransaction.requiringNew().run(() -> outbox.emitAll(List.of(
                new Outbox.Emission("test.large", "OBIG", Map.of("text", text)),
                new Outbox.Emission("test.large", "OBIG", Map.of("text", text)),
                new Outbox.Emission("test.large", "OBIG", Map.of("text", text)))));

        assertEquals(3, relay.relayAll());
        List<LoggedRequest> sent = metrics.findAll(postRequestedFor(urlPathEqualTo(RELAY)));
        assertEquals(2, sent.size());
        assertEquals(2, JsonPath.from(sent.get(0).getBodyAsString()).getList("").size());
        assertEquals(1, JsonPath.from(sent.get(1).getBodyAsString()).getList("").size());
        sent.forEach(r -> assertTrue(r.getBody().length < 1024 * 1024, "a body under metrics-service's 1 MB"));
        assertEquals(3, relayed("OBIG").size());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(
                () -> OutboxEvent.count("subject = ?1 and relayedAt is null", "OBIG")));
    }
}
