package io.perfcenter.incentive.client;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
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

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonArray;
import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonArrayMinLike;
import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * incentive-service's contract with metrics-service: the caller's units and the metric aggregates that plan rules
 * and honors read, asked with {@link MetricsRestClient} itself against Pact's mock server. The pact must equal the
 * one committed in metrics-service ({@link CommittedPact}).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@CommittedPact(consumer = "incentive-service", provider = "metrics-service")
@PactConsumerTest
@PactTestFor(providerName = "metrics-service", pactVersion = PactSpecVersion.V3)
class MetricsConsumerContractTests {

    static final String CONSUMER = "incentive-service";
    static final String PROVIDER = "metrics-service";
    /** The provider state metrics-service's ContractVerificationTests sets up (shared with scoring's pact). */
    static final String OCTOBER = "unit G1 (group under team T1, led by S1) with agents E1 and E2 who handled calls in October 2026";
    static final String CALLER = "the caller";

    /** incentive-service reading as itself (payout and honor runs): a token of role service, no employee id. */
    static final Map<String, Object> SERVICE = Map.of("role", "service");

    /** The client asking with the caller's token (which units the caller leads). */
    static MetricsRestClient client(MockServer server) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(server.getUrl()))
                // in the service the caller's Authorization is propagated; here there is no caller
                .register((ClientRequestFilter) request -> request.getHeaders().putSingle("Authorization", "Bearer a-token"))
                .build(MetricsRestClient.class);
    }

    /** The client asking as incentive-service (its own token and X-Acting-For, set here by hand). */
    static MetricsSystemRestClient system(MockServer server) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(server.getUrl()))
                .register((ClientRequestFilter) request -> request.getHeaders().putSingle("Authorization", "Bearer a-token"))
                .build(MetricsSystemRestClient.class);
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact myUnits(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(CALLER, Map.of("employeeId", "S1", "role", "supervisor"))
                .uponReceiving("the units the caller leads")
                .method("GET").path("/api/v1/metrics/org/my-units")
                .query("limit=1000&offset=0")
                .matchHeader("Authorization", "Bearer .+", "Bearer a-token")
                .willRespondWith().status(200)
                .body(PactDslJsonArray.arrayMinLike(1, PactDslJsonRootValue.stringType("G1")))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "myUnits")
    void myUnits(MockServer server) {
        assertEquals(List.of("G1"), AllPages.read(client(server)::myUnits));
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact unitAggregates(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(CALLER, SERVICE)
                .uponReceiving("aggregates of a unit's agents over a period, with the unit's own values")
                .method("GET").path("/api/v1/metrics/aggregates")
                .query("unit=G1&metric=calls_handled&from=2026-10-01&to=2026-10-31")
                .matchHeader("Authorization", "Bearer .+", "Bearer a-token")
                .willRespondWith().status(200)
                .body(newJsonBody(report -> {
                    // samples: leaderboards and contests list a figure on too few samples apart, unranked
                    report.minArrayLike("agents", 1, agent -> {
                        agent.stringType("employeeId", "E1");
                        agent.object("values", values -> values.object("calls_handled", value -> {
                            value.numberType("value", 310);
                            value.integerType("samples", 31);
                        }));
                    });
                    report.object("unitTotal", total -> total.object("calls_handled", value -> {
                        value.numberType("value", 620);
                        value.integerType("samples", 62);
                    }));
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "unitAggregates")
    void unitAggregates(MockServer server) {
        MetricAggregates report = system(server).aggregates("G1", null, List.of("calls_handled"), "2026-10-01",
                "2026-10-31", null);
        assertEquals(0, new BigDecimal(310).compareTo(report.byEmployee().get("E1").get("calls_handled")));
        assertEquals(0, new BigDecimal(620).compareTo(report.unitValue("calls_handled")));
        assertEquals(31L, report.agents().get(0).values().get("calls_handled").samples());
        assertEquals(62L, report.unitTotal().get("calls_handled").samples());
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact unitAggregatesWithAnomalies(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(CALLER, SERVICE)
                .uponReceiving("aggregates of a unit's agents over a period, with anomaly flags")
                .method("GET").path("/api/v1/metrics/aggregates")
                .query("unit=G1&metric=calls_handled&from=2026-10-01&to=2026-10-31&anomalies=true")
                .matchHeader("Authorization", "Bearer .+", "Bearer a-token")
                .willRespondWith().status(200)
                .body(newJsonBody(report -> report.minArrayLike("agents", 1, agent -> {
                    agent.stringType("employeeId", "E1");
                    agent.object("values", values -> values.object("calls_handled",
                            value -> value.numberType("value", 310)));
                    // honors leave out the figures flagged here; none in a steady month
                    agent.minArrayLike("anomalies", 0, 1, anomaly -> anomaly.stringType("metric", "calls_handled"));
                })).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "unitAggregatesWithAnomalies")
    void unitAggregatesWithAnomalies(MockServer server) {
        MetricAggregates report = system(server).aggregates("G1", null, List.of("calls_handled"), "2026-10-01",
                "2026-10-31", true);
        assertEquals("calls_handled", report.agents().get(0).anomalies().get(0).metric());
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact person(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(CALLER, SERVICE)
                .uponReceiving("a person's org directory entry")
                .method("GET").path("/api/v1/metrics/org/agents/E1")
                .matchHeader("Authorization", "Bearer .+", "Bearer a-token")
                .willRespondWith().status(200)
                .body(newJsonBody(person -> {
                    person.stringType("employeeId", "E1");
                    person.stringType("position", "seat");
                    person.date("hireDate", "yyyy-MM-dd");
                    person.stringType("unitCode", "G1");
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "person")
    void person(MockServer server) {
        OrgPerson person = system(server).agent("E1");
        assertEquals("seat", person.position());
        assertEquals("G1", person.unitCode());
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact members(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(CALLER, SERVICE)
                .uponReceiving("the members of a unit over a period, with their positions and hire dates")
                .method("GET").path("/api/v1/metrics/org/units/G1/members")
                .query("from=2026-10-01&to=2026-10-31&limit=1000&offset=0")
                .matchHeader("Authorization", "Bearer .+", "Bearer a-token")
                .willRespondWith().status(200)
                .body(newJsonArrayMinLike(1, rows -> rows.object(member -> {
                    member.stringType("employeeId", "E1");
                    // leaderboards show names where the policy lets them
                    member.stringType("name", "Agent E1");
                    member.stringType("position", "seat");
                    member.date("hireDate", "yyyy-MM-dd");
                })).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "members")
    void members(MockServer server) {
        OrgMember member = AllPages.read((limit, offset) -> system(server).members("G1", "2026-10-01", "2026-10-31",
                limit, offset)).get(0);
        assertEquals("seat", member.position());
        org.junit.jupiter.api.Assertions.assertNotNull(member.hireDate());
        org.junit.jupiter.api.Assertions.assertNotNull(member.name());
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact unit(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(CALLER, SERVICE)
                .uponReceiving("a unit of the org directory, with its kind and parent")
                .method("GET").path("/api/v1/metrics/org/units/G1")
                .matchHeader("Authorization", "Bearer .+", "Bearer a-token")
                .willRespondWith().status(200)
                .body(newJsonBody(unit -> {
                    unit.stringType("code", "G1");
                    unit.stringMatcher("kind", "CENTER|TEAM|GROUP", "GROUP");
                    unit.stringType("parentCode", "T1");
                }).build())
                .toPact();
    }

    /** Engagement walks up from a unit to its center, whose leaderboard policy applies. */
    @Test
    @PactTestFor(pactMethod = "unit")
    void unit(MockServer server) {
        OrgUnitEntry unit = system(server).unit("G1");
        assertEquals("GROUP", unit.kind());
        assertEquals("T1", unit.parentCode());
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact agentAggregates(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(CALLER, SERVICE)
                .uponReceiving("aggregates of one agent over a period")
                .method("GET").path("/api/v1/metrics/aggregates")
                .query("employeeId=E1&metric=calls_handled&from=2026-10-01&to=2026-10-31")
                .matchHeader("Authorization", "Bearer .+", "Bearer a-token")
                .willRespondWith().status(200)
                .body(newJsonBody(report -> report.minArrayLike("agents", 1, agent -> {
                    agent.stringType("employeeId", "E1");
                    agent.object("values", values -> values.object("calls_handled",
                            value -> value.numberType("value", 310)));
                })).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "agentAggregates")
    void agentAggregates(MockServer server) {
        MetricAggregates report = system(server).aggregates(null, "E1", List.of("calls_handled"), "2026-10-01",
                "2026-10-31", null);
        assertEquals(0, new BigDecimal(310).compareTo(report.byEmployee().get("E1").get("calls_handled")));
    }

    // ---- as incentive itself: the outbox relayed to the event log (role events-relay) ----

    static final String EVENT_ID = "9e3b6c1d-2f47-4a80-b1c4-7d5e0a2f9c38";

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact relayEvents(PactDslWithProvider builder) {
        return builder
                .given(CALLER, Map.of("role", "events-relay"))
                .uponReceiving("incentive's outbox relayed to the event log, sent as incentive-service")
                .method("POST").path("/api/v1/metrics/events/relay")
                .matchHeader("Authorization", "Bearer .+", "Bearer a-token")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(newJsonArray(events -> events.object(e -> {
                    e.stringValue("specversion", "1.0");
                    e.stringValue("id", EVENT_ID);
                    e.stringValue("source", "/perfcenter/incentive");
                    e.stringValue("type", "io.perfcenter.incentive.statement.approved");
                    e.stringValue("subject", "E1");
                    e.stringMatcher("time", ".+", "2026-11-05T08:00:00Z");
                    e.stringValue("datacontenttype", "application/json");
                    e.object("data", d -> {
                        d.numberValue("statementId", 7);
                        d.stringValue("employeeId", "E1");
                        d.stringValue("period", "2026-10");
                    });
                })).build())
                .willRespondWith().status(200)
                .body(newJsonBody(receipt -> {
                    receipt.integerType("stored", 1);
                    receipt.integerType("duplicates", 0);
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "relayEvents")
    void relayEvents(MockServer server) {
        io.perfcenter.incentive.events.EventsRestClient log = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(server.getUrl()))
                .register((ClientRequestFilter) request -> request.getHeaders().putSingle("Authorization", "Bearer a-token"))
                .build(io.perfcenter.incentive.events.EventsRestClient.class);
        com.fasterxml.jackson.databind.node.ObjectNode data = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode().put("statementId", 7).put("employeeId", "E1").put("period", "2026-10");
        io.perfcenter.incentive.events.RelayReceipt receipt = log.relay(List.of(
                new io.perfcenter.incentive.events.CloudEvent("1.0", EVENT_ID, "/perfcenter/incentive",
                        "io.perfcenter.incentive.statement.approved", "E1",
                        java.time.OffsetDateTime.parse("2026-11-05T08:00:00Z"), "application/json", data)));
        assertEquals(1, receipt.stored() + receipt.duplicates());
    }
}
