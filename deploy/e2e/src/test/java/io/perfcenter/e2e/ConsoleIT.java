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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real browser: Debian's Chromium, headless, driven by Selenium through chromedriver, against the
 * packaged suite through the gateway, with the demo data set. An agent signs in from the local sign-in page, sees
 * their month (total, an item's explanation, the trend chart drawn) on a phone-sized screen, files an appeal and
 * finds it listed; another agent's month is refused; the supervisor sees their group's table, sorts it and opens an
 * agent's month; the language switch turns the labels to Chinese (zh-CN) and back, remembered from page to page; the
 * supervisor sees the anomaly flags, month-to-date figures and their units' appeals (without deciding them: the
 * agent's own supervisor may not); the appeals reviewer decides the appeal; hr previews a template change (charts
 * drawn), stores it, computes a new revision and opens its review; the supervisor reviews a scorecard with one-on-one
 * feedback notes; hr publishes the run; the center board and the manager's team render; the agent opens the figures
 * behind an item with the records under each day (as the API lists them), appeals one record and is refused hr's pages
 * and another agent's item; the appeals reviewer escalates that appeal to hr, who may then decide it; under a
 * 德能绩勤 template in review the supervisor rates an agent's manual-rating item and an agent rates a peer; hr opens the
 * metric catalog, raises a salary, sets a budget, computes and approves the pay run and downloads its CSV, and sees
 * cost against budget drawn; admin is refused the salaries; the language switch shows hr's pages and the board in
 * Chinese. A screenshot of every page is kept under {@code target/console-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");

    private static RunningSuite running;
    private static String gw;
    private static String month;
    private static ConsoleBrowser console;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        running = RunningSuite.get();
        gw = running.suite.gatewayUrl();
        // the demo data set (SuiteFlowIT may have loaded it already; loading it again changes nothing)
        new DemoData(gw, Launcher.tokens(running.identity, Duration.ofMinutes(30))).load();
        month = YearMonth.now(Clock.system(ZoneId.of("Asia/Shanghai"))).minusMonths(1).toString();
        console = ConsoleBrowser.open(running, SCREENSHOTS, true);
        browser = console.driver();
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
    }

    /** Chromium for browser tests that drive it themselves (kept here for those calling it so; see ConsoleBrowser). */
    static WebDriver chromium() {
        return ConsoleBrowser.chromium();
    }

    private static WebDriverWait waiting() {
        return console.waiting();
    }

    /** A screenshot of the page, and the page's weight (its HTML, in bytes) in page-weights.txt beside it. */
    private static void screenshot(String name) {
        console.screenshot(name);
    }

    private static void signInAs(String employeeId) {
        console.signInFromPage(employeeId, true);
    }

    private static JsonPath api(String employeeId, String role, String path) {
        return running.as(employeeId, role).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void theAgentSeesTheirMonthExplainedWithTheTrendDrawnOnAPhone() {
        JsonPath card = api("E3001", "agent", "/api/v1/scoring/scorecards?employeeId=E3001&period=" + month);
        String total = card.getString("[0].total");
        String explanation = card.getString("[0].items[0].explanation");
        assertNotNull(total, "the demo data publishes E3001's scorecard for " + month);

        signInAs("E3001");
        browser.get(gw + "/?period=" + month);
        assertEquals(Double.parseDouble(total), Double.parseDouble(browser.findElement(By.id("total")).getText()));
        assertEquals(card.getString("[0].grade"), browser.findElement(By.id("grade")).getText());
        String code = card.getString("[0].items[0].itemCode");
        assertTrue(browser.findElement(By.id("item-" + code)).getText().contains(explanation),
                "the item's explanation is on the page");

        // the trend chart is drawn: a canvas with pixels painted
        waiting().until(ExpectedConditions.attributeToBe(By.id("trend"), "data-rendered", "true"));
        Object painted = ((JavascriptExecutor) browser).executeScript(
                "var c = document.querySelector('#trend canvas'); if (!c) return 0;"
                        + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                        + "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;");
        assertTrue(((Number) painted).longValue() > 500, "the chart's canvas is not blank: " + painted);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('trend').scrollIntoView();");
        screenshot("agent-month-trend");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");

        // usable on a phone: the page fits the 412 px wide screen
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(((Number) overflow).longValue() <= 0, "no sideways scrolling on a phone: " + overflow);
        screenshot("agent-month-phone");

        // the session is an HttpOnly, SameSite=Strict cookie, and its token is nowhere in the page or its scripts
        Cookie session = browser.manage().getCookieNamed("perfcenter_session");
        assertNotNull(session);
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());
        assertFalse(browser.getPageSource().contains(session.getValue()));
        Object scriptCookies = ((JavascriptExecutor) browser).executeScript("return document.cookie;");
        assertFalse(String.valueOf(scriptCookies).contains(session.getValue()));
        assertFalse(browser.getCurrentUrl().contains(session.getValue()));
    }

    @Test
    @Order(2)
    void theAgentFilesAnAppealAndFindsItListed() {
        browser.get(gw + "/?period=" + month);
        String code = api("E3001", "agent", "/api/v1/scoring/scorecards?employeeId=E3001&period=" + month)
                .getString("[0].items[0].itemCode");
        WebElement item = browser.findElement(By.id("item-" + code));
        item.findElement(By.tagName("summary")).click();
        item.findElement(By.name("reason")).sendKeys("The calls of the 14th are missing from my volume");
        screenshot("agent-appeal-form");
        item.findElement(By.cssSelector("button[type=submit]")).click();

        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#appeals tr.appeal-row")));
        WebElement row = browser.findElement(By.cssSelector("#appeals tr.appeal-row"));
        assertTrue(row.getText().contains("The calls of the 14th are missing from my volume"), row.getText());
        assertEquals("open", row.findElement(By.className("status")).getText());
        screenshot("agent-appeals");
        // the API has it, filed by the agent
        List<Map<String, Object>> appeals = api("E3001", "agent", "/api/v1/scoring/appeals").getList("$");
        assertTrue(appeals.stream().anyMatch(a -> code.equals(a.get("itemCode"))
                && "E3001".equals(a.get("employeeId"))), appeals.toString());
    }

    @Test
    @Order(3)
    void anAgentCannotOpenAnotherAgentsMonth() {
        browser.get(gw + "/console/agents/E3002?period=" + month);
        String title = browser.findElement(By.id("message-title")).getText();
        assertTrue(title.equals("Not allowed") || title.equals("Not found"), title);
        assertTrue(browser.findElements(By.id("total")).isEmpty(), "none of E3002's figures");
        screenshot("agent-other-month-refused");
    }

    @Test
    @Order(4)
    void theSupervisorSeesTheGroupTableSortsItAndOpensAnAgentsMonth() {
        browser.findElement(By.cssSelector("form.signout button")).click();
        waiting().until(ExpectedConditions.urlContains("/console/sign-in"));
        assertEquals(null, browser.manage().getCookieNamed("perfcenter_session"), "signed out");

        browser.manage().window().setSize(new Dimension(1280, 900));
        signInAs("E2001");
        browser.findElement(By.linkText("My group")).click();
        browser.get(gw + "/console/group?period=" + month);
        List<WebElement> rows = browser.findElements(By.cssSelector("#group-table tr.agent-row"));
        List<String> agents = rows.stream().map(r -> r.getAttribute("data-employee")).sorted().toList();
        assertEquals(List.of("E3001", "E3002", "E3003"), agents, "the group the supervisor leads, no one else");
        screenshot("supervisor-group");

        // sort by total, ascending then descending
        WebElement totalHeading = browser.findElement(By.xpath("//table[@id='group-table']//th/button[.='Total']"));
        totalHeading.click();
        List<Double> ascending = totals();
        assertEquals(ascending.stream().sorted().toList(), ascending);
        totalHeading.click();
        List<Double> descending = totals();
        assertEquals(descending.stream().sorted(java.util.Comparator.reverseOrder()).toList(), descending);
        assertEquals(ascending.size(), descending.size());

        browser.findElement(By.linkText("E3001")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("total")));
        String total = api("E2001", "supervisor", "/api/v1/scoring/scorecards?employeeId=E3001&period=" + month)
                .getString("[0].total");
        assertEquals(Double.parseDouble(total), Double.parseDouble(browser.findElement(By.id("total")).getText()));
        assertTrue(browser.findElements(By.cssSelector("form[action='/console/appeals']")).isEmpty(),
                "a supervisor does not appeal an agent's items");
        screenshot("supervisor-agent-month");
    }

    @Test
    @Order(5)
    void theLanguageSwitchChangesTheLabelsAndIsRemembered() {
        // the browser asks for English (--lang=en-US): the console starts in English
        browser.get(gw + "/console/group?period=" + month);
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertFalse(browser.findElements(By.xpath("//table[@id='group-table']//th/button[.='Total']")).isEmpty());

        browser.findElement(By.id("lang-zh-CN")).click();
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/group?period=" + month), "back on the same page: "
                + browser.getCurrentUrl());
        assertFalse(browser.findElements(By.xpath("//table[@id='group-table']//th/button[.='总分']")).isEmpty(),
                "the table's headings are in Chinese");
        assertEquals("我的小组", browser.findElement(By.linkText("我的小组")).getText());
        assertEquals("true", browser.findElement(By.id("lang-zh-CN")).getAttribute("aria-pressed"));
        screenshot("language-zh-CN-group");

        // remembered on the next pages (a cookie), though the browser still asks for English
        browser.get(gw + "/console/agents/E3001?period=" + month);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("total")));
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.cssSelector("section.summary")).getText().contains("总分"),
                browser.findElement(By.cssSelector("section.summary")).getText());
        Cookie language = browser.manage().getCookieNamed("perfcenter_lang");
        assertNotNull(language);
        assertEquals("zh-CN", language.getValue());
        // the item's explanation too: scoring keeps it in both languages and answers the page's (Accept-Language)
        String cards = "/api/v1/scoring/scorecards?employeeId=E3001&period=" + month;
        JsonPath inChinese = running.as("E3001", "agent").header("Accept-Language", "zh-CN").get(cards).then()
                .statusCode(200).header("Content-Language", "zh-CN").extract().jsonPath();
        String itemCode = inChinese.getString("[0].items[0].itemCode");
        String explanationZh = inChinese.getString("[0].items[0].explanation");
        String explanationEn = api("E3001", "agent", cards).getString("[0].items[0].explanation");
        assertNotEquals(explanationEn, explanationZh, "the explanation is written in both languages");
        assertTrue(browser.findElement(By.id("item-" + itemCode)).getText().contains(explanationZh),
                "the Chinese explanation on the Chinese page: " + browser.findElement(By.id("item-" + itemCode))
                        .getText());
        screenshot("language-zh-CN-month");

        browser.findElement(By.id("lang-en")).click();
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertTrue(browser.findElement(By.cssSelector("section.summary")).getText().contains("Total"));
        String item = browser.findElement(By.id("item-" + itemCode)).getText();
        assertTrue(item.contains(explanationEn) && !item.contains(explanationZh),
                "the English explanation once the page is English again: " + item);
        browser.get(gw + "/console/group?period=" + month);
        assertFalse(browser.findElements(By.xpath("//table[@id='group-table']//th/button[.='Total']")).isEmpty(),
                "English again, remembered");
    }


    @Test
    @Order(6)
    void theSupervisorSeesAnomalyFlagsMonthToDateAndTheirUnitsAppealsWithoutDecidingThem() {
        // still signed in as E2001
        browser.get(gw + "/console/group?period=" + month);
        assertNotNull(browser.findElement(By.id("anomaly-summary")));
        WebElement mtd = browser.findElement(By.id("month-to-date"));
        assertTrue(mtd.getText().contains("G-HOTLINE-1"), mtd.getText());
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", mtd);
        screenshot("supervisor-group-figures");

        browser.findElement(By.linkText("Appeals")).click();
        waiting().until(ExpectedConditions.urlContains("/console/review/appeals"));
        List<WebElement> cards = browser.findElements(By.cssSelector("section.appeal-card"));
        assertTrue(cards.stream().anyMatch(c -> c.getText().contains("E3001")), "E3001's appeal is listed");
        // the agent's own supervisor may not decide it (an appeals reviewer, hr or admin does)
        assertTrue(browser.findElements(By.cssSelector("form.decide")).isEmpty(), "no decision form for E2001");
        screenshot("supervisor-appeals");
    }

    @Test
    @Order(7)
    void theAppealsReviewerDecidesTheAgentsAppeal() {
        signInAs("E4101");
        browser.get(gw + "/console/review/appeals?status=OPEN");
        WebElement card = browser.findElements(By.cssSelector("section.appeal-card")).stream()
                .filter(c -> c.getText().contains("The calls of the 14th are missing from my volume")).findFirst()
                .orElseThrow(() -> new AssertionError("the agent's appeal is open for the reviewer"));
        String id = card.getAttribute("data-appeal");
        card.findElement(By.cssSelector("input[name=outcome][value=REJECTED]")).click();
        card.findElement(By.name("reason")).sendKeys("The ACD log has every call of the 14th counted");
        screenshot("reviewer-decides");
        card.findElement(By.cssSelector("form.decide button[type=submit]")).click();

        waiting().until(ExpectedConditions.urlContains("#appeal-" + id));
        WebElement decided = browser.findElement(By.id("appeal-" + id));
        assertEquals("rejected", decided.findElement(By.className("status")).getText());
        assertTrue(decided.getText().contains("The ACD log has every call of the 14th counted"), decided.getText());
        screenshot("reviewer-decided");
        JsonPath appeal = api("E3001", "agent", "/api/v1/scoring/appeals/" + id);
        assertEquals("REJECTED", appeal.getString("status"));
        assertEquals("E4101", appeal.getString("decidedBy"));
    }

    @Test
    @Order(8)
    void hrPreviewsATemplateChangeStoresItAndComputesAndOpensARun() {
        signInAs("E9001");
        browser.get(gw + "/console/hr/what-if?template=SEAT&unit=G-HOTLINE-1&period=" + month);
        WebElement volume = browser.findElement(By.id("weight-volume"));
        volume.clear();
        volume.sendKeys("50");
        WebElement aht = browser.findElement(By.id("weight-aht"));
        aht.clear();
        aht.sendKeys("20");
        browser.findElement(By.id("preview-button")).click();

        waiting().until(ExpectedConditions.attributeToBe(By.id("totals-chart"), "data-rendered", "true"));
        assertTrue(painted("#distribution-chart canvas") > 500, "the distribution chart is drawn");
        assertTrue(painted("#totals-chart canvas") > 500, "the totals chart is drawn");
        assertEquals(3, browser.findElements(By.cssSelector("#what-if-table tbody tr")).size());
        assertEquals("50", browser.findElement(By.id("weight-volume")).getAttribute("value"));
        browser.manage().window().setSize(new Dimension(1280, 1400));
        screenshot("hr-what-if");

        browser.findElement(By.id("store-button")).click();
        waiting().until(ExpectedConditions.urlContains("/console/hr/runs"));
        JsonPath template = api("E9001", "hr", "/api/v1/scoring/templates/SEAT");
        assertTrue(template.getInt("version") >= 2, "the draft is the template's next version");
        assertEquals(50.0, template.getDouble("items.find { it.code == 'volume' }.weight"));
        screenshot("hr-runs");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("templateCode"))).selectByValue("SEAT");
        browser.findElement(By.id("unitCode")).sendKeys("G-HOTLINE-1");
        browser.findElement(By.cssSelector("#compute button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("run-status")));
        assertEquals("computed", browser.findElement(By.id("run-status")).getText());
        assertFalse(browser.findElements(By.cssSelector("#changes tr.change-row")).isEmpty(),
                "the new revision's changes against the published one");
        screenshot("hr-run-computed");
        browser.findElement(By.cssSelector("form[action$='/review'] button")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("run-status"), "in review"));
    }

    @Test
    @Order(9)
    void theSupervisorReviewsAScorecardWithFeedbackNotes() {
        signInAs("E2001");
        browser.get(gw + "/console/review/runs?period=" + month);
        WebElement run = browser.findElements(By.cssSelector("li.review-run")).stream()
                .filter(r -> r.getText().contains("in review")).findFirst()
                .orElseThrow(() -> new AssertionError("the run in review is listed"));
        run.findElement(By.tagName("a")).click();
        WebElement card = browser.findElement(By.cssSelector("article.review-card[data-employee='E3001']"));
        card.findElement(By.name("comments")).sendKeys("Strong volume; keep the handle time down.");
        card.findElement(By.name("feedbackNotes")).sendKeys("Agreed: shadow E3002 on billing calls twice a week.");
        card.findElement(By.cssSelector("button[type=submit]")).click();

        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("article.review-card[data-employee='E3001'] p.reviewed")));
        String reviewed = browser.findElement(By.cssSelector("article.review-card[data-employee='E3001'] p.reviewed"))
                .getText();
        assertTrue(reviewed.contains("E2001") && reviewed.contains("shadow E3002"), reviewed);
        screenshot("supervisor-reviews");
    }

    @Test
    @Order(10)
    void hrPublishesTheRun() {
        signInAs("E9001");
        browser.get(gw + "/console/hr/runs?period=" + month);
        WebElement row = browser.findElements(By.cssSelector("#runs-table tr.run-row")).stream()
                .filter(r -> "in review".equals(r.getAttribute("data-status"))).findFirst()
                .orElseThrow(() -> new AssertionError("the run in review is listed"));
        String id = row.getAttribute("data-run");
        row.findElement(By.cssSelector("button.publish")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("run-status"), "published"));
        assertFalse(browser.findElement(By.id("history")).getText().isBlank());
        screenshot("hr-run-published");
        assertEquals("PUBLISHED", api("E9001", "hr", "/api/v1/scoring/runs/" + id).getString("status"));
    }

    @Test
    @Order(11)
    void theCenterBoardRendersAndTheManagerComparesGroups() {
        browser.manage().window().setSize(new Dimension(1920, 1080));
        browser.get(gw + "/console/board");
        assertEquals("60", browser.findElement(By.cssSelector("[data-refresh]")).getAttribute("data-refresh"));
        // the demo's six agents at least; on the shared suite other tests' scorecards of the month may be there too,
        // and the board shows the best ten, best first
        List<WebElement> leaders = browser.findElements(By.cssSelector("#leaders-table tr.leader-row"));
        assertTrue(leaders.size() >= 6 && leaders.size() <= 10, "leaders: " + leaders.size());
        List<Double> best = leaders.stream()
                .map(r -> Double.parseDouble(r.findElements(By.tagName("td")).get(3).getText().replace(",", "")))
                .toList();
        for (int i = 1; i < best.size(); i++) {
            assertTrue(best.get(i - 1) >= best.get(i), "best first: " + best);
        }
        waiting().until(ExpectedConditions.attributeToBe(By.id("leaders-chart"), "data-rendered", "true"));
        assertTrue(painted("#leaders-chart canvas") > 500, "the leaderboard chart is drawn");
        assertTrue(browser.findElement(By.id("board-groups")).getText().contains("G-HOTLINE-2"));
        screenshot("center-board");

        signInAs("E1001");
        browser.get(gw + "/console/team?period=" + month);
        assertEquals(2, browser.findElements(By.cssSelector("#groups-table tr.group-row")).size());
        waiting().until(ExpectedConditions.attributeToBe(By.id("grades-chart"), "data-rendered", "true"));
        screenshot("manager-team");
    }

    @Test
    @Order(12)
    void theAgentOpensTheFiguresBehindAnItemAndIsRefusedHrPagesAndOthersItems() {
        browser.manage().window().setSize(new Dimension(412, 915));
        signInAs("E3001");
        browser.get(gw + "/?period=" + month);
        browser.findElement(By.cssSelector("#item-volume a.item-detail")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("records")));
        List<WebElement> days = browser.findElements(By.cssSelector("#days-table tr.day-row"));
        assertTrue(days.size() >= 20, "a figure per working day: " + days.size());
        days.get(0).findElement(By.cssSelector("a.point")).click();
        String point = browser.findElement(By.id("dataPoint")).getAttribute("value");
        assertTrue(point.startsWith(days.get(0).getAttribute("data-day")), point);

        // under each day the records the figure counted (the demo pushes daily values of calls_handled): the same
        // records, in the same order, as the API's listCountedRecords gives the agent
        List<WebElement> records = browser.findElements(By.cssSelector("#days-table li.record-row"));
        List<String> listed = api("E3001", "agent", "/api/v1/metrics/records?employeeId=E3001&metric=calls_handled"
                + "&period=" + month + "&limit=1000").getList("externalId");
        assertTrue(listed.size() >= 20, "a pushed value per working day: " + listed);
        assertEquals(listed, records.stream().map(r -> r.getAttribute("data-id")).toList());
        WebElement record = records.get(1);
        assertEquals("values", record.getAttribute("data-kind"));
        WebElement day = browser.findElement(By.cssSelector("#days-table tr.day-records[data-day='"
                + listed.get(1).substring(listed.get(1).length() - 10) + "'] li.record-row"));
        assertEquals(listed.get(1), day.getAttribute("data-id"), "the record is listed under its day");
        record.findElement(By.cssSelector("a.record-point")).click();
        point = browser.findElement(By.id("dataPoint")).getAttribute("value");
        assertTrue(point.startsWith("values demo/" + listed.get(1) + " (revision 1) of "), point);
        screenshot("agent-item-records");
        browser.findElement(By.id("dataPoint")).sendKeys("I took fewer calls that day");
        browser.findElement(By.id("appeal-reason")).sendKeys("My ACD log shows fewer calls on that day");
        browser.findElement(By.cssSelector("#appeal-form button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#appeals tr.appeal-row")));
        List<Map<String, Object>> appeals = api("E3001", "agent", "/api/v1/scoring/appeals").getList("$");
        assertTrue(appeals.stream().anyMatch(a -> "DATA_POINT".equals(a.get("kind"))
                && String.valueOf(a.get("dataPoint")).startsWith("values demo/" + listed.get(1) + " ")),
                appeals.toString());
        browser.get(gw + "/console/items/E3001/volume?period=" + month);
        waiting().until(ExpectedConditions.attributeToBe(By.id("item-trend"), "data-rendered", "true"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('item-trend').scrollIntoView();");
        screenshot("agent-item-trend");

        for (String page : List.of("/console/hr/runs", "/console/hr/what-if", "/console/hr/runs/1")) {
            browser.get(gw + page);
            assertEquals("Not allowed", browser.findElement(By.id("message-title")).getText(), page);
        }
        screenshot("agent-hr-refused");
        browser.get(gw + "/console/items/E3002/volume?period=" + month);
        String title = browser.findElement(By.id("message-title")).getText();
        assertTrue(title.equals("Not allowed") || title.equals("Not found"), title);
        assertTrue(browser.findElements(By.id("days-table")).isEmpty(), "none of E3002's figures");
        screenshot("agent-other-item-refused");
    }

    @Test
    @Order(13)
    void theReviewerEscalatesTheRecordAppealToHrWhoDecidesIt() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        signInAs("E4101");
        browser.get(gw + "/console/review/appeals?status=OPEN");
        WebElement card = browser.findElements(By.cssSelector("section.appeal-card")).stream()
                .filter(c -> c.getText().contains("My ACD log shows fewer calls on that day")).findFirst()
                .orElseThrow(() -> new AssertionError("the agent's record appeal is open for the reviewer"));
        String id = card.getAttribute("data-appeal");
        assertFalse(card.findElements(By.cssSelector("form.decide")).isEmpty(), "the reviewer may decide it");
        card.findElement(By.cssSelector("form.escalate textarea")).sendKeys("The ACD export is disputed; hr decides");
        screenshot("reviewer-escalates");
        card.findElement(By.cssSelector("form.escalate button[type=submit]")).click();

        waiting().until(ExpectedConditions.urlContains("#appeal-" + id));
        WebElement escalated = browser.findElement(By.id("appeal-" + id));
        assertTrue(escalated.getText().contains("escalated to hr"), escalated.getText());
        assertTrue(escalated.findElements(By.cssSelector("form.decide, form.escalate")).isEmpty(),
                "once escalated only hr decides");
        JsonPath appeal = api("E9001", "hr", "/api/v1/scoring/appeals/" + id);
        assertEquals("E4101", appeal.getString("escalatedBy"));
        assertEquals("The ACD export is disputed; hr decides", appeal.getString("escalationReason"));
        assertEquals("OPEN", appeal.getString("status"));

        signInAs("E9001");
        browser.get(gw + "/console/review/appeals?status=OPEN");
        WebElement forHr = browser.findElement(By.id("appeal-" + id));
        assertFalse(forHr.findElements(By.cssSelector("form.decide")).isEmpty(), "hr decides the escalated appeal");
        assertTrue(forHr.findElements(By.cssSelector("form.escalate")).isEmpty(), "hr has nobody to escalate to");
        screenshot("hr-escalated-appeal");
    }

    @Test
    @Order(14)
    void theSupervisorAndAPeerRateAManualRatingItemInReview() {
        // hr scores the group with a 德能绩勤 template (one manual-rating item: supervisor 70%, peers 30%) and opens
        // its review
        running.as("E9001", "hr").body(Map.of("code", "CONDUCT", "name", "Conduct (德能绩勤)", "position", "seat",
                "items", List.of(Map.of("code", "conduct", "name", "Conduct", "category", "behaviour", "weight", 100,
                        "rule", Map.of("type", "manual-rating", "dimensions", List.of(
                                        Map.of("code", "de", "name", "德 integrity", "weight", 25),
                                        Map.of("code", "neng", "name", "能 ability", "weight", 25),
                                        Map.of("code", "ji", "name", "绩 results", "weight", 25),
                                        Map.of("code", "qin", "name", "勤 diligence", "weight", 25)),
                                "raters", List.of(Map.of("role", "supervisor", "weight", 70),
                                        Map.of("role", "peer", "weight", 30))))),
                "gradeBands", List.of(Map.of("grade", "good", "minScore", 60), Map.of("grade", "fail", "minScore", 0))))
                .post("/api/v1/scoring/templates").then().statusCode(201);
        long run = running.as("E9001", "hr").body(Map.of("templateCode", "CONDUCT", "unitCode", "G-HOTLINE-1",
                "period", month)).post("/api/v1/scoring/runs").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        running.as("E9001", "hr").post("/api/v1/scoring/runs/" + run + "/review").then().statusCode(200);

        signInAs("E2001");
        browser.get(gw + "/console/review/runs?period=" + month + "&run=" + run);
        WebElement card = browser.findElement(By.cssSelector("article.review-card[data-employee='E3001']"));
        WebElement form = card.findElement(By.cssSelector("form.rate[data-item='conduct']"));
        rate(form, Map.of("de", "4", "neng", "5", "ji", "4", "qin", "3"), "Reliable on late shifts");
        screenshot("supervisor-rates");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("article.review-card[data-employee='E3001'] li.rating")));
        String given = browser.findElement(By.cssSelector("article.review-card[data-employee='E3001'] li.rating"))
                .getText();
        assertTrue(given.startsWith("supervisor rating of conduct by E2001: de 4 · neng 5 · ji 4 · qin 3"), given);
        long e3001 = api("E2001", "supervisor", "/api/v1/scoring/runs/" + run)
                .getLong("scorecards.find { it.employeeId == 'E3001' }.id");
        JsonPath ratings = api("E2001", "supervisor", "/api/v1/scoring/reviews/" + e3001 + "/ratings");
        assertEquals("supervisor", ratings.getString("[0].role"));
        assertEquals("E2001", ratings.getString("[0].raterId"));
        assertEquals(4.0, ratings.getDouble("[0].scores.de"));
        assertEquals(3.0, ratings.getDouble("[0].scores.qin"));
        screenshot("supervisor-rated");

        // the agent rates a peer of the same run; their own scorecard is not theirs to rate here
        browser.manage().window().setSize(new Dimension(412, 915));
        signInAs("E3001");
        browser.get(gw + "/console/review/runs?period=" + month + "&run=" + run);
        assertNotNull(browser.findElement(By.id("peer-note")));
        assertTrue(browser.findElements(By.cssSelector("article.review-card[data-employee='E3001']")).isEmpty());
        WebElement peer = browser.findElement(By.cssSelector("article.review-card[data-employee='E3002']"));
        WebElement peerForm = peer.findElement(By.cssSelector("form.rate[data-item='conduct']"));
        assertEquals("peer", peerForm.findElement(By.name("role")).getAttribute("value"));
        rate(peerForm, Map.of("de", "5", "neng", "4", "ji", "4", "qin", "5"), null);
        screenshot("peer-rates");
        peerForm.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("article.review-card[data-employee='E3002'] li.rating")));
        assertTrue(browser.findElement(By.cssSelector("article.review-card[data-employee='E3002'] li.rating"))
                .getText().startsWith("Your peer rating of conduct is stored"));
        screenshot("peer-rated");
        long e3002 = api("E9001", "hr", "/api/v1/scoring/runs/" + run)
                .getLong("scorecards.find { it.employeeId == 'E3002' }.id");
        JsonPath peerRatings = api("E9001", "hr", "/api/v1/scoring/reviews/" + e3002 + "/ratings");
        assertEquals("peer", peerRatings.getString("[0].role"));
        assertEquals("E3001", peerRatings.getString("[0].raterId"));
        assertEquals(5.0, peerRatings.getDouble("[0].scores.qin"));
    }

    private static void rate(WebElement form, Map<String, String> scores, String comment) {
        scores.forEach((dimension, score) -> form.findElement(By.name("score." + dimension)).sendKeys(score));
        if (comment != null) {
            form.findElement(By.name("comment")).sendKeys(comment);
        }
    }

    @Test
    @Order(15)
    void hrOpensTheCatalogSetsASalaryComputesApprovesAndDownloadsAPayRunAndSeesTheBudgetChart() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        signInAs("E9001");
        browser.findElement(By.linkText("Catalog")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("catalog-table")));
        List<String> codes = api("E9001", "hr", "/api/v1/metrics/catalog?limit=500").getList("code");
        List<WebElement> metrics = browser.findElements(By.cssSelector("#catalog-table tr.metric-row"));
        assertEquals(codes.size(), metrics.size(), "every metric of the catalog");
        screenshot("hr-catalog");
        browser.findElement(By.linkText("calls_handled")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("metric-facts")));
        assertEquals("in use", browser.findElement(By.id("metric-status")).getText());
        assertFalse(browser.findElements(By.id("retire-button")).isEmpty(), "hr may retire it");
        screenshot("hr-metric");

        // a raise for E3001 from the first day of the month: the month's pay changes
        browser.get(gw + "/console/pay/salaries?unit=G-HOTLINE-1");
        assertFalse(browser.findElements(By.id("salary-E3001")).isEmpty(), "the group's people are listed");
        browser.findElement(By.id("salary-employee")).sendKeys("E3001");
        browser.findElement(By.id("salary-amount")).sendKeys("7300");
        WebElement from = browser.findElement(By.id("salary-from"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", from, month + "-01");
        screenshot("hr-salary-form");
        browser.findElement(By.id("salary-button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#salary-E3001 .salary"),
                "7300"));
        screenshot("hr-salaries");
        assertEquals(7300.0, api("E9001", "hr", "/api/v1/incentives/salaries/E3001").getDouble("monthlySalary"));

        // the plan the demo pays with: its performance pay by grade
        browser.get(gw + "/console/pay/plans?code=PERF"); // the demo plan by its code (ConsoleEngageIT stores others)
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("plan-coefficients")));
        String coefficients = browser.findElement(By.id("plan-coefficients")).getText();
        assertTrue(coefficients.contains("excellent") && coefficients.contains("1.1"), coefficients);
        assertEquals("0.3", browser.findElement(By.id("plan-share")).getText());
        screenshot("hr-plans");

        // a budget for the group
        browser.get(gw + "/console/pay/budgets?period=" + month);
        browser.findElement(By.id("budget-unit")).sendKeys("G-HOTLINE-1");
        browser.findElement(By.id("budget-amount")).sendKeys("5000");
        WebElement budgetButton = browser.findElement(By.id("budget-button"));
        budgetButton.click();
        // the page the form leads back to, not the one it was sent from (a row of the unit may be there already):
        // navigating on before the answer arrived let the form's answer replace the next page
        waiting().until(ConsoleBrowser.gone(budgetButton));
        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#budgets-table tr.budget-row[data-unit='G-HOTLINE-1']")));

        // compute the group's pay again: a new revision with the raise, then approve it
        browser.get(gw + "/console/pay/runs?period=" + month);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("pay-plan"))).selectByValue("PERF");
        browser.findElement(By.id("pay-unit")).sendKeys("G-HOTLINE-1");
        browser.findElement(By.id("compute-pay-button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("pay-run-status")));
        assertEquals("computed", browser.findElement(By.id("pay-run-status")).getText());
        String runUrl = browser.getCurrentUrl();
        String id = runUrl.substring(runUrl.lastIndexOf('/') + 1);
        WebElement statement = browser.findElement(By.cssSelector("#statements-table tr.statement-row"
                + "[data-employee='E3001']"));
        assertTrue(statement.getText().contains("7,300.00 (salary effective " + month + "-01)"),
                "the statement explains the raised salary: " + statement.getText());
        assertTrue(browser.findElements(By.id("downloads")).isEmpty(), "no payroll file before approval");
        screenshot("hr-pay-run-computed");
        browser.findElement(By.id("approve-button")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("pay-run-status"), "approved"));
        assertEquals("APPROVED", api("E9001", "hr", "/api/v1/incentives/runs/" + id).getString("status"));
        screenshot("hr-pay-run-approved");

        // the CSV, through the page's own link (the session cookie; the token never reaches the page)
        String href = browser.findElement(By.id("download-csv")).getAttribute("href");
        assertTrue(href.endsWith("/console/pay/runs/" + id + "/export?format=csv"), href);
        Object file = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(function (r) { return r.text().then(function (t) {"
                        + " done([r.status, r.headers.get('content-type'), r.headers.get('content-disposition'), t]);"
                        + " }); }).catch(function (e) { done([0, '', '', String(e)]); });", href);
        List<?> answer = (List<?>) file;
        assertEquals(200L, ((Number) answer.get(0)).longValue(), String.valueOf(answer));
        assertTrue(String.valueOf(answer.get(1)).startsWith("text/csv"), String.valueOf(answer.get(1)));
        assertTrue(String.valueOf(answer.get(2)).startsWith("attachment"), String.valueOf(answer.get(2)));
        String csv = String.valueOf(answer.get(3)).replace("\uFEFF", "");
        assertTrue(csv.lines().findFirst().orElseThrow().startsWith("runId,revision,planCode,planVersion,period,"
                + "unitCode,employeeId,currency,"), csv);
        assertTrue(csv.contains("E3001"), csv);
        String xlsx = browser.findElement(By.id("download-xlsx")).getAttribute("href");
        assertTrue(xlsx.endsWith("/console/pay/runs/" + id + "/export?format=xlsx"), xlsx);

        // cost against budget, drawn
        browser.get(gw + "/console/pay/budgets?period=" + month);
        waiting().until(ExpectedConditions.attributeToBe(By.id("budget-chart"), "data-rendered", "true"));
        assertTrue(painted("#budget-chart canvas") > 500, "the cost against budget chart is drawn");
        WebElement row = browser.findElement(By.cssSelector("#budgets-table tr.budget-row[data-unit='G-HOTLINE-1']"));
        assertTrue(row.getText().contains("5000") && row.getText().contains("#" + id + " approved"), row.getText());
        screenshot("hr-budgets");

        // honors and promotion ladders render (the demo defines no award or ladder)
        browser.findElement(By.linkText("Honors")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("run-honors")));
        screenshot("hr-honors");
        browser.findElement(By.linkText("Ladders")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("check")));
        screenshot("hr-ladders");
    }

    @Test
    @Order(16)
    void adminIsRefusedTheSalaries() {
        signInAs("E9002");
        assertTrue(browser.findElements(By.linkText("Salaries")).isEmpty(), "no salaries link for admin");
        assertFalse(browser.findElements(By.linkText("Pay runs")).isEmpty(), "admin sees the pay runs");
        browser.get(gw + "/console/pay/salaries");
        assertEquals("Not allowed", browser.findElement(By.id("message-title")).getText());
        assertTrue(browser.findElement(By.id("message-detail")).getText().contains("hr's alone"));
        assertTrue(browser.findElements(By.id("salaries-table")).isEmpty());
        screenshot("admin-salaries-refused");
    }

    @Test
    @Order(17)
    void theLanguageSwitchShowsChineseLabelsOnHrsPagesAndTheBoard() {
        signInAs("E9001");
        browser.get(gw + "/console/pay/budgets?period=" + month);
        browser.findElement(By.id("lang-zh-CN")).click();
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("预算"),
                browser.findElement(By.tagName("h1")).getText());
        assertEquals("成本与预算对比", browser.findElement(By.cssSelector("#cost-vs-budget h2")).getText());
        assertFalse(browser.findElements(By.linkText("薪酬发放")).isEmpty(), "the navigation in Chinese");
        screenshot("language-zh-CN-budgets");

        browser.get(gw + "/console/hr/runs?period=" + month);
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("考核批次"),
                browser.findElement(By.tagName("h1")).getText());
        assertEquals("计算考核批次", browser.findElement(By.cssSelector("#compute h2")).getText());
        assertInChinese(By.cssSelector("#runs-table tr.run-row td.status"), "the runs' statuses");
        screenshot("language-zh-CN-runs");

        browser.get(gw + "/console/pay/runs?period=" + month);
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("薪酬发放批次"));
        assertInChinese(By.cssSelector("#pay-runs-table tr.pay-run-row td.status"), "the pay runs' statuses");
        screenshot("language-zh-CN-pay-runs");

        browser.manage().window().setSize(new Dimension(1920, 1080));
        browser.get(gw + "/console/board");
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("数据大屏"),
                browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector("#board-groups h2")).getText().contains("本月至今"));
        assertTrue(browser.findElement(By.cssSelector("#board-leaders h2")).getText().contains("排行榜"));
        screenshot("language-zh-CN-board");

        browser.findElement(By.id("lang-en")).click();
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Center board"));
    }

    /** The cells are there and each says its status in Chinese words, none the API's code (IN_REVIEW, approved …). */
    private static void assertInChinese(By cells, String what) {
        List<String> texts = browser.findElements(cells).stream().map(WebElement::getText).toList();
        assertFalse(texts.isEmpty(), what + " are listed");
        assertTrue(texts.stream().allMatch(t -> !t.isBlank() && !t.matches(".*[A-Za-z_].*")), what + ": " + texts);
    }

    /** How many pixels of the canvas are painted. */
    private static long painted(String canvas) {
        return console.painted(canvas);
    }

    private static List<Double> totals() {
        return browser.findElements(By.cssSelector("#group-table tr.agent-row td.total")).stream()
                .map(td -> Double.parseDouble(td.getText())).toList();
    }
}
