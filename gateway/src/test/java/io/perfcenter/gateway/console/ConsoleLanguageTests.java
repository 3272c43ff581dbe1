package io.perfcenter.gateway.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.gateway.AllServicesUp;
import io.perfcenter.gateway.InjectServiceStubs;
import io.perfcenter.gateway.ServiceStubs;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's language: zh-CN or en, from the remembered choice (cookie), else the browser's Accept-Language, else
 * English; labels come from the message bundle, and the page's API calls carry the language.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class ConsoleLanguageTests {

    private static final String CSRF = "test-csrf-token-0123456789abcdef";

    @InjectServiceStubs
    ServiceStubs stubs;

    @BeforeEach
    void reset() {
        stubs.servers().values().forEach(WireMockServer::resetRequests);
    }

    @Test
    void theBrowsersAcceptLanguageChoosesWhenNothingIsRemembered() {
        assertEquals("zh-CN", ConsoleLanguage.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals("zh-CN", ConsoleLanguage.fromAcceptLanguage("fr;q=1, zh-TW;q=0.8, en;q=0.5"));
        assertEquals("en", ConsoleLanguage.fromAcceptLanguage("en-US,en;q=0.9,zh-CN;q=0.8"));
        assertEquals("en", ConsoleLanguage.fromAcceptLanguage("de, fr"));
        assertEquals("en", ConsoleLanguage.fromAcceptLanguage("zh;q=0, de"));
        assertEquals("en", ConsoleLanguage.fromAcceptLanguage(";;;=garbage"));
        assertEquals("en", ConsoleLanguage.fromAcceptLanguage(null));

        given().header("Accept-Language", "zh-CN,zh;q=0.9").get("/console/sign-in").then().statusCode(200)
                .body(containsString("<html lang=\"zh-CN\">")).body(containsString("<h1>登录</h1>"))
                .body(containsString("id=\"lang-zh-CN\" aria-pressed=\"true\""));
        given().header("Accept-Language", "en-GB").get("/console/sign-in").then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(containsString("<h1>Sign in</h1>"));
    }

    @Test
    void theRememberedChoiceWinsOverTheBrowser() {
        given().header("Accept-Language", "en").cookie(ConsoleLanguage.COOKIE, "zh-CN").get("/console/sign-in")
                .then().statusCode(200).body(containsString("<h1>登录</h1>"));
        given().header("Accept-Language", "zh-CN").cookie(ConsoleLanguage.COOKIE, "en").get("/console/sign-in")
                .then().statusCode(200).body(containsString("<h1>Sign in</h1>"));
        // a cookie naming no language the console speaks is ignored
        given().header("Accept-Language", "zh-CN").cookie(ConsoleLanguage.COOKIE, "<x>").get("/console/sign-in")
                .then().statusCode(200).body(containsString("<h1>登录</h1>"));
    }

    @Test
    void theSwitchRemembersTheChoiceAndGoesBackToThePage() {
        Response r = given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("lang", "zh-CN").header("Referer", "http://localhost:" + port() + "/console/group?period=2026-10")
                .post("/console/language");
        assertEquals(303, r.statusCode(), r.asString());
        assertTrue(r.header("Location").endsWith("/console/group?period=2026-10"), r.header("Location"));
        assertTrue(r.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(ConsoleLanguage.COOKIE
                + "=zh-CN") && c.contains("Max-Age=31536000")), r.headers().toString());
        // a form from another site is refused (CSRF: Origin/Referer); a page outside the console is not gone back to
        given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("lang", "en").header("Referer", "https://evil.example/console/group")
                .post("/console/language").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("lang", "en").header("Referer", "http://localhost:" + port() + "/q/swagger-ui")
                .post("/console/language").then().statusCode(303).header("Location", not(containsString("swagger")));
        // without the CSRF token, or a language the console does not speak: refused
        given().redirects().follow(false).formParam("lang", "zh-CN").post("/console/language").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("lang", "fr").post("/console/language").then().statusCode(400);
    }

    @Test
    void aPageIsLabelledInItsLanguageAndItsApiCallsCarryIt() {
        stubs.get("scoring-service").stubFor(get(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withQueryParam("period", equalTo("2026-10"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "[{\"id\":1,\"employeeId\":\"E3001\",\"unitCode\":\"G-1\",\"period\":\"2026-10\",\"total\":91.2,"
                                + "\"grade\":\"excellent\",\"rank\":1,\"status\":\"PUBLISHED\",\"items\":[]}]")));
        String token = TestTokens.token("E2001", "supervisor");
        given().cookie(ConsoleRoutes.SESSION_COOKIE, token).cookie(ConsoleLanguage.COOKIE, "zh-CN")
                .queryParam("period", "2026-10").get("/console/group").then().statusCode(200)
                .body(containsString(">总分<")).body(containsString(">我的小组<")).body(containsString(">退出<"));
        stubs.get("scoring-service").verify(getRequestedFor(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withHeader("Accept-Language", equalTo("zh-CN")));

        stubs.get("scoring-service").resetRequests();
        given().cookie(ConsoleRoutes.SESSION_COOKIE, token).header("Accept-Language", "en-US,en;q=0.9")
                .queryParam("period", "2026-10").get("/console/group").then().statusCode(200)
                .body(containsString(">Total<")).body(containsString(">My group<"));
        stubs.get("scoring-service").verify(getRequestedFor(urlPathEqualTo("/api/v1/scoring/scorecards"))
                .withHeader("Accept-Language", equalTo("en")));
    }

    @Test
    void theGatewaysOwnProblemTitlesFollowAcceptLanguage() {
        given().header("Accept-Language", "zh-CN,zh;q=0.9").get("/api/v1/metrics/catalog").then().statusCode(401)
                .header("Content-Language", "zh-CN").body("title", org.hamcrest.Matchers.equalTo("未授权"))
                .body("type", org.hamcrest.Matchers.equalTo("https://perfcenter.io/problems/unauthorized"));
        given().header("Accept-Language", "en-US").get("/api/v1/metrics/catalog").then().statusCode(401)
                .header("Content-Language", "en").body("title", org.hamcrest.Matchers.equalTo("Unauthorized"));
        given().get("/api/v1/metrics/catalog").then().statusCode(401)
                .body("title", org.hamcrest.Matchers.equalTo("Unauthorized"));
        given().header("Accept-Language", "zh").auth().oauth2(TestTokens.token("E7", "agent"))
                .get("/api/v1/nowhere").then().statusCode(404).body("title", org.hamcrest.Matchers.equalTo("未找到"));
        given().header("Accept-Language", "zh-CN").auth().oauth2(TestTokens.token("E7", "agent"))
                .get("/api/v1/me/overview?period=bad").then().statusCode(400)
                .body("title", org.hamcrest.Matchers.equalTo("字段无效")).body("field", org.hamcrest.Matchers.equalTo("period"));
    }

    private static int port() {
        return io.restassured.RestAssured.port;
    }
}
