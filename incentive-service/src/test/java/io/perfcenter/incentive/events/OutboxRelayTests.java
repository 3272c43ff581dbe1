package io.perfcenter.incentive.events;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.perfcenter.incentive.DownstreamServices;
import io.perfcenter.incentive.DownstreamServices.InjectDownstream;
import io.perfcenter.incentive.TestApi;
import io.perfcenter.incentive.TestApi.Card;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.incentive.TestApi.BASE;
import static io.perfcenter.incentive.TestApi.HR;
import static io.perfcenter.incentive.TestApi.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * incentive-service's outbox: approving a payout run writes one {@code statement.approved} per statement (subject the
 * agent, with the total worked out by hand here) and one {@code payout-run.approved}; an honor run one
 * {@code honor.awarded} per winner; a refused approval and a rolled-back change none. The relay hands them to
 * metrics-service (a mock) in order, as incentive-service with role events-relay.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(DownstreamServices.class)
class OutboxRelayTests {

    private static final String RELAY = "/api/v1/metrics/events/relay";
    private static final String PERIOD = "2026-09";

    @InjectDownstream
    WireMockServer downstream;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    private List<JsonPath> relayed(String... subjects) {
        List<JsonPath> events = new ArrayList<>();
        for (LoggedRequest r : downstream.findAll(postRequestedFor(urlPathEqualTo(RELAY)))) {
            JsonPath batch = JsonPath.from(r.getBodyAsString());
            for (int i = 0; i < batch.getList("").size(); i++) {
                JsonPath event = JsonPath.from(r.getBodyAsString()).setRootPath("[" + i + "]");
                if (List.of(subjects).contains(event.getString("subject"))) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    @Test
    void approvedPayAndHonorsAreRelayedPerAgent() {
        downstream.stubFor(post(urlPathEqualTo(RELAY)).willReturn(okJson("{\"stored\":1,\"duplicates\":0}")));
        relay.relayAll(); // what other test classes left
        downstream.resetRequests();

        as(HR).body(List.of(
                        Map.of("employeeId", "OZ1", "monthlySalary", "8000.00", "currency", "CNY",
                                "effectiveFrom", "2026-01-01"),
                        Map.of("employeeId", "OZ2", "monthlySalary", "6000.00", "currency", "CNY",
                                "effectiveFrom", "2026-01-01")))
                .put(BASE + "/salaries").then().statusCode(200);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("code", "OUTBOX-PLAN");
        plan.put("name", "Outbox");
        plan.put("currency", "CNY");
        plan.put("performancePayShare", 0.3);
        plan.put("gradeCoefficients", Map.of("excellent", 1.1, "good", 1.0));
        as(HR).body(plan).post(BASE + "/plans").then().statusCode(201);
        TestApi.stubScorecards(downstream, PERIOD, "OX-1", List.of(
                new Card(2001, "OZ1", "OX-1", PERIOD, "93", "excellent", 1),
                new Card(2002, "OZ2", "OX-1", PERIOD, "85", "good", 2)));
        long run = as(HR).body(Map.of("planCode", "OUTBOX-PLAN", "period", PERIOD, "unitCode", "OX-1"))
                .post(BASE + "/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        long computedOnly = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("subject in ?1",
                List.of("OZ1", "OZ2", "run-" + run)));
        assertEquals(0, computedOnly, "a computed run is not news yet");
        as(HR).post(BASE + "/runs/" + run + "/approve").then().statusCode(200);
        // approving again is refused: no second event
        as(HR).post(BASE + "/runs/" + run + "/approve").then().statusCode(409);

        Map<String, Object> star = new LinkedHashMap<>();
        star.put("code", "OUTBOX-STAR");
        star.put("name", "Outbox star");
        star.put("cadence", "MONTHLY");
        star.put("rankBy", Map.of("measure", "score"));
        star.put("winners", 1);
        as(HR).body(star).post(BASE + "/honors/awards").then().statusCode(201);
        as(HR).body(Map.of("period", PERIOD, "unitCode", "OX-1", "awardCodes", List.of("OUTBOX-STAR")))
                .post(BASE + "/honors/runs").then().statusCode(201);

        assertEquals(4, relay.relayAll());
        List<JsonPath> events = relayed("OZ1", "OZ2", "run-" + run);
        assertEquals(List.of("io.perfcenter.incentive.statement.approved OZ1",
                        "io.perfcenter.incentive.statement.approved OZ2",
                        "io.perfcenter.incentive.payout-run.approved run-" + run,
                        "io.perfcenter.incentive.honor.awarded OZ1"),
                events.stream().map(e -> e.getString("type") + " " + e.getString("subject")).toList());
        assertEquals("/perfcenter/incentive", events.get(0).getString("source"));
        // 8000.00 × 30 % × 1.1 (excellent) = 2640.00; 6000.00 × 30 % × 1.0 (good) = 1800.00; run 4440.00
        assertEquals(0, new java.math.BigDecimal("2640.00").compareTo(new java.math.BigDecimal(
                events.get(0).getString("data.total"))));
        assertEquals(0, new java.math.BigDecimal("1800.00").compareTo(new java.math.BigDecimal(
                events.get(1).getString("data.total"))));
        assertEquals(0, new java.math.BigDecimal("4440.00").compareTo(new java.math.BigDecimal(
                events.get(2).getString("data.total"))));
        assertEquals(2, events.get(2).getInt("data.statements"));
        assertEquals("H1", events.get(2).getString("data.approvedBy"));
        assertEquals("CNY", events.get(0).getString("data.currency"));
        assertEquals("Outbox star", events.get(3).getString("data.awardName"));
        assertEquals(1, events.get(3).getInt("data.place"));
        String claims = TestApi.bearerClaims(downstream.findAll(postRequestedFor(urlPathEqualTo(RELAY))).get(0));
        assertTrue(claims.contains("events-relay"), claims);
        assertTrue(claims.contains("incentive-service"), claims);
        assertEquals(0, relay.relayAll());
    }

    @Test
    void aChangeThatRolledBackLeavesNoEvent() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.emit("test.rolled-back", "OZR", Map.of("n", 1));
            // and the set-based write of a step's events, on the same transaction's connection (OutboxRows, tested
            // page by page in perfcenter-support)
            outbox.emitAll(List.of(new Outbox.Emission("test.rolled-back", "OZR", Map.of("n", 2)),
                    new Outbox.Emission("test.rolled-back", "OZR", Map.of("n", 3))));
            throw new IllegalStateException("the change failed after its event was written");
        }));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("subject", "OZR")));
    }
}
