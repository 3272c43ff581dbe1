package io.perfcenter.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The split between base and overlays: the base holds nothing that differs per environment; each overlay sets its
 * namespace (enforcing the restricted Pod Security level), its public URL, its SSO URL and its Ingress host; the
 * Ingress publishes the gateway's API and OpenAPI document only, never /q/*.
 */
class OverlayTests {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everythingLivesInTheOverlaysNamespaceWhichEnforcesTheRestrictedLevel(String overlay) {
        Rendered r = Rendered.of(overlay);
        assertEquals(1, r.all("Namespace").size());
        JsonNode namespace = r.all("Namespace").get(0).path("metadata");
        assertEquals("restricted", namespace.path("labels").path("pod-security.kubernetes.io/enforce").asText());
        List<String> elsewhere = new ArrayList<>();
        for (JsonNode o : r.objects()) {
            if (!CLUSTER_SCOPED.contains(o.path("kind").asText())
                    && !namespace.path("name").asText().equals(o.path("metadata").path("namespace").asText())) {
                elsewhere.add(o.path("kind").asText() + " " + o.path("metadata").path("name").asText());
            }
        }
        assertEquals(List.of(), elsewhere, overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theIngressPublishesTheGatewaysApiOnly(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<JsonNode> ingresses = r.all("Ingress");
        assertEquals(1, ingresses.size());
        JsonNode spec = ingresses.get(0).path("spec");
        assertTrue(spec.has("ingressClassName") && !spec.has("defaultBackend"), overlay);
        Set<String> paths = new TreeSet<>();
        for (JsonNode rule : spec.path("rules")) {
            String publicHost = URI.create(gatewayConfig(r).path("PERFCENTER_PUBLIC_URL").asText()).getHost();
            assertEquals(publicHost, rule.path("host").asText(), overlay + ": the host is the public URL's");
            for (JsonNode path : rule.path("http").path("paths")) {
                paths.add(path.path("path").asText() + " " + path.path("pathType").asText());
                assertEquals("gateway", path.path("backend").path("service").path("name").asText());
                assertEquals("http", path.path("backend").path("service").path("port").path("name").asText());
                assertTrue(r.one("Service", "gateway").path("spec").path("ports").findValuesAsText("name").contains("http"),
                        "the gateway's Service has the port the Ingress routes to");
            }
        }
        assertEquals(Set.of("/api/ Prefix", "/openapi.json Exact"), paths, overlay);
        assertTrue(paths.stream().noneMatch(p -> p.startsWith("/q") || p.startsWith("/ ")), "never /q/* nor everything");
    }

    @Test
    void theOverlaysDifferInNamespaceAndUrls() {
        Rendered local = Rendered.of("overlays/local");
        Rendered production = Rendered.of("overlays/production");
        assertNotEquals(namespace(local), namespace(production));
        assertNotEquals(sharedConfig(local).path("QUARKUS_OIDC_AUTH_SERVER_URL").asText(),
                sharedConfig(production).path("QUARKUS_OIDC_AUTH_SERVER_URL").asText());
        assertTrue(sharedConfig(production).path("QUARKUS_OIDC_AUTH_SERVER_URL").asText().startsWith("https://"));
        assertTrue(gatewayConfig(production).path("PERFCENTER_PUBLIC_URL").asText().startsWith("https://"));
        assertTrue(production.all("Ingress").get(0).path("spec").has("tls"), "production serves HTTPS");
        for (String name : Rendered.WORKLOADS) {
            assertTrue(production.one("HorizontalPodAutoscaler", name).path("spec").path("minReplicas").asInt() >= 2,
                    name + ": production keeps two replicas (the disruption budget then keeps one up)");
        }
    }

    /** Nothing in the base differs per environment: no namespace, URL, host, resources or database address. */
    @Test
    void theBaseHoldsNothingEnvironmentSpecific() {
        Rendered base = Rendered.of("base");
        List<String> found = new ArrayList<>();
        for (JsonNode o : base.objects()) {
            String what = o.path("kind").asText() + " " + o.path("metadata").path("name").asText();
            if (o.path("metadata").has("namespace") || o.path("kind").asText().equals("Namespace")) {
                found.add(what + ": namespace");
            }
            if (o.path("kind").asText().equals("Deployment")
                    && o.path("spec").path("template").path("spec").path("containers").get(0).has("resources")) {
                found.add(what + ": resources");
            }
            if (o.toString().contains("ipBlock")) {
                found.add(what + ": an address");
            }
        }
        if (sharedConfig(base).has("QUARKUS_OIDC_AUTH_SERVER_URL")) {
            found.add("the SSO URL");
        }
        if (gatewayConfig(base).has("PERFCENTER_PUBLIC_URL")) {
            found.add("the public URL");
        }
        if (base.all("Ingress").get(0).path("spec").path("rules").get(0).has("host")) {
            found.add("the Ingress host");
        }
        assertEquals(List.of(), found);
    }

    private static String namespace(Rendered r) {
        return r.all("Namespace").get(0).path("metadata").path("name").asText();
    }

    private static JsonNode sharedConfig(Rendered r) {
        return config(r, "perfcenter-config-");
    }

    private static JsonNode gatewayConfig(Rendered r) {
        return config(r, "gateway-config-");
    }

    private static JsonNode config(Rendered r, String prefix) {
        return r.all("ConfigMap").stream().filter(c -> c.path("metadata").path("name").asText().startsWith(prefix))
                .findFirst().orElseThrow().path("data");
    }
}
