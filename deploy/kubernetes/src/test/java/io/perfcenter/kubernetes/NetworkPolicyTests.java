package io.perfcenter.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfcenter.kubernetes.NetworkPolicies.Peer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network each overlay allows, evaluated connection by connection over its NetworkPolicies: default deny; only
 * the gateway reaches the services' API and management ports; the services reach each other only where they call
 * (scoring → metrics, incentive → scoring, incentive → metrics); each service and its migration Job reach their own
 * database; the services and the gateway reach the OIDC provider; every pod reaches DNS; the management port is
 * open to the monitoring namespaces; the public traffic reaches the gateway from the Ingress controller only.
 */
class NetworkPolicyTests {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    /** What each overlay says about the outside world: its database servers and its OIDC provider. */
    private record Outside(Map<String, Peer> databases, Peer oidc, int oidcPort) {
    }

    private static final Peer INFRA_POSTGRES = Peer.pod("postgresql", "perfcenter-infra", Map.of(),
            Map.of("app.kubernetes.io/name", "postgresql"));
    private static final Map<String, Outside> OUTSIDE = Map.of(
            "overlays/local", new Outside(
                    Map.of("metrics", INFRA_POSTGRES, "scoring", INFRA_POSTGRES, "incentive", INFRA_POSTGRES),
                    Peer.pod("keycloak", "perfcenter-infra", Map.of(), Map.of("app.kubernetes.io/name", "keycloak")), 8080),
            "overlays/production", new Outside(
                    Map.of("metrics", Peer.address("192.0.2.11"), "scoring", Peer.address("192.0.2.12"),
                            "incentive", Peer.address("192.0.2.13")),
                    Peer.address("198.51.100.10"), 443));

    private static final Peer INGRESS_CONTROLLER = Peer.pod("ingress-controller", "ingress-nginx",
            Map.of("perfcenter.io/ingress-controller", "true"), Map.of("app.kubernetes.io/name", "ingress-nginx"));
    private static final Peer MONITORING = Peer.pod("prometheus", "monitoring",
            Map.of("perfcenter.io/monitoring", "true"), Map.of("app.kubernetes.io/name", "prometheus"));
    private static final Peer STRANGER = Peer.pod("stranger", "other", Map.of(), Map.of("app.kubernetes.io/name", "gateway"));
    private static final Peer DNS = Peer.pod("coredns", "kube-system", Map.of(), Map.of("k8s-app", "kube-dns"));
    private static final Peer INTERNET = Peer.address("203.0.113.50");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void defaultDenyCoversEveryPod(String overlay) {
        Rendered r = Rendered.of(overlay);
        JsonNode deny = r.one("NetworkPolicy", "default-deny").path("spec");
        assertEquals("{}", deny.path("podSelector").toString());
        assertEquals("[\"Ingress\",\"Egress\"]", deny.path("policyTypes").toString());
        assertFalse(deny.has("ingress") || deny.has("egress"), "default-deny allows nothing");
    }

    /** Between the suite's own pods, exactly the calls the services make, on the ports they make them. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsReachEachOtherOnlyWhereTheyCall(String overlay) {
        Rendered r = Rendered.of(overlay);
        NetworkPolicies policies = policies(r);
        Map<String, Peer> pods = pods(r);
        Set<String> allowed = new TreeSet<>();
        for (Peer from : pods.values()) {
            for (Peer to : pods.values()) {
                for (int port : List.of(8080, 9000, 5432)) {
                    if (from != to && policies.allows(from, to, port, "TCP")) {
                        allowed.add(from.name() + " -> " + to.name() + ":" + port);
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(List.of(
                "gateway -> metrics-service:8080", "gateway -> metrics-service:9000",
                "gateway -> scoring-service:8080", "gateway -> scoring-service:9000",
                "gateway -> incentive-service:8080", "gateway -> incentive-service:9000",
                "scoring-service -> metrics-service:8080",
                "incentive-service -> scoring-service:8080",
                "incentive-service -> metrics-service:8080")), allowed);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void fromOutsideOnlyTheIngressControllerAndMonitoring(String overlay) {
        Rendered r = Rendered.of(overlay);
        NetworkPolicies policies = policies(r);
        Map<String, Peer> pods = pods(r);
        List<String> wrong = new ArrayList<>();
        for (Peer pod : pods.values()) {
            boolean workload = Rendered.WORKLOADS.contains(pod.name());
            expect(wrong, policies, INGRESS_CONTROLLER, pod, 8080, pod.name().equals("gateway"));
            expect(wrong, policies, INGRESS_CONTROLLER, pod, 9000, false);
            expect(wrong, policies, MONITORING, pod, 9000, workload);
            expect(wrong, policies, MONITORING, pod, 8080, false);
            for (int port : List.of(8080, 9000)) {
                expect(wrong, policies, STRANGER, pod, port, false);
                expect(wrong, policies, INTERNET, pod, port, false);
            }
        }
        assertEquals(List.of(), wrong, overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void egressOnlyToTheOwnDatabaseDnsAndTheOidcProvider(String overlay) {
        Rendered r = Rendered.of(overlay);
        NetworkPolicies policies = policies(r);
        Outside outside = OUTSIDE.get(overlay);
        List<String> wrong = new ArrayList<>();
        for (Peer pod : pods(r).values()) {
            String database = pod.labels().get("perfcenter.io/database");
            for (Map.Entry<String, Peer> db : outside.databases().entrySet()) {
                boolean own = db.getKey().equals(database);
                boolean sameServer = database != null && outside.databases().get(database).equals(db.getValue());
                expect(wrong, policies, pod, db.getValue(), 5432, own || sameServer);
            }
            expect(wrong, policies, pod, outside.oidc(), outside.oidcPort(), Rendered.WORKLOADS.contains(pod.name()));
            expect(wrong, policies, pod, DNS, 53, true);
            expect(wrong, policies, pod, INTERNET, 443, false);
            expect(wrong, policies, pod, INTERNET, 5432, false);
            expect(wrong, policies, pod, STRANGER, 8080, false);
        }
        assertEquals(List.of(), wrong, overlay);
        if (overlay.equals("overlays/production")) {
            assertEquals(3, Set.copyOf(outside.databases().values()).size(), "production: one server per service");
        }
    }

    private static void expect(List<String> wrong, NetworkPolicies policies, Peer from, Peer to, int port, boolean allowed) {
        String protocol = port == 53 ? "UDP" : "TCP";
        if (policies.allows(from, to, port, protocol) != allowed) {
            wrong.add(from.name() + " -> " + to.name() + ":" + port + " should be " + (allowed ? "allowed" : "denied"));
        }
    }

    private static NetworkPolicies policies(Rendered r) {
        String namespace = r.all("Namespace").get(0).path("metadata").path("name").asText();
        r.all("NetworkPolicy").forEach(p -> assertEquals(namespace, p.path("metadata").path("namespace").asText()));
        return new NetworkPolicies(namespace, r.all("NetworkPolicy"));
    }

    /** The pods the overlay runs, one per Deployment and Job, with their template's labels. */
    private static Map<String, Peer> pods(Rendered r) {
        JsonNode ns = r.all("Namespace").get(0).path("metadata");
        Map<String, String> nsLabels = new HashMap<>();
        ns.path("labels").fields().forEachRemaining(e -> nsLabels.put(e.getKey(), e.getValue().asText()));
        Map<String, Peer> pods = new LinkedHashMap<>();
        for (String kind : List.of("Deployment", "Job")) {
            for (JsonNode o : r.all(kind)) {
                Map<String, String> labels = new HashMap<>();
                o.path("spec").path("template").path("metadata").path("labels").fields()
                        .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                String name = o.path("metadata").path("name").asText();
                pods.put(name, Peer.pod(name, ns.path("name").asText(), nsLabels, labels));
            }
        }
        assertTrue(pods.size() == 7, "4 Deployments and 3 Jobs: " + pods.keySet());
        return pods;
    }
}
