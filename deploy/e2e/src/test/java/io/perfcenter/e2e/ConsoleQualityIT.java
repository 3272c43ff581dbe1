package io.perfcenter.e2e;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quality and coaching loop in the console, in Debian's Chromium against the packaged suite (the shared
 * {@link RunningSuite}), with data of its own made through the public API: group CQG (supervisor CQS1) with agents
 * CQA1 and CQA2 and a published October whose weakest item is "stretch" (calls_handled 2,412 against a target of
 * 4,824: half of its points; "volume" reaches its target of 2,000 in full); group CQG2 (CQS2) with agent CQB1.
 * The supervisor opens a coaching session from CQA1's month, sees the agenda name "stretch" first, writes an action;
 * the agent finds the session from their month and acknowledges it, and the coach's acknowledgement closes it. The
 * supervisor makes an improvement plan for CQA1, who sees it and checks in. QA specialist CQQ1 answers a calibration
 * session blind after CQQ2 did and sees the spread worked out by hand. hr starts a mentorship and ends it with its
 * verdict. CQB1's page is refused to CQS1. QA specialist CQQ3 defines a QA form and its next version from the console,
 * draws a sampling plan of CQG's last month, sees its assignments and progress, tops it up with a late call, and opens a
 * calibration session that its evaluators CQQ1 and CQQ2 find awaiting them; a supervisor and an agent are refused the
 * QA pages. A screenshot of every page is kept under
 * {@code target/console-quality-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleQualityIT {

    private static final Path SCREENSHOTS = Path.of("target/console-quality-screenshots");
    private static final String PERIOD = "2026-10";

    private static RunningSuite running;
    private static String gw;
    private static ConsoleBrowser console;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        running = RunningSuite.get();
        gw = running.suite.gatewayUrl();
        seed();
        console = ConsoleBrowser.open(running, SCREENSHOTS, false);
        browser = console.driver();
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
    }

    private static RequestSpecification as(String employeeId, String role) {
        return running.as(employeeId, role);
    }

    /** Two groups, three agents, October's calls, a template of two items on them, the run published. */
    private static void seed() {
        as("CQH1", "hr").body(List.of(Map.of("code", "CQC", "name", "Quality center", "kind", "CENTER"),
                        Map.of("code", "CQG", "name", "Quality group", "kind", "GROUP", "parentCode", "CQC",
                                "leaderEmployeeId", "CQS1"),
                        Map.of("code", "CQG2", "name", "Other group", "kind", "GROUP", "parentCode", "CQC",
                                "leaderEmployeeId", "CQS2")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(3));
        for (String[] agent : new String[][]{{"CQA1", "CQG"}, {"CQA2", "CQG"}, {"CQB1", "CQG2"}}) {
            as("CQH1", "hr").body(Map.of("employeeId", agent[0], "name", "Agent " + agent[0], "position", "seat",
                    "unitCode", agent[1], "memberFrom", "2026-01-01")).post("/api/v1/metrics/org/agents").then()
                    .statusCode(201);
        }
        // October: CQA1 handles 30 × 78 + 72 = 2,412 calls, CQA2 31 × 58 = 1,798
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int day = 1; day <= 31; day++) {
            rows.add(calls("CQA1", day, day < 31 ? 78 : 72));
            rows.add(calls("CQA2", day, 58));
        }
        as(null, "records-writer").body(rows).post("/api/v1/metrics/values").then().statusCode(200)
                .body("accepted", equalTo(62));
        as("CQH1", "hr").body(Map.of("code", "CQSEAT", "name", "Seat with a stretch target", "position", "seat",
                        "items", List.of(
                                Map.of("code", "volume", "name", "Volume", "category", "results",
                                        "metricCode", "calls_handled", "weight", 50,
                                        "rule", Map.of("type", "target-achievement", "target", 2000, "points", 100)),
                                Map.of("code", "stretch", "name", "Stretch volume", "category", "results",
                                        "metricCode", "calls_handled", "weight", 50,
                                        "rule", Map.of("type", "target-achievement", "target", 4824, "points", 100))),
                        "gradeBands", List.of(Map.of("grade", "excellent", "minScore", 90),
                                Map.of("grade", "fail", "minScore", 0))))
                .post("/api/v1/scoring/templates").then().statusCode(201);
        long run = as("CQH1", "hr").body(Map.of("templateCode", "CQSEAT", "unitCode", "CQG", "period", PERIOD))
                .post("/api/v1/scoring/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        as("CQH1", "hr").post("/api/v1/scoring/runs/" + run + "/publish").then().statusCode(200);
        // CQA1's card: volume 100 of 100 (2,412 ÷ 2,000 capped at 1), stretch 50 of 100 (2,412 ÷ 4,824)
        as("CQA1", "agent").queryParam("employeeId", "CQA1").queryParam("period", PERIOD)
                .get("/api/v1/scoring/scorecards").then().statusCode(200).body("[0].status", equalTo("PUBLISHED"))
                .body("[0].total", equalTo(75.0f));
    }

    private static Map<String, Object> calls(String agent, int day, int calls) {
        return Map.of("sourceSystem", "acd", "externalId", "cq-calls-" + agent + "-" + day, "employeeId", agent,
                "metricCode", "calls_handled", "date", String.format("2026-10-%02d", day), "value", calls);
    }

    // ---- the browser ----

    private static WebDriverWait waiting() {
        return console.waiting();
    }

    private static void screenshot(String name) {
        console.screenshot(name);
    }

    /** Signs the browser in as a person of this test's own data (the sign-in page offers only the demo people). */
    private static void signInAs(String employeeId, String role) {
        console.signInWithCookie(employeeId, role);
    }

    private static void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    /** Submits a form by its button and waits for the next page. */
    private static void submit(By button) {
        WebElement old = browser.findElement(By.tagName("html"));
        WebElement b = browser.findElement(button);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", b);
        b.click();
        waiting().until(ConsoleBrowser.gone(old));
    }

    private static String text(By by) {
        return browser.findElement(by).getText();
    }

    // ---- coaching ----

    @Test
    @Order(1)
    void theSupervisorOpensACoachingSessionFromTheScorecardAndTheAgentAcknowledgesIt() {
        signInAs("CQS1", "supervisor");
        browser.get(gw + "/console/agents/CQA1?period=" + PERIOD);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("open-coaching")));
        screenshot("agent-month-with-coaching");
        submit(By.id("open-coaching"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("agenda")));
        assertTrue(browser.getCurrentUrl().contains("/console/quality/coaching/"), browser.getCurrentUrl());
        String session = browser.getCurrentUrl().replaceAll(".*/coaching/(\\d+).*", "$1");
        // the weakest item first: stretch, 50 of 100 points
        List<WebElement> agenda = browser.findElements(By.cssSelector("#agenda li.agenda-item"));
        assertEquals(2, agenda.size(), "both scored items are proposed (agenda of 3, two items)");
        assertEquals("agenda-stretch", agenda.get(0).getAttribute("id"));
        assertTrue(agenda.get(0).getText().contains("50 / 100"), agenda.get(0).getText());
        screenshot("coaching-session-agenda");

        // the coach writes the notes and an action
        browser.findElement(By.id("session-notes")).sendKeys("Went through the stretch target together");
        browser.findElement(By.id("action-text-1")).sendKeys("Take 10 more calls a day in the peak hour");
        browser.findElement(By.id("action-owner-1")).sendKeys("CQA1");
        setValue(browser.findElement(By.id("action-due-1")), "2026-12-31");
        screenshot("coaching-session-notes-form");
        submit(By.id("save-notes"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("notes-form")));
        assertEquals("Take 10 more calls a day in the peak hour",
                browser.findElement(By.id("action-text-1")).getAttribute("value"));

        // the agent finds it from their month and acknowledges
        signInAs("CQA1", "agent");
        browser.get(gw + "/?period=" + PERIOD);
        submit(By.id("quality-link"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("session-link-" + session)));
        screenshot("agent-quality-page");
        submit(By.id("session-link-" + session));
        assertTrue(browser.findElement(By.cssSelector("table.actions")).getText()
                .contains("Take 10 more calls a day in the peak hour"));
        assertTrue(browser.findElements(By.id("notes-form")).isEmpty(), "the agent does not edit the notes");
        browser.findElement(By.id("ack-comment")).sendKeys("Agreed");
        submit(By.id("acknowledge"));
        assertTrue(text(By.id("agent-ack")).contains("Agreed"), text(By.id("agent-ack")));
        assertEquals("open", text(By.id("session-status")));
        screenshot("coaching-session-agent-acknowledged");

        // the coach's acknowledgement closes it
        signInAs("CQS1", "supervisor");
        browser.get(gw + "/console/quality/coaching/" + session);
        submit(By.id("acknowledge"));
        assertEquals("closed", text(By.id("session-status")));
        assertFalse(browser.findElements(By.id("session-closed")).isEmpty());
        assertTrue(browser.findElements(By.id("notes-form")).isEmpty(), "read-only once closed");
        screenshot("coaching-session-closed");
    }

    // ---- improvement plans ----

    @Test
    @Order(2)
    void aLeaderMakesAnImprovementPlanAndTheAgentSeesItAndChecksIn() {
        signInAs("CQS1", "supervisor");
        browser.get(gw + "/console/quality/agents/CQA1?period=" + PERIOD);
        browser.findElement(By.cssSelector("#new-plan summary")).click();
        LocalDate due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(28);
        setValue(browser.findElement(By.id("plan-due")), due.toString());
        browser.findElement(By.id("plan-metric")).sendKeys("calls_handled");
        new Select(browser.findElement(By.id("plan-comparison"))).selectByValue("AT_LEAST");
        browser.findElement(By.id("plan-value")).sendKeys("80");
        new Select(browser.findElement(By.id("plan-window"))).selectByValue("WEEK");
        WebElement consecutive = browser.findElement(By.id("plan-consecutive"));
        consecutive.clear();
        consecutive.sendKeys("2");
        browser.findElement(By.id("plan-reason")).sendKeys("Stretch volume at half its points in October");
        screenshot("improvement-plan-form");
        submit(By.id("create-plan"));
        assertTrue(browser.getCurrentUrl().contains("#plan-"), browser.getCurrentUrl());
        String plan = browser.getCurrentUrl().replaceAll(".*#plan-(\\d+).*", "$1");
        WebElement article = browser.findElement(By.id("plan-" + plan));
        assertTrue(article.getText().contains("calls_handled"), article.getText());
        assertEquals("in progress", article.findElement(By.className("plan-status")).getText());
        screenshot("improvement-plan-created");

        signInAs("CQA1", "agent");
        browser.get(gw + "/console/quality/agents/CQA1?period=" + PERIOD);
        article = browser.findElement(By.id("plan-" + plan));
        assertTrue(article.getText().contains("Stretch volume at half its points in October"), article.getText());
        assertTrue(browser.findElements(By.id("plan-form")).isEmpty(), "an agent makes no plans");
        browser.findElement(By.id("check-in-" + plan)).sendKeys("Peak-hour calls up this week");
        submit(By.cssSelector("#plan-" + plan + " form[action$='/check-ins'] button"));
        assertTrue(browser.findElement(By.id("plan-" + plan)).findElement(By.className("check-ins")).getText()
                .contains("CQA1 (AGENT): Peak-hour calls up this week"));
        screenshot("improvement-plan-agent");
    }

    // ---- QA calibration ----

    @Test
    @Order(3)
    void aQaSpecialistAnswersACalibrationBlindAndSeesTheVariance() {
        as("CQQ2", "qa").body(Map.of("code", "CQFORM", "name", "Call quality", "sections", List.of(Map.of("code",
                        "all", "name", "All", "items", List.of(
                                Map.of("code", "greeting", "name", "Greeting", "weight", 10, "answer", "SCALE",
                                        "scaleMax", 2),
                                Map.of("code", "risk_disclosure", "name", "Risk disclosed", "weight", 10,
                                        "answer", "YES_NO", "critical", "ZERO"))))))
                .post("/api/v1/metrics/qa/forms").then().statusCode(201);
        as(null, "records-writer").body(List.of(Map.of("sourceSystem", "crm", "externalId", "cq-call-1",
                        "employeeId", "CQA1", "startedAt", "2026-10-14T09:00:00Z", "talkSeconds", 300)))
                .post("/api/v1/metrics/records/calls").then().statusCode(200);
        long session = as("CQQ2", "qa").body(Map.of("employeeId", "CQA1", "contactExternalId", "cq-call-1",
                        "formCode", "CQFORM", "formVersion", 1, "evaluators", List.of("CQQ1", "CQQ2"),
                        "note", "Monthly calibration")).post("/api/v1/metrics/qa/calibrations").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        // CQQ2: greeting 1 of 2 (5 of 10 points) and the disclosure (10 of 10): 15 of 20 = 75.00
        as("CQQ2", "qa").body(Map.of("items", Map.of("greeting", 1, "risk_disclosure", "yes")))
                .put("/api/v1/metrics/qa/calibrations/" + session + "/answers").then().statusCode(200);

        signInAs("CQQ1", "qa");
        browser.get(gw + "/console/quality/calibrations");
        assertTrue(browser.findElement(By.id("calibration-link-" + session)).findElement(By.xpath("../.."))
                .getAttribute("class").contains("awaits-me"), "CQQ1's answers are awaited");
        screenshot("calibrations");
        submit(By.id("calibration-link-" + session));
        // blind: CQQ2's answers and the spread are not shown before CQQ1 answers
        assertFalse(browser.findElements(By.id("withheld")).isEmpty());
        assertTrue(browser.findElements(By.id("score-variance")).isEmpty());
        assertFalse(browser.getPageSource().contains("id=\"evaluator-CQQ2\""));
        screenshot("calibration-blind");
        // CQQ1: greeting 2 of 2 (10) and the disclosure (10): 20 of 20 = 100.00
        new Select(browser.findElement(By.id("answer-greeting"))).selectByValue("2");
        new Select(browser.findElement(By.id("answer-risk_disclosure"))).selectByValue("yes");
        submit(By.id("submit-answers"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("score-variance")));
        // mean (100 + 75) ÷ 2 = 87.50; variance ((12.5)² + (12.5)²) ÷ 2 = 156.25; deviations ±12.50
        assertEquals("87.5", text(By.id("mean-score")));
        assertEquals("156.25", text(By.id("score-variance")));
        assertEquals("+12.5", browser.findElement(By.id("evaluator-CQQ1")).findElement(By.className("deviation"))
                .getText());
        assertEquals("-12.5", browser.findElement(By.id("evaluator-CQQ2")).findElement(By.className("deviation"))
                .getText());
        // greeting: 10 and 5 points, mean 7.5, variance 6.25
        WebElement greeting = browser.findElement(By.id("spread-greeting"));
        assertEquals("7.5", greeting.findElements(By.tagName("td")).get(2).getText());
        assertEquals("6.25", greeting.findElement(By.className("variance")).getText());
        ((JavascriptExecutor) browser).executeScript("document.getElementById('results').scrollIntoView();");
        screenshot("calibration-results");
    }

    // ---- mentoring ----

    @Test
    @Order(4)
    void hrStartsAMentorshipAndEndsItWithItsVerdictWhichTheLeaderReads() {
        signInAs("CQH1", "hr");
        browser.get(gw + "/console/quality/mentoring?unitCode=CQG");
        browser.findElement(By.id("mentor-id")).sendKeys("CQA1");
        browser.findElement(By.id("mentee-id")).sendKeys("CQA2");
        setValue(browser.findElement(By.id("mentoring-from")), "2026-10-01");
        setValue(browser.findElement(By.id("mentoring-to")), "2026-10-31");
        browser.findElement(By.id("mentoring-metric")).sendKeys("calls_handled");
        browser.findElement(By.id("mentoring-at-least")).sendKeys("1000");
        screenshot("mentoring-form");
        submit(By.id("start-mentorship-button"));
        WebElement row = browser.findElement(By.cssSelector("tr.mentorship-row"));
        String id = row.getAttribute("id").replace("mentorship-", "");
        assertEquals("due", row.findElement(By.className("mentorship-status")).getText(), row.getText());
        submit(By.id("end-" + id));
        row = browser.findElement(By.id("mentorship-" + id));
        assertEquals("passed", row.findElement(By.className("mentorship-status")).getText(), row.getText());
        assertTrue(row.findElement(By.className("mentorship-reason")).getText().contains("calls_handled"),
                row.getText());
        screenshot("mentoring-ended");

        signInAs("CQS1", "supervisor");
        browser.get(gw + "/console/quality/mentoring");
        assertEquals("passed", browser.findElement(By.id("mentorship-" + id))
                .findElement(By.className("mentorship-status")).getText());
        assertTrue(browser.findElements(By.id("mentorship-form")).isEmpty(), "only hr starts mentorships");
        screenshot("mentoring-leader");
    }

    // ---- scope ----

    @Test
    @Order(5)
    void anotherUnitsAgentIsRefused() {
        signInAs("CQS1", "supervisor");
        browser.get(gw + "/console/quality/agents/CQB1?period=" + PERIOD);
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("CQB1 is not an agent you may see, or is unknown."), page);
        assertTrue(browser.findElements(By.id("coaching")).isEmpty());
        screenshot("quality-other-unit-refused");
        // nor may the supervisor open a session on that agent's card, whatever the form says
        signInAs("CQS2", "supervisor");
        browser.get(gw + "/console/quality/agents/CQB1?period=" + PERIOD);
        assertFalse(browser.findElements(By.id("coaching")).isEmpty(), "their own leader sees the page");
    }

    // ---- QA forms, sampling plans, opening a calibration session ----

    /**
     * The month the sampling plan draws from: last month in the center's zone, so that the plan is still open to
     * top-ups (PERFCENTER_QA_TOP_UP_DAYS, 31 days after its end).
     */
    private static final YearMonth SAMPLED = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);

    /** Calls of the sampled month, cq-smp-AGENT-n on day 2 + n (10:00 in the center's zone). */
    private static void sampledCalls(String agent, int... numbers) {
        List<Map<String, Object>> calls = new ArrayList<>();
        for (int n : numbers) {
            calls.add(Map.of("sourceSystem", "crm", "externalId", "cq-smp-" + agent + "-" + n, "employeeId", agent,
                    "startedAt", SAMPLED.atDay(2 + n) + "T02:00:00Z", "talkSeconds", 240));
        }
        as(null, "records-writer").body(calls).post("/api/v1/metrics/records/calls").then().statusCode(200);
    }

    @Test
    @Order(6)
    void aQaSpecialistDefinesAFormDrawsASamplingPlanTopsItUpAndOpensACalibrationTheEvaluatorsSee() {
        sampledCalls("CQA1", 1, 2);
        sampledCalls("CQA2", 1, 2);
        signInAs("CQQ3", "qa");
        browser.findElement(By.id("nav-qa-forms")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("qa-form-form")));
        // a new form: a scale item in section "open", a critical yes/no item that allows n/a in the same section
        browser.findElement(By.id("qa-form-code")).sendKeys("CQFORM2");
        browser.findElement(By.id("qa-form-name")).sendKeys("Call quality, console");
        browser.findElement(By.id("section-code-1")).sendKeys("open");
        browser.findElement(By.id("section-name-1")).sendKeys("Opening");
        browser.findElement(By.id("item-code-1")).sendKeys("greeting");
        browser.findElement(By.id("item-name-1")).sendKeys("Greeting");
        browser.findElement(By.id("item-weight-1")).sendKeys("10");
        browser.findElement(By.id("item-scale-max-1")).sendKeys("2");
        browser.findElement(By.id("item-code-2")).sendKeys("risk");
        browser.findElement(By.id("item-name-2")).sendKeys("Risk disclosed");
        browser.findElement(By.id("item-weight-2")).sendKeys("10");
        new Select(browser.findElement(By.id("item-answer-2"))).selectByValue("YES_NO");
        new Select(browser.findElement(By.id("item-na-2"))).selectByValue("true");
        new Select(browser.findElement(By.id("item-critical-2"))).selectByValue("ZERO");
        screenshot("qa-form-new");
        submit(By.id("define-qa-form"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/qa/forms/CQFORM2/versions/1"), browser.getCurrentUrl());
        assertEquals("ZERO", browser.findElement(By.id("item-risk")).findElement(By.className("critical")).getText());
        assertFalse(browser.findElements(By.id("section-open")).isEmpty(), "both items in section open");
        // the next version starts from version 1's rows: the greeting weighs 20 now
        WebElement weight = browser.findElement(By.id("item-weight-1"));
        assertEquals("10", weight.getAttribute("value"));
        weight.clear();
        weight.sendKeys("20");
        submit(By.id("define-qa-form"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/qa/forms/CQFORM2/versions/2"), browser.getCurrentUrl());
        assertEquals("20", browser.findElement(By.id("item-greeting")).findElements(By.tagName("td")).get(2)
                .getText());
        screenshot("qa-form-version-2");
        browser.get(gw + "/console/qa/forms");
        assertEquals(2, browser.findElement(By.id("qa-form-CQFORM2")).findElements(By.className("qa-form-version"))
                .size(), "both versions are listed");

        // a sampling plan of CQG's last month: both agents, up to 3 calls each (each has 2), spread over CQQ1 and CQQ2
        browser.findElement(By.id("nav-sampling")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sampling-form")));
        browser.findElement(By.id("sampling-unit")).sendKeys("CQG");
        setValue(browser.findElement(By.id("sampling-period")), SAMPLED.toString());
        setValue(browser.findElement(By.id("sampling-share")), "1");
        setValue(browser.findElement(By.id("sampling-per-agent")), "3");
        browser.findElement(By.id("sampling-evaluators")).sendKeys("CQQ1, CQQ2");
        new Select(browser.findElement(By.id("sampling-form-code"))).selectByValue("CQFORM2");
        browser.findElement(By.id("sampling-seed")).sendKeys("7");
        screenshot("sampling-plan-form");
        submit(By.id("draw-sampling-plan"));
        assertTrue(browser.getCurrentUrl().matches(".*/console/qa/sampling/\\d+$"), browser.getCurrentUrl());
        String plan = browser.getCurrentUrl().replaceAll(".*/sampling/(\\d+)$", "$1");
        assertEquals("2 / 2", text(By.id("sampling-agents")));
        assertEquals("4", text(By.id("sampling-planned")), "all four calls of the month");
        assertEquals("0", text(By.id("sampling-done")));
        List<WebElement> assignments = browser.findElements(By.cssSelector("tr.assignment-row"));
        assertEquals(4, assignments.size());
        for (WebElement a : assignments) {
            String evaluator = a.findElement(By.className("assignment-evaluator")).getText();
            assertTrue(evaluator.equals("CQQ1") || evaluator.equals("CQQ2"), a.getText());
        }
        // each call goes to the evaluator with the fewest so far: two each
        assertEquals("2", browser.findElement(By.id("progress-CQQ1")).findElement(By.className("planned")).getText());
        assertEquals("2", browser.findElement(By.id("progress-CQQ2")).findElement(By.className("planned")).getText());
        assertFalse(browser.findElements(By.id("no-rounds")).isEmpty());
        screenshot("sampling-plan");
        // a call of CQA1's arrives late: the top-up adds it as round 1 (CQA1 and CQA2 were one call short each)
        sampledCalls("CQA1", 3);
        submit(By.id("top-up"));
        assertEquals("1", browser.findElement(By.id("round-1")).findElement(By.className("added")).getText());
        assertEquals("5", text(By.id("sampling-planned")));
        assertFalse(browser.findElements(By.id("assignment-cq-smp-CQA1-3")).isEmpty());
        screenshot("sampling-plan-topped-up");
        browser.get(gw + "/console/qa/sampling?period=" + SAMPLED + "&unitCode=CQG");
        assertFalse(browser.findElements(By.id("sampling-link-" + plan)).isEmpty(), "the period's plan is listed");

        // a calibration session on one of CQA2's calls with version 2, CQQ1 and CQQ2 evaluating
        browser.get(gw + "/console/quality/calibrations");
        browser.findElement(By.id("calib-agent")).sendKeys("CQA2");
        browser.findElement(By.id("calib-interaction")).sendKeys("cq-smp-CQA2-1");
        browser.findElement(By.id("calib-form-code")).sendKeys("CQFORM2");
        setValue(browser.findElement(By.id("calib-form-version")), "2");
        browser.findElement(By.id("calib-evaluators")).sendKeys("CQQ1, CQQ2");
        browser.findElement(By.id("calib-note")).sendKeys("Calibration of a sampled call");
        screenshot("calibration-new");
        submit(By.id("open-calibration"));
        assertTrue(browser.getCurrentUrl().matches(".*/console/quality/calibrations/\\d+$"),
                browser.getCurrentUrl());
        String session = browser.getCurrentUrl().replaceAll(".*/calibrations/(\\d+)$", "$1");
        assertEquals("open", text(By.id("calibration-status")), "the status in words (CodeLabels)");
        assertTrue(browser.findElements(By.id("answers-form")).isEmpty(), "CQQ3 is not an evaluator");
        for (String evaluator : List.of("CQQ1", "CQQ2")) {
            signInAs(evaluator, "qa");
            browser.get(gw + "/console/quality/calibrations?status=OPEN");
            assertTrue(browser.findElement(By.id("calibration-link-" + session)).findElement(By.xpath("../.."))
                    .getAttribute("class").contains("awaits-me"), evaluator + "'s answers are awaited");
            submit(By.id("calibration-link-" + session));
            assertFalse(browser.findElements(By.id("answer-greeting")).isEmpty(), "version 2's items to answer");
            assertFalse(browser.findElements(By.id("answer-risk")).isEmpty());
        }
        screenshot("calibration-evaluator");

        // a supervisor (and an agent) may not: the pages refuse them and show no link
        for (String[] who : new String[][]{{"CQS1", "supervisor"}, {"CQA1", "agent"}}) {
            signInAs(who[0], who[1]);
            assertTrue(browser.findElements(By.id("nav-qa-forms")).isEmpty(), who[1] + " sees no QA forms link");
            for (String page : List.of("/console/qa/forms", "/console/qa/sampling/" + plan,
                    "/console/qa/forms/CQFORM2")) {
                browser.get(gw + page);
                String main = browser.findElement(By.tagName("main")).getText();
                assertTrue(main.contains("QA forms and sampling plans are for QA specialists, hr and admin."), main);
                assertFalse(main.contains("cq-smp-"), "nothing of the plan shows");
            }
            browser.get(gw + "/console/quality/calibrations");
            assertTrue(browser.findElement(By.tagName("main")).getText()
                    .contains("Calibration sessions are for QA specialists, hr and admin."));
        }
        screenshot("qa-pages-refused");
        // and the API refuses what the pages do not offer them
        as("CQS1", "supervisor").body(Map.of("unitCode", "CQG", "period", SAMPLED.toString(), "agentShare", 1,
                        "evaluationsPerAgent", 1, "evaluators", List.of("CQQ1")))
                .post("/api/v1/metrics/qa/sampling-plans").then().statusCode(403);
    }
}
