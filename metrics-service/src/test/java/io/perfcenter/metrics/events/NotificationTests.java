package io.perfcenter.metrics.events;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.perfcenter.metrics.events.EventsWebhooksTests.as;
import static io.perfcenter.metrics.events.EventsWebhooksTests.event;
import static io.perfcenter.metrics.events.EventsWebhooksTests.hr;
import static io.perfcenter.metrics.events.EventsWebhooksTests.relayer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Each person's feed, made from the events: the agent is told of their scorecard published, their appeal decided and
 * their statement approved; an appeal filed is told to the leaders of the agent's group and team (from the org
 * directory) and to the configured deciders (NH1 in tests); nobody reads or marks another person's notifications.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class NotificationTests {

    private static final String FEED = "/api/v1/metrics/notifications";

    @Test
    void everyoneIsToldWhatConcernsThemAndReadsOnlyTheirOwnFeed() {
        hr().body(List.of(Map.of("code", "NC", "name", "Notified center", "kind", "CENTER"),
                        Map.of("code", "NT", "name", "Notified team", "kind", "TEAM", "parentCode", "NC",
                                "leaderEmployeeId", "NM1"),
                        Map.of("code", "NG", "name", "Notified group", "kind", "GROUP", "parentCode", "NT",
                                "leaderEmployeeId", "NS1")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200);
        hr().body(List.of(
                        Map.of("employeeId", "NA1", "name", "NA1", "position", "seat", "unitCode", "NG",
                                "memberFrom", "2026-01-01"),
                        Map.of("employeeId", "NA2", "name", "NA2", "position", "seat", "unitCode", "NG",
                                "memberFrom", "2026-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200);
        relayer().body(List.of(
                event(id(), "io.perfcenter.scoring.scorecard.published", "NA1", Map.of("scorecardId", 41,
                        "employeeId", "NA1", "period", "2026-10", "templateCode", "SEAT", "total", "87.50",
                        "grade", "GOOD")),
                event(id(), "io.perfcenter.scoring.appeal.filed", "NA1", Map.of("appealId", 5, "employeeId", "NA1",
                        "unitCode", "NG", "itemCode", "aht", "status", "OPEN")),
                event(id(), "io.perfcenter.scoring.appeal.decided", "NA1", Map.of("appealId", 5,
                        "employeeId", "NA1", "unitCode", "NG", "itemCode", "aht", "status", "ACCEPTED",
                        "totalBefore", "87.50", "totalAfter", "90.25")),
                event(id(), "io.perfcenter.incentive.statement.approved", "NA1", Map.of("statementId", 7,
                        "employeeId", "NA1", "planCode", "PERF", "period", "2026-10", "total", "2640.00",
                        "currency", "CNY")),
                event(id(), "io.perfcenter.scoring.run.published", "run-3", Map.of("runId", 3))))
                .post("/api/v1/metrics/events/relay").then().statusCode(200).body("stored", equalTo(5));

        // the agent: newest first
        as("NA1", "agent").get(FEED).then().statusCode(200).header("X-Total-Count", "3")
                .body("title", equalTo(List.of(
                        "Your PERF statement for 2026-10 is approved: 2640.00 CNY",
                        "Your appeal 5 on aht was ACCEPTED: total 87.50 → 90.25",
                        "Your scorecard for 2026-10 (SEAT) is published: total 87.50, grade GOOD")))
                .body("type[2]", equalTo("io.perfcenter.scoring.scorecard.published"))
                .body("readAt", equalTo(java.util.Arrays.asList(null, null, null)));
        // the appeal awaits: the group's supervisor, the team's manager and the configured decider (hr)
        String awaits = "Appeal 5 of NA1 on aht awaits a decision";
        for (String[] person : new String[][]{{"NS1", "supervisor"}, {"NM1", "manager"}}) {
            as(person[0], person[1]).get(FEED).then().statusCode(200).header("X-Total-Count", "1")
                    .body("title", equalTo(List.of(awaits)));
        }
        // (the decider is told of every appeal filed in the suite: other test classes' too)
        as("NH1", "hr").get(FEED).then().statusCode(200).body("[0].title", equalTo(awaits));
        // a colleague, and a run's event, tell nobody else
        as("NA2", "agent").get(FEED).then().statusCode(200).header("X-Total-Count", "0").body("size()", equalTo(0));

        // paging: newest first, one a page, with the next page's link
        as("NA1", "agent").queryParam("limit", 1).get(FEED).then().statusCode(200).header("X-Total-Count", "3")
                .header("Link", equalTo("</api/v1/metrics/notifications?offset=1&limit=1>; rel=\"next\""));

        // marking read: only one's own; another person's answers as an unknown id
        long newest = as("NA1", "agent").get(FEED).then().extract().jsonPath().getLong("[0].id");
        as("NA2", "agent").post(FEED + "/" + newest + "/read").then().statusCode(404);
        as("NS1", "supervisor").post(FEED + "/" + newest + "/read").then().statusCode(404);
        as("NH1", "hr").post(FEED + "/" + newest + "/read").then().statusCode(404);
        as("NA1", "agent").post(FEED + "/999999/read").then().statusCode(404);
        as("NA1", "agent").queryParam("unread", true).get(FEED).then().statusCode(200)
                .header("X-Total-Count", "3");
        String readAt = as("NA1", "agent").post(FEED + "/" + newest + "/read").then().statusCode(200)
                .body("readAt", notNullValue()).extract().jsonPath().getString("readAt");
        as("NA1", "agent").post(FEED + "/" + newest + "/read").then().statusCode(200).body("readAt", equalTo(readAt));
        as("NA1", "agent").queryParam("unread", true).get(FEED).then().statusCode(200)
                .header("X-Total-Count", "2").body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        (int) newest)));
        as("NA1", "agent").get(FEED).then().body("[0].readAt", equalTo(readAt)).body("[1].readAt", nullValue());

        // denials: no token, machine clients (no feed), a bad flag
        given().contentType(ContentType.JSON).get(FEED).then().statusCode(401);
        for (String role : List.of("records-writer", "org-sync", "payroll-export", "service", "corrections-writer",
                "events-relay")) {
            as(null, role).get(FEED).then().statusCode(403);
            as(null, role).post(FEED + "/" + newest + "/read").then().statusCode(403);
        }
        as("NA1", "agent").queryParam("unread", "maybe").get(FEED).then().statusCode(400)
                .body("field", equalTo("unread"));
        // a person's token without an employee id has no feed
        as(null, "hr").get(FEED).then().statusCode(200).header("X-Total-Count", "0");
    }

    @Test
    void anImprovementPlanMetOrMissedTellsTheAgentAndAMissedOneTheirLeaders() {
        hr().body(List.of(Map.of("code", "NIC", "name", "Plans center", "kind", "CENTER", "leaderEmployeeId", "NIM"),
                        Map.of("code", "NIG", "name", "Plans group", "kind", "GROUP", "parentCode", "NIC",
                                "leaderEmployeeId", "NIS")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200);
        relayer().body(List.of(
                event(id(), "io.perfcenter.scoring.improvement-plan.met", "NIA1", Map.of("planId", 11,
                        "employeeId", "NIA1", "unitCode", "NIG", "dueDate", "2026-10-04", "status", "MET")),
                event(id(), "io.perfcenter.scoring.improvement-plan.missed", "NIA2", Map.of("planId", 12,
                        "employeeId", "NIA2", "unitCode", "NIG", "dueDate", "2026-10-04", "status", "MISSED"))))
                .post("/api/v1/metrics/events/relay").then().statusCode(200).body("stored", equalTo(2));
        as("NIA1", "agent").get(FEED).then().statusCode(200).header("X-Total-Count", "1")
                .body("title", equalTo(List.of("Your improvement plan 11 is met")));
        as("NIA2", "agent").get(FEED).then().statusCode(200).header("X-Total-Count", "1")
                .body("title", equalTo(List.of("Your improvement plan 12 was due on 2026-10-04 and its goals did not "
                        + "hold; your coach records what follows")));
        // the group's supervisor and the center's manager record the consequence; a met plan asks nothing of them
        for (String[] person : new String[][]{{"NIS", "supervisor"}, {"NIM", "manager"}}) {
            as(person[0], person[1]).get(FEED).then().statusCode(200).header("X-Total-Count", "1")
                    .body("title", equalTo(List.of("Improvement plan 12 of NIA2 was due on 2026-10-04 and missed: "
                            + "record its consequence")));
        }
    }

    @Test
    void anImprovementPlanComingDueRemindsTheAgentAndTheirLeaders() {
        hr().body(List.of(Map.of("code", "NDC", "name", "Reminded center", "kind", "CENTER", "leaderEmployeeId", "NDM"),
                        Map.of("code", "NDG", "name", "Reminded group", "kind", "GROUP", "parentCode", "NDC",
                                "leaderEmployeeId", "NDS")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200);
        String eventId = id();
        Map<String, Object> due = event(eventId, "io.perfcenter.scoring.improvement-plan.due", "NDA1",
                Map.of("planId", 21, "employeeId", "NDA1", "unitCode", "NDG", "dueDate", "2026-12-04",
                        "status", "IN_PROGRESS", "explanation", "due on 2026-12-04, in 3 days"));
        relayer().body(List.of(due)).post("/api/v1/metrics/events/relay").then().statusCode(200)
                .body("stored", equalTo(1));
        // relayed again (a lost answer): stored once, told once
        relayer().body(List.of(due)).post("/api/v1/metrics/events/relay").then().statusCode(200)
                .body("stored", equalTo(0));
        as("NDA1", "agent").get(FEED).then().statusCode(200).header("X-Total-Count", "1")
                .body("title", equalTo(List.of("Your improvement plan 21 is due on 2026-12-04")));
        for (String[] person : new String[][]{{"NDS", "supervisor"}, {"NDM", "manager"}}) {
            as(person[0], person[1]).get(FEED).then().statusCode(200).header("X-Total-Count", "1")
                    .body("title", equalTo(List.of("Improvement plan 21 of NDA1 is due on 2026-12-04")));
        }
    }

    /**
     * A contest's close: the agent hears of their points and their badge (incentive's events); nobody of the closing
     * itself (each winner hears of what they won; an honor as honor.awarded, above).
     */
    @Test
    void aContestsWinnersAreToldOfTheirPointsAndBadges() {
        relayer().body(List.of(
                event(id(), "io.perfcenter.incentive.points.awarded", "NCA1", Map.of("contestCode", "CSAT-NOV",
                        "contestName", "CSAT challenge", "employeeId", "NCA1", "points", 50, "ruleIndex", 0,
                        "period", "2026-11")),
                event(id(), "io.perfcenter.incentive.badge.awarded", "NCA1", Map.of("contestCode", "CSAT-NOV",
                        "contestName", "CSAT challenge", "employeeId", "NCA1", "badgeCode", "csat-star",
                        "badgeName", "CSAT star")),
                event(id(), "io.perfcenter.incentive.contest.closed", "CSAT-NOV", Map.of("contestCode", "CSAT-NOV",
                        "name", "CSAT challenge", "awards", 2))))
                .post("/api/v1/metrics/events/relay").then().statusCode(200).body("stored", equalTo(3));
        as("NCA1", "agent").get(FEED).then().statusCode(200).header("X-Total-Count", "2")
                .body("title", equalTo(List.of("You earned the badge CSAT star in CSAT challenge (CSAT-NOV)",
                        "You earned 50 points in CSAT challenge (CSAT-NOV)")));
        assertEquals(0L, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Notification.count(
                "type", "io.perfcenter.incentive.contest.closed")));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
