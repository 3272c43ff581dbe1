package io.perfcenter.metrics;

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
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Replays the pacts its consumers committed in {@code src/test/resources/pacts} (scoring-service, incentive-service,
 * the gateway) against this service with real data in PostgreSQL. Each consumer's own test fails when its pact
 * differs from the committed one, so a change on either side is caught in {@code ./mvnw verify}.
 */
@QuarkusTest
@TestProfile(ContractVerificationTests.OwnDatabase.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@Provider("metrics-service")
@PactFolder("pacts")
class ContractVerificationTests {

    /**
     * Its own profile, so Quarkus restarts the service for this class with a fresh database: the provider states
     * create units and agents the other test classes create too.
     */
    public static class OwnDatabase implements QuarkusTestProfile {
    }


    static final String OCTOBER = "unit G1 (group under team T1, led by S1) with agents E1 and E2 who handled calls in October 2026";
    /** Whose token the request carries: params employeeId and role. */
    static final String CALLER = "the caller";
    /**
     * The request carries a service's own token (scoring-service's data corrections): params service and role, the
     * role the service's identity has.
     */
    static final String SERVICE = "a service calling as itself";

    /** A QA evaluation of E1 (in the October state's org); its number is injected into the request as evaluationId. */
    static final String QA_EVALUATION = "QA evaluation QA-E1-1 of agent E1 dated 2026-10-09";

    private static boolean seeded;
    private static Long evaluationId;

    @TestHTTPResource("/")
    URL url;

    @BeforeEach
    void target(PactVerificationContext context) {
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
            Map<String, Object> params = state.getParams();
            if (CALLER.equals(state.getName())) {
                return TestTokens.token((String) params.get("employeeId"), (String) params.get("role"));
            }
            if (SERVICE.equals(state.getName())) {
                // a machine client's token: no employee id, only the service's role
                return TestTokens.system((String) params.get("role"));
            }
        }
        return TestTokens.token("H1", "hr");
    }

    @State(CALLER)
    void caller() {
        // the token is set in verify()
    }

    @State(SERVICE)
    void service() {
        // the token is set in verify()
    }

    @State(OCTOBER)
    void october() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(Map.of("code", "C1", "name", "Center", "kind", "CENTER")).post("/api/v1/metrics/org/units")
                .then().statusCode(201);
        hr().body(Map.of("code", "T1", "name", "Team", "kind", "TEAM", "parentCode", "C1", "leaderEmployeeId", "M1"))
                .post("/api/v1/metrics/org/units").then().statusCode(201);
        hr().body(Map.of("code", "G1", "name", "Group", "kind", "GROUP", "parentCode", "T1", "leaderEmployeeId", "S1"))
                .post("/api/v1/metrics/org/units").then().statusCode(201);
        for (String agent : List.of("E1", "E2")) {
            hr().body(Map.of("employeeId", agent, "name", "Agent " + agent, "position", "seat", "hireDate", "2025-03-01",
                    "unitCode", "G1", "memberFrom", "2026-01-01")).post("/api/v1/metrics/org/agents").then().statusCode(201);
        }
        List<Map<String, Object>> values = new ArrayList<>();
        for (String agent : List.of("E1", "E2")) {
            for (int day = 1; day <= 31; day++) {
                String date = String.format("2026-10-%02d", day);
                values.add(Map.of("sourceSystem", "acd", "externalId", agent + "-" + date, "employeeId", agent,
                        "metricCode", "calls_handled", "date", date, "value", 10));
            }
        }
        given().auth().oauth2(TestTokens.system("records-writer")).contentType(ContentType.JSON).body(values)
                .post("/api/v1/metrics/values").then().statusCode(200);
    }

    @State(QA_EVALUATION)
    Map<String, Object> qaEvaluation() {
        october();
        if (evaluationId == null) {
            given().auth().oauth2(TestTokens.system("records-writer")).contentType(ContentType.JSON)
                    .body(List.of(Map.of("sourceSystem", "qa-tool", "externalId", "QA-E1-1", "employeeId", "E1",
                            "evaluatorId", "Q1", "evaluatedOn", "2026-10-09", "score", 80)))
                    .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200);
            evaluationId = hr().queryParam("employeeId", "E1").queryParam("period", "2026-10")
                    .get("/api/v1/metrics/qa/evaluations").then().statusCode(200).extract().jsonPath()
                    .getLong("find { it.externalId == 'QA-E1-1' }.id");
        }
        return Map.of("evaluationId", evaluationId);
    }

    private static RequestSpecification hr() {
        return given().auth().oauth2(TestTokens.token("H1", "hr")).contentType(ContentType.JSON);
    }
}
