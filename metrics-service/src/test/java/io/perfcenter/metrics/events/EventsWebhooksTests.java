package io.perfcenter.metrics.events;

import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Events end to end inside metrics-service: scoring's and incentive's events relayed (idempotently), metrics' own
 * (a data correction) written with the change, webhook deliveries received by a receiver inside the test — once per
 * event, signed (the HMAC checked here), in order per subject, retried with backoff (a receiver failing three times
 * gets the event on the fourth try), dead-lettered after the bound (5 attempts in tests) and replayed — and nothing
 * of a change that rolled back.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class EventsWebhooksTests {

    static final String RELAY = "/api/v1/metrics/events/relay";
    static final String SUBSCRIPTIONS = "/api/v1/metrics/webhooks/subscriptions";
    static final String DELIVERIES = "/api/v1/metrics/webhooks/deliveries";
    static final String PUBLISHED = "io.perfcenter.scoring.scorecard.published";
    static final String FILED = "io.perfcenter.scoring.appeal.filed";
    static final String DECIDED = "io.perfcenter.scoring.appeal.decided";
    static final String CORRECTED = "io.perfcenter.metrics.data-correction.stored";

    private static WebhookReceiver receiver;

    @Inject
    Outbox outbox;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    static RequestSpecification as(String employeeId, String... roles) {
        return given().auth().oauth2(TestTokens.token(employeeId, roles)).contentType(ContentType.JSON);
    }

    static RequestSpecification hr() {
        return as("WH1", "hr");
    }

    /** scoring- or incentive-service relaying its outbox. */
    static RequestSpecification relayer() {
        return as(null, "events-relay");
    }

    static Map<String, Object> event(String id, String type, String subject, Map<String, Object> data) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("specversion", "1.0");
        e.put("id", id);
        e.put("source", "/perfcenter/" + type.split("\\.")[2]);
        e.put("type", type);
        e.put("subject", subject);
        e.put("time", "2026-11-03T02:15:00Z");
        e.put("datacontenttype", "application/json");
        e.put("data", data);
        return e;
    }

    /** Subscribes the receiver's path; answers the id and the secret. */
    static String[] subscribe(String path, String... types) {
        JsonPath made = hr().body(Map.of("name", "receiver " + path, "url", receiver.url(path),
                        "eventTypes", List.of(types)))
                .post(SUBSCRIPTIONS).then().statusCode(201).body("active", equalTo(true)).extract().jsonPath();
        return new String[]{Long.toString(made.getLong("id")), made.getString("secret")};
    }

    static void await(String what, BooleanSupplier condition) {
        long until = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                fail("waited 30 s for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    static String hmac(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static JsonPath deliveriesOf(String subscriptionId) {
        return hr().queryParam("subscriptionId", subscriptionId).get(DELIVERIES).then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void relayedEventsAreStoredOnceAndDeliveredOnceSignedInOrderPerSubject() throws Exception {
        String[] sub = subscribe("/crm", PUBLISHED, DECIDED);
        // the secret is answered once: never by a read
        hr().get(SUBSCRIPTIONS + "/" + sub[0]).then().statusCode(200).body("secret", nullValue())
                .body("eventTypes", equalTo(List.of(PUBLISHED, DECIDED)));
        String e1 = UUID.randomUUID().toString();
        String e2 = UUID.randomUUID().toString();
        String e3 = UUID.randomUUID().toString();
        String e4 = UUID.randomUUID().toString();
        List<Map<String, Object>> batch = List.of(
                event(e1, PUBLISHED, "WA1", Map.of("employeeId", "WA1", "period", "2026-10", "total", 87.5)),
                event(e2, DECIDED, "WA1", Map.of("employeeId", "WA1", "appealId", 9, "status", "ACCEPTED")),
                event(e3, PUBLISHED, "WA2", Map.of("employeeId", "WA2", "period", "2026-10", "total", 71)),
                event(e4, FILED, "WA1", Map.of("employeeId", "WA1", "appealId", 9)));
        relayer().body(batch).post(RELAY).then().statusCode(200).body("stored", equalTo(4))
                .body("duplicates", equalTo(0));
        // at-least-once relay: the same batch again (its answer was lost) is stored once
        relayer().body(batch).post(RELAY).then().statusCode(200).body("stored", equalTo(0))
                .body("duplicates", equalTo(4));
        hr().queryParam("subject", "WA1").get("/api/v1/metrics/events").then().statusCode(200)
                .header("X-Total-Count", "3").body("id", equalTo(List.of(e1, e2, e4)));

        await("three deliveries", () -> deliveriesOf(sub[0]).getList("findAll { it.status == 'DELIVERED' }").size()
                == 3);
        Thread.sleep(600); // three more passes of the job: nothing is sent twice
        List<WebhookReceiver.Received> got = receiver.at("/crm").stream()
                .filter(x -> JsonPath.from(x.body()).getString("subject").startsWith("WA")).toList();
        assertEquals(3, got.size(), "one POST per subscribed event, the filed appeal not subscribed");
        List<String> ids = got.stream().map(r -> JsonPath.from(r.body()).getString("id")).toList();
        assertEquals(3, ids.stream().distinct().count());
        assertTrue(ids.indexOf(e1) < ids.indexOf(e2), "WA1's events in the order of the log: " + ids);
        for (WebhookReceiver.Received r : got) {
            assertEquals(hmac(sub[1], r.timestamp(), r.body()), r.signature(), "signed with the secret");
            assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(r.timestamp())) < 60);
            assertTrue(r.contentType().startsWith("application/cloudevents+json"), r.contentType());
            JsonPath ce = JsonPath.from(r.body());
            assertEquals("1.0", ce.getString("specversion"));
            assertEquals("/perfcenter/scoring", ce.getString("source"));
        }
        JsonPath first = JsonPath.from(got.get(ids.indexOf(e1)).body());
        assertEquals(PUBLISHED, first.getString("type"));
        assertEquals("WA1", first.getString("subject"));
        assertEquals("2026-10", first.getString("data.period"));
        // a body changed in transit no longer matches its signature
        WebhookReceiver.Received r = got.get(0);
        assertTrue(!hmac(sub[1], r.timestamp(), r.body().replace("WA", "WB")).equals(r.signature()));

        JsonPath log = deliveriesOf(sub[0]);
        assertEquals(List.of(1, 1, 1), log.getList("attempts"));
        assertEquals(List.of(200, 200, 200), log.getList("lastStatusCode"));
        hr().post(SUBSCRIPTIONS + "/" + sub[0] + "/disable").then().statusCode(200);
    }

    @Test
    void aReceiverFailingThreeTimesGetsTheEventOnTheFourthTryAndTheSubjectWaitsForIt() {
        receiver.fail("/flaky", 3, 503);
        String[] sub = subscribe("/flaky", FILED, DECIDED);
        String f1 = UUID.randomUUID().toString();
        String f2 = UUID.randomUUID().toString();
        relayer().body(List.of(event(f1, FILED, "WF1", Map.of("employeeId", "WF1", "appealId", 1)),
                event(f2, DECIDED, "WF1", Map.of("employeeId", "WF1", "appealId", 1, "status", "REJECTED"))))
                .post(RELAY).then().statusCode(200).body("stored", equalTo(2));
        await("both delivered", () -> deliveriesOf(sub[0]).getList("findAll { it.status == 'DELIVERED' }").size()
                == 2);
        List<WebhookReceiver.Received> got = receiver.at("/flaky");
        // the filed appeal four times (503, 503, 503, 200), only then the decision: never before it
        assertEquals(List.of(f1, f1, f1, f1, f2), got.stream().map(x -> JsonPath.from(x.body()).getString("id"))
                .toList());
        assertEquals(List.of(503, 503, 503, 200, 200), got.stream().map(WebhookReceiver.Received::answered).toList());
        String delivery = hr().queryParam("subscriptionId", sub[0]).queryParam("eventId", f1).get(DELIVERIES).then()
                .statusCode(200).header("X-Total-Count", "1").extract().jsonPath().getString("[0].id");
        hr().get(DELIVERIES + "/" + delivery).then().statusCode(200).body("status", equalTo("DELIVERED"))
                .body("attempts", equalTo(4))
                .body("attemptLog.statusCode", equalTo(List.of(503, 503, 503, 200)))
                .body("attemptLog.attempt", equalTo(List.of(1, 2, 3, 4)));
        hr().post(SUBSCRIPTIONS + "/" + sub[0] + "/disable").then().statusCode(200);
    }

    @Test
    void aDeliveryIsDeadLetteredAfterTheBoundAndReplayed() {
        receiver.fail("/down", 5, 500);
        String[] sub = subscribe("/down", CORRECTED);
        // metrics' own event: a data correction stored (scoring-service's role) is written with it
        hr().body(List.of(Map.of("code", "WDC", "name", "Webhook center", "kind", "CENTER"),
                        Map.of("code", "WDG", "name", "Webhook group", "kind", "GROUP", "parentCode", "WDC")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200);
        hr().body(List.of(Map.of("employeeId", "WD1", "name", "WD1", "position", "seat", "unitCode", "WDG",
                        "memberFrom", "2026-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200);
        as(null, "corrections-writer").header("X-Acting-For", "RV1")
                .body(Map.of("employeeId", "WD1", "metricCode", "calls_handled", "date", "2026-10-05", "value", 1,
                        "reason", "appeal 3"))
                .put("/api/v1/metrics/corrections/webhook-appeal-3").then().statusCode(200);
        await("the dead letter", () -> deliveriesOf(sub[0]).getList("findAll { it.status == 'DEAD' }").size() == 1);
        JsonPath dead = deliveriesOf(sub[0]);
        assertEquals(1, dead.getList("").size());
        String id = dead.getString("[0].id");
        assertEquals(5, dead.getInt("[0].attempts"));
        assertEquals(5, receiver.at("/down").size(), "five attempts, then no more");
        assertEquals(CORRECTED, dead.getString("[0].eventType"));
        assertEquals("WD1", dead.getString("[0].subject"));
        hr().queryParam("status", "DEAD").queryParam("subscriptionId", sub[0]).get(DELIVERIES).then().statusCode(200)
                .header("X-Total-Count", "1");

        // the receiver is back (it answers 200 from now on): the dead letter is replayed by its id
        hr().post(DELIVERIES + "/" + id + "/replay").then().statusCode(200).body("status", equalTo("PENDING"))
                .body("attempts", equalTo(0));
        await("the replay", () -> "DELIVERED".equals(hr().get(DELIVERIES + "/" + id).then().extract().jsonPath()
                .getString("status")));
        List<WebhookReceiver.Received> got = receiver.at("/down");
        assertEquals(6, got.size());
        JsonPath ce = JsonPath.from(got.get(5).body());
        assertEquals("/perfcenter/metrics", ce.getString("source"));
        assertEquals("WD1", ce.getString("data.employeeId"));
        assertEquals("RV1", ce.getString("data.actingFor"));
        hr().get(DELIVERIES + "/" + id).then().body("attemptLog.statusCode",
                equalTo(List.of(500, 500, 500, 500, 500, 200)));
        // a disabled subscription gets nothing more, and its deliveries are not replayed
        hr().post(SUBSCRIPTIONS + "/" + sub[0] + "/disable").then().statusCode(200).body("active", equalTo(false));
        hr().post(DELIVERIES + "/" + id + "/replay").then().statusCode(409);
        hr().post(DELIVERIES + "/999999/replay").then().statusCode(404);
    }

    @Test
    void aChangeThatRolledBackSendsNothing() throws Exception {
        String[] sub = subscribe("/rollback", "io.perfcenter.metrics.test.rolled-back",
                "io.perfcenter.metrics.test.committed");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.emit("test.rolled-back", "WR1", Map.of("n", 1));
            throw new IllegalStateException("the change failed after its event was written");
        }));
        // outside any transaction an event is refused: it could outlive a rollback
        assertThrows(TransactionalException.class, () -> outbox.emit("test.rolled-back", "WR1", Map.of("n", 2)));
        QuarkusTransaction.requiringNew().run(() -> outbox.emit("test.committed", "WR1", Map.of("n", 3)));
        await("the committed event", () -> receiver.at("/rollback").size() == 1);
        Thread.sleep(600);
        assertEquals(1, receiver.at("/rollback").size());
        assertEquals("io.perfcenter.metrics.test.committed",
                JsonPath.from(receiver.at("/rollback").get(0).body()).getString("type"));
        hr().queryParam("subject", "WR1").get("/api/v1/metrics/events").then().statusCode(200)
                .header("X-Total-Count", "1").body("[0].data.n", equalTo(3));
        assertEquals(1, deliveriesOf(sub[0]).getList("").size());
    }

    @Test
    void onlyTheRelayWritesTheLogAndOnlyHrAndAdminManageWebhooks() {
        Map<String, Object> ok = event(UUID.randomUUID().toString(), PUBLISHED, "WX1", Map.of("employeeId", "WX1"));
        given().contentType(ContentType.JSON).body(List.of(ok)).post(RELAY).then().statusCode(401);
        for (String role : List.of("hr", "admin", "service", "corrections-writer", "records-writer", "agent")) {
            as(role.equals("agent") ? "WX1" : null, role).body(List.of(ok)).post(RELAY).then().statusCode(403);
        }
        // a bad event refuses the batch, naming it; nothing is stored
        Map<String, Object> wrongSource = event(UUID.randomUUID().toString(), PUBLISHED, "WX1", Map.of());
        wrongSource.put("source", "/perfcenter/incentive");
        relayer().body(List.of(ok, wrongSource)).post(RELAY).then().statusCode(400).body("field", equalTo("[1].type"));
        Map<String, Object> own = event(UUID.randomUUID().toString(), "io.perfcenter.metrics.x.y", "WX1", Map.of());
        relayer().body(List.of(own)).post(RELAY).then().statusCode(400).body("field", equalTo("[0].source"));
        Map<String, Object> noData = event(UUID.randomUUID().toString(), PUBLISHED, "WX1", Map.of());
        noData.remove("data");
        relayer().body(List.of(noData)).post(RELAY).then().statusCode(400).body("field", equalTo("[0].data"));
        Map<String, Object> noSubject = event(UUID.randomUUID().toString(), PUBLISHED, "", Map.of());
        relayer().body(List.of(noSubject)).post(RELAY).then().statusCode(400).body("field", equalTo("[0].subject"));
        hr().queryParam("subject", "WX1").get("/api/v1/metrics/events").then().statusCode(200)
                .header("X-Total-Count", "0");

        Map<String, Object> subscription = Map.of("name", "x", "url", receiver.url("/x"), "eventTypes",
                List.of(PUBLISHED));
        for (String role : List.of("agent", "supervisor", "manager", "qa", "appeals")) {
            as("WX1", role).body(subscription).post(SUBSCRIPTIONS).then().statusCode(403);
            as("WX1", role).get(DELIVERIES).then().statusCode(403);
            as("WX1", role).get("/api/v1/metrics/events").then().statusCode(403);
        }
        for (String role : List.of("events-relay", "service", "org-sync", "records-writer")) {
            as(null, role).body(subscription).post(SUBSCRIPTIONS).then().statusCode(403);
            as(null, role).get(SUBSCRIPTIONS).then().statusCode(403);
        }
        as("WAD1", "admin").body(subscription).post(SUBSCRIPTIONS).then().statusCode(201);
        hr().body(Map.of("name", "x", "url", "ftp://crm.example.com/x", "eventTypes", List.of(PUBLISHED)))
                .post(SUBSCRIPTIONS).then().statusCode(400).body("field", equalTo("url"));
        hr().body(Map.of("name", "x", "url", receiver.url("/x"), "eventTypes", List.of("scorecard.published")))
                .post(SUBSCRIPTIONS).then().statusCode(400).body("field", equalTo("eventTypes[0]"));
        hr().body(Map.of("name", "x", "url", receiver.url("/x"), "eventTypes", List.of()))
                .post(SUBSCRIPTIONS).then().statusCode(400).body("field", equalTo("eventTypes"));
        hr().queryParam("status", "LOST").get(DELIVERIES).then().statusCode(400).body("field", equalTo("status"));
        hr().queryParam("subscriptionId", "x").get(DELIVERIES).then().statusCode(400)
                .body("field", equalTo("subscriptionId"));
        hr().get(SUBSCRIPTIONS + "/999999").then().statusCode(404);
        hr().get(DELIVERIES + "/999999").then().statusCode(404);
    }
}
