package io.perfcenter.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** See {@link CommittedPact}. */
public class CommittedPactCheck implements AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        CommittedPact pact = context.getRequiredTestClass().getAnnotation(CommittedPact.class);
        for (String provider : pact.provider()) {
            check(pact.consumer(), provider);
        }
    }

    private static void check(String consumer, String provider) throws IOException {
        String file = consumer + "-" + provider + ".json";
        Path written = Path.of("target", "pacts", file).toAbsolutePath();
        Path committed = Suite.findRoot().resolve(provider).resolve("src/test/resources/pacts").resolve(file);
        String copy = "copy " + written + " to " + committed.getParent() + "/ and commit it, so that "
                + provider + "'s verification checks the new contract";
        if (!Files.exists(written)) {
            throw new AssertionError("No pact was written to " + written + " (did a consumer test fail?)");
        }
        if (!Files.exists(committed)) {
            throw new AssertionError("The contract " + file + " is not committed: " + copy);
        }
        JsonNode now = comparable(JSON.readTree(written.toFile()));
        JsonNode before = comparable(JSON.readTree(committed.toFile()));
        if (!now.equals(before)) {
            throw new AssertionError("The contract changed: " + copy + ".\nWritten:   " + now + "\nCommitted: "
                    + before);
        }
    }

    /** The pact without its metadata (Pact versions), interactions in a fixed order. */
    static JsonNode comparable(JsonNode pact) {
        ObjectNode copy = pact.deepCopy();
        copy.remove("metadata");
        JsonNode interactions = copy.get("interactions");
        if (interactions instanceof ArrayNode array) {
            List<JsonNode> sorted = new ArrayList<>();
            array.forEach(sorted::add);
            sorted.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode ordered = JSON.createArrayNode();
            sorted.forEach(ordered::add);
            copy.set("interactions", ordered);
        }
        return copy;
    }
}
