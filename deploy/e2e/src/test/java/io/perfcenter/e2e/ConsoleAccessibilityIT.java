package io.perfcenter.e2e;

import io.perfcenter.launcher.DemoData;
import io.perfcenter.launcher.Launcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console is accessible (issue 12: labels, keyboard, contrast), checked in Chromium on the demo data:
 * <ul>
 *   <li>every console page a demo person reaches by following the console's own links from their start page (up to
 *   {@value #PAGES_PER_PERSON}) passes axe-core, the accessibility engine behind the browsers' own audits (pinned in
 *   {@code partner-tools/package.json}, installed by the build), against WCAG 2.1 A and AA: form controls with labels,
 *   buttons and links with names, text contrast, the page's language, landmarks, tables, ARIA; in English and in
 *   Chinese, for an agent, a supervisor, a manager, hr and a QA specialist;</li>
 *   <li>the agent's month is used with the keyboard alone: Tab reaches every visible control in turn, each shows
 *   where the focus is, Enter opens an item's appeal form and Tab goes on into it, and the language switch works
 *   from the keyboard.</li>
 * </ul>
 * How long the agent's month takes to load in the browser is written to {@code render-times.txt} beside the
 * screenshots (a figure, not a timed assertion).
 */
class ConsoleAccessibilityIT {

    static final Path AXE = Path.of("partner-tools/node_modules/axe-core/axe.min.js");
    static final int PAGES_PER_PERSON = 30;
    private static final Path SCREENSHOTS = Path.of("target/console-a11y-screenshots");

    private static RunningSuite running;
    private static String gw;
    private static ConsoleBrowser console;
    private static WebDriver browser;
    private static String axe;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isRegularFile(AXE)) {
            throw new IllegalStateException(AXE.toAbsolutePath() + " is missing: the build installs it (npm ci in "
                    + "deploy/e2e/partner-tools, pre-integration-test)");
        }
        axe = Files.readString(AXE);
        running = RunningSuite.get();
        gw = running.suite.gatewayUrl();
        new DemoData(gw, Launcher.tokens(running.identity, Duration.ofMinutes(30))).load();
        console = ConsoleBrowser.open(running, SCREENSHOTS, false);
        browser = console.driver();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"E3001, en", "E3001, zh-CN", "E2001, en", "E2001, zh-CN", "E1001, zh-CN", "E9001, en",
            "E9001, zh-CN", "E4001, en"})
    void everyPageAPersonReachesMeetsWcag21AA(String employeeId, String language) {
        console.signInFromPage(employeeId, false);
        browser.manage().addCookie(new Cookie("perfcenter_lang", language, "/"));
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        List<String> violations = new ArrayList<>();
        while (!queue.isEmpty() && seen.size() < PAGES_PER_PERSON) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            browser.get(gw + path);
            assertEquals(language, browser.findElement(By.tagName("html")).getAttribute("lang"),
                    path + " declares the page's language");
            for (Object href : (List<?>) js("return Array.from(document.querySelectorAll('a[href]'))"
                    + ".map(function (a) { return a.getAttribute('href'); });")) {
                String link = String.valueOf(href).replaceFirst("#.*", "");
                if (link.startsWith("/console/") && !link.contains("export") && !link.contains("/sign-")
                        && !seen.contains(link)) {
                    queue.add(link);
                }
            }
            js(axe);
            Object found = ((JavascriptExecutor) browser).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', "
                            + "'wcag21aa']}}).then(function (r) { done(r.violations.map(function (v) {"
                            + "  return v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3)"
                            + "    .map(function (n) { return n.target.join(' '); }).join(', '); })); },"
                            + "  function (e) { done(['axe failed: ' + e]); });");
            for (Object v : (List<?>) found) {
                violations.add(path + ": " + v);
            }
        }
        console.screenshot("last-page-" + employeeId + "-" + language);
        assertTrue(seen.size() >= 3, employeeId + " reached only " + seen);
        assertTrue(violations.isEmpty(), employeeId + " in " + language + ", " + seen.size() + " pages, "
                + violations.size() + " WCAG violations:\n" + String.join("\n", violations));
    }

    @Test
    void theAgentsMonthIsUsedWithTheKeyboardAlone() throws IOException {
        console.signInFromPage("E3001", false);
        browser.manage().addCookie(new Cookie("perfcenter_lang", "en", "/"));
        browser.manage().window().setSize(new Dimension(1280, 1000));
        List<Long> loads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            browser.get(gw + "/");
            loads.add(((Number) js("var n = performance.getEntriesByType('navigation')[0];"
                    + "return Math.round(n.loadEventEnd - n.startTime);")).longValue());
        }
        Files.writeString(SCREENSHOTS.resolve("render-times.txt"), "agent's month, load event after navigation "
                + "start, ms (first is cold): " + loads + "\n");

        // every visible control (a group of radio buttons is one stop of the Tab order)
        long controls = ((Number) js("var groups = {}; return Array.from(document.querySelectorAll("
                + "'a[href], button, input:not([type=hidden]), select, textarea, summary'))"
                // what a closed <details> holds is not shown, so not in the Tab order until it is opened
                + ".filter(function (e) { if (e.disabled || !e.checkVisibility({visibilityProperty: true})) {"
                + "  return false; }"
                + "  if (e.type === 'radio') { if (groups[e.name]) { return false; } groups[e.name] = true; }"
                + "  return true; }).length;")).longValue();
        assertEquals(0L, ((Number) js("return document.querySelectorAll('[tabindex^=\"-\"]').length;")).longValue(),
                "no control is taken out of the Tab order");
        assertTrue(controls > 10, "the agent's month has its controls: " + controls);

        browser.findElement(By.tagName("body")).click();
        js("document.activeElement.blur();");
        Set<Object> reached = new LinkedHashSet<>();
        List<String> withoutFocusRing = new ArrayList<>();
        for (int i = 0; i < controls + 5; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = browser.switchTo().activeElement();
            if ("body".equals(focused.getTagName())) {
                continue;
            }
            reached.add(js("var e = document.activeElement; if (!e.dataset.tabSeen) { e.dataset.tabSeen = '"
                    + "t' + Math.random(); } return e.dataset.tabSeen;"));
            String outline = focused.getCssValue("outline-style");
            if ("none".equals(outline)) {
                withoutFocusRing.add(focused.getTagName() + " " + focused.getText());
            }
        }
        assertTrue(reached.size() >= controls, "Tab reached " + reached.size() + " of " + controls + " controls");
        assertTrue(withoutFocusRing.isEmpty(), "focused without a visible focus ring: " + withoutFocusRing);

        // an item's appeal form opens from the keyboard: Enter on its summary, then Tab reaches the form
        WebElement summary = browser.findElement(By.cssSelector("details.appeal summary"));
        js("arguments[0].focus();", summary);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertTrue((Boolean) js("return arguments[0].parentElement.open;", summary), "Enter opens the appeal form");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("select", browser.switchTo().activeElement().getTagName(),
                "Tab goes from the summary into the form it opened (the appeal's kind)");

        // the language switch from the keyboard: focus it, press Enter
        WebElement chinese = browser.findElement(By.id("lang-zh-CN"));
        js("arguments[0].focus();", chinese);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        console.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
        console.screenshot("month-zh-CN-by-keyboard");
        WebElement english = browser.findElement(By.id("lang-en"));
        js("arguments[0].focus();", english);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        console.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
