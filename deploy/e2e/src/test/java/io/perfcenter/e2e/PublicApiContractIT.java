package io.perfcenter.e2e;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Partner teams generate clients from the merged OpenAPI document, so its operations are a contract: this test
 * fails when an operation disappears, moves or is renamed, and when a new one is not yet listed in
 * {@code public-api-operations.txt}. After a deliberate change, regenerate the list with
 * {@code ./mvnw verify -pl deploy/e2e -Dperfcenter.contract.update=true} and review the diff.
 */
class PublicApiContractIT {

    private static final Path CONTRACT = Path.of("src/test/resources/public-api-operations.txt");

    @Test
    void theMergedDocumentKeepsEveryOperationOfTheContract() throws IOException {
        RunningSuite.get();
        JsonPath doc = RestAssured.given().get("/openapi.json").then().statusCode(200).extract().jsonPath();
        Set<String> actual = new TreeSet<>();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> && operation.get("operationId") != null) {
                actual.add(operation.get("operationId") + " " + method.toUpperCase() + " " + path);
            }
        }));
        if (Boolean.getBoolean("perfcenter.contract.update")) {
            Files.write(CONTRACT, actual);
            return;
        }
        Set<String> contract = new TreeSet<>(Files.readAllLines(CONTRACT));
        contract.removeIf(String::isBlank);
        Set<String> removed = new TreeSet<>(contract);
        removed.removeAll(actual);
        Set<String> added = new TreeSet<>(actual);
        added.removeAll(contract);
        if (!removed.isEmpty()) {
            fail("Operations of the public contract are gone, moved or renamed (a breaking change for generated "
                    + "clients): " + removed);
        }
        assertEquals(List.of(), List.copyOf(added), "New operations: review them and add them to " + CONTRACT);
        long distinctIds = actual.stream().map(line -> line.split(" ")[0]).distinct().count();
        assertEquals(actual.size(), distinctIds, "operationIds must be unique across the public API");
    }
}
