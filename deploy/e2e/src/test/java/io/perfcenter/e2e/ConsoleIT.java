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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real browser: Debian's Chromium, headless, driven by Selenium through chromedriver, against the
 * packaged suite through the gateway, with the demo data set. An agent signs in from the local sign-in page, sees
 * their month (total, an item's explanation, the trend chart drawn) on a phone-sized screen, files an appeal and
 * finds it listed; another agent's month is refused; the supervisor sees their group's table, sorts it and opens an
 * agent's month; the language switch turns the labels to Chinese (zh-CN) and back, remembered from page to page. A
 * screenshot of every page is kept under {@code target/console-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static RunningSuite running;
    private static String gw;
    private static String month;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        running = RunningSuite.get();
        gw = running.suite.gatewayUrl();
        // the demo data set (SuiteFlowIT may have loaded it already; loading it again changes nothing)
        new DemoData(gw, Launcher.tokens(running.identity, Duration.ofMinutes(30))).load();
        month = YearMonth.now(Clock.system(ZoneId.of("Asia/Shanghai"))).minusMonths(1).toString();
        Files.createDirectories(SCREENSHOTS);
        browser = chromium();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Debian's chromium and chromium-driver (CI installs them, see .ci/run); missing ones fail the test. */
    static WebDriver chromium() {
        Path binary = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
        Path driver = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(binary) || !Files.isExecutable(driver)) {
            throw new IllegalStateException("ConsoleIT needs Chromium and its driver: " + binary + " and " + driver
                    + " (install them with: apt-get install -y chromium chromium-driver; or set CHROMIUM_BIN and "
                    + "CHROMEDRIVER_BIN)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=412,915", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, WAIT);
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
        screenshot("sign-in");
        browser.findElement(By.id("sign-in-" + employeeId)).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
        assertTrue(browser.findElement(By.id("signed-in-as")).getText().contains(employeeId));
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
        screenshot("language-zh-CN-month");

        browser.findElement(By.id("lang-en")).click();
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertTrue(browser.findElement(By.cssSelector("section.summary")).getText().contains("Total"));
        browser.get(gw + "/console/group?period=" + month);
        assertFalse(browser.findElements(By.xpath("//table[@id='group-table']//th/button[.='Total']")).isEmpty(),
                "English again, remembered");
    }

    private static List<Double> totals() {
        return browser.findElements(By.cssSelector("#group-table tr.agent-row td.total")).stream()
                .map(td -> Double.parseDouble(td.getText())).toList();
    }
}
