package io.perfcenter.metrics.events;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.perfcenter.metrics.events.EventsWebhooksTests.SUBSCRIPTIONS;
import static io.perfcenter.metrics.events.EventsWebhooksTests.as;
import static io.perfcenter.metrics.events.EventsWebhooksTests.await;
import static io.perfcenter.metrics.events.EventsWebhooksTests.event;
import static io.perfcenter.metrics.events.EventsWebhooksTests.hmac;
import static io.perfcenter.metrics.events.EventsWebhooksTests.hr;
import static io.perfcenter.metrics.events.EventsWebhooksTests.relayer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rotating a webhook subscription's secret: the new secret is shown once, the old never again; during the grace
 * period a delivery carries two signatures ("sha256=<new> sha256=<old>") so a receiver holding either secret verifies
 * it; after the grace only the new secret signs. A receiver inside the test checks the HMACs itself.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class WebhookRotationTests {

    static final String TYPE = "io.perfcenter.incentive.contest.closed";
    private static WebhookReceiver receiver;

    @Inject
    EntityManager em;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    private static String[] subscribe(String path) {
        JsonPath made = hr().body(Map.of("name", "rotating " + path, "url", receiver.url(path),
                "eventTypes", List.of(TYPE))).post(SUBSCRIPTIONS).then().statusCode(201).extract().jsonPath();
        return new String[]{Long.toString(made.getLong("id")), made.getString("secret")};
    }

    /** Relays one event about {@code subject} and answers the delivery the path got. */
    private static WebhookReceiver.Received deliver(String path, String subject) {
        relayer().body(List.of(event(UUID.randomUUID().toString(), TYPE, subject, Map.of("contestCode", subject))))
                .post(EventsWebhooksTests.RELAY).then().statusCode(200).body("stored", equalTo(1));
        await("the delivery about " + subject, () -> receiver.at(path).stream()
                .anyMatch(r -> JsonPath.from(r.body()).getString("subject").equals(subject)));
        return receiver.at(path).stream().filter(r -> JsonPath.from(r.body()).getString("subject").equals(subject))
                .findFirst().orElseThrow();
    }

    /** A receiver holding {@code secret}: accepts the delivery when one of the header's signatures is its HMAC. */
    private static boolean verifies(String secret, WebhookReceiver.Received r) throws Exception {
        String expected = hmac(secret, r.timestamp(), r.body());
        return Arrays.asList(r.signature().split(" ")).contains(expected);
    }

    @Test
    void aRotatedSecretSignsBesideTheOldDuringTheGraceAndAloneAfter() throws Exception {
        String[] sub = subscribe("/rotating");
        String old = sub[1];
        WebhookReceiver.Received before = deliver("/rotating", "RT-1");
        assertEquals(hmac(old, before.timestamp(), before.body()), before.signature(), "one signature before");

        OffsetDateTime asked = OffsetDateTime.now();
        JsonPath rotated = hr().post(SUBSCRIPTIONS + "/" + sub[0] + "/rotate-secret").then().statusCode(200)
                .body("rotatedBy", equalTo("WH1")).body("previousSecretValidUntil", notNullValue())
                .extract().jsonPath();
        String fresh = rotated.getString("secret");
        assertTrue(fresh.startsWith("whsec_"), fresh);
        assertNotEquals(old, fresh);
        // the default grace is 24 h
        Duration grace = Duration.between(asked, OffsetDateTime.parse(rotated.getString("previousSecretValidUntil")));
        assertTrue(grace.compareTo(Duration.ofHours(24).minusMinutes(1)) > 0
                && grace.compareTo(Duration.ofHours(24).plusMinutes(1)) < 0, grace.toString());
        // neither secret is answered by a read; the read says until when the old one signs
        String read = hr().get(SUBSCRIPTIONS + "/" + sub[0]).then().statusCode(200).body("secret", nullValue())
                .body("previousSecretValidUntil", notNullValue()).body("secretRotatedAt", notNullValue())
                .extract().asString();
        assertFalse(read.contains(old) || read.contains(fresh), read);
        assertFalse(hr().get(SUBSCRIPTIONS).then().statusCode(200).extract().asString().contains(fresh));

        // during the grace: two signatures, the new secret's first; a receiver with either secret accepts
        WebhookReceiver.Received during = deliver("/rotating", "RT-2");
        assertEquals(hmac(fresh, during.timestamp(), during.body()) + " "
                + hmac(old, during.timestamp(), during.body()), during.signature());
        assertTrue(verifies(fresh, during));
        assertTrue(verifies(old, during));
        assertFalse(verifies("whsec_someone-else", during));

        // the grace is over (moved into the past here rather than waiting a day): only the new secret signs
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE webhook_subscription SET "
                + "previous_secret_until = now() - interval '1 second' WHERE id = ?1")
                .setParameter(1, Long.parseLong(sub[0])).executeUpdate());
        WebhookReceiver.Received after = deliver("/rotating", "RT-3");
        assertEquals(hmac(fresh, after.timestamp(), after.body()), after.signature());
        assertTrue(verifies(fresh, after));
        assertFalse(verifies(old, after));
        hr().get(SUBSCRIPTIONS + "/" + sub[0]).then().statusCode(200).body("previousSecretValidUntil", nullValue());

        // a rotation without grace: the secret before stops at once
        String third = hr().body(Map.of("graceMinutes", 0)).post(SUBSCRIPTIONS + "/" + sub[0] + "/rotate-secret")
                .then().statusCode(200).body("previousSecretValidUntil", nullValue()).extract().path("secret");
        WebhookReceiver.Received now = deliver("/rotating", "RT-4");
        assertEquals(hmac(third, now.timestamp(), now.body()), now.signature());
        assertFalse(verifies(fresh, now));
        hr().post(SUBSCRIPTIONS + "/" + sub[0] + "/disable").then().statusCode(200);
    }

    @Test
    void onlyHrAndAdminRotateAndBadInputChangesNothing() {
        String[] sub = subscribe("/rotating-denied");
        String path = SUBSCRIPTIONS + "/" + sub[0] + "/rotate-secret";
        for (String[] who : List.of(new String[]{"RA1", "agent"}, new String[]{"RS1", "supervisor"},
                new String[]{"RM1", "manager"}, new String[]{null, "events-relay"}, new String[]{null, "service"})) {
            as(who[0], who[1]).post(path).then().statusCode(403);
        }
        given().contentType("application/json").post(path).then().statusCode(401);
        for (int grace : List.of(-1, 10081)) {
            hr().body(Map.of("graceMinutes", grace)).post(path).then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("graceMinutes"));
        }
        hr().body("{\"graceMinutes\":\"soon\"}").post(path).then().statusCode(400);
        hr().post(SUBSCRIPTIONS + "/999999999/rotate-secret").then().statusCode(404);
        String unchanged = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT secret FROM webhook_subscription WHERE id = ?1").setParameter(1, Long.parseLong(sub[0]))
                .getSingleResult());
        assertEquals(sub[1], unchanged, "refused rotations changed nothing");
        // admin may rotate; a disabled subscription is not rotated
        as("RAD1", "admin").post(path).then().statusCode(200);
        hr().post(SUBSCRIPTIONS + "/" + sub[0] + "/disable").then().statusCode(200);
        hr().post(path).then().statusCode(409);
    }
}
