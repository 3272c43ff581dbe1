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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's engagement pages in a real browser (Debian's Chromium, as {@link ConsoleIT}), on the demo
 * organisation with figures of its own month, June 2025, seeded through the public API: group G-HOTLINE-1's three
 * agents have one CSAT value each (E3001 4.2, E3002 4.8, E3003 4.5) and the center's leaderboard policy is top 1,
 * names anonymised. So, by competition ranking on CSAT, HIGHER first: E3002 1st, E3003 2nd, E3001 3rd; the agent E3001
 * sees the first place as "Agent #1" (4.8) and their own row (3rd of 3, 4.2), drawn as a bar chart. A contest over
 * June on CSAT for the group (GOAL 4.0: 50 points and badge eng-goal; TOP 1: 30 points), created by hr from the form:
 * every agent reaches 4.0, so E3002 earns 50 + 30 and E3003 and E3001 50 each; after hr closes it E3001's ledger
 * holds +50 for it and the badge. Another group's board and contest are refused to E3001. A run of a template whose
 * manual-rating item counts peer ratings, in review for June, puts a link on E3001's month page to the peer ratings,
 * where E3001 rates E3002. hr adds a metric from the catalog page (a derivation that is not JSON refused first) and
 * stores a plan from its JSON on the plans page (a share of 1.5 refused by the API naming performancePayShare, then
 * 0.25 stored). hr changes the center's leaderboard policy from its page (a minimum of 1 csat sample), adds a badge
 * from the catalog page, and freezes group 1's June CSAT board, which the board's page then lists among the unit's
 * snapshots. A screenshot of every page under {@code target/console-engage-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleEngageIT {

    private static final Path SCREENSHOTS = Path.of("target/console-engage-screenshots");
    private static final String PERIOD = "2025-06";
    private static final String CONTEST = "ENG-CSAT-JUN";
    private static final String OTHER = "ENG-OTHER-JUN";

    private static RunningSuite running;
    private static String gw;
    private static ConsoleBrowser console;
    private static WebDriver browser;
    private static long peerRun;

    @BeforeAll
    static void start() throws IOException {
        running = RunningSuite.get();
        gw = running.suite.gatewayUrl();
        new DemoData(gw, Launcher.tokens(running.identity, Duration.ofMinutes(30))).load();
        seed();
        console = ConsoleBrowser.open(running, SCREENSHOTS, false);
        browser = console.driver();
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
    }

    /** June 2025's CSAT of group 1, the center's policy, the badges, another group's contest, a run with peers. */
    private static void seed() {
        List<Map<String, Object>> values = new ArrayList<>();
        Map<String, Double> csat = Map.of("E3001", 4.2, "E3002", 4.8, "E3003", 4.5);
        csat.forEach((agent, value) -> values.add(Map.of("sourceSystem", "e2e-engage", "externalId",
                "csat-" + agent + "-" + PERIOD, "employeeId", agent, "metricCode", "csat", "date", PERIOD + "-10",
                "value", value)));
        running.as(null, "records-writer").body(values).post("/api/v1/metrics/values").then().statusCode(200);
        running.as("E9001", "hr").body(Map.of("topN", 1, "names", "ANONYMISED", "minSamples", Map.of()))
                .put("/api/v1/incentives/engagement/leaderboard-policies/C-SH").then().statusCode(200);
        for (String badge : List.of("eng-goal", "eng-top")) {
            int status = running.as("E9001", "hr").body(Map.of("code", badge, "nameZh", "达标 " + badge,
                    "nameEn", "Reached " + badge)).post("/api/v1/incentives/engagement/badges").then().extract()
                    .statusCode();
            assertTrue(status == 201 || status == 409, "badge " + badge + ": " + status);
        }
        int other = running.as("E9001", "hr").body(Map.of("code", OTHER, "name", "Group 2's CSAT", "metric", "csat",
                "unitCodes", List.of("G-HOTLINE-2"), "from", PERIOD + "-01", "to", PERIOD + "-30",
                "rules", List.of(Map.of("type", "GOAL", "threshold", 4.0, "points", 10))))
                .post("/api/v1/incentives/engagement/contests").then().extract().statusCode();
        assertTrue(other == 201 || other == 409, "the other group's contest: " + other);

        // a template whose one manual-rating item counts peer ratings, run for group 1's June and opened for review
        int template = running.as("E9001", "hr").body(Map.of("code", "ENGPEER", "name", "Peers (德能绩勤)",
                "position", "seat", "items", List.of(Map.of("code", "conduct", "name", "Conduct", "category",
                        "behaviour", "weight", 100, "rule", Map.of("type", "manual-rating", "dimensions", List.of(
                                Map.of("code", "de", "name", "德 integrity", "weight", 50),
                                Map.of("code", "qin", "name", "勤 diligence", "weight", 50)),
                                "raters", List.of(Map.of("role", "supervisor", "weight", 60),
                                        Map.of("role", "peer", "weight", 40))))),
                "gradeBands", List.of(Map.of("grade", "good", "minScore", 60), Map.of("grade", "fail", "minScore", 0))))
                .post("/api/v1/scoring/templates").then().extract().statusCode();
        assertTrue(template == 201 || template == 409, "template ENGPEER: " + template);
        peerRun = running.as("E9001", "hr").body(Map.of("templateCode", "ENGPEER", "unitCode", "G-HOTLINE-1",
                "period", PERIOD)).post("/api/v1/scoring/runs").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        running.as("E9001", "hr").post("/api/v1/scoring/runs/" + peerRun + "/review").then().statusCode(200);
    }

    private static WebDriverWait waiting() {
        return console.waiting();
    }

    private static void screenshot(String name) {
        console.screenshot(name);
    }

    private static void signInAs(String employeeId) {
        console.signInFromPage(employeeId, false);
    }

    private static JsonPath api(String employeeId, String role, String path) {
        return running.as(employeeId, role).get(path).then().statusCode(200).extract().jsonPath();
    }

    /** How many pixels of the canvas are painted. */
    private static long painted(String canvas) {
        return console.painted(canvas);
    }

    private static List<List<String>> rows(String selector) {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement tr : browser.findElements(By.cssSelector(selector))) {
            List<String> cells = new ArrayList<>();
            tr.findElements(By.tagName("td")).forEach(td -> cells.add(td.getText().strip()));
            rows.add(cells);
        }
        return rows;
    }

    @Test
    @Order(1)
    void theAgentSeesTheTopPlaceAnonymisedAndTheirOwnPlaceOnTheBoardDrawnAsBars() {
        signInAs("E3001");
        browser.findElement(By.id("nav-leaderboard")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("board-filter")));
        // the form by keyboard: the period typed, the measure chosen, Enter submits
        WebElement period = browser.findElement(By.id("board-period"));
        period.clear();
        period.sendKeys(PERIOD);
        new Select(browser.findElement(By.id("board-measure"))).selectByValue("csat");
        browser.findElement(By.id("board-unit")).sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("measure=csat"));

        assertEquals("G-HOTLINE-1", browser.findElement(By.id("board-unit")).getAttribute("value"),
                "the agent's own group by default");
        // E3002 4.8 (1st), E3003 4.5 (2nd), E3001 4.2 (3rd); top 1 anonymised, and the agent's own row
        List<List<String>> rows = rows("#board-table tr.board-row");
        assertEquals(2, rows.size(), rows.toString());
        assertEquals("1", rows.get(0).get(0));
        assertEquals("Agent #1", rows.get(0).get(1));
        assertEquals(4.8, Double.parseDouble(rows.get(0).get(2)), 1e-9);
        assertEquals("3", rows.get(1).get(0));
        assertTrue(rows.get(1).get(1).startsWith("Li Na") && rows.get(1).get(1).contains("you"), rows.toString());
        assertEquals(4.2, Double.parseDouble(rows.get(1).get(2)), 1e-9);
        assertFalse(browser.getPageSource().contains("E3002") || browser.getPageSource().contains("Wang Fang"),
                "the others' names and ids are not in the page");
        assertEquals("Your place: 3 of 3", browser.findElement(By.id("own-place")).getText());
        assertEquals("true", browser.findElement(By.cssSelector("#board-table tr.you")).getAttribute("aria-current"));

        waiting().until(ExpectedConditions.attributeToBe(By.id("board-chart"), "data-rendered", "true"));
        long painted = painted("#board-chart canvas");
        assertTrue(painted > 500, "the chart's canvas is not blank: " + painted);
        screenshot("agent-leaderboard");
    }

    @Test
    @Order(2)
    void anotherGroupsBoardAndContestAreRefusedToTheAgent() {
        browser.get(gw + "/console/engage/board?unit=G-HOTLINE-2&period=" + PERIOD + "&measure=csat");
        assertEquals("Refused", browser.findElement(By.id("message-title")).getText());
        assertTrue(browser.findElement(By.id("message-detail")).getText()
                .contains("does not show the leaderboard of G-HOTLINE-2 for " + PERIOD + " to you"));
        assertTrue(browser.findElements(By.id("board-table")).isEmpty());
        screenshot("agent-other-board-refused");

        browser.get(gw + "/console/engage/contests/" + OTHER);
        assertEquals("Refused", browser.findElement(By.id("message-title")).getText());
        assertTrue(browser.findElements(By.id("standings-table")).isEmpty());
        screenshot("agent-other-contest-refused");

        browser.get(gw + "/console/engage/contests");
        assertTrue(browser.findElements(By.cssSelector("tr[data-contest='" + OTHER + "']")).isEmpty(),
                "another group's contest is not listed to the agent");
        assertTrue(browser.findElements(By.id("contest-form")).isEmpty(), "agents do not create contests");
    }

    @Test
    @Order(3)
    void hrCreatesAContestFromTheFormTheStandingsShowTheHandComputedFiguresAndClosingFillsTheLedger() {
        signInAs("E9001");
        browser.findElement(By.id("nav-contests")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("contest-form")));
        browser.findElement(By.id("contest-code")).sendKeys(CONTEST);
        browser.findElement(By.id("contest-name")).sendKeys("CSAT June (e2e)");
        browser.findElement(By.id("contest-metric")).sendKeys("csat");
        browser.findElement(By.id("contest-units")).sendKeys("G-HOTLINE-1");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("document.getElementById('contest-from').value = arguments[0];"
                + "document.getElementById('contest-to').value = arguments[1];", PERIOD + "-01", PERIOD + "-30");
        browser.findElement(By.id("rule1-threshold")).sendKeys("4.0");
        browser.findElement(By.id("rule1-points")).sendKeys("50");
        browser.findElement(By.id("rule1-badge")).sendKeys("eng-goal");
        new Select(browser.findElement(By.id("rule2-type"))).selectByValue("TOP");
        browser.findElement(By.id("rule2-places")).sendKeys("1");
        browser.findElement(By.id("rule2-points")).sendKeys("30");
        screenshot("hr-contest-form");
        browser.findElement(By.id("create-contest-button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("standings-table")));
        assertEquals("open", browser.findElement(By.id("contest-status")).getText());
        List<String> rules = browser.findElements(By.cssSelector("#contest-rules li")).stream()
                .map(WebElement::getText).toList();
        assertEquals(2, rules.size(), rules.toString());
        assertTrue(rules.get(0).startsWith("Reach 4") && rules.get(0).endsWith("50 points, badge eng-goal"),
                rules.toString());
        assertEquals("Top 1: 30 points", rules.get(1));

        // hr sees every row: E3002 4.8, E3003 4.5, E3001 4.2, and what each would earn now
        List<List<String>> rows = rows("#standings-table tr.standing-row");
        assertEquals(3, rows.size(), rows.toString());
        assertEquals(List.of("1", "2", "3"), rows.stream().map(r -> r.get(0)).toList());
        assertTrue(rows.get(0).get(1).contains("E3002") && rows.get(1).get(1).contains("E3003")
                && rows.get(2).get(1).contains("E3001"), rows.toString());
        assertEquals(List.of(4.8, 4.5, 4.2), rows.stream().map(r -> Double.parseDouble(r.get(2))).toList());
        assertEquals(80, pointsOf("E3002"));
        assertEquals(50, pointsOf("E3003"));
        assertEquals(50, pointsOf("E3001"));
        waiting().until(ExpectedConditions.attributeToBe(By.id("standings-chart"), "data-rendered", "true"));
        assertTrue(painted("#standings-chart canvas") > 500, "the standings chart is drawn");
        screenshot("hr-contest-live");

        // the agent's live view: the policy's (top 1 anonymised and their own row)
        signInAs("E3001");
        browser.findElement(By.id("nav-contests")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("contests-open")));
        browser.findElement(By.cssSelector("tr[data-contest='" + CONTEST + "'] a")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("standings-table")));
        List<List<String>> seen = rows("#standings-table tr.standing-row");
        assertEquals(2, seen.size(), seen.toString());
        assertEquals(List.of("1", "Agent #1"), seen.get(0).subList(0, 2));
        assertEquals("3", seen.get(1).get(0));
        assertEquals("Your place: 3 of 3", browser.findElement(By.id("own-place")).getText());
        assertTrue(browser.findElements(By.id("close-form")).isEmpty(), "an agent does not close contests");
        screenshot("agent-contest-live");

        // hr closes it: the awards are written, the standings final
        signInAs("E9001");
        browser.get(gw + "/console/engage/contests/" + CONTEST);
        browser.findElement(By.id("close-button")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("contest-status"), "closed"));
        assertEquals("Awards written at close", browser.findElement(By.cssSelector("#awards h2")).getText());
        assertEquals(80, pointsOf("E3002"));
        assertEquals(50, pointsOf("E3001"));
        screenshot("hr-contest-closed");
        browser.get(gw + "/console/engage/contests");
        assertFalse(browser.findElements(By.cssSelector("#closed-table tr[data-contest='" + CONTEST + "']"))
                .isEmpty(), "listed among the closed ones");

        // the agent's ledger holds the 50 points of the contest, and the badge
        signInAs("E3001");
        browser.get(gw + "/console/engage/points");
        List<WebElement> entries = browser.findElements(By.cssSelector("#ledger-table tr[data-contest='" + CONTEST
                + "']"));
        assertEquals(1, entries.size(), "one entry: the GOAL rule's (E3001 is not first)");
        assertEquals("+50", entries.get(0).findElement(By.cssSelector("td.points")).getText());
        assertFalse(browser.findElements(By.cssSelector("#badge-list li[data-badge='eng-goal']")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector("#badge-list li[data-badge='eng-top']")).isEmpty());
        JsonPath ledger = api("E3001", "agent", "/api/v1/incentives/engagement/points/E3001/ledger");
        assertTrue(ledger.getList("findAll { it.contestCode == '" + CONTEST + "' }.points").equals(List.of(50)),
                ledger.prettify());
        screenshot("agent-points");
    }

    /** The points a participant earns on the contest page's awards table (every rule's row summed). */
    private static int pointsOf(String employeeId) {
        return browser.findElements(By.cssSelector("#awards-table tr.award-row[data-who='" + employeeId + "']"))
                .stream().mapToInt(tr -> Integer.parseInt(tr.findElement(By.cssSelector("td.points")).getText()))
                .sum();
    }

    @Test
    @Order(4)
    void theMonthPageShowsPointsAndBadgesAndLinksTheAgentToThePeerRatingThatSaves() {
        browser.manage().window().setSize(new Dimension(412, 915));
        browser.get(gw + "/?period=" + PERIOD);
        WebElement block = browser.findElement(By.id("engagement"));
        assertTrue(block.findElement(By.id("month-balance")).getText().matches("Balance: \\d+ points"),
                block.getText());
        assertTrue(block.getText().contains("Reached eng-goal"), block.getText());
        WebElement link = block.findElement(By.id("peer-rating-link-" + peerRun));
        screenshot("agent-month-engagement");
        link.click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("peer-note")));
        WebElement peer = browser.findElement(By.cssSelector("article.review-card[data-employee='E3002']"));
        WebElement form = peer.findElement(By.cssSelector("form.rate[data-item='conduct']"));
        assertEquals("peer", form.findElement(By.name("role")).getAttribute("value"));
        form.findElement(By.name("score.de")).sendKeys("5");
        form.findElement(By.name("score.qin")).sendKeys("4");
        screenshot("agent-peer-rating");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("article.review-card[data-employee='E3002'] li.rating")));
        assertTrue(browser.findElement(By.cssSelector("article.review-card[data-employee='E3002'] li.rating"))
                .getText().startsWith("Your peer rating of conduct is stored"));
        screenshot("agent-peer-rated");
        long e3002 = api("E9001", "hr", "/api/v1/scoring/runs/" + peerRun)
                .getLong("scorecards.find { it.employeeId == 'E3002' }.id");
        JsonPath ratings = api("E9001", "hr", "/api/v1/scoring/reviews/" + e3002 + "/ratings");
        assertEquals("peer", ratings.getString("[0].role"));
        assertEquals("E3001", ratings.getString("[0].raterId"));
        assertEquals(5.0, ratings.getDouble("[0].scores.de"));
        assertEquals(4.0, ratings.getDouble("[0].scores.qin"));
    }

    @Test
    @Order(5)
    void hrAddsAMetricFromTheCatalogAndStoresAPlanFromItsJsonAndSeesTheApisProblem() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        signInAs("E9001");
        browser.findElement(By.linkText("Catalog")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("metric-form")));
        // text that is not JSON in the derivation: refused naming the field, nothing stored
        fillMetric("eng_fcr_e2e");
        browser.findElement(By.id("metric-derivation")).sendKeys("{\"record\": ");
        browser.findElement(By.id("create-metric-button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("message-detail")));
        assertTrue(browser.findElement(By.id("message-detail")).getText().startsWith("derivation: is not valid JSON"));
        running.as("E9001", "hr").get("/api/v1/metrics/catalog/eng_fcr_e2e").then().statusCode(404);
        screenshot("hr-metric-bad-json");

        browser.get(gw + "/console/catalog");
        fillMetric("eng_fcr_e2e");
        screenshot("hr-metric-form");
        browser.findElement(By.id("create-metric-button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("metric-facts")));
        assertTrue(browser.getCurrentUrl().endsWith("/console/catalog/eng_fcr_e2e"), browser.getCurrentUrl());
        assertEquals("in use", browser.findElement(By.id("metric-status")).getText());
        assertEquals("First-call resolution (e2e)", api("E9001", "hr", "/api/v1/metrics/catalog/eng_fcr_e2e")
                .getString("nameEn"));
        screenshot("hr-metric-added");

        // a plan: the API's problem names the field; the same plan with a share stored as version 1
        browser.findElement(By.linkText("Plans")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("plan-form")));
        String plan = "{\"code\":\"ENG-PLAN\",\"name\":\"Engagement plan (e2e)\",\"currency\":\"CNY\","
                + "\"performancePayShare\":%s,\"gradeCoefficients\":{\"excellent\":1.2,\"good\":1.0,\"pass\":0.8,"
                + "\"fail\":0}}";
        paste("plan-definition", String.format(plan, "1.5"));
        browser.findElement(By.id("create-plan-button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("message-detail")));
        assertTrue(browser.findElement(By.id("message-detail")).getText().contains("performancePayShare"),
                browser.findElement(By.id("message-detail")).getText());
        running.as("E9001", "hr").get("/api/v1/incentives/plans/ENG-PLAN").then().statusCode(404);
        screenshot("hr-plan-refused");
        browser.get(gw + "/console/pay/plans");
        paste("plan-definition", String.format(plan, "0.25"));
        browser.findElement(By.id("create-plan-button")).click();
        waiting().until(ExpectedConditions.urlContains("code=ENG-PLAN"));
        assertEquals(0.25, Double.parseDouble(browser.findElement(By.id("plan-share")).getText()), 1e-9);
        screenshot("hr-plan-stored");
    }

    @Test
    @Order(6)
    void hrSetsThePolicyAddsABadgeAndFreezesABoardListedAmongTheUnitsSnapshots() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        signInAs("E9001");
        browser.get(gw + "/console/engage/policy?center=C-SH");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("policy-form")));
        // the seeded policy: top 1, names anonymised, no minimum of samples
        assertEquals("1", browser.findElement(By.id("policy-top-n")).getText());
        assertTrue(browser.findElement(By.id("policy-names")).getText().startsWith("Anonymised"));
        WebElement mins = browser.findElement(By.id("policy-min-samples-input"));
        mins.clear();
        mins.sendKeys("csat=1");
        screenshot("hr-leaderboard-policy-form");
        browser.findElement(By.id("policy-save")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("policy-min-samples"), "csat: 1"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/engage/policy?center=C-SH"), browser.getCurrentUrl());
        JsonPath policy = api("E9001", "hr", "/api/v1/incentives/engagement/leaderboard-policies/C-SH");
        assertEquals(1, policy.getInt("minSamples.csat"));
        assertEquals(1, policy.getInt("topN"));
        assertEquals("ANONYMISED", policy.getString("names"));
        screenshot("hr-leaderboard-policy");

        // a badge from the catalog page (a code is defined once: a new one each run)
        String code = "eng-e2e-" + (System.currentTimeMillis() % 1_000_000_000L);
        browser.get(gw + "/console/engage/badges");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("badge-form")));
        assertFalse(browser.findElements(By.cssSelector("tr[data-badge='eng-goal']")).isEmpty());
        browser.findElement(By.id("badge-code")).sendKeys(code);
        browser.findElement(By.id("badge-name-zh")).sendKeys("端到端徽章");
        browser.findElement(By.id("badge-name-en")).sendKeys("End-to-end badge");
        browser.findElement(By.id("badge-description")).sendKeys("Added from the console");
        browser.findElement(By.id("create-badge-button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-badge='" + code + "']")));
        assertEquals("End-to-end badge", api("E9001", "hr", "/api/v1/incentives/engagement/badges/" + code)
                .getString("nameEn"));
        screenshot("hr-badge-catalog");

        // group 1's June CSAT board frozen from its page, then listed among the unit's snapshots as the board shown
        browser.get(gw + "/console/engage/board?unit=G-HOTLINE-1&period=" + PERIOD + "&measure=csat");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("board-table")));
        if (!browser.findElements(By.id("freeze-button")).isEmpty()) {
            browser.findElement(By.id("freeze-button")).click();
        }
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("frozen")));
        WebElement current = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#snapshots-table tr.snapshot-row[data-period='" + PERIOD + "'][data-measure='csat'].current")));
        assertEquals("true", current.getAttribute("aria-current"));
        List<String> cells = current.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertEquals(PERIOD, cells.get(0));
        assertEquals("3", cells.get(5), "three agents ranked: " + cells);
        assertEquals("0", cells.get(6), cells.toString());
        List<String> listed = running.as("E9001", "hr").get("/api/v1/incentives/engagement/leaderboards/snapshots"
                + "?unitCode=G-HOTLINE-1&period=" + PERIOD + "&measure=csat").then().statusCode(200).extract()
                .jsonPath().getList("direction");
        assertEquals(List.of("HIGHER"), listed);
        screenshot("hr-leaderboard-snapshots");
        // the seeded policy back, for whatever reads the center's boards next
        running.as("E9001", "hr").body(Map.of("topN", 1, "names", "ANONYMISED", "minSamples", Map.of()))
                .put("/api/v1/incentives/engagement/leaderboard-policies/C-SH").then().statusCode(200);
    }

    private static void fillMetric(String code) {
        browser.findElement(By.id("metric-code")).sendKeys(code);
        browser.findElement(By.id("metric-name-zh")).sendKeys("首次解决率");
        browser.findElement(By.id("metric-name-en")).sendKeys("First-call resolution (e2e)");
        browser.findElement(By.id("metric-unit")).sendKeys("%");
        new Select(browser.findElement(By.id("metric-aggregation"))).selectByValue("MEAN");
        browser.findElement(By.id("metric-category")).sendKeys("customer");
        browser.findElement(By.id("metric-source")).sendKeys("crm");
    }

    /** Text into a field at once (a long JSON typed key by key is slow and gains nothing). */
    private static void paste(String id, String text) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                id, text);
    }
}
