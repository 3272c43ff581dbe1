package io.perfcenter.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfcenter.metrics.ingest.FieldType;
import io.perfcenter.metrics.ingest.RecordField;
import io.perfcenter.metrics.ingest.RecordKind;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The record shapes the OpenAPI document shows (RecordPayloads, there for the document only) are the fields the
 * upload of each kind reads (RecordKind): for every kind, the request body of POST /api/v1/metrics/records/{kind}
 * names exactly the kind's input fields, with the same types, the same required ones and the same choices. A field
 * added to a kind and not to its payload (or the other way round) fails here.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RecordPayloadsTests {

    @Test
    void everyUploadDocumentsExactlyItsKindsFields() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(RestAssured.given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> differences = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            if (!kind.uploaded()) {
                continue;
            }
            String path = "/api/v1/metrics/records/" + kind.path();
            JsonNode content = doc.path("paths").path(path).path("post").path("requestBody").path("content");
            JsonNode array = content.path("application/json").path("schema");
            assertEquals("array", type(array), path + ": a JSON array of records");
            JsonNode schema = resolve(doc, array.path("items"));
            assertEquals(schema, resolve(doc, content.path("application/x-ndjson").path("schema")),
                    path + ": NDJSON lines are the same records");
            assertNotNull(schema.get("properties"), path + " has no record schema");

            Map<String, RecordField> fields = new LinkedHashMap<>();
            kind.inputFields().forEach(f -> fields.put(f.name(), f));
            TreeSet<String> documented = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(documented::add);
            if (!documented.equals(new TreeSet<>(fields.keySet()))) {
                differences.add(path + ": documents " + documented + ", reads " + new TreeSet<>(fields.keySet()));
                continue;
            }
            TreeSet<String> required = new TreeSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (RecordField field : fields.values()) {
                JsonNode property = resolve(doc, schema.path("properties").path(field.name()));
                String expected = expectedType(field.type());
                if (expected != null && !expected.equals(typeAndFormat(property))) {
                    differences.add(path + " " + field.name() + ": documented as " + typeAndFormat(property)
                            + ", read as " + expected);
                }
                if (field.required() != required.contains(field.name())) {
                    differences.add(path + " " + field.name() + ": required " + field.required()
                            + " when read, " + required.contains(field.name()) + " in the document");
                }
                if (field.type() == FieldType.CHOICE) {
                    List<String> choices = new ArrayList<>();
                    property.path("enum").forEach(c -> choices.add(c.asText()));
                    if (!choices.equals(field.choices())) {
                        differences.add(path + " " + field.name() + ": choices " + choices + " documented, "
                                + field.choices() + " read");
                    }
                }
            }
        }
        assertEquals(List.of(), differences);
    }

    /** How the document types a field of each type; null: JSON, any value. */
    private static String expectedType(FieldType type) {
        return switch (type) {
            case TEXT, CHOICE, CODE -> "string";
            case INTEGER -> "integer";
            case DECIMAL -> "number";
            case BOOLEAN -> "boolean";
            case DATE -> "string/date";
            case TIMESTAMP -> "string/date-time";
            case JSON -> null;
        };
    }

    private static String typeAndFormat(JsonNode property) {
        String type = type(property);
        String format = property.path("format").asText("");
        return "string".equals(type) && !format.isEmpty() ? type + "/" + format : type;
    }

    /** The type, of a 3.1 list of types the one that is not null. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (Iterator<JsonNode> it = type.elements(); it.hasNext(); ) {
                String t = it.next().asText();
                if (!"null".equals(t)) {
                    return t;
                }
            }
        }
        return type.asText(null);
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }
}
