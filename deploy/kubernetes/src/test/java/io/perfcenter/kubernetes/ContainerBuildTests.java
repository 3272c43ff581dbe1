package io.perfcenter.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each workload has its container build definition (src/main/docker/Dockerfile.jvm), and the image agrees with the
 * manifests: the user the pods run as, the ports they probe and route. (No image is built here: that needs a
 * container engine.)
 */
class ContainerBuildTests {

    @Test
    void everyWorkloadHasADockerfileThatMatchesTheManifests() throws IOException {
        Rendered production = Rendered.of("overlays/production");
        for (String name : Rendered.WORKLOADS) {
            Path dockerfile = Tools.MODULE.resolve("../../" + name + "/src/main/docker/Dockerfile.jvm").normalize();
            assertTrue(Files.exists(dockerfile), dockerfile.toString());
            String text = Files.readString(dockerfile);
            JsonNode pod = production.one("Deployment", name).path("spec").path("template").path("spec");
            assertTrue(text.contains("\nUSER " + pod.path("securityContext").path("runAsUser").asInt() + "\n"), name + ": runAsUser");
            assertTrue(text.contains("\nEXPOSE 8080 9000\n"), name + ": API and management ports");
            assertTrue(text.contains("COPY --chown=185 target/quarkus-app/"), name + ": the fast-jar layout");
            assertEquals(1, text.lines().filter(l -> l.startsWith("FROM ")).count(), name);
        }
    }
}
