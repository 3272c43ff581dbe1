package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.aggregateReport;
import static io.perfcenter.scoring.ScoringApi.aggregatesOf;
import static io.perfcenter.scoring.ScoringApi.as;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.seatTemplate;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Templates are retired, not deleted: history and past runs still read, the default list and new runs leave them
 * out; updates may carry If-Match against the ETag a GET answers.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class TemplateRetirementTests {

    private static final String PROBLEMS = "https://perfcenter.io/problems/";

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Test
    void aRetiredTemplateKeepsItsHistoryButScoresNoNewRun() {
        String g = aggregateReport("GR1", new Object[]{"R1", "calls_handled", 2412, "reply_minutes", 4.2, "csat", 4.9});
        metrics.stubFor(aggregatesOf("GR1").willReturn(okJson(g)));
        ScoringApi.stubStayers(metrics, "GR1", "2026-10-01", "2026-10-31", g);
        hr().body(seatTemplate("SEAT-RET")).post(TEMPLATES).then().statusCode(201);
        long runId = hr().body(run("SEAT-RET", "GR1", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath().getLong("id");

        // only the roles that define templates retire them, and nothing changes for the others
        as("A1", "agent").post(TEMPLATES + "/SEAT-RET/retire").then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        as("S1", "supervisor").post(TEMPLATES + "/SEAT-RET/retire").then().statusCode(403);
        as("Q1", "qa").post(TEMPLATES + "/SEAT-RET/retire").then().statusCode(403);
        hr().get(TEMPLATES + "/SEAT-RET").then().statusCode(200).header("ETag", "\"1\"")
                .body("retiredAt", nullValue());
        hr().post(TEMPLATES + "/NO-SUCH/retire").then().statusCode(404);

        hr().post(TEMPLATES + "/SEAT-RET/retire").then().statusCode(200).header("ETag", "\"1-retired\"")
                .body("retiredAt", notNullValue()).body("retiredBy", equalTo("H1"));
        // again: nothing changes
        as("AD1", "admin").post(TEMPLATES + "/SEAT-RET/retire").then().statusCode(200)
                .body("retiredBy", equalTo("H1"));

        hr().get(TEMPLATES).then().statusCode(200).body("code", not(hasItem("SEAT-RET")));
        hr().queryParam("includeRetired", true).get(TEMPLATES).then().statusCode(200)
                .body("code", hasItem("SEAT-RET"));
        hr().queryParam("includeRetired", "perhaps").get(TEMPLATES).then().statusCode(400)
                .body("field", equalTo("includeRetired"));
        hr().get(TEMPLATES + "/SEAT-RET/versions/1").then().statusCode(200).body("retiredAt", notNullValue());
        hr().get(RUNS + "/" + runId).then().statusCode(200).body("templateCode", equalTo("SEAT-RET"));

        hr().body(run("SEAT-RET", "GR1", "2026-11")).post(RUNS).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "conflict"));
        hr().body(seatTemplate("SEAT-RET")).post(TEMPLATES).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "conflict"));
        hr().get(TEMPLATES + "/SEAT-RET").then().body("version", equalTo(1));
    }

    @Test
    void aStaleIfMatchIsRefusedAndNoIfMatchStillWorks() {
        hr().body(seatTemplate("SEAT-ETAG")).post(TEMPLATES).then().statusCode(201).header("ETag", "\"1\"");
        String tag = hr().get(TEMPLATES + "/SEAT-ETAG").then().statusCode(200).extract().header("ETag");
        hr().header("If-Match", tag).body(seatTemplate("SEAT-ETAG")).post(TEMPLATES).then().statusCode(201)
                .header("ETag", "\"2\"").body("version", equalTo(2));
        // someone who read version 1 is too late
        hr().header("If-Match", tag).body(seatTemplate("SEAT-ETAG")).post(TEMPLATES).then().statusCode(412)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "precondition-failed"))
                .header("ETag", "\"2\"");
        hr().header("If-Match", tag).post(TEMPLATES + "/SEAT-ETAG/retire").then().statusCode(412);
        hr().header("If-Match", "\"1\"").body(seatTemplate("SEAT-NEW-ETAG")).post(TEMPLATES).then().statusCode(412);
        hr().get(TEMPLATES + "/SEAT-ETAG").then().body("version", equalTo(2)).body("retiredAt", nullValue());
        // without If-Match, last writer wins as before
        hr().body(seatTemplate("SEAT-ETAG")).post(TEMPLATES).then().statusCode(201).body("version", equalTo(3));
        hr().header("If-Match", "*").post(TEMPLATES + "/SEAT-ETAG/retire").then().statusCode(200)
                .header("ETag", "\"3-retired\"");
    }
}
