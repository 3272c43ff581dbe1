package io.perfcenter.gateway.console;

import io.quarkus.qute.TemplateData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * How people sign in to the console. With an OIDC provider configured ({@code quarkus.oidc.auth-server-url}) the
 * console never lists anyone: people sign in through the provider ({@link ConsoleTenant}). In local mode (the launcher's local key pair, no provider) it lists the demo people the
 * launcher minted tokens for ({@code PERFCENTER_CONSOLE_LOCAL_PEOPLE}: their tokens, comma separated): the gateway
 * only verifies tokens and never holds the signing key, so it can only hand out tokens it was given.
 */
@ApplicationScoped
public class SignIn {

    private static final Logger LOG = Logger.getLogger(SignIn.class);

    /** Someone the local sign-in page lists; {@code key} is what the page posts back (never the token). */
    @TemplateData
    public record Person(String key, String username, String employeeId, String role, String token,
                         java.time.Instant expires) {

        /** The token has expired: the launcher must be restarted for new ones. */
        public boolean expired() {
            return expires != null && !java.time.Instant.now().isBefore(expires);
        }
    }

    private final boolean local;
    private final List<Person> people;

    SignIn(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> provider,
           @ConfigProperty(name = "perfcenter.console.local-people") Optional<List<String>> tokens,
           ObjectMapper json) {
        this.local = provider.filter(url -> !url.isBlank()).isEmpty();
        List<Person> listed = new ArrayList<>();
        if (local) {
            for (String token : tokens.orElse(List.of())) {
                person(token.trim(), json).ifPresent(listed::add);
            }
        }
        this.people = List.copyOf(listed);
    }

    /** Local mode: no OIDC provider is configured. */
    public boolean local() {
        return local;
    }

    /** The people the local sign-in page lists; none with an OIDC provider. */
    public List<Person> people() {
        return people;
    }

    public Optional<Person> person(String key) {
        return people.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /**
     * The token has expired ({@code exp} passed), read without verifying it: only to choose between signing in again
     * through the provider (expired) and the sign-in page (anything else wrong with it).
     */
    static boolean expired(String token) {
        JsonNode claims = claims(token);
        return claims != null && claims.hasNonNull("exp")
                && !java.time.Instant.now().isBefore(java.time.Instant.ofEpochSecond(claims.path("exp").asLong()));
    }

    /**
     * The access token the provider issued at sign-in, when it is meant for PerfCenter ({@code aud} holds one of
     * {@code quarkus.oidc.token.audience}). Every page verifies it again; checking here keeps a client without the
     * audience mapper from sending the browser round in circles between the provider and the sign-in page.
     */
    static boolean forPerfCenter(String token, List<String> audiences) {
        JsonNode claims = claims(token);
        if (claims == null) {
            return false;
        }
        if (audiences.isEmpty()) {
            return true;
        }
        JsonNode aud = claims.path("aud");
        if (aud.isTextual()) {
            return audiences.contains(aud.asText());
        }
        for (JsonNode a : aud) {
            if (audiences.contains(a.asText())) {
                return true;
            }
        }
        return false;
    }

    private static final ObjectMapper CLAIMS = new ObjectMapper();

    private static JsonNode claims(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            return CLAIMS.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    // the claims are only read to label the list; the token is verified like any other on every request
    private static Optional<Person> person(String token, ObjectMapper json) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            LOG.warn("perfcenter.console.local-people holds something that is not a JWT; left out");
            return Optional.empty();
        }
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            String employeeId = claims.path("employee_id").asText(null);
            if (employeeId == null) {
                return Optional.empty(); // a system (integration client), not a person: nothing to see in the console
            }
            String username = claims.path("preferred_username").asText(claims.path("sub").asText(employeeId));
            List<String> roles = new ArrayList<>();
            claims.path("groups").forEach(role -> roles.add(role.asText()));
            String role = String.join(", ", roles);
            java.time.Instant expires = claims.hasNonNull("exp")
                    ? java.time.Instant.ofEpochSecond(claims.path("exp").asLong()) : null;
            return Optional.of(new Person(employeeId, username, employeeId, role, token, expires));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("perfcenter.console.local-people holds an unreadable token: %s", e.toString());
            return Optional.empty();
        }
    }
}
