package io.perfcenter.incentive;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.incentive.DownstreamServices.InjectDownstream;
import io.perfcenter.incentive.TestApi.Card;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.incentive.TestApi.BASE;
import static io.perfcenter.incentive.TestApi.HR;
import static io.perfcenter.incentive.TestApi.PROBLEMS;
import static io.perfcenter.incentive.TestApi.as;
import static io.perfcenter.incentive.TestApi.money;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** Honor awards, monthly and quarterly honor runs over stubbed scorecards and metrics, history, prizes on statements. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(DownstreamServices.class)
class HonorRunTests {

    static final String AGENT_N2 = TestTokens.token("N2", "agent");
    static final String SUPERVISOR = TestTokens.token("S5", "supervisor");

    @InjectDownstream
    WireMockServer downstream;

    private static boolean seeded;
    private static Response september;
    private static Response quarter;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        as(HR).body(serviceStar()).post(BASE + "/honors/awards").then().statusCode(201)
                .body("code", is("SERVICE-STAR")).body("version", is(1))
                .body("eligibility[1].whenMissing", is("ELIGIBLE"))
                .body("tieBreakers[0].direction", is("HIGHER"));
        as(HR).body(Map.of("code", "ALL-ROUND", "name", "All-round award", "cadence", "QUARTERLY",
                        "rankBy", Map.of("measure", "score"), "excludedGrades", List.of("fail"), "winners", 1,
                        "eligibility", List.of(Map.of("measure", "calls_handled", "atLeast", 4500))))
                .post(BASE + "/honors/awards").then().statusCode(201);

        TestApi.stubScorecards(downstream, "2026-07", "H-1", List.of(
                new Card(701, "N1", "H-1", "2026-07", "88", "good", 2),
                new Card(702, "N2", "H-1", "2026-07", "70", "fail", 3),
                new Card(703, "N3", "H-1", "2026-07", "94", "excellent", 1)));
        TestApi.stubScorecards(downstream, "2026-08", "H-1", List.of(
                new Card(711, "N1", "H-1", "2026-08", "91", "excellent", 3),
                new Card(712, "N2", "H-1", "2026-08", "92", "excellent", 2),
                new Card(713, "N3", "H-1", "2026-08", "96", "excellent", 1)));
        TestApi.stubScorecards(downstream, "2026-09", "H-1", List.of(
                new Card(721, "N1", "H-1", "2026-09", "93", "excellent", 2).item("csat", "4.9").item("fcr", "0.9"),
                new Card(722, "N2", "H-1", "2026-09", "90", "excellent", 3).item("csat", "4.90").item("fcr", "0.8"),
                new Card(723, "N3", "H-1", "2026-09", "95", "excellent", 1).item("csat", "4.95").item("fcr", "0.7")));
        TestApi.stubScorecards(downstream, "2026-09", "H-EMPTY", List.of());
        Map<String, Map<String, Object>> month = new LinkedHashMap<>();
        month.put("N1", Map.of("calls_handled", 2000));
        month.put("N2", Map.of("calls_handled", 1900));
        month.put("N3", Map.of("calls_handled", 1400));
        TestApi.stubAggregates(downstream, "H-1", "2026-09-01", "2026-09-30", month, Map.of());
        Map<String, Map<String, Object>> q3 = new LinkedHashMap<>();
        q3.put("N1", Map.of("calls_handled", 6000));
        q3.put("N2", Map.of("calls_handled", 5800));
        q3.put("N3", Map.of("calls_handled", 4400));
        TestApi.stubAggregates(downstream, "H-1", "2026-07-01", "2026-09-30", q3, Map.of());

        september = as(HR).body(Map.of("period", "2026-09", "unitCode", "H-1")).post(BASE + "/honors/runs");
        september.then().statusCode(201);
        quarter = as(HR).body(Map.of("period", "2026-Q3", "unitCode", "H-1")).post(BASE + "/honors/runs");
        quarter.then().statusCode(201);
    }

    static Map<String, Object> serviceStar() {
        Map<String, Object> award = new LinkedHashMap<>();
        award.put("code", "SERVICE-STAR");
        award.put("name", "Service Star");
        award.put("cadence", "MONTHLY");
        award.put("rankBy", Map.of("measure", "csat"));
        award.put("eligibility", List.of(Map.of("measure", "calls_handled", "atLeast", 1500),
                Map.of("measure", "upheld_complaints", "atMost", 0, "whenMissing", "ELIGIBLE")));
        award.put("excludedGrades", List.of("fail"));
        award.put("winners", 1);
        award.put("tieBreakers", List.of(Map.of("measure", "fcr")));
        return award;
    }

    @Test
    void aRetiredAwardKeepsItsHonorsButIsJudgedNoMore() {
        Map<String, Object> award = new LinkedHashMap<>(serviceStar());
        award.put("code", "RETIRE-STAR");
        award.put("name", "Retiring star");
        as(HR).body(award).post(BASE + "/honors/awards").then().statusCode(201).header("ETag", "\"1\"");
        as(HR).body(Map.of("period", "2026-09", "unitCode", "H-1", "awardCodes", List.of("RETIRE-STAR")))
                .post(BASE + "/honors/runs").then().statusCode(201).body("results[0].winners.employeeId", contains("N1"));
        // only hr and admin, who define awards, retire them
        for (String token : List.of(AGENT_N2, SUPERVISOR, TestApi.QA, TestApi.RECORDS_WRITER)) {
            as(token).post(BASE + "/honors/awards/RETIRE-STAR/retire").then().statusCode(403)
                    .body("type", is(PROBLEMS + "forbidden"));
        }
        as(HR).header("If-Match", "\"2\"").post(BASE + "/honors/awards/RETIRE-STAR/retire").then().statusCode(412)
                .body("type", is(PROBLEMS + "precondition-failed"));
        as(TestApi.ADMIN).header("If-Match", "\"1\"").post(BASE + "/honors/awards/RETIRE-STAR/retire").then()
                .statusCode(200).header("ETag", "\"1-retired\"").body("retiredBy", is("AD1"));

        as(HR).get(BASE + "/honors/awards").then().statusCode(200).body("code", not(hasItem("RETIRE-STAR")));
        as(HR).queryParam("includeRetired", true).get(BASE + "/honors/awards").then().statusCode(200)
                .body("code", hasItem("RETIRE-STAR"));
        as(HR).get(BASE + "/honors/awards/RETIRE-STAR").then().statusCode(200).body("retiredBy", is("AD1"));
        as(HR).queryParam("awardCode", "RETIRE-STAR").get(BASE + "/honors/history").then().statusCode(200)
                .body("employeeId", contains("N1"));
        as(HR).body(Map.of("period", "2026-09", "unitCode", "H-1", "awardCodes", List.of("RETIRE-STAR")))
                .post(BASE + "/honors/runs").then().statusCode(409).body("type", is(PROBLEMS + "conflict"));
        as(HR).body(Map.of("period", "2026-09", "unitCode", "H-1")).post(BASE + "/honors/runs").then()
                .body("results.awardCode", not(hasItem("RETIRE-STAR")));
        as(HR).body(award).post(BASE + "/honors/awards").then().statusCode(409);
    }

    @Test
    void theMonthsWinnerIsTheBestEligibleAgentWithTheReason() {
        // N3 has the best CSAT but too few calls; N1 and N2 tie on CSAT and FCR settles it
        september.then()
                .body("period", is("2026-09")).body("unitCode", is("H-1"))
                .body("results", hasSize(1))
                .body("results[0].awardCode", is("SERVICE-STAR"))
                .body("results[0].awardVersion", is(1))
                .body("results[0].candidates", is(3)).body("results[0].eligible", is(2))
                .body("results[0].changed", is(true))
                .body("results[0].winners.employeeId", contains("N1"))
                .body("results[0].winners[0].place", is(1))
                .body("results[0].winners[0].value", is(money("4.9")))
                .body("results[0].winners[0].reason", is("csat 4.9, 1st of 2 eligible (higher is better); tied on "
                        + "csat, ahead of N2 on tie-breaker fcr 0.9 vs 0.8"));
    }

    @Test
    void aQuarterlyAwardReadsTheQuartersMonthsAndExcludesAnyFailedMonth() {
        // N2 failed July; N3 has 4,400 calls in the quarter; N1's mean total is (88 + 91 + 93) / 3
        quarter.then()
                .body("results[0].awardCode", is("ALL-ROUND"))
                .body("results[0].candidates", is(3)).body("results[0].eligible", is(1))
                .body("results[0].winners[0].employeeId", is("N1"))
                .body("results[0].winners[0].value", is(money("90.6667")))
                .body("results[0].winners[0].reason", is("score 90.6667, 1st of 1 eligible (higher is better)"));
    }

    @Test
    void judgingAgainWithTheSameFiguresAnswersTheLiveJudgement() {
        as(HR).body(Map.of("period", "2026-09", "unitCode", "H-1", "awardCodes", List.of("SERVICE-STAR")))
                .post(BASE + "/honors/runs").then().statusCode(201)
                .body("results[0].changed", is(false))
                .body("results[0].honorRunId", is(september.jsonPath().getInt("results[0].honorRunId")));
    }

    @Test
    void theHistoryListsHonorsPerAgentAndPerAwardToEveryone() {
        as(AGENT_N2).queryParam("employeeId", "N1").get(BASE + "/honors/history").then().statusCode(200)
                .body("awardCode", contains("ALL-ROUND", "SERVICE-STAR"))
                .body("period", contains("2026-Q3", "2026-09"))
                .body("[1].awardName", is("Service Star"))
                .body("[1].reason", containsString("ahead of N2"));
        as(SUPERVISOR).queryParam("awardCode", "SERVICE-STAR").queryParam("unitCode", "H-1")
                .get(BASE + "/honors/history").then().statusCode(200)
                .body("employeeId", contains("N1"));
        as(HR).queryParam("period", "2026-Q5").get(BASE + "/honors/history").then().statusCode(400)
                .body("field", is("period"));
    }

    @Test
    void aPlanPaysThePrizesOfTheMonthAndListsTheQuartersHonor() {
        as(HR).body(List.of(Map.of("employeeId", "N1", "monthlySalary", "5000", "currency", "CNY", "effectiveFrom", "2026-01-01")))
                .put(BASE + "/salaries").then().statusCode(200);
        as(HR).body(Map.of("code", "HONOR-PAY", "name", "With honors", "currency", "CNY", "performancePayShare", 0.3,
                        "gradeCoefficients", Map.of("excellent", 1.1, "good", 1, "fail", 0),
                        "honorPrizes", Map.of("SERVICE-STAR", 500, "ALL-ROUND", 0)))
                .post(BASE + "/plans").then().statusCode(201);
        Response run = as(HR).body(Map.of("planCode", "HONOR-PAY", "period", "2026-09", "unitCode", "H-1"))
                .post(BASE + "/runs");
        run.then().statusCode(201)
                .body("statements.find { it.employeeId == 'N1' }.lines.kind",
                        contains("performance-pay", "honor", "honor"))
                .body("statements.find { it.employeeId == 'N1' }.lines.amount",
                        contains(money("1650.00"), money("500.00"), null))
                .body("statements.find { it.employeeId == 'N1' }.lines.monetary", contains(true, true, false))
                .body("statements.find { it.employeeId == 'N1' }.lines[1].explanation", is("Service Star 2026-09, "
                        + "place 1 (csat 4.9, 1st of 2 eligible (higher is better); tied on csat, ahead of N2 on "
                        + "tie-breaker fcr 0.9 vs 0.8): prize 500.00"))
                .body("statements.find { it.employeeId == 'N1' }.lines[2].explanation", is("All-round award 2026-Q3, "
                        + "place 1 (score 90.6667, 1st of 1 eligible (higher is better))"))
                .body("statements.find { it.employeeId == 'N1' }.total", is(money("2150.00")))
                .body("statements.find { it.employeeId == 'N2' }.lines", hasSize(1))
                .body("statements.find { it.employeeId == 'N2' }.total", nullValue());
    }

    @Test
    void awardsAreCheckedFieldByField() {
        assertInvalid(Map.of("code", "X", "name", "X", "cadence", "MONTHLY", "winners", 1), "rankBy");
        assertInvalid(Map.of("code", "X", "name", "X", "cadence", "MONTHLY", "winners", 1,
                "rankBy", Map.of("measure", "CSAT!")), "rankBy.measure");
        assertInvalid(Map.of("code", "X", "name", "X", "cadence", "MONTHLY", "winners", 0,
                "rankBy", Map.of("measure", "csat")), "winners");
        assertInvalid(Map.of("code", "X", "name", "X", "winners", 1, "rankBy", Map.of("measure", "csat")),
                "cadence");
        assertInvalid(Map.of("code", "X", "name", "X", "cadence", "MONTHLY", "winners", 1,
                "rankBy", Map.of("measure", "csat"), "eligibility", List.of(Map.of("measure", "calls_handled"))),
                "eligibility[0]");
        assertInvalid(Map.of("code", "X", "name", "X", "cadence", "MONTHLY", "winners", 1,
                "rankBy", Map.of("measure", "csat"), "tieBreakers", List.of(Map.of("measure", ""))),
                "tieBreakers[0].measure");
        as(HR).get(BASE + "/honors/awards/X").then().statusCode(404).body("type", is(PROBLEMS + "not-found"));
        as(AGENT_N2).get(BASE + "/honors/awards").then().statusCode(200)
                .body("code", contains("ALL-ROUND", "SERVICE-STAR"));
    }

    private static void assertInvalid(Map<String, Object> award, String field) {
        as(HR).body(award).post(BASE + "/honors/awards").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is(PROBLEMS + "invalid-field")).body("field", is(field));
    }

    @Test
    void badHonorRunsAreProblemsNamingTheField() {
        honorRunInvalid(Map.of("period", "2026-13", "unitCode", "H-1"), "period");
        honorRunInvalid(Map.of("period", "2026-09"), "unitCode");
        honorRunInvalid(Map.of("period", "2026-09", "unitCode", "H-1", "awardCodes", List.of("NOPE")),
                "awardCodes[0]");
        honorRunInvalid(Map.of("period", "2026-09", "unitCode", "H-1", "awardCodes", List.of("ALL-ROUND")),
                "awardCodes[0]");
        as(HR).body(Map.of("period", "2026-09", "unitCode", "H-EMPTY")).post(BASE + "/honors/runs").then()
                .statusCode(409).body("type", is(PROBLEMS + "scores-not-published"));
    }

    private static void honorRunInvalid(Map<String, Object> input, String field) {
        as(HR).body(input).post(BASE + "/honors/runs").then().statusCode(400)
                .body("type", is(PROBLEMS + "invalid-field")).body("field", is(field));
    }

    @Test
    void honorEndpointsWantATokenAndTheRightRole() {
        for (String[] e : new String[][]{{"POST", "/honors/awards"}, {"GET", "/honors/awards"},
                {"GET", "/honors/awards/SERVICE-STAR"}, {"POST", "/honors/runs"}, {"GET", "/honors/history"}}) {
            var anonymous = given().contentType("application/json");
            if (!e[0].equals("GET")) {
                anonymous.body("{}");
            }
            anonymous.request(e[0], BASE + e[1]).then().statusCode(401);
        }
        as(AGENT_N2).body(serviceStar()).post(BASE + "/honors/awards").then().statusCode(403)
                .body("type", is(PROBLEMS + "forbidden"));
        as(SUPERVISOR).body(Map.of("period", "2026-09", "unitCode", "H-1")).post(BASE + "/honors/runs").then()
                .statusCode(403);
        as(TestApi.RECORDS_WRITER).body(Map.of("period", "2026-09", "unitCode", "H-1")).post(BASE + "/honors/runs")
                .then().statusCode(403);
    }
}
