package io.perfcenter.e2e;

import io.perfcenter.launcher.DemoData;
import io.perfcenter.launcher.Launcher;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * hr's definition forms in a real browser (Debian's Chromium, as {@link ConsoleIT}) on the demo organisation, whose
 * last month has published scorecards for G-HOTLINE-1 (E3001, E3002, E3003): hr defines an award from the honors
 * page's form (a winners count that is no number first, refused by the API naming winners), runs the honors of last
 * month for the group with that award only and sees the agent with the highest scorecard total awarded it; defines a
 * ladder from the ladders page's rows and checks the group against it, the page agreeing with the API's check; on the
 * plans page stores a new plan from the field-by-field form pre-filled from the demo plan PERF (a share of 1.5 refused
 * naming performancePayShare), and its next version from the form pre-filled from that one, which keeps every field
 * it did not change. A supervisor is refused the pages and a post of the award form. Codes carry a suffix of the run,
 * so the test runs again on the same database. Screenshots under {@code target/console-define-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleDefineIT {

    private static final Path SCREENSHOTS = Path.of("target/console-define-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String UNIT = "G-HOTLINE-1";
    private static final String RUN = Long.toString(System.currentTimeMillis() % 46_656_000L, 36)
            .toUpperCase(Locale.ROOT);
    private static final String AWARD = "E2E-STAR-" + RUN;
    private static final String LADDER = "E2E-PATH-" + RUN;
    private static final String PLAN = "E2E-FORM-" + RUN;

    private static RunningSuite running;
    private static String gw;
    private static String month;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        running = RunningSuite.get();
        gw = running.suite.gatewayUrl();
        new DemoData(gw, Launcher.tokens(running.identity, Duration.ofMinutes(30))).load();
        month = YearMonth.now(Clock.system(ZoneId.of("Asia/Shanghai"))).minusMonths(1).toString();
        Files.createDirectories(SCREENSHOTS);
        browser = ConsoleIT.chromium();
        browser.manage().window().setSize(new Dimension(1400, 1100));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private static void screenshot(String name) {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signInAs(String employeeId) {
        browser.manage().deleteAllCookies();
        browser.get(gw + "/");
        waiting().until(ExpectedConditions.urlContains("/console/sign-in"));
        browser.findElement(By.id("sign-in-" + employeeId)).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
        assertTrue(browser.findElement(By.id("signed-in-as")).getText().contains(employeeId));
    }

    private static JsonPath api(String path) {
        return running.as("E9001", "hr").get(path).then().statusCode(200).extract().jsonPath();
    }

    /** A field set at once (typing key by key is slow and gains nothing). */
    private static void set(WebElement field, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", field, value);
    }

    private static void set(String id, String value) {
        set(browser.findElement(By.id(id)), value);
    }

    /** The {@code row}-th input named {@code name} inside {@code scope}. */
    private static WebElement nth(String scope, String name, int row) {
        return browser.findElements(By.cssSelector(scope + " [name='" + name + "']")).get(row);
    }

    private static void fillAward(String winners) {
        browser.get(gw + "/console/careers/honors?period=" + month);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("award-form")));
        set("award-code", AWARD);
        set("award-name-zh", "表单之星");
        set("award-name-en", "Form star");
        new Select(browser.findElement(By.id("award-cadence"))).selectByValue("MONTHLY");
        set("award-rank-measure", "score");
        new Select(browser.findElement(By.id("award-rank-direction"))).selectByValue("HIGHER");
        set(nth("#award-conditions", "conditionMeasure", 0), "calls_handled");
        set(nth("#award-conditions", "conditionAtLeast", 0), "1");
        set("award-winners", winners);
    }

    @Test
    @Order(1)
    void hrDefinesAnAwardFromTheFormAndRunsTheHonorsThatAwardIt() {
        signInAs("E9001");
        fillAward("two");
        screenshot("award-form");
        browser.findElement(By.id("save-award-button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("message-detail")));
        assertTrue(browser.findElement(By.id("message-detail")).getText().contains("winners"),
                browser.findElement(By.id("message-detail")).getText());
        running.as("E9001", "hr").get("/api/v1/incentives/honors/awards/" + AWARD).then().statusCode(404);
        screenshot("award-refused");

        fillAward("1");
        // a row added by console.js: a second condition
        browser.findElement(By.cssSelector("button[data-add-row='award-conditions']")).click();
        int rows = browser.findElements(By.cssSelector("#award-conditions tr")).size();
        assertEquals(3, rows, "two empty rows offered, one added");
        set(nth("#award-conditions", "conditionMeasure", 2), "complaint_rate");
        set(nth("#award-conditions", "conditionAtMost", 2), "100");
        new Select(nth("#award-conditions", "conditionWhenMissing", 2)).selectByValue("ELIGIBLE");
        browser.findElement(By.id("save-award-button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#awards-table tr.award-row[data-award='" + AWARD + "']")));
        JsonPath award = api("/api/v1/incentives/honors/awards/" + AWARD);
        assertEquals("Form star", award.getString("name"));
        assertEquals("表单之星", award.getString("nameZh"));
        assertEquals("score", award.getString("rankBy.measure"));
        assertEquals(1, award.getInt("winners"));
        assertEquals(List.of("calls_handled", "complaint_rate"), award.getList("eligibility.measure"));
        assertEquals("ELIGIBLE", award.getString("eligibility[1].whenMissing"));
        screenshot("award-defined");

        // the honors of last month for the group, this award only
        browser.get(gw + "/console/careers/honors?period=" + month);
        set("honors-unit", UNIT);
        browser.findElement(By.cssSelector("#run-honors input[name='awardCode'][value='" + AWARD + "']")).click();
        WebElement runHonors = browser.findElement(By.id("run-honors-button"));
        runHonors.click();
        waiting().until(ConsoleBrowser.gone(runHonors));
        screenshot("honors-run");
        assertFalse(browser.findElements(By.id("honors-table")).isEmpty(),
                "the honors run's page shows the honors: " + browser.findElement(By.tagName("main")).getText());
        // the best scorecard total of the group wins; agents equal on every criterion share the place
        List<String> best = new ArrayList<>();
        double top = Double.NEGATIVE_INFINITY;
        for (String agent : List.of("E3001", "E3002", "E3003")) {
            JsonPath card = api("/api/v1/scoring/scorecards?employeeId=" + agent + "&period=" + month);
            double total = card.getDouble("[0].total");
            if (total > top) {
                top = total;
                best.clear();
            }
            if (total == top) {
                best.add(agent);
            }
        }
        List<String> winners = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#honors-table tr.honor-row"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (cells.get(0).getText().contains("Form star")) {
                assertEquals(UNIT, cells.get(1).getText());
                winners.add(cells.get(2).getText());
            }
        }
        winners.sort(null);
        assertEquals(best, winners, "the best scorecard total of the group wins (ties share the place)");
        List<String> awarded = new ArrayList<>(api("/api/v1/incentives/honors/history?period=" + month
                + "&awardCode=" + AWARD).getList("employeeId", String.class));
        awarded.sort(null);
        assertEquals(best, awarded);
        screenshot("honors-run");

        // "new version" fills the form with the award as it stands; retire takes it out of the list
        browser.findElement(By.cssSelector("tr.award-row[data-award='" + AWARD + "'] a.award-new-version")).click();
        waiting().until(ExpectedConditions.attributeToBe(By.id("award-code"), "value", AWARD));
        assertEquals("score", browser.findElement(By.id("award-rank-measure")).getAttribute("value"));
        assertEquals("complaint_rate", nth("#award-conditions", "conditionMeasure", 1).getAttribute("value"));
        set("award-winners", "2");
        WebElement save = browser.findElement(By.id("save-award-button"));
        save.click();
        waiting().until(ConsoleBrowser.gone(save));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("awards-table")));
        JsonPath second = api("/api/v1/incentives/honors/awards/" + AWARD);
        assertEquals(2, second.getInt("version"));
        assertEquals(2, second.getInt("winners"));
        assertEquals(List.of("calls_handled", "complaint_rate"), second.getList("eligibility.measure"),
                "what was not changed is kept");
        WebElement retire = browser.findElement(By.cssSelector("tr.award-row[data-award='" + AWARD
                + "'] button.award-retire"));
        retire.click();
        waiting().until(ConsoleBrowser.gone(retire));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("awards")));
        assertTrue(browser.findElements(By.cssSelector("tr.award-row[data-award='" + AWARD + "']")).isEmpty());
        assertFalse(api("/api/v1/incentives/honors/awards/" + AWARD).getString("retiredAt").isBlank());
    }

    @Test
    @Order(2)
    void hrDefinesALadderFromRowsAndChecksTheGroupAgainstIt() {
        signInAs("E9001");
        browser.get(gw + "/console/careers/ladders");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("ladder-form")));
        set("ladder-code", LADDER);
        set("ladder-name-en", "Form path");
        set(nth("#ladder-positions", "position", 0), "seat");
        set(nth("#ladder-positions", "position", 1), "group-lead");
        set(nth("#ladder-rules", "ruleFrom", 0), "seat");
        new Select(nth("#ladder-rules", "ruleType", 0)).selectByValue("consecutiveGrades");
        set(nth("#ladder-rules", "rulePeriods", 0), "1");
        JsonPath card = api("/api/v1/scoring/scorecards?employeeId=E3001&period=" + month);
        set(nth("#ladder-rules", "ruleGrades", 0), card.getString("[0].grade"));
        set(nth("#ladder-rules", "ruleFrom", 1), "seat");
        new Select(nth("#ladder-rules", "ruleType", 1)).selectByValue("metric");
        set(nth("#ladder-rules", "ruleLabel", 1), "calls handled");
        set(nth("#ladder-rules", "rulePeriods", 1), "1");
        set(nth("#ladder-rules", "ruleMeasure", 1), "calls_handled");
        set(nth("#ladder-rules", "ruleAtLeast", 1), "1");
        screenshot("ladder-form");
        browser.findElement(By.id("save-ladder-button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("article.ladder[data-ladder='" + LADDER + "']")));
        JsonPath ladder = api("/api/v1/incentives/promotion/ladders/" + LADDER);
        assertEquals(List.of("seat", "group-lead"), ladder.getList("positions"));
        assertEquals(List.of("consecutiveGrades", "metric"), ladder.getList("steps[0].rules.type"));
        assertEquals("calls handled", ladder.getString("steps[0].rules[1].label"));
        screenshot("ladder-defined");

        new Select(browser.findElement(By.id("check-ladder"))).selectByValue(LADDER);
        set("check-unit", UNIT);
        set("check-as-of", month);
        browser.findElement(By.id("check-button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("check-result")));
        JsonPath check = running.as("E9001", "hr").body(java.util.Map.of("ladderCode", LADDER, "unitCode", UNIT,
                "asOf", month)).post("/api/v1/incentives/promotion/checks").then().statusCode(200).extract()
                .jsonPath();
        assertTrue(check.getInt("agents") >= 3, "the group's agents are checked");
        assertEquals(check.getInt("eligibleCount") + " of " + check.getInt("agents") + " agents eligible",
                browser.findElement(By.id("check-summary")).getText());
        WebElement e3001 = browser.findElement(By.cssSelector("#check-table tr[data-employee='E3001']"));
        assertEquals(String.valueOf(check.getBoolean("results.find { it.employeeId == 'E3001' }.eligible")),
                e3001.getAttribute("data-eligible"));
        screenshot("ladder-check");
    }

    @Test
    @Order(3)
    void hrStoresAPlanAndItsNextVersionFromTheFieldByFieldForm() {
        signInAs("E9001");
        browser.get(gw + "/console/pay/plans?code=PERF");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("plan-fields-form")));
        JsonPath perf = api("/api/v1/incentives/plans/PERF");
        assertEquals("PERF", browser.findElement(By.id("pf-code")).getAttribute("value"));
        assertEquals(perf.getDouble("performancePayShare"),
                Double.parseDouble(browser.findElement(By.id("pf-share")).getAttribute("value")), 1e-9,
                "pre-filled from the plan shown");

        // a new plan from the demo plan's fields: a share above 1 refused naming the field, nothing stored
        set("pf-code", PLAN);
        set("pf-name", "Form plan (e2e)");
        set("pf-share", "1.5");
        browser.findElement(By.id("save-plan-fields-button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("message-detail")));
        assertTrue(browser.findElement(By.id("message-detail")).getText().contains("performancePayShare"),
                browser.findElement(By.id("message-detail")).getText());
        running.as("E9001", "hr").get("/api/v1/incentives/plans/" + PLAN).then().statusCode(404);
        screenshot("plan-form-refused");

        browser.get(gw + "/console/pay/plans?code=PERF");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("plan-fields-form")));
        set("pf-code", PLAN);
        set("pf-name", "Form plan (e2e)");
        set("pf-share", "0.28");
        set(nth("#pf-prizes", "prizeAward", 0), AWARD);
        set(nth("#pf-prizes", "prizeAmount", 0), "300");
        set("pf-target-measure", "calls_handled");
        set("pf-basic-threshold", "100");
        set("pf-basic-amount", "200");
        screenshot("plan-form");
        browser.findElement(By.id("save-plan-fields-button")).click();
        waiting().until(ExpectedConditions.urlContains("code=" + PLAN));
        assertEquals(0.28, Double.parseDouble(browser.findElement(By.id("plan-share")).getText()), 1e-9);
        JsonPath first = api("/api/v1/incentives/plans/" + PLAN);
        assertEquals(1, first.getInt("version"));
        assertEquals(perf.getMap("gradeCoefficients"), first.getMap("gradeCoefficients"),
                "the coefficients as the form showed them");
        assertEquals(300.0, first.getDouble("honorPrizes.'" + AWARD + "'"), 1e-9);
        assertEquals(200.0, first.getDouble("targets.basic.amount"), 1e-9);
        screenshot("plan-stored");

        // its next version from the form pre-filled with version 1: only the share changes
        assertEquals("300", nth("#pf-prizes", "prizeAmount", 0).getAttribute("value"));
        set("pf-share", "0.32");
        browser.findElement(By.id("save-plan-fields-button")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("plan-share"), "0.32"));
        JsonPath second = api("/api/v1/incentives/plans/" + PLAN);
        assertEquals(2, second.getInt("version"));
        assertEquals(first.getMap("gradeCoefficients"), second.getMap("gradeCoefficients"));
        assertEquals(first.getMap("targets"), second.getMap("targets"));
        assertEquals(first.getMap("honorPrizes"), second.getMap("honorPrizes"));
        assertTrue(browser.findElement(By.id("plan-versions")).getText().contains("v2"));
        screenshot("plan-next-version");
    }

    @Test
    @Order(4)
    void aSupervisorIsRefusedThePagesAndTheForms() {
        signInAs("E2001");
        for (String page : List.of("/console/careers/honors", "/console/careers/ladders", "/console/pay/plans")) {
            browser.get(gw + page);
            assertEquals("Not allowed", browser.findElement(By.id("message-title")).getText(), page);
            assertTrue(browser.findElements(By.cssSelector("form#award-form, form#ladder-form, "
                    + "form#plan-fields-form")).isEmpty(), page);
        }
        screenshot("supervisor-refused");
        // the award form posted anyway, with the session's own CSRF token: refused, nothing stored
        String csrf = browser.findElement(By.cssSelector("input[name='csrf']")).getAttribute("value");
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/console/careers/awards', {method: 'POST', headers: {'Content-Type': "
                + "'application/x-www-form-urlencoded'}, body: 'csrf=' + encodeURIComponent(arguments[0]) + "
                + "'&code=E2E-SUP-" + RUN + "&name=x&rankMeasure=score&winners=1', redirect: 'manual'})"
                + ".then(function (r) { done(r.status); }).catch(function (e) { done(String(e)); });", csrf);
        assertEquals(403L, ((Number) status).longValue());
        running.as("E9001", "hr").get("/api/v1/incentives/honors/awards/E2E-SUP-" + RUN).then().statusCode(404);
    }
}
