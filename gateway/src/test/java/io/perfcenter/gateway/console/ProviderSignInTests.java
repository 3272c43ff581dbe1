package io.perfcenter.gateway.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.gateway.AllServicesUp;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.Cookie;
import io.restassured.http.Cookies;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in to the console through the OIDC provider (the test profile's: quarkus-oidc's WireMock stand-in for
 * Keycloak): the redirect carries the console's client id, state, nonce and a PKCE S256 challenge; the way back
 * exchanges the code with the matching verifier and makes the provider's access token the session cookie; an expired
 * session goes back to the provider; sign-out ends the provider's session; local sign-in is never offered.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AllServicesUp.class)
class ProviderSignInTests {

    private static final String CODE = "perfcenter-console-test-code";

    @OidcWireMock
    WireMockServer provider;

    private static Map<String, String> query(String location) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    private static String s256(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static Cookies merge(Cookies before, Response response) {
        Map<String, Cookie> all = new HashMap<>();
        before.asList().forEach(c -> all.put(c.getName(), c));
        response.getDetailedCookies().asList().forEach(c -> {
            if (c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                all.remove(c.getName());
            } else {
                all.put(c.getName(), new Cookie.Builder(c.getName(), c.getValue()).build());
            }
        });
        return new Cookies(new ArrayList<>(all.values()));
    }

    @Test
    void theSignInPageOffersTheProviderAndNoDemoPeople() {
        String page = given().get("/console/sign-in").then().statusCode(200)
                .body(containsString("id=\"oidc-mode\""))
                .body(containsString("href=\"/console/sign-in/provider\"")).extract().asString();
        assertFalse(page.contains("sign-in-E"), page);
        assertFalse(page.contains("action=\"/console/sign-in\""), "no local sign-in form: " + page);
    }

    @Test
    void signingInGoesToTheProviderWithPkceS256StateAndNonceAndTheCodeBecomesTheSession() throws Exception {
        Response toProvider = given().redirects().follow(false).get("/console/sign-in/provider");
        assertEquals(302, toProvider.statusCode(), toProvider.asString());
        String location = toProvider.header("Location");
        Map<String, String> q = query(location);
        assertEquals("perfcenter-console", q.get("client_id"), location);
        assertEquals("code", q.get("response_type"), location);
        assertEquals("S256", q.get("code_challenge_method"), location);
        assertNotNull(q.get("code_challenge"), location);
        assertTrue(q.get("state") != null && q.get("state").length() >= 16, location);
        assertTrue(q.get("nonce") != null && q.get("nonce").length() >= 16, location);
        assertTrue(q.get("scope").contains("openid"), location);
        assertTrue(q.get("redirect_uri").endsWith("/console/sign-in/provider"), location);
        // the state cookie (holding the encrypted PKCE verifier and nonce) is quarkus-oidc's, HttpOnly
        assertTrue(toProvider.headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("q_auth_console") && c.toLowerCase().contains("httponly")), toProvider.headers().toString());

        // the provider answers the code exchange with a token for PerfCenter and an ID token with the nonce
        String accessToken = TestTokens.token("E7", "agent");
        String idToken = Jwt.issuer("https://server.example.com").subject("E7").preferredUserName("E7")
                .audience("perfcenter-console").claim("nonce", q.get("nonce")).sign();
        provider.stubFor(post(urlEqualTo("/auth/realms/quarkus/token")).atPriority(1)
                .withRequestBody(containing("code=" + CODE))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"access_token\":\""
                        + accessToken + "\",\"id_token\":\"" + idToken + "\",\"refresh_token\":\"r-1\","
                        + "\"token_type\":\"Bearer\",\"expires_in\":300}")));

        // a forged state is refused, nothing exchanged
        Cookies cookies = merge(new Cookies(), toProvider);
        Response forged = given().redirects().follow(false).cookies(cookies)
                .get("/console/sign-in/provider?state=forged&code=" + CODE);
        assertTrue(forged.statusCode() == 401 || forged.statusCode() == 302, "forged state: " + forged.statusCode());
        provider.verify(0, postRequestedFor(urlEqualTo("/auth/realms/quarkus/token"))
                .withRequestBody(containing("code=" + CODE)));

        Response back = given().redirects().follow(false).cookies(cookies)
                .get("/console/sign-in/provider?state=" + q.get("state") + "&code=" + CODE);
        assertEquals(302, back.statusCode(), back.asString());
        assertTrue(back.header("Location").endsWith("/console/sign-in/provider"), "code and state leave the URL: "
                + back.header("Location"));
        // the code was exchanged by the console's client with the verifier matching the challenge
        var exchanges = provider.findAll(postRequestedFor(urlEqualTo("/auth/realms/quarkus/token"))
                .withRequestBody(containing("code=" + CODE)));
        assertEquals(1, exchanges.size());
        Map<String, String> form = query("/?" + exchanges.get(0).getBodyAsString());
        assertEquals("authorization_code", form.get("grant_type"));
        assertEquals("perfcenter-console", form.get("client_id"));
        assertEquals(q.get("code_challenge"), s256(form.get("code_verifier")));

        cookies = merge(cookies, back);
        Response landed = given().redirects().follow(false).cookies(cookies).get("/console/sign-in/provider");
        assertEquals(200, landed.statusCode(), landed.asString());
        assertTrue(landed.asString().contains("http-equiv=\"refresh\" content=\"0;url=/\""), landed.asString());
        assertFalse(landed.asString().contains(accessToken), "the token never appears in a page");
        String session = landed.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ConsoleRoutes.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(session.startsWith(ConsoleRoutes.SESSION_COOKIE + "=" + accessToken + ";"), session);
        assertTrue(session.toLowerCase().contains("httponly") && session.contains("SameSite=Strict"), session);

        // signing out ends the provider's session too
        Cookies signedIn = merge(cookies, landed);
        String csrf = signedIn.getValue(ConsoleRoutes.CSRF_COOKIE); // the pages' CSRF cookie, set on the way
        assertNotNull(csrf);
        Response out = given().redirects().follow(false).cookies(signedIn).formParam("csrf", csrf)
                .post("/console/sign-out");
        assertEquals(303, out.statusCode());
        assertTrue(out.header("Location").endsWith("/console/sign-out/provider"), out.header("Location"));
        assertTrue(out.headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(ConsoleRoutes.SESSION_COOKIE + "=;") && c.contains("Max-Age=0")));
        Response endSession = given().redirects().follow(false).cookies(merge(signedIn, out))
                .get("/console/sign-out/provider");
        assertEquals(302, endSession.statusCode(), endSession.asString());
        Map<String, String> logout = query(endSession.header("Location"));
        assertTrue(endSession.header("Location").contains("/end-session"), endSession.header("Location"));
        assertEquals(idToken, logout.get("id_token_hint"));
        assertTrue(logout.get("post_logout_redirect_uri").endsWith("/console/sign-in"), logout.toString());
    }

    @Test
    void anExpiredSessionGoesBackToTheProviderAndComesBackToThePageItAskedFor() {
        String expired = Jwt.issuer("https://server.example.com").preferredUserName("E7").groups(Set.of("agent"))
                .audience("perfcenter").claim("employee_id", "E7").issuedAt(Instant.now().minusSeconds(600))
                .expiresAt(Instant.now().minusSeconds(60)).sign();
        Response r = given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, expired)
                .get("/console/group?period=2026-10");
        assertEquals(303, r.statusCode());
        assertEquals("/console/sign-in/provider", r.header("Location"));
        List<String> set = r.headers().getValues("Set-Cookie");
        assertTrue(set.stream().anyMatch(c -> c.startsWith(ConsoleRoutes.SESSION_COOKIE + "=;")), set.toString());
        assertTrue(set.stream().anyMatch(c -> c.startsWith(ConsoleRoutes.NEXT_COOKIE + "=/console/group?period=2026-10")
                && c.contains("Path=/console/sign-in")), set.toString());
        // a session that is wrong in another way goes to the sign-in page (no loop through the provider)
        given().redirects().follow(false).cookie(ConsoleRoutes.SESSION_COOKIE, "not.a.token").get("/")
                .then().statusCode(303).header("Location", "/console/sign-in");
    }

    @Test
    void localSignInIsRefusedWithAProvider() {
        String csrf = "test-csrf-token-0123456789abcdef";
        Response r = given().redirects().follow(false).cookie(ConsoleRoutes.CSRF_COOKIE, csrf)
                .formParam("person", "E3001").formParam("csrf", csrf).post("/console/sign-in");
        assertEquals(404, r.statusCode());
        assertFalse(r.headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(ConsoleRoutes.SESSION_COOKIE + "=")));
    }

    @Test
    void thePagesMayPostTheSignOutFormToTheProvider() {
        given().get("/console/sign-in").then().statusCode(200)
                .header("Content-Security-Policy", containsString("form-action 'self' http://localhost:"));
    }
}
