package io.perfcenter.metrics;

import io.perfcenter.metrics.events.LoggedEvent;
import io.perfcenter.metrics.events.Notification;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Persisted anomaly flags. Own org: center ANC (leader ANM1) → group ANG1 (leader ANS1) with agents AN1, AN2, AN3;
 * group ANG2 (leader ANS2) with AN4. One call a month; handle time = talk + hold + wrap. Baseline: February, March and
 * April 2026; the month scanned: May 2026 (whole, it is over). Threshold 0.2 (the default).
 * <ul>
 *     <li>AN1: 240 s each baseline month, 175 s in May: (175 − 240) / 240 = −0.2708: flagged, "fell 27.1% below";</li>
 *     <li>AN2: 240, May 250: +0.0417: not flagged;</li>
 *     <li>AN3: 200, May 300: +0.5: flagged, "rose 50.0% above";</li>
 *     <li>AN4: 300, May 330: +0.1: not flagged.</li>
 * </ul>
 * calls_handled (1 a month) and fcr (100 every month) do not move. Exactly two flags: AN1 aht and AN3 aht.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AnomalyFlagTests {

    static final String SCAN = "/api/v1/metrics/anomalies/scan";
    static final String FLAGS = "/api/v1/metrics/anomalies";
    static final String FLAGGED = "io.perfcenter.metrics.anomaly.flagged";
    private static boolean seeded;
    /** The first scan of ANC's May (as hr H1), made once the data are in, whichever test runs first. */
    private static JsonPath first;

    static Map<String, Object> call(String id, String agent, String startedAt, int talk, int wrap) {
        return Map.of("sourceSystem", "acd", "externalId", id, "employeeId", agent, "startedAt", startedAt,
                "talkSeconds", talk, "holdSeconds", 0, "wrapSeconds", wrap, "resolvedFirstContact", true);
    }

    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(List.of(
                        Map.of("code", "ANG1", "name", "Group 1", "kind", "GROUP", "parentCode", "ANC",
                                "leaderEmployeeId", "ANS1"),
                        Map.of("code", "ANG2", "name", "Group 2", "kind", "GROUP", "parentCode", "ANC",
                                "leaderEmployeeId", "ANS2"),
                        Map.of("code", "ANC", "name", "Center", "kind", "CENTER", "leaderEmployeeId", "ANM1")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(3));
        hr().body(List.of(
                        Map.of("employeeId", "AN1", "name", "AN1", "position", "seat", "unitCode", "ANG1", "memberFrom", "2026-01-01"),
                        Map.of("employeeId", "AN2", "name", "AN2", "position", "seat", "unitCode", "ANG1", "memberFrom", "2026-01-01"),
                        Map.of("employeeId", "AN3", "name", "AN3", "position", "seat", "unitCode", "ANG1", "memberFrom", "2026-01-01"),
                        Map.of("employeeId", "AN4", "name", "AN4", "position", "seat", "unitCode", "ANG2", "memberFrom", "2026-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(4));
        for (String month : List.of("02", "03", "04")) {
            as(null, "records-writer").body(List.of(
                            call("an1-" + month, "AN1", "2026-" + month + "-10T09:00:00+08:00", 200, 40),
                            call("an2-" + month, "AN2", "2026-" + month + "-10T09:00:00+08:00", 200, 40),
                            call("an3-" + month, "AN3", "2026-" + month + "-10T09:00:00+08:00", 200, 0),
                            call("an4-" + month, "AN4", "2026-" + month + "-10T09:00:00+08:00", 300, 0)))
                    .post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(4));
        }
        as(null, "records-writer").body(List.of(
                        call("an1-05", "AN1", "2026-05-12T09:00:00+08:00", 150, 25),
                        call("an2-05", "AN2", "2026-05-12T09:00:00+08:00", 210, 40),
                        call("an3-05", "AN3", "2026-05-12T09:00:00+08:00", 300, 0),
                        call("an4-05", "AN4", "2026-05-12T09:00:00+08:00", 330, 0)))
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(4));
        first = scanOf(hr()).post(SCAN).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification scanOf(RequestSpecification spec) {
        return spec.queryParam("period", "2026-05").queryParam("unit", "ANC").queryParam("metric", "aht")
                .queryParam("metric", "calls_handled").queryParam("metric", "fcr");
    }

    private static long events(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> LoggedEvent.count("type = ?1 and subject = ?2",
                FLAGGED, subject));
    }

    private static List<String> notes(String recipient) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list(
                "recipient = ?1 and type = ?2 order by id", recipient, FLAGGED).stream().map(n -> n.title).toList());
    }

    @Test
    void aScanFlagsExactlyTheAgentsThatMovedOnceAndTellsTheirLeaders() {
        assertEquals(List.of("2026-05-01", "2026-05-31", 0.2f, 3, 4, 0, 2), List.of(first.getString("from"),
                first.getString("to"), first.getFloat("threshold"), first.getInt("baselinePeriods"),
                first.getInt("agentsScanned"), first.getInt("alreadyFlagged"), first.getList("flagged").size()));
        assertEquals(List.of("AN1 aht ANG1", "AN3 aht ANG1"), first.getList("flagged").stream()
                .map(f -> ((Map<?, ?>) f).get("employeeId") + " " + ((Map<?, ?>) f).get("metric") + " "
                        + ((Map<?, ?>) f).get("unitCode")).sorted().toList());
        hr().queryParam("period", "2026-05").queryParam("unit", "ANG1").get(FLAGS).then().statusCode(200)
                .body("employeeId", containsInAnyOrder("AN1", "AN3"))
                .body("find { it.employeeId == 'AN1' }.baseline", equalTo(240))
                .body("find { it.employeeId == 'AN1' }.value", equalTo(175))
                .body("find { it.employeeId == 'AN1' }.change", equalTo(-0.2708f))
                .body("find { it.employeeId == 'AN1' }.reason",
                        equalTo("aht fell 27.1% below the agent's mean of the 3 previous periods (240)"))
                .body("find { it.employeeId == 'AN3' }.reason",
                        equalTo("aht rose 50.0% above the agent's mean of the 3 previous periods (200)"))
                .body("find { it.employeeId == 'AN3' }.flaggedBy", equalTo("H1"));
        assertEquals(List.of(1L, 0L, 1L, 0L), List.of(events("AN1"), events("AN2"), events("AN3"), events("AN4")));
        // the leaders of ANG1 and of the center above it are told of each flag; ANG2's leader of none
        List<String> expected = List.of(
                "Anomaly flagged for AN1 in 2026-05: aht fell 27.1% below the agent's mean of the 3 previous periods (240)",
                "Anomaly flagged for AN3 in 2026-05: aht rose 50.0% above the agent's mean of the 3 previous periods (200)");
        assertEquals(expected, notes("ANS1").stream().sorted().toList());
        assertEquals(expected, notes("ANM1").stream().sorted().toList());
        assertEquals(List.of(), notes("ANS2"));
        assertEquals(List.of(), notes("AN1"));

        // a second scan finds the same anomalies and stores, emits and tells nothing new
        scanOf(hr()).post(SCAN).then().statusCode(200).body("flagged", hasSize(0)).body("alreadyFlagged", equalTo(2));
        assertEquals(List.of(1L, 1L), List.of(events("AN1"), events("AN3")));
        assertEquals(2, notes("ANS1").size());
        hr().queryParam("period", "2026-05").queryParam("unit", "ANG1").get(FLAGS).then().statusCode(200)
                .body("$", hasSize(2));
    }

    @Test
    void flagsAreReadWithinTheCallersScope() {
        // admin may scan too (nothing new: the first scan stored them)
        scanOf(as("AD9", "admin")).post(SCAN).then().statusCode(200).body("flagged", hasSize(0));
        // the leaders see the flags of their units' agents; another group's leader none of them
        as("ANS1", "supervisor").queryParam("period", "2026-05").get(FLAGS).then().statusCode(200)
                .body("employeeId", containsInAnyOrder("AN1", "AN3"));
        as("ANM1", "manager").queryParam("period", "2026-05").queryParam("unit", "ANG1").get(FLAGS).then()
                .statusCode(200).body("$", hasSize(2));
        as("ANS2", "supervisor").queryParam("period", "2026-05").get(FLAGS).then().statusCode(200)
                .body("$", hasSize(0));
        as("ANS2", "supervisor").queryParam("unit", "ANG1").get(FLAGS).then().statusCode(404);
        // an agent sees their own, and another agent's answers 404
        as("AN1", "agent").get(FLAGS).then().statusCode(200).body("employeeId", contains("AN1"));
        as("AN1", "agent").queryParam("employeeId", "AN3").get(FLAGS).then().statusCode(404);
        as("AN2", "agent").get(FLAGS).then().statusCode(200).body("$", hasSize(0));
        as("AN1", "agent").queryParam("unit", "ANG1").get(FLAGS).then().statusCode(404);
        given().get(FLAGS).then().statusCode(401);
        as("QA1", "qa").get(FLAGS).then().statusCode(403);
    }

    @Test
    void onlyHrAndAdminScanAndBadInputIsAProblem() {
        for (String[] who : List.of(new String[]{"ANS1", "supervisor"}, new String[]{"ANM1", "manager"},
                new String[]{"AN1", "agent"}, new String[]{null, "records-writer"}, new String[]{null, "service"})) {
            scanOf(as(who[0], who[1])).post(SCAN).then().statusCode(403);
        }
        scanOf(given()).post(SCAN).then().statusCode(401);
        for (Map.Entry<String, Map<String, String>> bad : List.of(
                Map.entry("period", Map.<String, String>of()),
                Map.entry("period", Map.of("period", "2026-13")),
                Map.entry("period", Map.of("period", "2026-5")),
                Map.entry("period", Map.of("period", "2999-01")),
                Map.entry("unit", Map.of("period", "2026-05", "unit", "NO-SUCH-UNIT")),
                Map.entry("metric", Map.of("period", "2026-05", "unit", "ANC", "metric", "no_such_metric")))) {
            hr().queryParams(bad.getValue()).post(SCAN).then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo(bad.getKey()));
        }
        hr().queryParam("period", "May").get(FLAGS).then().statusCode(400).body("field", equalTo("period"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> LoggedEvent.count("type = ?1 and subject = ?2",
                FLAGGED, "AN2")));
    }
}
