package io.perfcenter.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, as a NetworkPolicy implementation does, whether a connection passes the policies of one namespace:
 * the sender's egress (when the sender is a pod of the namespace that some egress policy selects) and the
 * receiver's ingress (likewise). Policies add up; a pod no policy of a type selects is open in that direction.
 * Supports what the manifests use (pod and namespace selectors with matchLabels/matchExpressions, ipBlock, numeric
 * ports) and refuses anything else, so that a check never passes by not understanding a rule.
 */
final class NetworkPolicies {

    /** A pod (namespace, its labels, the pod's labels) or an address outside the cluster (ip). */
    record Peer(String name, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels, String ip) {

        static Peer pod(String name, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels) {
            Map<String, String> ns = new HashMap<>(namespaceLabels);
            ns.put("kubernetes.io/metadata.name", namespace);
            return new Peer(name, namespace, Map.copyOf(ns), Map.copyOf(labels), null);
        }

        static Peer address(String ip) {
            return new Peer(ip, null, Map.of(), Map.of(), ip);
        }
    }

    private final String namespace;
    private final List<JsonNode> policies;

    NetworkPolicies(String namespace, List<JsonNode> policies) {
        this.namespace = namespace;
        this.policies = policies;
    }

    boolean allows(Peer from, Peer to, int port, String protocol) {
        return passes(from, to, port, protocol, "Egress", "egress", "to")
                && passes(to, from, port, protocol, "Ingress", "ingress", "from");
    }

    /** Whether {@code subject}'s policies of one direction let the connection with {@code other} through. */
    private boolean passes(Peer subject, Peer other, int port, String protocol, String type, String rulesField, String peersField) {
        if (!namespace.equals(subject.namespace())) {
            return true;
        }
        boolean selected = false;
        for (JsonNode policy : policies) {
            JsonNode spec = policy.path("spec");
            if (!spec.has("policyTypes")) {
                throw new IllegalArgumentException(name(policy) + ": policyTypes must be explicit");
            }
            if (!spec.path("policyTypes").toString().contains("\"" + type + "\"")
                    || !matches(spec.path("podSelector"), subject.labels())) {
                continue;
            }
            selected = true;
            for (JsonNode rule : spec.path(rulesField)) {
                if (portMatches(rule.path("ports"), port, protocol) && peerMatches(rule.path(peersField), other)) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private boolean peerMatches(JsonNode peers, Peer other) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock")) {
                if (peer.path("ipBlock").has("except")) {
                    throw new IllegalArgumentException("ipBlock.except is not supported: " + peer);
                }
                if (other.ip() != null && inCidr(other.ip(), peer.path("ipBlock").path("cidr").asText())) {
                    return true;
                }
                continue;
            }
            if (other.ip() != null) {
                continue;
            }
            boolean namespaceOk = peer.has("namespaceSelector")
                    ? matches(peer.path("namespaceSelector"), other.namespaceLabels())
                    : namespace.equals(other.namespace());
            boolean podOk = !peer.has("podSelector") || matches(peer.path("podSelector"), other.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(JsonNode ports, int port, String protocol) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!p.path("port").isInt() || p.has("endPort")) {
                throw new IllegalArgumentException("only numeric single ports are supported: " + p);
            }
            if (p.path("port").asInt() == port && p.path("protocol").asText("TCP").equals(protocol)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(JsonNode selector, Map<String, String> labels) {
        for (var it = selector.path("matchLabels").fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("operator " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean inCidr(String ip, String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] address = InetAddress.getByName(ip).getAddress();
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int bits = Integer.parseInt(parts[1]);
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    private static String name(JsonNode policy) {
        return policy.path("metadata").path("name").asText();
    }
}
