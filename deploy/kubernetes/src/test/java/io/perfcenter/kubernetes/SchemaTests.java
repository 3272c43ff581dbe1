package io.perfcenter.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each overlay (and the base) renders with kustomize, and every object it renders is valid against the Kubernetes
 * API schemas, strictly: no unknown field, as {@code kubectl apply --validate=strict} would insist.
 */
class SchemaTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void everyRenderedObjectIsValid(String dir) {
        Rendered rendered = Rendered.of(dir);
        assertTrue(rendered.objects().size() > 30, dir + " renders " + rendered.objects().size() + " objects");
        assertEquals("[]", Tools.validate(rendered.json()), dir + ": objects the Kubernetes schemas refuse");
    }

    /** The validator is not a rubber stamp: a wrong type, an unknown field and an unknown kind are reported. */
    @Test
    void theValidatorReportsBrokenObjects() throws IOException {
        ArrayNode objects = JSON.createArrayNode();
        objects.addAll(Rendered.of("overlays/production").all("Deployment").stream().map(n -> (JsonNode) n.deepCopy()).toList());
        ObjectNode container = (ObjectNode) objects.get(0).path("spec").path("template").path("spec").path("containers").get(0);
        container.set("readinesProbe", container.remove("readinessProbe"));
        ((ObjectNode) container.path("ports").get(0)).put("containerPort", "http");
        objects.addObject().put("apiVersion", "v1").put("kind", "Servce").putObject("metadata").put("name", "x");
        Path file = Files.createTempFile(Tools.MODULE.resolve("target"), "broken-", ".json");
        Files.writeString(file, JSON.writeValueAsString(objects));

        String report;
        try {
            report = Tools.validate(file);
        } finally {
            Files.delete(file);
        }

        assertTrue(report.contains("containerPort: must be integer"), report);
        assertTrue(report.contains("unknown field \\\"readinesProbe\\\""), report);
        assertTrue(report.contains("no schema for apiVersion v1 kind Servce"), report);
        assertEquals(2, JSON.readTree(report).size(), "the broken Deployment and the unknown kind: " + report);
    }
}
