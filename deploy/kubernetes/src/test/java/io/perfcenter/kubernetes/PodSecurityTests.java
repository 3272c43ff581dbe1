package io.perfcenter.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every pod (the Deployments' and the migration Jobs') meets the restricted Pod Security level, which the
 * overlays' namespaces enforce: the API server would refuse a pod that breaks it. The rules are the level's
 * (https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted), plus a read-only root file
 * system with a writable /tmp and no service account token.
 */
class PodSecurityTests {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPodMeetsTheRestrictedLevel(String overlay) {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> pod : Rendered.of(overlay).podSpecs().entrySet()) {
            String where = pod.getKey();
            JsonNode spec = pod.getValue();
            JsonNode podContext = spec.path("securityContext");
            check(violations, where, "automountServiceAccountToken", spec.path("automountServiceAccountToken").asText(), "false");
            for (String forbidden : List.of("hostNetwork", "hostPID", "hostIPC")) {
                check(violations, where, forbidden, spec.path(forbidden).asText("false"), "false");
            }
            spec.path("volumes").forEach(v -> {
                if (!v.has("emptyDir") && !v.has("configMap") && !v.has("secret") && !v.has("projected")) {
                    violations.add(where + ": volume " + v.path("name").asText() + " is not of a type the level allows");
                }
            });
            check(violations, where, "pod seccompProfile", podContext.path("seccompProfile").path("type").asText(), "RuntimeDefault");
            check(violations, where, "pod runAsNonRoot", podContext.path("runAsNonRoot").asText(), "true");
            if (podContext.path("runAsUser").asInt(-1) == 0) {
                violations.add(where + ": runs as user 0");
            }
            List<JsonNode> containers = new ArrayList<>();
            spec.path("initContainers").forEach(containers::add);
            spec.path("containers").forEach(containers::add);
            for (JsonNode c : containers) {
                String in = where + " container " + c.path("name").asText();
                JsonNode context = c.path("securityContext");
                check(violations, in, "allowPrivilegeEscalation", context.path("allowPrivilegeEscalation").asText(), "false");
                check(violations, in, "privileged", context.path("privileged").asText("false"), "false");
                check(violations, in, "capabilities.drop", context.path("capabilities").path("drop").toString(), "[\"ALL\"]");
                if (context.path("capabilities").has("add")) {
                    violations.add(in + ": adds capabilities");
                }
                check(violations, in, "readOnlyRootFilesystem", context.path("readOnlyRootFilesystem").asText(), "true");
                check(violations, in, "runAsNonRoot", context.path("runAsNonRoot").asText("true"), "true");
                String seccomp = context.path("seccompProfile").path("type").asText("RuntimeDefault");
                if (!List.of("RuntimeDefault", "Localhost").contains(seccomp)) {
                    violations.add(in + ": seccompProfile " + seccomp);
                }
                c.path("ports").forEach(p -> {
                    if (p.has("hostPort")) {
                        violations.add(in + ": hostPort");
                    }
                });
                boolean tmp = false;
                for (JsonNode m : c.path("volumeMounts")) {
                    tmp |= m.path("mountPath").asText().equals("/tmp");
                }
                if (!tmp) {
                    violations.add(in + ": no writable /tmp (the root file system is read-only)");
                }
            }
        }
        assertEquals(List.of(), violations, overlay);
    }

    private static void check(List<String> violations, String where, String what, String actual, String expected) {
        if (!expected.equals(actual)) {
            violations.add(where + ": " + what + " is '" + actual + "', must be '" + expected + "'");
        }
    }
}
