package io.perfcenter.scoring.client;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTest;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.perfcenter.scoring.MetricsServiceMock;
import io.perfcenter.scoring.client.MetricsPayloads.AggregateReport;
import io.perfcenter.scoring.client.MetricsPayloads.DataCorrection;
import io.perfcenter.scoring.client.MetricsPayloads.Assignment;
import io.perfcenter.scoring.client.MetricsPayloads.IngestReport;
import io.perfcenter.scoring.client.MetricsPayloads.Member;
import io.perfcenter.scoring.client.MetricsPayloads.OrgUnit;
import io.perfcenter.scoring.client.MetricsPayloads.QaDispute;
import io.perfcenter.scoring.client.MetricsPayloads.QaEvaluation;
import io.perfcenter.scoring.client.MetricsPayloads.ValueRecord;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonArray;
import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonArrayMinLike;
import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scoring-service's contract with metrics-service: every call of {@link MetricsRestClient} (with the caller's token)
 * and of {@link MetricsSystemRestClient} (with scoring's own identity, acting for a person: data corrections decided on
 * appeals and the figures recomputed after them), made with those very interfaces against Pact's mock server,
 * expecting only the fields scoring reads. The pact is written to
 * {@code target/pacts} and must equal the one committed in metrics-service ({@link CommittedPact}), which
 * metrics-service's ContractVerificationTests replays against the real service.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
// the signing key ServiceIdentity mints scoring's own tokens with, as the system client's calls carry them
@QuarkusTestResource(MetricsServiceMock.class)
@CommittedPact(consumer = "scoring-service", provider = "metrics-service")
@PactConsumerTest
@PactTestFor(providerName = "metrics-service", pactVersion = PactSpecVersion.V3)
class MetricsConsumerContractTests {

    static final String CONSUMER = "scoring-service";
    static final String PROVIDER = "metrics-service";
    /** The provider state its verification sets up: see metrics-service's ContractVerificationTests. */
    static final String OCTOBER = "unit G1 (group under team T1, led by S1) with agents E1 and E2 who handled calls in October 2026";
    /** A QA evaluation the provider stores; its number is the provider's, injected as {@code evaluationId}. */
    static final String QA_EVALUATION = "QA evaluation QA-E1-1 of agent E1 dated 2026-10-09";
    /** The caller's token is the provider's to mint: the state names whose it is. */
    static final String CALLER = "the caller";
    static final String BEARER = "Bearer .+";
    static final String A_TOKEN = "Bearer a-token";
    static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    /**
     * The system client's calls carry scoring's own token (a service with the role its identity has), not a person's;
     * the provider mints one of that service.
     */
    static final String SERVICE = "a service calling as itself";
    /** scoring-service's token carries role corrections-writer for corrections and role service for reads. */
    static final Map<String, Object> SCORING_CORRECTING = Map.of("service", "scoring-service", "role",
            "corrections-writer");
    static final Map<String, Object> SCORING_READING = Map.of("service", "scoring-service", "role", "service");
    /** The person whose decision caused the call, which metrics records. */
    static final String ACTING_FOR = "X-Acting-For";

    /**
     * The system client as scoring builds it, with {@link ServiceHeaders} (scoring's own token, X-Acting-For); the
     * acting person is set here only where no request of a person is active.
     */
    private static MetricsSystemRestClient system(MockServer server) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(server.getUrl()))
                .register((ClientRequestFilter) request -> {
                    String acting = request.getHeaderString(ACTING_FOR);
                    if (acting == null || acting.isBlank()) {
                        request.getHeaders().putSingle(ACTING_FOR, "RV1");
                    }
                })
                .build(MetricsSystemRestClient.class);
    }

    private static MetricsRestClient client(MockServer server) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(server.getUrl()))
                // in the service the caller's Authorization is propagated; here there is no caller
                .register((ClientRequestFilter) request -> request.getHeaders().putSingle("Authorization", "Bearer a-token"))
                .build(MetricsRestClient.class);
    }


    // ---- aggregates of a unit (a run), with the unit's own values (a leader's scorecard) ----

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact unitAggregates(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(CALLER, Map.of("employeeId", "H1", "role", "hr"))
                .uponReceiving("aggregates of a unit's agents over a period")
                .method("GET").path("/api/v1/metrics/aggregates")
                .query("unit=G1&metric=calls_handled&from=2026-10-01&to=2026-10-31")
                .matchHeader("Authorization", BEARER, A_TOKEN)
                .willRespondWith().status(200)
                .body(newJsonBody(report -> {
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
        AggregateReport report = client(server).aggregates("G1", List.of("calls_handled"),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        assertEquals("E1", report.agents().get(0).employeeId());
        assertEquals(0, new BigDecimal(310).compareTo(report.agents().get(0).values().get("calls_handled").value()));
        assertEquals(31, report.agents().get(0).values().get("calls_handled").samples());
        assertEquals(62, report.unitTotal().get("calls_handled").samples());
    }

    // ---- aggregates of one agent (an appeal's recomputation) ----

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact agentAggregates(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(CALLER, Map.of("employeeId", "H1", "role", "hr"))
                .uponReceiving("aggregates of one agent over a period")
                .method("GET").path("/api/v1/metrics/aggregates")
                .query("employeeId=E1&metric=calls_handled&from=2026-10-01&to=2026-10-31")
                .matchHeader("Authorization", BEARER, A_TOKEN)
                .willRespondWith().status(200)
                .body(agentReport())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "agentAggregates")
    void agentAggregates(MockServer server) {
        AggregateReport report = client(server).aggregatesOfAgent("E1", List.of("calls_handled"),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        assertEquals(31, report.agents().get(0).values().get("calls_handled").samples());
    }

    /** One agent's figures as scoring reads them. */
    private static DslPart agentReport() {
        return newJsonBody(report -> report.minArrayLike("agents", 1, agent -> {
            agent.stringType("employeeId", "E1");
            agent.object("values", values -> values.object("calls_handled", value -> {
                value.numberType("value", 310);
                value.integerType("samples", 31);
            }));
        })).build();
    }

    // ---- the units a supervisor leads (data scope) ----

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact myUnits(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(CALLER, Map.of("employeeId", "S1", "role", "supervisor"))
                .uponReceiving("the units the caller leads")
                .method("GET").path("/api/v1/metrics/org/my-units")
                .query("limit=1000&offset=0")
                .matchHeader("Authorization", BEARER, A_TOKEN)
                .willRespondWith().status(200)
                .body(PactDslJsonArray.arrayMinLike(1, PactDslJsonRootValue.stringType("G1")))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "myUnits")
    void myUnits(MockServer server) {
        assertEquals(List.of("G1"), AllPages.read(client(server)::myUnits));
    }

    // ---- a unit with its parent and leader (leader scorecards, targets) ----

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact unit(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(CALLER, Map.of("employeeId", "H1", "role", "hr"))
                .uponReceiving("a unit with its parent and leader")
                .method("GET").path("/api/v1/metrics/org/units/G1")
                .matchHeader("Authorization", BEARER, A_TOKEN)
                .willRespondWith().status(200)
                .body(newJsonBody(unit -> {
                    unit.stringType("code", "G1");
                    unit.stringMatcher("kind", "CENTER|TEAM|GROUP", "GROUP");
                    unit.stringType("parentCode", "T1");
                    unit.stringType("leaderEmployeeId", "S1");
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "unit")
    void unit(MockServer server) {
        OrgUnit unit = client(server).unit("G1");
        assertEquals("GROUP", unit.kind());
        assertEquals("T1", unit.parentCode());
        assertEquals("S1", unit.leaderEmployeeId());
    }

    // ---- members of a unit over a period (targets, leader scorecards) ----

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact members(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(CALLER, Map.of("employeeId", "H1", "role", "hr"))
                .uponReceiving("the members of a unit over a period")
                .method("GET").path("/api/v1/metrics/org/units/G1/members")
                .query("from=2026-10-01&to=2026-10-31&limit=1000&offset=0")
                .matchHeader("Authorization", BEARER, A_TOKEN)
                .willRespondWith().status(200)
                .body(newJsonArrayMinLike(1, member -> member.object(m -> m.stringType("employeeId", "E1"))).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "members")
    void members(MockServer server) {
        List<Member> members = AllPages.read((limit, offset) -> client(server).members("G1",
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), limit, offset));
        assertEquals("E1", members.get(0).employeeId());
    }

    // ---- who a run scores: each agent's home unit under the mover policy ----

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact assignments(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(CALLER, Map.of("employeeId", "H1", "role", "hr"))
                .uponReceiving("the org assignments of a unit over a period under a mover policy")
                .method("GET").path("/api/v1/metrics/org/units/G1/assignments")
                .query("from=2026-10-01&to=2026-10-31&policy=MOST_DAYS&limit=1000&offset=0")
                .matchHeader("Authorization", BEARER, A_TOKEN)
                .willRespondWith().status(200)
                .body(newJsonArrayMinLike(1, rows -> rows.object(row -> {
                    row.stringType("employeeId", "E1");
                    row.stringType("position", "seat");
                    row.stringMatcher("policy", "MOST_DAYS|PERIOD_END", "MOST_DAYS");
                    row.stringType("homeUnitCode", "G1");
                    row.booleanType("assigned", true);
                    row.integerType("daysInHomeUnit", 31);
                    row.integerType("daysInUnit", 31);
                    row.integerType("daysInAnyUnit", 31);
                    row.integerType("periodDays", 31);
                    row.minArrayLike("memberships", 1, stint -> {
                        stint.stringType("unitCode", "G1");
                        stint.date("firstDay", "yyyy-MM-dd");
                        stint.date("lastDay", "yyyy-MM-dd");
                        stint.integerType("days", 31);
                    });
                })).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "assignments")
    void assignments(MockServer server) {
        Assignment row = AllPages.readCounted((limit, offset) -> client(server).assignments("G1",
                        LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "MOST_DAYS", limit, offset),
                Runnable::run).get(0);
        assertEquals("MOST_DAYS", row.policy());
        assertTrue(row.memberships().get(0).days() > 0);
    }

    // ---- an appeal's corrected value ----

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact ingest(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(CALLER, Map.of("employeeId", "H1", "role", "hr"))
                .uponReceiving("a corrected daily value, all or nothing")
                .method("POST").path("/api/v1/metrics/values")
                .query("atomic=true")
                .matchHeader("Authorization", BEARER, A_TOKEN)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(newJsonArrayMinLike(1, rows -> rows.object(row -> {
                    row.stringValue("sourceSystem", "acd");
                    row.stringValue("externalId", "E1-2026-10-05");
                    row.stringValue("employeeId", "E1");
                    row.stringValue("metricCode", "calls_handled");
                    row.stringValue("date", "2026-10-05");
                    row.numberValue("value", 12);
                    row.numberValue("revision", 2);
                })).build())
                .willRespondWith().status(200)
                .body(newJsonBody(report -> report.integerType("accepted", 1)).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "ingest")
    void ingest(MockServer server) {
        IngestReport report = client(server).ingest(List.of(new ValueRecord("acd", "E1-2026-10-05", "E1",
                "calls_handled", LocalDate.of(2026, 10, 5), new BigDecimal(12), 2)), true);
        assertEquals(1, report.accepted());
    }

    // ---- as scoring itself: an accepted appeal's data correction, its withdrawal, the agent's figures after it ----

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact putCorrection(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(SERVICE, SCORING_CORRECTING)
                .uponReceiving("a data correction decided on an appeal, sent as scoring-service")
                .method("PUT").path("/api/v1/metrics/corrections/scoring-appeal-42")
                .matchHeader("Authorization", BEARER, A_TOKEN)
                .matchHeader(ACTING_FOR, ".+", "RV1")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(newJsonBody(correction -> {
                    correction.stringValue("employeeId", "E1");
                    correction.stringValue("metricCode", "calls_handled");
                    correction.stringValue("date", "2026-10-05");
                    correction.numberValue("value", 9);
                    correction.stringValue("reason", "appeal 42: 1 call was a colleague's");
                }).build())
                .willRespondWith().status(200)
                .body(newJsonBody(correction -> {
                    correction.stringType("employeeId", "E1");
                    correction.stringType("metricCode", "calls_handled");
                    correction.stringMatcher("date", DATE, "2026-10-05");
                    correction.numberType("value", 9);
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "putCorrection")
    void putCorrection(MockServer server) {
        DataCorrection stored = system(server).putCorrection("scoring-appeal-42", new DataCorrection("E1",
                "calls_handled", LocalDate.of(2026, 10, 5), new BigDecimal(9), "appeal 42: 1 call was a colleague's"));
        assertEquals("E1", stored.employeeId());
        assertEquals(LocalDate.of(2026, 10, 5), stored.date());
        assertEquals(0, new BigDecimal(9).compareTo(stored.value()));
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact withdrawCorrection(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(SERVICE, SCORING_CORRECTING)
                .uponReceiving("the withdrawal of an appeal's data correction, sent as scoring-service")
                .method("DELETE").path("/api/v1/metrics/corrections/scoring-appeal-42")
                .matchHeader("Authorization", BEARER, A_TOKEN)
                .matchHeader(ACTING_FOR, ".+", "RV1")
                .willRespondWith().status(204)
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "withdrawCorrection")
    void withdrawCorrection(MockServer server) {
        system(server).deleteCorrection("scoring-appeal-42");
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact agentAggregatesAsService(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(SERVICE, SCORING_READING)
                .uponReceiving("aggregates of one agent over a period, asked as scoring-service")
                .method("GET").path("/api/v1/metrics/aggregates")
                .query("employeeId=E1&metric=calls_handled&from=2026-10-01&to=2026-10-31")
                .matchHeader("Authorization", BEARER, A_TOKEN)
                .willRespondWith().status(200)
                .body(agentReport())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "agentAggregatesAsService")
    void agentAggregatesAsService(MockServer server) {
        AggregateReport report = system(server).aggregatesOfAgent("E1", List.of("calls_handled"),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        assertEquals("E1", report.agents().get(0).employeeId());
        assertEquals(31, report.agents().get(0).values().get("calls_handled").samples());
    }

    // ---- an appeal disputing a QA evaluation: checked as the agent, reported as scoring itself ----

    /** The fields of a QA evaluation scoring reads. */
    private static void qaEvaluation(au.com.dius.pact.consumer.dsl.LambdaDslObject evaluation) {
        evaluation.integerType("id", 1);
        evaluation.stringType("sourceSystem", "qa-tool");
        evaluation.stringType("externalId", "QA-E1-1");
        evaluation.stringType("employeeId", "E1");
        evaluation.stringMatcher("evaluatedOn", DATE, "2026-10-09");
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact qaEvaluation(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(QA_EVALUATION)
                .given(CALLER, Map.of("employeeId", "E1", "role", "agent"))
                .uponReceiving("one QA evaluation the agent disputes, read as the agent")
                .method("GET").pathFromProviderState("/api/v1/metrics/qa/evaluations/${evaluationId}",
                        "/api/v1/metrics/qa/evaluations/1")
                .matchHeader("Authorization", BEARER, A_TOKEN)
                .willRespondWith().status(200)
                .body(newJsonBody(MetricsConsumerContractTests::qaEvaluation).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "qaEvaluation")
    void qaEvaluation(MockServer server) {
        QaEvaluation evaluation = client(server).qaEvaluation(1);
        assertEquals("E1", evaluation.employeeId());
        assertEquals(LocalDate.of(2026, 10, 9), evaluation.evaluatedOn());
        assertEquals("QA-E1-1", evaluation.externalId());
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact qaEvaluations(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(QA_EVALUATION)
                .given(CALLER, Map.of("employeeId", "E1", "role", "agent"))
                .uponReceiving("an agent's QA evaluations of a period, read as the agent")
                .method("GET").path("/api/v1/metrics/qa/evaluations")
                .query("employeeId=E1&from=2026-10-01&to=2026-10-31&limit=1000&offset=0")
                .matchHeader("Authorization", BEARER, A_TOKEN)
                .willRespondWith().status(200)
                .body(newJsonArrayMinLike(1, rows -> rows.object(MetricsConsumerContractTests::qaEvaluation)).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "qaEvaluations")
    void qaEvaluations(MockServer server) {
        List<QaEvaluation> evaluations = AllPages.read((limit, offset) -> client(server).qaEvaluations("E1",
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), limit, offset));
        assertEquals("qa-tool", evaluations.get(0).sourceSystem());
        assertEquals("QA-E1-1", evaluations.get(0).externalId());
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact putQaDispute(PactDslWithProvider builder) {
        return builder
                .given(OCTOBER)
                .given(QA_EVALUATION)
                .given(SERVICE, SCORING_CORRECTING)
                .uponReceiving("the appeal disputing a QA evaluation and its outcome, sent as scoring-service")
                .method("PUT").pathFromProviderState("/api/v1/metrics/qa/evaluations/${evaluationId}/dispute",
                        "/api/v1/metrics/qa/evaluations/1/dispute")
                .matchHeader("Authorization", BEARER, A_TOKEN)
                .matchHeader(ACTING_FOR, ".+", "RV1")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(newJsonBody(dispute -> {
                    dispute.numberValue("appealId", 42);
                    dispute.stringValue("employeeId", "E1");
                    dispute.stringValue("status", "ACCEPTED");
                    dispute.stringValue("reason", "Recording checked");
                }).build())
                .willRespondWith().status(200)
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "putQaDispute")
    void putQaDispute(MockServer server) {
        system(server).putQaDispute(1, new QaDispute(42, "E1", "ACCEPTED", "Recording checked"));
    }

    // ---- as scoring itself: the outbox relayed to the event log (role events-relay) ----

    static final Map<String, Object> SCORING_RELAYING = Map.of("service", "scoring-service", "role", "events-relay");
    static final String EVENT_ID = "5d0c2f4e-7a31-4b8e-9c55-1f0e8f3a2b61";

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    RequestResponsePact relayEvents(PactDslWithProvider builder) {
        return builder
                .given(SERVICE, SCORING_RELAYING)
                .uponReceiving("scoring's outbox relayed to the event log, sent as scoring-service")
                .method("POST").path("/api/v1/metrics/events/relay")
                .matchHeader("Authorization", BEARER, A_TOKEN)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(newJsonArray(events -> events.object(e -> {
                    e.stringValue("specversion", "1.0");
                    e.stringValue("id", EVENT_ID);
                    e.stringValue("source", "/perfcenter/scoring");
                    e.stringValue("type", "io.perfcenter.scoring.scorecard.published");
                    e.stringValue("subject", "E1");
                    e.stringMatcher("time", ".+", "2026-11-03T02:15:00Z");
                    e.stringValue("datacontenttype", "application/json");
                    e.object("data", d -> {
                        d.numberValue("scorecardId", 41);
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
        io.perfcenter.scoring.events.EventsRestClient log = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(server.getUrl()))
                .build(io.perfcenter.scoring.events.EventsRestClient.class);
        com.fasterxml.jackson.databind.node.ObjectNode data = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode().put("scorecardId", 41).put("employeeId", "E1").put("period", "2026-10");
        io.perfcenter.scoring.events.RelayReceipt receipt = log.relay(List.of(new io.perfcenter.scoring.events.CloudEvent(
                "1.0", EVENT_ID, "/perfcenter/scoring", "io.perfcenter.scoring.scorecard.published", "E1",
                java.time.OffsetDateTime.parse("2026-11-03T02:15:00Z"), "application/json", data)));
        assertEquals(1, receipt.stored() + receipt.duplicates());
    }
}
