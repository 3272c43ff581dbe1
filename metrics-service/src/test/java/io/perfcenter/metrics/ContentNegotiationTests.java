package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Generated clients send {@code Accept: application/problem+json} (alone, or beside {@code application/json}):
 * successful calls still answer JSON, errors answer problems whatever the Accept header.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ContentNegotiationTests {

    @Test
    void aCreateAcceptingOnlyProblemsAnswersItsJsonBody() {
        // before: 201 with the body "UnitView[code=CN1, …]" (the record's toString)
        hr().accept("application/problem+json")
                .body(Map.of("code", "CN1", "name", "Negotiated center", "kind", "CENTER"))
                .post("/api/v1/metrics/org/units").then().statusCode(201)
                .contentType(startsWith("application/json")).body("code", equalTo("CN1"))
                .body("kind", equalTo("CENTER"));
    }

    @Test
    void aReadAcceptingProblemsFirstAnswersJson() {
        hr().body(Map.of("code", "CN2", "name", "Negotiated center 2", "kind", "CENTER"))
                .post("/api/v1/metrics/org/units").then().statusCode(201);
        hr().accept("application/problem+json, application/json;q=0.9")
                .get("/api/v1/metrics/org/units/CN2").then().statusCode(200)
                .contentType(startsWith("application/json")).body("name", equalTo("Negotiated center 2"));
        hr().accept("application/problem+json")
                .get("/api/v1/metrics/org/units/CN2").then().statusCode(200)
                .contentType(startsWith("application/json")).body("code", equalTo("CN2"));
    }

    @Test
    void errorsAreProblemsWhateverTheAcceptHeader() {
        for (String accept : new String[]{"application/json", "application/problem+json",
                "application/problem+json, application/json", "*/*"}) {
            hr().accept(accept).get("/api/v1/metrics/org/units/NO-SUCH-UNIT").then().statusCode(404)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("https://perfcenter.io/problems/not-found"))
                    .body("status", equalTo(404));
        }
        // a media type the operation cannot produce at all: refused, and the refusal is a problem too
        hr().accept("text/csv").get("/api/v1/metrics/org/units/NO-SUCH-UNIT").then().statusCode(406)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(406));
    }
}
