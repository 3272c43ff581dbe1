package io.perfcenter.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's browser tests' browser (ConsoleIT, ConsoleQualityIT, ConsoleEngageIT): Debian's Chromium, headless,
 * driven by Selenium through chromedriver, against the running suite's gateway; signing in (from the local sign-in
 * page, or with a session cookie for people the page does not offer), waits, screenshots kept in a directory of
 * {@code target/}, and reading a chart's canvas.
 */
final class ConsoleBrowser implements AutoCloseable {

    /** How long a wait for a page or an element lasts. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private static final String PAGE_WEIGHTS = "page-weights.txt";

    private final RunningSuite running;
    private final WebDriver driver;
    private final Path screenshots;
    private final boolean pageWeights;

    private ConsoleBrowser(RunningSuite running, WebDriver driver, Path screenshots, boolean pageWeights) {
        this.running = running;
        this.driver = driver;
        this.screenshots = screenshots;
        this.pageWeights = pageWeights;
    }

    /**
     * Starts Chromium on the running suite, keeping screenshots in {@code screenshots} (created); with {@code
     * pageWeights}, each screenshot also notes the page's weight in {@value #PAGE_WEIGHTS} there, started afresh.
     */
    static ConsoleBrowser open(RunningSuite running, Path screenshots, boolean pageWeights) throws IOException {
        Files.createDirectories(screenshots);
        if (pageWeights) {
            Files.deleteIfExists(screenshots.resolve(PAGE_WEIGHTS));
        }
        return new ConsoleBrowser(running, chromium(), screenshots, pageWeights);
    }

    /** Debian's chromium and chromium-driver (CI installs them, see .ci/run); missing ones fail the test. */
    static WebDriver chromium() {
        Path binary = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
        Path driver = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(binary) || !Files.isExecutable(driver)) {
            throw new IllegalStateException("The console's browser tests need Chromium and its driver: " + binary
                    + " and " + driver + " (install them with: apt-get install -y chromium chromium-driver; or set "
                    + "CHROMIUM_BIN and CHROMEDRIVER_BIN)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=412,915", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The browser itself. */
    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** Waits for a condition; an element replaced by the page loading meanwhile is looked up again. */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /**
     * The page that held {@code element} is gone (the next one is loading or loaded): the element is stale, or Chrome
     * answers that its node no longer belongs to the document (a race while the old document is torn down).
     */
    static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(org.openqa.selenium.WebElement element) {
        return d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** A screenshot of the page (and, if asked at the start, the page's weight: its HTML, in bytes). */
    void screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Object bytes = pageWeights ? ((JavascriptExecutor) driver).executeScript(
                "return new TextEncoder().encode(document.documentElement.outerHTML).length;") : null;
        try {
            Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            if (pageWeights) {
                Files.writeString(screenshots.resolve(PAGE_WEIGHTS), name + " " + bytes + " bytes of HTML\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Signs in as one of the demo people the local sign-in page offers, by clicking their name there (with a
     * screenshot of the sign-in page if asked).
     */
    void signInFromPage(String employeeId, boolean screenshotOfThePage) {
        driver.manage().deleteAllCookies();
        driver.get(running.suite.gatewayUrl() + "/");
        waiting().until(ExpectedConditions.urlContains("/console/sign-in"));
        if (screenshotOfThePage) {
            screenshot("sign-in");
        }
        driver.findElement(By.id("sign-in-" + employeeId)).click();
        assertSignedInAs(employeeId);
    }

    /**
     * Signs in as a person of a test's own data: the session cookie the sign-in page would set, holding a token of
     * the suite's identity (the local sign-in page offers only the demo people).
     */
    void signInWithCookie(String employeeId, String role) {
        String gw = running.suite.gatewayUrl();
        driver.manage().deleteAllCookies();
        driver.get(gw + "/console/sign-in");
        String token = running.identity.token(employeeId, employeeId, List.of(role), Duration.ofMinutes(30));
        driver.manage().addCookie(new Cookie.Builder("perfcenter_session", token).path("/").isHttpOnly(true)
                .sameSite("Strict").build());
        driver.get(gw + "/console/board");
        assertSignedInAs(employeeId);
    }

    private void assertSignedInAs(String employeeId) {
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
        assertTrue(driver.findElement(By.id("signed-in-as")).getText().contains(employeeId));
    }

    /** How many pixels of the canvas are painted. */
    long painted(String canvas) {
        Object n = ((JavascriptExecutor) driver).executeScript(
                "var c = document.querySelector(arguments[0]); if (!c) return 0;"
                        + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                        + "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;", canvas);
        return ((Number) n).longValue();
    }
}
