package io.perfcenter.scoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.perfcenter.scoring.ScoringApi.REVIEWS;
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
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Coaching sessions (辅导, 绩效面谈): opened on a published scorecard by a leader of its unit, with the agenda proposed
 * from its weakest items; notes and agreed actions by the coach; both parties acknowledge, which closes it. Scope:
 * another unit's supervisor and another agent get 404, an agent may not open one (403).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class CoachingTests {

    static final String SESSIONS = "/api/v1/scoring/coaching-sessions";

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Test
    void agendaFromTheWeakestItemsNotesActionsAndBothAcknowledgements() {
        // weights 30/30/20/10/10; C1: calls 2400 → 70 of 100, complaints 2 → 60 of 100, qa 80 → 60 of 100,
        // csat 4.8 → 100 of 100, nps no data → 0 (insufficient data, ZERO); total 21 + 18 + 12 + 10 + 0 = 61
        hr().body(template("COACH", List.of(
                item("calls", "calls_handled", 30, Map.of("type", "linear", "full", 3000, "zero", 1000)),
                item("complaints", "complaints", 30, Map.of("type", "per-incident", "max", 100, "perIncident", 20,
                        "unit", "complaints")),
                item("qa", "qa_score", 20, Map.of("type", "linear", "full", 100, "zero", 50)),
                item("csat", "csat", 10, Map.of("type", "linear", "full", 4.8, "zero", 3.0)),
                item("nps", "nps", 10, Map.of("type", "linear", "full", 60, "zero", 0)))))
                .post(TEMPLATES).then().statusCode(201);
        stubOctober(metrics, "GCO", agent("C1", "calls_handled", 2400, 22, "complaints", 2, 22, "qa_score", 80, 4,
                        "csat", 4.8, 30),
                agent("C2", "calls_handled", 3000, 22, "complaints", 0, 22, "qa_score", 100, 4, "csat", 4.8, 30,
                        "nps", 60, 30));
        String supervisor = TestTokens.token("SC1", "supervisor");
        stubMyUnits(metrics, supervisor, "GCO");
        String otherSupervisor = TestTokens.token("SC9", "supervisor");
        stubMyUnits(metrics, otherSupervisor, "GCO-OTHER");
        String c1 = TestTokens.token("C1", "agent");
        String c2 = TestTokens.token("C2", "agent");

        JsonPath computed = hr().body(run("COACH", "GCO", "2026-10")).post(RUNS).then().statusCode(201).extract()
                .jsonPath();
        long runId = computed.getLong("id");
        long card = computed.getLong("scorecards.find { it.employeeId == 'C1' }.id");
        assertEquals(61.0f, computed.getFloat("scorecards.find { it.employeeId == 'C1' }.total"));
        // a draft is not coached
        as(supervisor).body(Map.of("scorecardId", card)).post(SESSIONS).then().statusCode(409)
                .body("detail", containsString("is COMPUTED"));
        hr().post(RUNS + "/" + runId + "/publish").then().statusCode(200);

        // denials: an agent may not open one; another unit's supervisor does not see the scorecard; bad input
        as(c1).body(Map.of("scorecardId", card)).post(SESSIONS).then().statusCode(403);
        as(otherSupervisor).body(Map.of("scorecardId", card)).post(SESSIONS).then().statusCode(400)
                .body("field", equalTo("scorecardId")).body("detail", equalTo("scorecardId: no scorecard " + card));
        as(supervisor).body(Map.of()).post(SESSIONS).then().statusCode(400).body("field", equalTo("scorecardId"));
        as(supervisor).body(Map.of("scorecardId", card, "agendaSize", 0)).post(SESSIONS).then().statusCode(400)
                .body("field", equalTo("agendaSize"));
        as(supervisor).body(Map.of("scorecardId", card, "agendaSize", 11)).post(SESSIONS).then().statusCode(400)
                .body("field", equalTo("agendaSize"));
        as(supervisor).body(Map.of("scorecardId", card, "agendaSize", "three")).post(SESSIONS).then()
                .statusCode(400);
        hr().queryParam("scorecardId", card).get(SESSIONS).then().statusCode(200).body("size()", equalTo(0));

        String calls = explanation(card, "calls");
        String complaints = explanation(card, "complaints");
        String qa = explanation(card, "qa");
        // the 3 weakest of the 4 scored items: complaints and qa tie at 0.6, complaints weighs more; nps is left out
        long id = as(supervisor).body(Map.of("scorecardId", card)).post(SESSIONS).then().statusCode(201)
                .header("Location", containsString(SESSIONS + "/"))
                .body("status", equalTo("OPEN")).body("coach", equalTo("SC1")).body("employeeId", equalTo("C1"))
                .body("unitCode", equalTo("GCO")).body("period", equalTo("2026-10"))
                .body("agenda.itemCode", contains("complaints", "qa", "calls"))
                .body("agenda.position", contains(1, 2, 3))
                .body("agenda.points", contains(60, 60, 70))
                .body("agenda.maxPoints", contains(100, 100, 100))
                .body("agenda.attainment", contains(0.6f, 0.6f, 0.7f))
                .body("agenda.weight", contains(30, 20, 30))
                .body("agenda.name", contains("Item complaints", "Item qa", "Item calls"))
                .body("agenda.explanation", contains(complaints, qa, calls))
                .body("agendaBasis", equalTo("The 3 weakest of 4 scored items by points ÷ maximum points (lowest "
                        + "first; ties: the heavier item first, then by code); left out: nps (insufficient data: "
                        + "zero points by policy)"))
                .extract().jsonPath().getLong("id");
        as(supervisor).body(Map.of("scorecardId", card)).post(SESSIONS).then().statusCode(409)
                .body("detail", containsString("in progress"));

        // reading: the agent their own, the unit's supervisor, hr; anyone else 404 as an unknown id
        as(c1).get(SESSIONS + "/" + id).then().statusCode(200).body("agenda.size()", equalTo(3));
        as(c2).get(SESSIONS + "/" + id).then().statusCode(404)
                .body("detail", equalTo("Coaching session " + id + " does not exist"));
        as(otherSupervisor).get(SESSIONS + "/" + id).then().statusCode(404);
        as(otherSupervisor).get(SESSIONS).then().statusCode(200).body("size()", equalTo(0));
        as(c2).get(SESSIONS).then().statusCode(200).body("size()", equalTo(0));
        as(c1).get(SESSIONS).then().statusCode(200).body("id", contains((int) id));
        hr().queryParam("status", "CLOSED").queryParam("scorecardId", card).get(SESSIONS).then().statusCode(200)
                .body("size()", equalTo(0));
        hr().queryParam("status", "DONE").get(SESSIONS).then().statusCode(400).body("field", equalTo("status"));
        given().get(SESSIONS + "/" + id).then().statusCode(401);

        // nothing to acknowledge before the notes; someone else's session is not found
        as(c1).body(Map.of()).post(SESSIONS + "/" + id + "/acknowledgement").then().statusCode(409)
                .body("detail", containsString("no notes yet"));
        as(c2).body(Map.of()).post(SESSIONS + "/" + id + "/acknowledgement").then().statusCode(404);
        as(otherSupervisor).body(Map.of()).post(SESSIONS + "/" + id + "/acknowledgement").then().statusCode(404);

        // notes: the coach only, checked field by field
        String due = LocalDate.now().plusDays(30).toString();
        Map<String, Object> action = Map.of("text", "Confirm the customer's need before answering", "owner", "C1",
                "dueDate", due);
        Map<String, Object> notes = Map.of("notes", "Went through two complaint calls of 14 October",
                "actions", List.of(action, Map.of("text", "Listen to two calls together", "owner", "SC1",
                        "dueDate", due)));
        as(c1).body(notes).put(SESSIONS + "/" + id + "/notes").then().statusCode(403);
        hr().body(notes).put(SESSIONS + "/" + id + "/notes").then().statusCode(403)
                .body("detail", containsString("Only the coach, SC1"));
        as(otherSupervisor).body(notes).put(SESSIONS + "/" + id + "/notes").then().statusCode(404);
        as(supervisor).body(Map.of("actions", List.of(action))).put(SESSIONS + "/" + id + "/notes").then()
                .statusCode(400).body("field", equalTo("notes"));
        as(supervisor).body(Map.of("notes", "x", "actions", List.of(Map.of("text", "t", "owner", "C1",
                "dueDate", "2020-01-01")))).put(SESSIONS + "/" + id + "/notes").then().statusCode(400)
                .body("field", equalTo("actions[0].dueDate"));
        as(supervisor).body(Map.of("notes", "x", "actions", List.of(action, Map.of("text", "t", "dueDate", due))))
                .put(SESSIONS + "/" + id + "/notes").then().statusCode(400).body("field", equalTo("actions[1].owner"));
        as(supervisor).body(Map.of("notes", "x", "actions", List.of(Map.of("text", "t", "owner", "C1",
                "dueDate", "2026-02-30")))).put(SESSIONS + "/" + id + "/notes").then().statusCode(400);
        as(c1).get(SESSIONS + "/" + id).then().body("notes", nullValue());
        as(supervisor).body(notes).put(SESSIONS + "/" + id + "/notes").then().statusCode(200)
                .body("notes", equalTo("Went through two complaint calls of 14 October"))
                .body("actions.owner", contains("C1", "SC1")).body("actions[0].dueDate", equalTo(due))
                .body("notesAt", notNullValue());

        // both parties acknowledge: the agent first, then the coach, which closes the session
        as(c1).body(Map.of("comment", "Agreed")).post(SESSIONS + "/" + id + "/acknowledgement").then()
                .statusCode(200).body("status", equalTo("OPEN")).body("agentComment", equalTo("Agreed"))
                .body("agentAcknowledgedAt", notNullValue()).body("coachAcknowledgedAt", nullValue());
        hr().body(Map.of()).post(SESSIONS + "/" + id + "/acknowledgement").then().statusCode(403);
        as(supervisor).post(SESSIONS + "/" + id + "/acknowledgement").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedAt", notNullValue())
                .body("agentComment", equalTo("Agreed"));
        // closed: read-only
        as(supervisor).body(notes).put(SESSIONS + "/" + id + "/notes").then().statusCode(409)
                .body("detail", containsString("read-only"));
        as(c1).body(Map.of()).post(SESSIONS + "/" + id + "/acknowledgement").then().statusCode(409);
        as(c1).queryParam("status", "CLOSED").get(SESSIONS).then().statusCode(200).body("id", contains((int) id));
        as(c1).get(REVIEWS + "/" + card + "/history").then().statusCode(200).body("action", hasItems(
                "COACHING_OPENED", "COACHING_NOTES", "COACHING_ACKNOWLEDGED", "COACHING_CLOSED"));

        // a new session on the same scorecard may follow; asking for more items than there are says so
        as(supervisor).body(Map.of("scorecardId", card, "agendaSize", 10)).post(SESSIONS).then().statusCode(201)
                .body("agenda.itemCode", contains("complaints", "qa", "calls", "csat"))
                .body("agendaBasis", containsString("The 4 weakest of 4 scored items (10 asked)"));
    }

    @Test
    void notesChangedAfterAnAcknowledgementAreAcknowledgedAgain() {
        hr().body(template("COACH2", List.of(
                item("calls", "calls_handled", 100, Map.of("type", "linear", "full", 3000, "zero", 1000)))))
                .post(TEMPLATES).then().statusCode(201);
        stubOctober(metrics, "GCP", agent("D1", "calls_handled", 2000, 22));
        String manager = TestTokens.token("MC1", "manager");
        stubMyUnits(metrics, manager, "GCP");
        long runId = hr().body(run("COACH2", "GCP", "2026-10")).post(RUNS).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        hr().post(RUNS + "/" + runId + "/publish").then().statusCode(200);
        long card = hr().queryParam("unit", "GCP").get("/api/v1/scoring/scorecards").then().statusCode(200)
                .extract().jsonPath().getLong("[0].id");
        long id = as(manager).body(Map.of("scorecardId", card, "agendaSize", 1)).post(SESSIONS).then()
                .statusCode(201).body("agenda[0].points", equalTo(50)).body("agenda[0].attainment", equalTo(0.5f))
                .body("agendaBasis", equalTo("The 1 weakest of 1 scored items by points ÷ maximum points (lowest "
                        + "first; ties: the heavier item first, then by code)"))
                .extract().jsonPath().getLong("id");
        as(manager).body(Map.of("notes", "First")).put(SESSIONS + "/" + id + "/notes").then().statusCode(200)
                .body("actions.size()", equalTo(0));
        as("D1", "agent").body(Map.of()).post(SESSIONS + "/" + id + "/acknowledgement").then().statusCode(200);
        as(manager).body(Map.of("notes", "Second")).put(SESSIONS + "/" + id + "/notes").then().statusCode(200)
                .body("agentAcknowledgedAt", nullValue());
        as(manager).body(Map.of()).post(SESSIONS + "/" + id + "/acknowledgement").then().statusCode(200)
                .body("status", equalTo("OPEN"));
        as("D1", "agent").body(Map.of()).post(SESSIONS + "/" + id + "/acknowledgement").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
    }

    private static String explanation(long card, String itemCode) {
        return hr().get("/api/v1/scoring/scorecards/" + card).then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.itemCode == '" + itemCode + "' }.explanation");
    }
}
