package io.perfcenter.gateway.console;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Local mode (no OIDC provider): the sign-in page lists the demo people it was given (not systems), signing in sets
 * the HttpOnly, SameSite=Strict session cookie with the person's token, signing out clears it; both need the CSRF
 * token. The tokens never appear in a page.
 */
@QuarkusTest
@TestProfile(LocalSignIn.class)
class LocalSignInTests {

    private static final String CSRF = "test-csrf-token-0123456789abcdef";

    @Test
    void theSignInPageListsTheDemoPeopleButNotTheirTokensNorSystems() {
        String html = given().get("/console/sign-in").then().statusCode(200)
                .body(containsString("id=\"sign-in-E3001\"")).body(containsString("id=\"sign-in-E2001\""))
                .extract().asString();
        assertFalse(html.contains("oidc-mode"), html);
        assertFalse(html.contains("crm-integration"), "a system has no month to see: " + html);
        for (String token : new String[]{LocalSignIn.AGENT, LocalSignIn.SUPERVISOR, LocalSignIn.INTEGRATION}) {
            assertFalse(html.contains(token.substring(token.lastIndexOf('.') + 1)), "no token in the page");
            assertFalse(html.contains(token.substring(0, token.indexOf('.', token.indexOf('.') + 1))),
                    "no token in the page");
        }
    }

    @Test
    void signingInSetsTheSessionCookieAndSigningOutClearsIt() {
        Response signedIn = given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, CSRF)
                .formParam("csrf", CSRF).formParam("person", "E3001").post("/console/sign-in");
        assertEquals(303, signedIn.statusCode());
        assertTrue(signedIn.header("Location").endsWith("/"), signedIn.header("Location"));
        String cookie = signedIn.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ConsoleRoutes.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(cookie.startsWith(ConsoleRoutes.SESSION_COOKIE + "=" + LocalSignIn.AGENT + ";"), cookie);
        assertTrue(cookie.toLowerCase().contains("httponly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"),
                cookie);

        // the session's token verifies with the local key: the page shows who is signed in
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, LocalSignIn.AGENT)
                .get("/console/group").then().statusCode(200).body(containsString("E3001"));

        Response signedOut = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, LocalSignIn.AGENT)
                .cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF).post("/console/sign-out");
        assertEquals(303, signedOut.statusCode());
        assertTrue(signedOut.headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(ConsoleRoutes.SESSION_COOKIE + "=;") && c.contains("Max-Age=0")));
    }

    @Test
    void signInAndSignOutNeedTheCsrfToken() {
        Response forged = given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, CSRF)
                .formParam("person", "E3001").post("/console/sign-in");
        assertEquals(403, forged.statusCode());
        assertFalse(forged.headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(ConsoleRoutes.SESSION_COOKIE + "=")));
        given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .header("Origin", "http://evil.example").formParam("person", "E3001")
                .post("/console/sign-in").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, CSRF).formParam("csrf", CSRF)
                .formParam("person", "crm-integration").post("/console/sign-in").then().statusCode(400);
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, LocalSignIn.AGENT)
                .post("/console/sign-out").then().statusCode(403);
    }

    @Test
    void aPersonWhoseTokenHasExpiredIsMarkedAndCannotSignIn() {
        given().get("/console/sign-in").then().statusCode(200)
                .body(containsString("id=\"sign-in-E4001\""))
                .body(containsString("(expired: restart the suite)"));
        Response refused = given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, CSRF)
                .formParam("csrf", CSRF).formParam("person", "E4001").post("/console/sign-in");
        assertEquals(409, refused.statusCode());
        assertFalse(refused.headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(ConsoleRoutes.SESSION_COOKIE + "=")));
    }
}
