package io.perfcenter.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The overlays render the same with the kustomize built into kubectl ({@code kubectl apply -k}) as with the
 * kustomize the checks use. Runs where a kubectl is installed; skipped elsewhere.
 */
class KubectlCompatibilityTests {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kubectlRendersTheSame(String overlay) throws IOException {
        Optional<String> kubectl = Tools.kubectlKustomize(Tools.MODULE.resolve(overlay));
        assumeTrue(kubectl.isPresent(), "no kubectl on the PATH");
        List<JsonNode> objects = new ArrayList<>();
        try (var docs = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(kubectl.get())) {
            docs.forEachRemaining(objects::add);
        }
        assertEquals(Rendered.of(overlay).objects(), objects, overlay);
    }
}
