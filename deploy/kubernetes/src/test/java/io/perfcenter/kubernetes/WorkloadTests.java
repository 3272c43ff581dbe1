package io.perfcenter.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every workload (the three services and the gateway) has in each overlay: its ServiceAccount, ConfigMap,
 * Service, autoscaler and disruption budget; probes on the management port; resources; graceful termination; spread
 * over zones and nodes; and migrations that run once, in a Job, never in the replicas.
 */
class WorkloadTests {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyWorkloadHasItsObjects(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (String name : Rendered.WORKLOADS) {
            JsonNode deployment = r.one("Deployment", name);
            JsonNode pod = deployment.path("spec").path("template");
            assertFalse(deployment.path("spec").has("replicas"), name + ": the autoscaler owns the replica count");
            assertEquals(name, pod.path("spec").path("serviceAccountName").asText(), name);
            assertEquals("false", r.one("ServiceAccount", name).path("automountServiceAccountToken").asText(), name);
            assertTrue(r.all("ConfigMap").stream().anyMatch(c -> c.path("metadata").path("name").asText().startsWith(name + "-config-")),
                    name + ": its ConfigMap (generated, with a content hash)");
            JsonNode container = pod.path("spec").path("containers").get(0);
            assertTrue(container.path("envFrom").toString().contains(name + "-config-"), name + " reads its ConfigMap");

            JsonNode service = r.one("Service", name);
            assertEquals(pod.path("metadata").path("labels").path("app.kubernetes.io/name").asText(),
                    service.path("spec").path("selector").path("app.kubernetes.io/name").asText(), name);
            for (JsonNode port : service.path("spec").path("ports")) {
                String target = port.path("targetPort").asText();
                assertTrue(container.path("ports").findValuesAsText("name").contains(target),
                        name + ": Service port " + port.path("name").asText() + " targets the container's port " + target);
            }

            JsonNode hpa = r.one("HorizontalPodAutoscaler", name);
            assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
            assertEquals("Deployment/" + name, hpa.path("spec").path("scaleTargetRef").path("kind").asText() + "/"
                    + hpa.path("spec").path("scaleTargetRef").path("name").asText());
            assertEquals("cpu", hpa.path("spec").path("metrics").get(0).path("resource").path("name").asText(), name);
            assertTrue(hpa.path("spec").path("minReplicas").asInt() >= 1
                    && hpa.path("spec").path("maxReplicas").asInt() >= hpa.path("spec").path("minReplicas").asInt(), name);

            JsonNode pdb = r.one("PodDisruptionBudget", name);
            assertEquals(deployment.path("spec").path("selector"), pdb.path("spec").path("selector"), name);
            assertEquals(1, pdb.path("spec").path("maxUnavailable").asInt(), name + ": one replica at a time");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void probesAskTheManagementPort(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (String name : Rendered.WORKLOADS) {
            JsonNode container = r.one("Deployment", name).path("spec").path("template").path("spec").path("containers").get(0);
            int management = 0;
            for (JsonNode port : container.path("ports")) {
                if (port.path("name").asText().equals("management")) {
                    management = port.path("containerPort").asInt();
                }
            }
            assertEquals(9000, management, name);
            assertEquals("9000", r.env(container).get("QUARKUS_MANAGEMENT_PORT"), name + ": Quarkus listens there");
            for (Map.Entry<String, String> probe : Map.of("startupProbe", "/q/health/started",
                    "readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live").entrySet()) {
                JsonNode get = container.path(probe.getKey()).path("httpGet");
                assertEquals(probe.getValue(), get.path("path").asText(), name + " " + probe.getKey());
                assertEquals("management", get.path("port").asText(), name + " " + probe.getKey());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasResources(String overlay) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> pod : Rendered.of(overlay).podSpecs().entrySet()) {
            JsonNode container = pod.getValue().path("containers").get(0);
            JsonNode resources = container.path("resources");
            for (String need : List.of("requests/cpu", "requests/memory", "requests/ephemeral-storage",
                    "limits/cpu", "limits/memory", "limits/ephemeral-storage")) {
                if (resources.at("/" + need).isMissingNode()) {
                    missing.add(pod.getKey() + ": " + need);
                }
            }
            if (missing.isEmpty()) {
                assertTrue(Quantity.parse(resources.at("/limits/memory").asText())
                        .compareTo(Quantity.parse(resources.at("/requests/memory").asText())) >= 0, pod.getKey());
                BigDecimal tmp = tmpSize(pod.getValue());
                assertTrue(Quantity.parse(resources.at("/limits/ephemeral-storage").asText()).compareTo(tmp) > 0,
                        pod.getKey() + ": the ephemeral-storage limit must hold the /tmp volume (" + tmp + " bytes)");
            }
        }
        assertEquals(List.of(), missing, overlay);
    }

    /** metrics-service receives uploads into /tmp: the volume holds a caller's concurrent uploads at the size limit. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void metricsServiceTmpHoldsTheUploads(String overlay) {
        Rendered r = Rendered.of(overlay);
        JsonNode spec = r.one("Deployment", "metrics-service").path("spec").path("template").path("spec");
        Map<String, String> env = r.env(spec.path("containers").get(0));
        BigDecimal uploads = Quantity.memorySize(env.get("PERFCENTER_METRICS_LIMITS_UPLOAD_BODY"))
                .multiply(new BigDecimal(env.get("PERFCENTER_METRICS_LIMITS_UPLOADS_PER_CALLER")));
        assertTrue(tmpSize(spec).compareTo(uploads) >= 0, overlay + ": /tmp " + tmpSize(spec) + " < uploads " + uploads);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsTerminateGracefullyAndSpread(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (String name : Rendered.WORKLOADS) {
            JsonNode spec = r.one("Deployment", name).path("spec").path("template").path("spec");
            // quarkus.shutdown.timeout: in-flight requests get this long after SIGTERM
            String shutdownTimeout = r.env(spec.path("containers").get(0)).get("PERFCENTER_SHUTDOWN_TIMEOUT");
            assertTrue(shutdownTimeout != null && shutdownTimeout.matches("\\d+s"), name + ": shutdown timeout " + shutdownTimeout);
            int shutdownSeconds = Integer.parseInt(shutdownTimeout.replace("s", ""));
            JsonNode preStop = spec.path("containers").get(0).path("lifecycle").path("preStop");
            int sleep = preStop.has("sleep") ? preStop.path("sleep").path("seconds").asInt()
                    : Integer.parseInt(preStop.path("exec").path("command").get(1).asText());
            assertEquals("sleep", preStop.has("sleep") ? "sleep" : preStop.path("exec").path("command").get(0).asText(), name);
            assertTrue(sleep >= 5, name + ": preStop lets the endpoints drop the pod first");
            assertTrue(spec.path("terminationGracePeriodSeconds").asInt() > sleep + shutdownSeconds,
                    name + ": the grace period must cover preStop and the shutdown timeout");

            List<String> keys = new ArrayList<>();
            for (JsonNode constraint : spec.path("topologySpreadConstraints")) {
                keys.add(constraint.path("topologyKey").asText());
                assertEquals(name, constraint.path("labelSelector").path("matchLabels").path("app.kubernetes.io/name").asText(),
                        name + ": spreads its own replicas");
            }
            assertEquals(List.of("topology.kubernetes.io/zone", "kubernetes.io/hostname"), keys, name);
        }
    }

    /**
     * Flyway runs once per release, in the service's migration Job (its own image, QUARKUS_INIT_AND_EXIT: migrate,
     * then exit); the replicas never migrate, they validate (and refuse to start on a schema without their migrations).
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void migrationsRunOnceInAJob(String overlay) {
        Rendered r = Rendered.of(overlay);
        assertEquals(Rendered.SERVICES.size(), r.all("Job").size(), "one migration Job per service with a database");
        for (String name : Rendered.SERVICES) {
            JsonNode app = r.one("Deployment", name).path("spec").path("template").path("spec").path("containers").get(0);
            JsonNode jobSpec = r.one("Job", name + "-migration").path("spec");
            JsonNode migration = jobSpec.path("template").path("spec").path("containers").get(0);
            Map<String, String> appEnv = r.env(app);
            Map<String, String> jobEnv = r.env(migration);

            assertEquals("false", appEnv.get("QUARKUS_FLYWAY_MIGRATE_AT_START"), name + " replicas must not migrate");
            assertEquals("true", appEnv.get("QUARKUS_FLYWAY_VALIDATE_AT_START"), name);
            assertFalse(appEnv.containsKey("QUARKUS_INIT_AND_EXIT"), name);
            assertEquals("true", jobEnv.get("QUARKUS_INIT_AND_EXIT"), name + " migration exits when done");
            assertEquals("true", jobEnv.get("QUARKUS_FLYWAY_MIGRATE_AT_START"), name + " migration migrates");
            assertEquals("false", jobEnv.get("QUARKUS_OIDC_TENANT_ENABLED"), name + " migration needs no OIDC provider");
            assertEquals(app.path("image").asText(), migration.path("image").asText(), name + ": the release's own migrations");
            for (String db : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                assertEquals(appEnv.get(db), jobEnv.get(db), name + ": the same database and login");
            }
            assertEquals("Never", jobSpec.path("template").path("spec").path("restartPolicy").asText(), name);
            assertTrue(jobSpec.path("backoffLimit").asInt() >= 1 && jobSpec.has("activeDeadlineSeconds"), name);
        }
        assertTrue(r.all("Job").stream().noneMatch(j -> j.path("metadata").path("name").asText().startsWith("gateway")),
                "the gateway has no database");
    }

    private static BigDecimal tmpSize(JsonNode podSpec) {
        for (JsonNode volume : podSpec.path("volumes")) {
            if (volume.path("name").asText().equals("tmp")) {
                return Quantity.parse(volume.path("emptyDir").path("sizeLimit").asText());
            }
        }
        throw new AssertionError("no tmp volume");
    }
}
