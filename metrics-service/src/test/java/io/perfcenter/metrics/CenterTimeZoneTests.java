package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Every timestamp counts for its date in the center's time zone (Asia/Shanghai, UTC+8, by default), whatever offset
 * the sender used; "today" is today in that zone, taken from the service's clock.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class CenterTimeZoneTests {

    private static boolean seeded;

    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(List.of(Map.of("code", "TZG", "name", "Zone group", "kind", "CENTER")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(1));
        hr().body(List.of(Map.of("employeeId", "TZ1", "name", "TZ1", "position", "seat", "unitCode", "TZG",
                        "memberFrom", "2026-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(1));
    }

    @AfterEach
    void realTime() {
        TestClock.release();
    }

    private static Map<String, Object> call(String id, String startedAt) {
        return Map.of("sourceSystem", "tz", "externalId", id, "employeeId", "TZ1", "startedAt", startedAt,
                "talkSeconds", 60);
    }

    private static int calls(String period) {
        return hr().queryParam("employeeId", "TZ1").queryParam("metric", "calls_handled").queryParam("period", period)
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .extract().path("agents[0].values.calls_handled.value");
    }

    @Test
    void aTimestampCountsForItsDateInTheCentersZoneWhateverTheSendersOffset() {
        as(null, "records-writer").body(List.of(
                        // 04:00 on 1 November in Shanghai, in three offsets
                        call("utc", "2026-10-31T20:00Z"),
                        call("shanghai", "2026-11-01T04:00+08:00"),
                        call("paris", "2026-10-31T21:00+01:00"),
                        // no offset: local to the center
                        call("local", "2026-11-01T00:30:00"),
                        // 23:59:59 on 31 October in Shanghai
                        call("last-second", "2026-10-31T15:59:59Z"),
                        // 00:00 on 1 November in Shanghai, still 31 October in New York
                        call("new-york", "2026-10-31T12:00:00.250-04:00")))
                .post("/api/v1/metrics/records/calls").then().statusCode(200).body("accepted", equalTo(6));
        // 1 November: utc, shanghai, paris, local, new-york = 5; October: last-second only
        org.junit.jupiter.api.Assertions.assertEquals(5, calls("2026-11-01"));
        org.junit.jupiter.api.Assertions.assertEquals(5, calls("2026-11"));
        org.junit.jupiter.api.Assertions.assertEquals(1, calls("2026-10"));
        org.junit.jupiter.api.Assertions.assertEquals(1, calls("2026-10-31"));
    }

    @Test
    void todayIsTodayInTheCentersZone() {
        // 20:00 UTC on 31 October is already 1 November in Shanghai
        TestClock.fix("2026-10-31T20:00:00Z");
        hr().body(Map.of("employeeId", "TZ2", "name", "TZ2", "position", "seat", "unitCode", "TZG"))
                .post("/api/v1/metrics/org/agents").then().statusCode(201);
        // with neither hire date nor first day given, membership starts today: 1 November
        hr().queryParam("from", "2026-11-01").get("/api/v1/metrics/org/units/TZG/members").then().statusCode(200)
                .body("find { it.employeeId == 'TZ2' }.from", equalTo("2026-11-01"));
        // the members endpoint defaults to today, too
        hr().get("/api/v1/metrics/org/units/TZG/members").then().statusCode(200)
                .body("employeeId", hasItem("TZ2"));
        TestClock.fix("2026-11-01T15:59:59Z");
        hr().body(List.of(Map.of("employeeId", "TZ3", "name", "TZ3", "position", "seat", "unitCode", "TZG")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(1));
        // a day earlier (31 October), TZ3 was not yet a member
        hr().queryParam("from", "2026-10-31").get("/api/v1/metrics/org/units/TZG/members").then().statusCode(200)
                .body("employeeId", not(hasItem("TZ3")));
        hr().queryParam("from", "2026-11-01").get("/api/v1/metrics/org/units/TZG/members").then().statusCode(200)
                .body("find { it.employeeId == 'TZ3' }.from", equalTo("2026-11-01"));
    }
}
