package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.perfcenter.scoring.ScoringApi.AGGREGATES;
import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.SCORECARDS;
import static io.perfcenter.scoring.ScoringApi.aggregateReport;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.seatTemplate;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same run asked for twice at once (a double click, a retrying client, two replicas behind a load balancer
 * sharing the database): one revision is stored, and both answers are that revision.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class ConcurrentRunsTests {

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Test
    void twoIdenticalRunRequestsAtOnceStoreOneRevision() throws Exception {
        Map<String, Object> template = seatTemplate("SEAT-TWICE");
        template.put("items", List.of(item("reply", "reply_minutes", 100,
                Map.of("type", "linear", "full", 5, "zero", 10))));
        hr().body(template).post(ScoringApi.TEMPLATES).then().statusCode(201);
        String report = aggregateReport("GTWICE", new Object[]{"W1", "reply_minutes", 4},
                new Object[]{"W2", "reply_minutes", 7});
        // slow enough that both requests have fetched their inputs before either stores
        metrics.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("unit", equalTo("GTWICE"))
                .willReturn(okJson(report).withFixedDelay(400)));
        ScoringApi.stubStayers(metrics, "GTWICE", "2026-10-01", "2026-10-31", report);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Callable<Response> request = () -> {
            go.await();
            return hr().body(run("SEAT-TWICE", "GTWICE", "2026-10")).post(RUNS).then().extract().response();
        };
        List<Future<Response>> answers = new ArrayList<>();
        try {
            answers.add(pool.submit(request));
            answers.add(pool.submit(request));
            go.countDown();
            Response first = answers.get(0).get(60, TimeUnit.SECONDS);
            Response second = answers.get(1).get(60, TimeUnit.SECONDS);
            // both computed from metrics-service's answer …
            metrics.verify(2, getRequestedFor(urlPathEqualTo(AGGREGATES)).withQueryParam("unit", equalTo("GTWICE")));
            // … one stored the revision (201), the other found it with the same inputs (200)
            List<Integer> statuses = new ArrayList<>(List.of(first.statusCode(), second.statusCode()));
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 201), statuses, first.asString() + "\n" + second.asString());
            assertEquals(first.jsonPath().getLong("id"), second.jsonPath().getLong("id"), "the same run");
            assertEquals(1, first.jsonPath().getInt("revision"));
            assertEquals(1, second.jsonPath().getInt("revision"));
        } finally {
            pool.shutdownNow();
        }
        hr().queryParam("unit", "GTWICE").get(RUNS).then().statusCode(200).body("$", hasSize(1))
                .body("revision", contains(1));
        hr().queryParam("unit", "GTWICE").get(SCORECARDS).then().statusCode(200).body("$", hasSize(2));
    }
}
