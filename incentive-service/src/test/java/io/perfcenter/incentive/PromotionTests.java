package io.perfcenter.incentive;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.perfcenter.incentive.DownstreamServices.InjectDownstream;
import io.perfcenter.incentive.TestApi.Card;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.perfcenter.incentive.TestApi.BASE;
import static io.perfcenter.incentive.TestApi.HR;
import static io.perfcenter.incentive.TestApi.PROBLEMS;
import static io.perfcenter.incentive.TestApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Career ladders, one agent's eligibility with what is missing, and a unit checked at once; scopes and problems. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(DownstreamServices.class)
class PromotionTests {

    static final String AGENT_P1 = TestTokens.token("P1", "agent");
    static final String AGENT_P2 = TestTokens.token("P2", "agent");
    static final String LEAD_OF_PR1 = TestTokens.token("S8", "supervisor");
    static final String LEAD_ELSEWHERE = TestTokens.token("S9", "supervisor");
    static final String MANAGER_ELSEWHERE = TestTokens.token("M9", "manager");

    @InjectDownstream
    WireMockServer downstream;

    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        // position and hire date are the org directory's (metrics-service); incentive keeps no copy
        TestApi.stubPerson(downstream, "P1", "seat", "2025-01-10", "PR-1");
        TestApi.stubPerson(downstream, "P2", "seat", "2026-03-01", "PR-1");
        TestApi.stubPerson(downstream, "P3", "group-lead", "2020-06-01", "PR-1");
        TestApi.stubPerson(downstream, "P4", "operations-manager", "2015-01-01", "PR-1");
        Map<String, String[]> members = new LinkedHashMap<>();
        members.put("P1", new String[]{"seat", "2025-01-10"});
        members.put("P2", new String[]{"seat", "2026-03-01"});
        members.put("P3", new String[]{"group-lead", "2020-06-01"});
        members.put("P4", new String[]{"operations-manager", "2015-01-01"});
        TestApi.stubMemberPeople(downstream, "PR-1", "2026-10-01", "2026-10-31", members);
        as(HR).body(ladder()).post(BASE + "/promotion/ladders").then().statusCode(201)
                .body("version", is(1)).body("steps", hasSize(3));

        // six months of the unit's scorecards (the group-lead step looks back six months)
        Map<String, String[]> grades = new LinkedHashMap<>();
        grades.put("P1", new String[]{"pass", "pass", "pass", "good", "excellent", "good"});
        grades.put("P2", new String[]{"good", "good", "good", "fail", "good", "excellent"});
        grades.put("P3", new String[]{"good", "excellent", "excellent", "excellent", "excellent", "excellent"});
        grades.put("P4", new String[]{"good", "good", "good", "good", "good", "good"});
        Map<String, List<Card>> byEmployee = new LinkedHashMap<>();
        for (int m = 0; m < 6; m++) {
            YearMonth month = YearMonth.of(2026, 5 + m);
            List<Card> cards = new ArrayList<>();
            int id = 0;
            for (Map.Entry<String, String[]> e : grades.entrySet()) {
                Card card = new Card(9000 + m * 10 + id++, e.getKey(), "PR-1", month.toString(), "85",
                        e.getValue()[m], 1);
                cards.add(card);
                byEmployee.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(card);
            }
            TestApi.stubScorecards(downstream, month.toString(), "PR-1", cards);
        }
        byEmployee.forEach((employee, cards) -> TestApi.stubScorecardsOf(downstream, employee, cards));
        TestApi.stubScorecards(downstream, "2026-10", "PR-EMPTY", List.of());

        Map<String, Map<String, Object>> three = new LinkedHashMap<>();
        three.put("P1", Map.of("mentoring_pass_rate", new BigDecimal("0.95")));
        three.put("P2", Map.of("mentoring_pass_rate", new BigDecimal("0.8")));
        Map<String, Map<String, Object>> six = new LinkedHashMap<>();
        six.put("P1", Map.of("suggestions_adopted", 3));
        six.put("P2", Map.of("rule_violations", 1));
        TestApi.stubAggregates(downstream, "PR-1", "2026-08-01", "2026-10-31", three, Map.of());
        TestApi.stubAggregates(downstream, "PR-1", "2026-05-01", "2026-10-31", six, Map.of());
        for (String employee : List.of("P1", "P2")) {
            TestApi.stubAgentAggregates(downstream, employee, "2026-08-01", "2026-10-31", three.get(employee));
            TestApi.stubAgentAggregates(downstream, employee, "2026-05-01", "2026-10-31", six.get(employee));
        }
        downstream.stubFor(get(urlPathEqualTo(TestApi.MY_UNITS)).atPriority(10).willReturn(okJson("[]")));
        downstream.stubFor(get(urlPathEqualTo(TestApi.MY_UNITS)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + LEAD_OF_PR1)).willReturn(okJson("[\"PR-1\"]")));
    }

    static Map<String, Object> ladder() {
        List<Map<String, Object>> seatRules = List.of(
                Map.of("type", "consecutiveGrades", "periods", 3, "grades", List.of("good", "excellent")),
                Map.of("type", "tenure", "months", 12),
                Map.of("type", "metric", "measure", "mentoring_pass_rate", "atLeast", 0.9, "periods", 3),
                Map.of("type", "metric", "measure", "suggestions_adopted", "atLeast", 2, "periods", 6),
                Map.of("type", "metric", "label", "no disciplinary deductions", "measure", "rule_violations",
                        "atMost", 0, "periods", 6, "passWhenMissing", true));
        return Map.of("code", "CAREER", "name", "Front-line career path",
                "positions", List.of("seat", "group-lead", "qa-specialist", "operations-manager"),
                "steps", List.of(
                        Map.of("from", "seat", "to", "group-lead", "rules", seatRules),
                        Map.of("from", "group-lead", "to", "qa-specialist", "rules", List.of(
                                Map.of("type", "consecutiveGrades", "periods", 6, "grades", List.of("excellent")))),
                        Map.of("from", "qa-specialist", "to", "operations-manager", "rules", List.of(
                                Map.of("type", "tenure", "months", 36)))));
    }

    private static String eligibility(String employee) {
        return BASE + "/promotion/eligibility/" + employee + "?ladderCode=CAREER&asOf=2026-10";
    }

    @Test
    void anAgentMeetingEveryRuleIsEligible() {
        as(AGENT_P1).get(eligibility("P1")).then().statusCode(200)
                .body("eligible", is(true)).body("currentPosition", is("seat"))
                .body("nextPosition", is("group-lead")).body("ladderVersion", is(1))
                .body("summary", is("eligible for group-lead: all 5 rules met"))
                .body("rules.passed", contains(true, true, true, true, true))
                .body("rules[2].actual", is(new BigDecimal("0.95")));
    }

    @Test
    void notYetNamesWhatIsMissingPerRule() {
        as(AGENT_P2).get(eligibility("P2")).then().statusCode(200)
                .body("eligible", is(false))
                .body("summary", is("not yet: 5 of 5 rules unmet"))
                .body("rules.type", contains("consecutiveGrades", "tenure", "metric", "metric", "metric"))
                .body("rules.missing", contains("1 more consecutive month graded good or excellent",
                        "4 more months of tenure", "0.1 more mentoring_pass_rate (at least 0.9)",
                        "a suggestions_adopted figure for 2026-05 to 2026-10", "rule_violations down by 1 (at most 0)"))
                .body("rules[0].explanation", is("2 consecutive months graded good or excellent up to 2026-10 "
                        + "(2026-08 was graded fail)"))
                .body("rules[4].rule", is("no disciplinary deductions"));
    }

    @Test
    void eligibilityIsAnsweredInTheLanguageOfAcceptLanguage() {
        as(AGENT_P2).header("Accept-Language", "zh-CN,zh;q=0.9").get(eligibility("P2")).then().statusCode(200)
                .header("Content-Language", "zh-CN")
                .body("eligible", is(false))
                .body("summary", is("暂不符合：5 条规则中有 5 条未满足"))
                .body("rules.missing", contains("还需连续 1 个月等级为 good 或 excellent", "还需任职 4 个月",
                        "mentoring_pass_rate 还差 0.1（至少 0.9）", "2026-05 至 2026-10 的 suggestions_adopted 数据",
                        "rule_violations 需降低 1（至多 0）"))
                .body("rules[0].explanation", is("截至 2026-10 连续 2 个月等级为 good 或 excellent（2026-08 的等级为 fail）"))
                .body("rules[0].rule", is("连续 3 个月等级为 good 或 excellent"))
                .body("rules[4].rule", is("no disciplinary deductions"))
                .body("rules[2].actual", is(new BigDecimal("0.8")));
        as(AGENT_P2).header("Accept-Language", "en-US").get(eligibility("P2")).then().statusCode(200)
                .header("Content-Language", "en")
                .body("summary", is("not yet: 5 of 5 rules unmet"))
                .body("rules[1].missing", is("4 more months of tenure"));
        as(AGENT_P2).get(eligibility("P2")).then().statusCode(200).header("Content-Language", "en")
                .body("rules[0].rule", is("3 consecutive months graded good or excellent"));
        as(HR).header("Accept-Language", "zh").body(Map.of("ladderCode", "CAREER", "unitCode", "PR-1", "asOf", "2026-10"))
                .post(BASE + "/promotion/checks").then().statusCode(200).header("Content-Language", "zh-CN")
                .body("results[1].rules.missing[1]", is("还需任职 4 个月"))
                .body("results[3].summary", is("没有更高一级"))
                .body("results[3].note", is("operations-manager 在晋升通道 CAREER 上没有更高一级"));
    }

    @Test
    void aUnitIsCheckedAtOnce() {
        downstream.resetRequests();
        as(HR).body(Map.of("ladderCode", "CAREER", "unitCode", "PR-1", "asOf", "2026-10"))
                .post(BASE + "/promotion/checks").then().statusCode(200)
                .body("agents", is(4)).body("eligibleCount", is(1))
                .body("results.employeeId", contains("P1", "P2", "P3", "P4"))
                .body("results.eligible", contains(true, false, false, false))
                .body("results[1].rules.missing[1]", is("4 more months of tenure"))
                // the group lead had one "good" in the six months before
                .body("results[2].nextPosition", is("qa-specialist"))
                .body("results[2].rules[0].missing", is("1 more consecutive month graded excellent"))
                .body("results[3].nextPosition", nullValue())
                .body("results[3].note", is("operations-manager has no step above it on ladder CAREER"));
        // the unit's people (positions, hire dates) in one call of the org directory, not one per agent
        downstream.verify(1, getRequestedFor(urlPathEqualTo(TestApi.ORG_UNITS + "PR-1/members")));
        downstream.verify(0, getRequestedFor(urlPathMatching(TestApi.ORG_AGENTS + ".*")));
    }

    @Test
    void eligibilityFollowsTheDataScope() {
        as(AGENT_P1).get(eligibility("P2")).then().statusCode(403).body("type", is(PROBLEMS + "out-of-scope"));
        as(LEAD_OF_PR1).get(eligibility("P2")).then().statusCode(200).body("eligible", is(false));
        as(LEAD_ELSEWHERE).get(eligibility("P2")).then().statusCode(403).body("type", is(PROBLEMS + "out-of-scope"));
        as(MANAGER_ELSEWHERE).body(Map.of("ladderCode", "CAREER", "unitCode", "PR-1", "asOf", "2026-10"))
                .post(BASE + "/promotion/checks").then().statusCode(403).body("type", is(PROBLEMS + "out-of-scope"));
        as(LEAD_OF_PR1).body(Map.of("ladderCode", "CAREER", "unitCode", "PR-1", "asOf", "2026-10"))
                .post(BASE + "/promotion/checks").then().statusCode(403).body("type", is(PROBLEMS + "forbidden"));
    }

    @Test
    void aSupervisorReadsWithTheirOwnTokenAndHrAsTheService() {
        // a supervisor's eligibility of their agent is read with the supervisor's token: scoring and metrics apply
        // the supervisor's own scope, so incentive never shows them more than they could read themselves
        as(LEAD_OF_PR1).header("X-Request-Id", "req-lead-p2").get(eligibility("P2")).then().statusCode(200);
        List<LoggedRequest> lead = downstream.findAll(getRequestedFor(anyUrl())
                .withHeader("X-Request-Id", equalTo("req-lead-p2")));
        assertTrue(lead.stream().anyMatch(r -> r.getUrl().startsWith(TestApi.SCORECARDS)), lead.toString());
        lead.forEach(r -> assertEquals("Bearer " + LEAD_OF_PR1, r.getHeader("Authorization"), r.getUrl()));
        // hr sees everything anyway: the reads are incentive-service's own, acting for H1
        as(HR).header("X-Request-Id", "req-hr-p2").get(eligibility("P2")).then().statusCode(200);
        List<LoggedRequest> hr = downstream.findAll(getRequestedFor(anyUrl())
                .withHeader("X-Request-Id", equalTo("req-hr-p2")));
        assertTrue(hr.stream().anyMatch(r -> r.getUrl().startsWith(TestApi.SCORECARDS)), hr.toString());
        hr.forEach(r -> {
            assertTrue(TestApi.bearerClaims(r).contains("\"sub\":\"incentive-service\""), r.getUrl());
            assertEquals("H1", r.getHeader("X-Acting-For"), r.getUrl());
        });
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        as(HR).get(BASE + "/promotion/eligibility/P1?asOf=2026-10").then().statusCode(400)
                .body("field", is("ladderCode"));
        as(HR).get(BASE + "/promotion/eligibility/P1?ladderCode=NOPE&asOf=2026-10").then().statusCode(400)
                .body("field", is("ladderCode"));
        as(HR).get(BASE + "/promotion/eligibility/P1?ladderCode=CAREER&asOf=2026-Q3").then().statusCode(400)
                .body("type", is(PROBLEMS + "invalid-field")).body("field", is("asOf"));
        as(HR).body(Map.of("ladderCode", "CAREER", "asOf", "2026-10")).post(BASE + "/promotion/checks").then()
                .statusCode(400).body("field", is("unitCode"));
        as(HR).body(Map.of("ladderCode", "CAREER", "unitCode", "PR-EMPTY", "asOf", "2026-10"))
                .post(BASE + "/promotion/checks").then().statusCode(409)
                .body("type", is(PROBLEMS + "scores-not-published"));
        ladderInvalid(Map.of("code", "L", "name", "L", "positions", List.of("seat")), "positions");
        ladderInvalid(twoStep("boss", List.of()), "steps[0].to");
        ladderInvalid(twoStep("lead", List.of(Map.of("type", "luck"))), "steps[0].rules[0].type");
        ladderInvalid(twoStep("lead", List.of(Map.of("type", "metric", "measure", "fcr", "periods", 3))),
                "steps[0].rules[0]");
        ladderInvalid(twoStep("lead", List.of(Map.of("type", "consecutiveGrades", "periods", 30,
                "grades", List.of("good")))), "steps[0].rules[0].periods");
        Map<String, Object> blankLabel = new java.util.HashMap<>(twoStep("lead", List.of(Map.of("type", "tenure",
                "months", 6))));
        blankLabel.put("nameZh", " ");
        ladderInvalid(blankLabel, "nameZh");
        as(HR).get(BASE + "/promotion/ladders/L").then().statusCode(404);
        as(AGENT_P1).get(BASE + "/promotion/ladders").then().statusCode(200).body("code", contains("CAREER"));
    }

    @Test
    void laddersAndAwardsKeepTheirChineseAndEnglishLabels() {
        Map<String, Object> ladder = new java.util.HashMap<>(twoStep("lead", List.of(Map.of("type", "tenure",
                "months", 6))));
        ladder.put("code", "LABELLED");
        ladder.put("nameZh", " 一线职业发展通道 ");
        ladder.put("nameEn", "Front-line career path");
        as(HR).body(ladder).post(BASE + "/promotion/ladders").then().statusCode(201);
        as(AGENT_P1).get(BASE + "/promotion/ladders/LABELLED").then().statusCode(200)
                .body("nameZh", is("一线职业发展通道")).body("nameEn", is("Front-line career path"));
        Map<String, Object> award = new java.util.HashMap<>(Map.of("code", "LABELLED-STAR", "name", "Star",
                "cadence", "MONTHLY", "rankBy", Map.of("measure", "score"), "winners", 1, "nameZh", "服务之星"));
        as(HR).body(award).post(BASE + "/honors/awards").then().statusCode(201)
                .body("nameZh", is("服务之星")).body("nameEn", nullValue());
        award.put("nameEn", "S".repeat(201));
        as(HR).body(award).post(BASE + "/honors/awards").then().statusCode(400).body("field", is("nameEn"));
        as(HR).get(BASE + "/honors/awards/LABELLED-STAR").then().statusCode(200).body("version", is(1));
    }

    private static Map<String, Object> twoStep(String to, List<Map<String, Object>> rules) {
        return Map.of("code", "L", "name", "L", "positions", List.of("seat", "lead"),
                "steps", List.of(Map.of("from", "seat", "to", to, "rules", rules)));
    }

    private static void ladderInvalid(Map<String, Object> ladder, String field) {
        as(HR).body(ladder).post(BASE + "/promotion/ladders").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is(PROBLEMS + "invalid-field")).body("field", is(field));
    }

    @Test
    void promotionEndpointsWantATokenAndTheRightRole() {
        for (String[] e : new String[][]{{"POST", "/promotion/ladders"}, {"GET", "/promotion/ladders"},
                {"GET", "/promotion/ladders/CAREER"}, {"GET", "/promotion/eligibility/P1"},
                {"POST", "/promotion/checks"}}) {
            var anonymous = given().contentType("application/json");
            if (!e[0].equals("GET")) {
                anonymous.body("{}");
            }
            anonymous.request(e[0], BASE + e[1]).then().statusCode(401);
        }
        as(AGENT_P1).body(ladder()).post(BASE + "/promotion/ladders").then().statusCode(403);
        as(TestApi.QA).get(eligibility("P1")).then().statusCode(403).body("type", is(PROBLEMS + "forbidden"));
        as(TestApi.RECORDS_WRITER).get(BASE + "/promotion/ladders").then().statusCode(403);
    }
}
