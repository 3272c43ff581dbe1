package io.perfcenter.e2e;

import io.perfcenter.support.ServiceProcess;
import io.perfcenter.support.Suite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in to the console through a real Keycloak, in a real browser: Keycloak 26 from the
 * {@code org.keycloak:keycloak-quarkus-dist} zip (unpacked by the build into {@code target/keycloak-dist}), started in
 * development mode on Java 17 with {@code deploy/keycloak/perfcenter-realm.json} imported (a random value for each of
 * its secrets), and the packaged gateway against it (no other service: the sign-in is the gateway's and Keycloak's
 * business; the start page then says the services are unavailable, under the signed-in header). Chromium opens the
 * console, is sent to Keycloak's login page, signs in as the demo user agent.e3001 (employee_id E3001, role agent) and
 * lands on the console signed in; signing out ends Keycloak's session too (RP-initiated logout) and comes back to the
 * sign-in page, and signing in again shows Keycloak's login form once more. Keycloak's log, the gateway's and a
 * screenshot of each step stay in {@code target/keycloak-sign-in/}.
 */
class KeycloakSignInIT {

    private static final Path WORK = Path.of("target/keycloak-sign-in").toAbsolutePath();
    private static final Path KEYCLOAK = Path.of(System.getProperty("perfcenter.keycloak.home",
            "target/keycloak-dist/keycloak-26.4.7")).toAbsolutePath();
    private static final Duration KEYCLOAK_START = Duration.ofMinutes(5);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> SECRETS = List.of("CRM_INTEGRATION_SECRET", "HR_SYNC_SECRET",
            "PAYROLL_EXPORT_SECRET", "SCORING_SERVICE_SECRET", "INCENTIVE_SERVICE_SECRET", "PERFCENTER_CLI_SECRET",
            "DEMO_USER_PASSWORD");

    private static Process keycloak;
    private static ServiceProcess gateway;
    private static WebDriver browser;
    private static String keycloakUrl;
    private static String gw;
    private static String password;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        Path kc = KEYCLOAK.resolve("bin/kc.sh");
        if (!Files.exists(kc)) {
            throw new IllegalStateException(kc + " is missing: the build unpacks Keycloak there (maven-dependency-"
                    + "plugin, org.keycloak:keycloak-quarkus-dist) in pre-integration-test");
        }
        Files.createDirectories(WORK);
        int kcPort = Suite.freePort();
        int kcManagement = Suite.freePort();
        int gwPort = Suite.freePort();
        int gwManagement = Suite.freePort();
        keycloakUrl = "http://localhost:" + kcPort;
        gw = "http://localhost:" + gwPort;
        String issuer = keycloakUrl + "/realms/perfcenter";

        // a fresh Keycloak database each run, with the realm to import under the name Keycloak wants
        deleteData();
        Files.createDirectories(KEYCLOAK.resolve("data/import"));
        Files.copy(Suite.findRoot().resolve("deploy/keycloak/perfcenter-realm.json"),
                KEYCLOAK.resolve("data/import/perfcenter-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> env = new HashMap<>();
        SECRETS.forEach(name -> env.put(name, random()));
        password = env.get("DEMO_USER_PASSWORD");
        env.put("PERFCENTER_CONSOLE_URL", gw);
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", random());
        Instant began = Instant.now();
        ProcessBuilder builder = new ProcessBuilder("bash", kc.toString(), "start-dev", "--http-host", "127.0.0.1",
                "--http-port", Integer.toString(kcPort), "--http-management-port", Integer.toString(kcManagement),
                "--import-realm")
                .redirectErrorStream(true).redirectOutput(WORK.resolve("keycloak.log").toFile());
        builder.environment().putAll(env);
        keycloak = builder.start();
        awaitDiscovery(issuer);
        Duration keycloakStarted = Duration.between(began, Instant.now());

        Instant gatewayBegan = Instant.now();
        Map<String, String> gatewayEnv = new HashMap<>();
        gatewayEnv.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer);
        // the services are not started: their routes answer 503 at once
        for (String service : List.of("METRICS", "SCORING", "INCENTIVE")) {
            int nobody = Suite.freePort();
            gatewayEnv.put("PERFCENTER_" + service + "_URL", "http://localhost:" + nobody);
            gatewayEnv.put("PERFCENTER_" + service + "_MANAGEMENT_URL", "http://localhost:" + nobody);
        }
        gateway = ServiceProcess.start("gateway", Suite.findRoot().resolve("gateway"), gwPort, gwManagement,
                gatewayEnv, WORK, Suite.jvmOptions("gateway", Suite.Jit.FAST_START));
        gateway.awaitReady(Duration.ofMinutes(3));
        System.out.printf("KeycloakSignInIT: Keycloak ready after %d s, the gateway after %d s more%n",
                keycloakStarted.toSeconds(), Duration.between(gatewayBegan, Instant.now()).toSeconds());
        browser = ConsoleBrowser.chromium();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            try {
                if (!keycloak.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)) {
                    keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
                    keycloak.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Keycloak's database holds the generated secrets
        deleteData();
    }

    @Test
    void anAgentSignsInThroughKeycloakAndOutOfItAgain() {
        Instant began = Instant.now();
        browser.get(gw + "/");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-provider")));
        assertTrue(browser.getCurrentUrl().startsWith(gw + "/console/sign-in"), browser.getCurrentUrl());
        assertTrue(browser.findElements(By.cssSelector("form[action='/console/sign-in']")).isEmpty(),
                "no demo people are listed when Keycloak is configured");
        screenshot("1-sign-in");

        browser.findElement(By.id("sign-in-provider")).click();
        loginForm();
        screenshot("2-keycloak-login");
        browser.findElement(By.id("username")).sendKeys("agent.e3001");
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();

        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
        String who = browser.findElement(By.id("signed-in-as")).getText();
        assertTrue(who.contains("E3001") && who.contains("agent"), who);
        assertTrue(browser.getCurrentUrl().startsWith(gw + "/"), browser.getCurrentUrl());
        assertFalse(browser.getCurrentUrl().contains("code="), "no code left in the address bar");
        assertTrue(browser.manage().getCookieNamed("perfcenter_session").isHttpOnly());
        screenshot("3-signed-in");

        browser.findElement(By.cssSelector("form.signout button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-provider")));
        assertTrue(browser.getCurrentUrl().startsWith(gw + "/console/sign-in"), browser.getCurrentUrl());
        assertNull(browser.manage().getCookieNamed("perfcenter_session"), "the console's session is gone");
        assertTrue(browser.manage().getCookies().stream().noneMatch(c -> c.getName().startsWith("q_session")),
                "quarkus-oidc's session is gone: " + browser.manage().getCookies());
        screenshot("4-signed-out");
        browser.get(gw + "/");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-provider")));

        // Keycloak's session ended too: signing in again asks for the password
        browser.findElement(By.id("sign-in-provider")).click();
        loginForm();
        screenshot("5-keycloak-login-again");
        assertEquals(0, browser.findElements(By.id("signed-in-as")).size());
        System.out.printf("KeycloakSignInIT: the browser's part took %d s%n",
                Duration.between(began, Instant.now()).toSeconds());
    }

    private static void loginForm() {
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        assertTrue(browser.getCurrentUrl().startsWith(keycloakUrl + "/realms/perfcenter/protocol/openid-connect/auth"),
                browser.getCurrentUrl());
        String url = browser.getCurrentUrl();
        assertTrue(url.contains("client_id=perfcenter-console") && url.contains("code_challenge_method=S256"), url);
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, WAIT);
    }

    private static void screenshot(String name) {
        try {
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    WORK.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitDiscovery(String issuer) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(KEYCLOAK_START);
        while (Instant.now().isBefore(deadline)) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + keycloak.exitValue() + "; see "
                        + WORK.resolve("keycloak.log"));
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Keycloak not ready after " + KEYCLOAK_START + "; see "
                + WORK.resolve("keycloak.log"));
    }

    private static void deleteData() throws IOException {
        Path data = KEYCLOAK.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
