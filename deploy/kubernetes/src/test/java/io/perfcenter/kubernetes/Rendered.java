package io.perfcenter.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One kustomization rendered by kustomize, as the objects {@code kubectl apply -k} would send. The render is also
 * written to {@code target/rendered/<name>.yaml} to read.
 */
record Rendered(String dir, List<JsonNode> objects) {

    /** The deployable overlays; every check runs on each. */
    static final List<String> OVERLAYS = List.of("overlays/local", "overlays/production");
    static final List<String> SERVICES = List.of("metrics-service", "scoring-service", "incentive-service");
    static final List<String> WORKLOADS = List.of("metrics-service", "scoring-service", "incentive-service", "gateway");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    static Rendered of(String dir) {
        return CACHE.computeIfAbsent(dir, Rendered::render);
    }

    private static Rendered render(String dir) {
        String yaml = Tools.kustomize(Tools.MODULE.resolve(dir));
        try {
            Path out = Tools.MODULE.resolve("target/rendered");
            Files.createDirectories(out);
            Files.writeString(out.resolve(dir.replace('/', '-') + ".yaml"), yaml);
            List<JsonNode> objects = new ArrayList<>();
            try (var docs = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
                docs.forEachRemaining(doc -> {
                    if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                        objects.add(doc);
                    }
                });
            }
            return new Rendered(dir, List.copyOf(objects));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects as one JSON array, written to target/rendered for the schema validator. */
    Path json() {
        try {
            Path file = Tools.MODULE.resolve("target/rendered/" + dir.replace('/', '-') + ".json");
            Files.writeString(file, JSON.writeValueAsString(objects));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode one(String kind, String name) {
        return all(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(dir + ": no " + kind + " " + name));
    }

    /** The pod template specs of the Deployments and Jobs. */
    Map<String, JsonNode> podSpecs() {
        Map<String, JsonNode> specs = new LinkedHashMap<>();
        for (String kind : List.of("Deployment", "Job")) {
            for (JsonNode o : all(kind)) {
                specs.put(kind + " " + o.path("metadata").path("name").asText(), o.path("spec").path("template").path("spec"));
            }
        }
        return specs;
    }

    /**
     * A container's environment as the pod sees it: its ConfigMaps (envFrom, resolved in this render) overridden by
     * its own env entries; a secret reference reads {@code secret:<name>/<key>}.
     */
    Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String name = from.path("configMapRef").path("name").asText();
            one("ConfigMap", name).path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode e : container.path("env")) {
            JsonNode secret = e.path("valueFrom").path("secretKeyRef");
            env.put(e.path("name").asText(), secret.isMissingNode()
                    ? e.path("value").asText()
                    : "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText());
        }
        return env;
    }
}
