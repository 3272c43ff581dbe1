package io.perfcenter.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes one service's OpenAPI document fit for client generators (openapi-generator, Spectral), before it is merged.
 * The services' documents are what smallrye-openapi derives from their code; these rules are applied to every
 * service the same way, so no resource has to repeat them:
 * <ul>
 * <li>library types are not schemas: Jackson's {@code JsonNode} becomes a free-form object, {@code LocalDate} a
 * {@code string} of format {@code date}, {@code OffsetDateTime} and {@code Instant} of format {@code date-time};</li>
 * <li>a schema smallrye-openapi numbered ({@code ScorecardStatus1}) that is identical to the unnumbered one is
 * that one;</li>
 * <li>every problem schema ({@code HttpProblem}, {@code HttpValidationProblem}, {@code GatewayProblem}, …) is the
 * one {@code Problem} schema (RFC 7807 plus PerfCenter's members), so clients have one error type;</li>
 * <li>no keyword beside a {@code $ref} (generators ignore or mistranslate them): {@code type} is dropped, a
 * description or example moves to an {@code allOf} wrapper;</li>
 * <li>responses are listed 2xx first (generators take the first response's media type for {@code Accept});</li>
 * <li>every operation has a description stating the roles it accepts (from its security requirement, i.e. the
 * resource's {@code @RolesAllowed}), every parameter a description and an example.</li>
 * </ul>
 */
final class ClientReadyDocument {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_VIOLATION = "ProblemViolation";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String SCHEMAS = "#/components/schemas/";
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** Library types smallrye-openapi documents as components, and the inline schema each stands for. */
    private static final Map<String, ObjectNode> LIBRARY_TYPES = new LinkedHashMap<>();

    static {
        LIBRARY_TYPES.put("JsonNode", freeForm());
        LIBRARY_TYPES.put("ObjectNode", freeForm());
        LIBRARY_TYPES.put("LocalDate", string("date", "2026-10-31"));
        LIBRARY_TYPES.put("OffsetDateTime", string("date-time", "2026-10-31T09:30:00Z"));
        LIBRARY_TYPES.put("Instant", string("date-time", "2026-10-31T09:30:00Z"));
        LIBRARY_TYPES.put("ZonedDateTime", string("date-time", "2026-10-31T09:30:00Z"));
        LIBRARY_TYPES.put("LocalDateTime", string("date-time", "2026-10-31T09:30:00"));
        LIBRARY_TYPES.put("URI", string("uri", "https://perfcenter.io/problems/not-found"));
    }

    /** Common parameters: description and example, so no parameter of the public API is undocumented. */
    private static final Map<String, String[]> PARAMETERS = Map.ofEntries(
            Map.entry("code", new String[]{"The code that identifies the resource", "G-HOTLINE-1"}),
            Map.entry("employeeId", new String[]{"Employee id of the agent (as in the HR system)", "E3001"}),
            Map.entry("unit", new String[]{"Code of the org unit (center, team or group)", "G-HOTLINE-1"}),
            Map.entry("unitCode", new String[]{"Code of the org unit (center, team or group)", "G-HOTLINE-1"}),
            Map.entry("period", new String[]{"The period: a month YYYY-MM, a quarter YYYY-Qn or a year YYYY",
                    "2026-10"}),
            Map.entry("from", new String[]{"First day included (ISO date)", "2026-10-01"}),
            Map.entry("to", new String[]{"Last day included (ISO date)", "2026-10-31"}),
            Map.entry("on", new String[]{"The day the answer is valid on (ISO date)", "2026-10-31"}),
            Map.entry("atomic", new String[]{"true: store nothing when any row is invalid (422 lists the rows); "
                    + "false: store the valid rows and report the others", "false"}),
            Map.entry("dryRun", new String[]{"true: check the rows and report what would happen, store nothing",
                    "false"}),
            Map.entry("externalId", new String[]{"The record's id in the source system", "calls-E3001-2026-10-31"}),
            Map.entry("sourceSystem", new String[]{"The system that sent the record", "acd"}),
            Map.entry("id", new String[]{"Id of the resource", "42"}),
            Map.entry("runId", new String[]{"Id of the run", "42"}),
            Map.entry("version", new String[]{"Version number; the latest when absent", "1"}),
            Map.entry("metric", new String[]{"Metric code; repeat the parameter for several metrics",
                    "calls_handled"}),
            Map.entry("template", new String[]{"Code of the scorecard template", "SEAT"}),
            Map.entry("templateCode", new String[]{"Code of the scorecard template", "SEAT"}),
            Map.entry("plan", new String[]{"Code of the incentive plan", "PERF"}),
            Map.entry("planCode", new String[]{"Code of the incentive plan", "PERF"}),
            Map.entry("status", new String[]{"Only resources in this status", null}),
            Map.entry("granularity", new String[]{"Length of each point of the series", "MONTH"}),
            Map.entry("format", new String[]{"Format of the export", null}),
            Map.entry("year", new String[]{"Calendar year", "2026"}),
            Map.entry("limit", new String[]{"Largest number of items answered", "100"}),
            Map.entry("revision", new String[]{"Revision number of the run; the latest when absent", "1"}),
            Map.entry("other", new String[]{"Revision number to compare with", "1"}),
            Map.entry("against", new String[]{"Revision number to compare with", "1"}));

    private ClientReadyDocument() {
    }

    /** Applies every rule to the document, in place. */
    static void apply(ObjectNode document) {
        ObjectNode schemas = document.path("components").path("schemas") instanceof ObjectNode s ? s : null;
        Map<String, JsonNode> inline = new LinkedHashMap<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        if (schemas != null) {
            LIBRARY_TYPES.forEach((name, replacement) -> {
                if (schemas.has(name)) {
                    inline.put(SCHEMAS + name, replacement);
                    schemas.remove(name);
                }
            });
            schemas.remove("JsonNodeType");
            // smallrye-openapi numbers a second class of the same schema name (Status1, Status2); identical ones
            // are the same thing to a client: one schema
            List<String> numbered = new ArrayList<>();
            schemas.fieldNames().forEachRemaining(name -> {
                String base = name.replaceFirst("\\d+$", "");
                if (!base.equals(name) && schemas.has(base) && schemas.get(base).equals(schemas.get(name))) {
                    numbered.add(name);
                }
            });
            for (String name : numbered) {
                schemas.remove(name);
                renamed.put(SCHEMAS + name, SCHEMAS + name.replaceFirst("\\d+$", ""));
            }
            List<String> problems = new ArrayList<>();
            schemas.fieldNames().forEachRemaining(name -> {
                if (isProblem(name, schemas.get(name))) {
                    problems.add(name);
                }
            });
            if (!problems.isEmpty()) {
                for (String name : problems) {
                    schemas.remove(name);
                    renamed.put(SCHEMAS + name, SCHEMAS + PROBLEM);
                }
                if (isResteasyViolation(schemas.get("Violation"))) {
                    schemas.remove("Violation");
                    renamed.put(SCHEMAS + "Violation", SCHEMAS + PROBLEM_VIOLATION);
                }
                schemas.set(PROBLEM, problemSchema());
                schemas.set(PROBLEM_VIOLATION, violationSchema());
            }
        }
        JsonNode rewritten = rewrite(document, inline, renamed);
        document.setAll((ObjectNode) rewritten);
        operations(document);
    }

    // ---- schemas ----

    private static boolean isProblem(String name, JsonNode schema) {
        return name.equals("HttpProblem") || name.equals("HttpValidationProblem") || name.equals(PROBLEM)
                || (name.endsWith("Problem") && schema.path("properties").has("type")
                && schema.path("properties").has("status"));
    }

    private static boolean isResteasyViolation(JsonNode schema) {
        return schema != null && schema.path("properties").has("field") && schema.path("properties").has("message")
                && schema.path("properties").size() <= 3;
    }

    /** Replaces references to inlined or renamed schemas and removes keywords beside {@code $ref}. */
    private static JsonNode rewrite(JsonNode node, Map<String, JsonNode> inline, Map<String, String> renamed) {
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.arrayNode();
            array.forEach(element -> copy.add(rewrite(element, inline, renamed)));
            return copy;
        }
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        ObjectNode copy = JSON.objectNode();
        object.properties().forEach(field -> copy.set(field.getKey(), rewrite(field.getValue(), inline, renamed)));
        if (!copy.path("$ref").isTextual()) {
            return copy;
        }
        String ref = copy.get("$ref").asText();
        if (inline.containsKey(ref)) {
            ObjectNode replaced = inline.get(ref).deepCopy();
            copy.properties().forEach(field -> {
                if (!field.getKey().equals("$ref") && !field.getKey().equals("type")) {
                    replaced.set(field.getKey(), field.getValue());
                }
            });
            return replaced;
        }
        if (renamed.containsKey(ref)) {
            copy.put("$ref", renamed.get(ref));
            ref = renamed.get(ref);
        }
        copy.remove("type");
        if (copy.size() == 1 || !ref.startsWith(SCHEMAS)) {
            return copy;
        }
        // a description, example, nullable… beside a $ref: keep them on a wrapper around the reference
        ObjectNode wrapper = JSON.objectNode();
        wrapper.putArray("allOf").addObject().put("$ref", ref);
        copy.properties().forEach(field -> {
            if (!field.getKey().equals("$ref")) {
                wrapper.set(field.getKey(), field.getValue());
            }
        });
        return wrapper;
    }

    private static ObjectNode freeForm() {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        schema.put("additionalProperties", true);
        schema.put("description", "Free-form JSON object");
        return schema;
    }

    private static ObjectNode string(String format, String example) {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "string");
        schema.put("format", format);
        schema.putArray("examples").add(example);
        return schema;
    }

    static ObjectNode problemSchema() {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        schema.put("description", "An RFC 7807 problem (media type application/problem+json): every error of the "
                + "public API, whatever the Accept header of the request");
        schema.putArray("required").add("type").add("title").add("status");
        // no "additionalProperties": true, although problems carry more members (limit, errors, currentETag …):
        // with it, openapi-generator's Java client makes Problem a HashMap and never fills type, status or detail
        ObjectNode properties = schema.putObject("properties");
        property(properties, "type", "string", "uri", "Stable URI of the kind of problem",
                "https://perfcenter.io/problems/not-found");
        property(properties, "title", "string", null, "Short summary of the kind of problem", "Not found");
        property(properties, "status", "integer", "int32", "The HTTP status code", 404);
        property(properties, "detail", "string", null, "What went wrong in this case",
                "Agent E404 does not exist");
        property(properties, "instance", "string", null, "The request path", "/api/v1/metrics/org/agents/E404");
        property(properties, "requestId", "string", null, "The request id (X-Request-Id)",
                "3f1c2a9e-5b7d-4c1e-9a2b-6d8e0f1a2b3c");
        property(properties, "field", "string", null, "The field or parameter at fault (400, 422)", "period");
        property(properties, "service", "string", null, "The service that could not answer (502, 503, 504)",
                "scoring-service");
        ObjectNode violations = properties.putObject("violations");
        violations.put("type", "array");
        violations.put("description", "The constraint violations of a request body (400)");
        violations.putObject("items").put("$ref", SCHEMAS + PROBLEM_VIOLATION);
        return schema;
    }

    private static ObjectNode violationSchema() {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        schema.put("description", "One constraint a request body violates");
        ObjectNode properties = schema.putObject("properties");
        property(properties, "field", "string", null, "The field at fault", "period");
        property(properties, "in", "string", null, "Where the field is: body, query, path, header", "body");
        property(properties, "message", "string", null, "Why the value is refused", "must not be blank");
        return schema;
    }

    private static void property(ObjectNode properties, String name, String type, String format, String description,
                                 Object example) {
        ObjectNode property = properties.putObject(name);
        property.put("type", type);
        if (format != null) {
            property.put("format", format);
        }
        property.put("description", description);
        if (example instanceof Integer i) {
            property.putArray("examples").add(i);
        } else {
            property.putArray("examples").add(String.valueOf(example));
        }
    }

    // ---- operations ----

    private static void operations(ObjectNode document) {
        document.path("paths").properties().forEach(path -> {
            JsonNode item = path.getValue();
            List<JsonNode> shared = new ArrayList<>();
            item.path("parameters").forEach(shared::add);
            shared.forEach(ClientReadyDocument::describeParameter);
            item.properties().forEach(entry -> {
                if (HTTP_METHODS.contains(entry.getKey()) && entry.getValue() instanceof ObjectNode operation) {
                    orderResponses(operation);
                    describeOperation(operation);
                    operation.path("parameters").forEach(ClientReadyDocument::describeParameter);
                }
            });
        });
    }

    /** 2xx first, then 3xx, 4xx, 5xx, then {@code default}; each group by code. */
    static void orderResponses(ObjectNode operation) {
        if (!(operation.get("responses") instanceof ObjectNode responses)) {
            return;
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        responses.properties().forEach(entries::add);
        entries.sort(Comparator.comparing(e -> e.getKey().equals("default") ? "9" : e.getKey()));
        ObjectNode ordered = JSON.objectNode();
        entries.forEach(e -> ordered.set(e.getKey(), e.getValue()));
        operation.set("responses", ordered);
    }

    /** The summary when there is no description, and the roles the operation accepts. */
    private static void describeOperation(ObjectNode operation) {
        String description = operation.path("description").asText("");
        if (description.isBlank()) {
            description = operation.path("summary").asText("");
        }
        if (description.isBlank()) {
            description = operation.path("operationId").asText("");
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode requirement : operation.path("security")) {
            requirement.properties().forEach(scheme -> scheme.getValue().forEach(role -> {
                if (!roles.contains(role.asText())) {
                    roles.add(role.asText());
                }
            }));
        }
        if (!roles.isEmpty() && !description.contains("Roles: ")) {
            description = description + (description.endsWith(".") ? "" : ".") + "\n\nRoles: "
                    + String.join(", ", roles) + ".";
        }
        if (!operation.has("summary") && !description.isBlank()) {
            operation.put("summary", description.lines().findFirst().orElse(description));
        }
        operation.put("description", description);
    }

    private static void describeParameter(JsonNode node) {
        if (!(node instanceof ObjectNode parameter) || parameter.has("$ref")) {
            return;
        }
        String name = parameter.path("name").asText("");
        String[] known = PARAMETERS.get(name);
        if (parameter.path("description").asText("").isBlank()) {
            parameter.put("description", known != null ? known[0]
                    : "The " + name + " " + parameter.path("in").asText("query") + " parameter");
        }
        JsonNode schema = parameter.path("schema");
        if (!parameter.has("example") && !parameter.has("examples")) {
            String example = example(schema, known);
            if (example != null) {
                JsonNode typed = typed(schema, example);
                if (typed != null) {
                    parameter.set("example", typed);
                }
            }
        } else if (parameter.has("example") && !fits(schema, parameter.get("example"))) {
            // annotations give examples as text ("7" for an integer id): typed when it converts, else dropped, as an
            // example the schema refuses is worse than none (Spectral: oas3-valid-media-example)
            JsonNode typed = typed(schema, parameter.get("example").asText());
            if (typed != null) {
                parameter.set("example", typed);
            } else {
                parameter.remove("example");
            }
        }
    }

    private static String example(JsonNode schema, String[] known) {
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0).asText();
        }
        if (schema.path("items").has("enum") && !schema.path("items").get("enum").isEmpty()) {
            return schema.path("items").get("enum").get(0).asText();
        }
        if (known != null && known[1] != null) {
            return known[1];
        }
        return switch (schema.path("format").asText("")) {
            case "date" -> "2026-10-31";
            case "date-time" -> "2026-10-31T09:30:00Z";
            default -> switch (schema.path("type").asText("")) {
                case "boolean" -> "false";
                case "integer", "number" -> "1";
                default -> null;
            };
        };
    }

    /** The example as a value of the parameter's schema, or null when it does not fit. */
    private static JsonNode typed(JsonNode schema, String example) {
        String type = schema.path("type").asText("");
        JsonNode value;
        try {
            value = switch (type) {
                case "boolean" -> JSON.booleanNode(Boolean.parseBoolean(example));
                case "integer" -> JSON.numberNode(Long.parseLong(example));
                case "number" -> JSON.numberNode(new java.math.BigDecimal(example));
                case "array" -> {
                    JsonNode item = typed(schema.path("items"), example);
                    yield item == null ? null : JSON.arrayNode().add(item);
                }
                default -> JSON.textNode(example);
            };
        } catch (NumberFormatException e) {
            return null;
        }
        return value != null && fits(schema, value) ? value : null;
    }

    private static boolean fits(JsonNode schema, JsonNode value) {
        if (schema.has("enum")) {
            for (JsonNode allowed : schema.get("enum")) {
                if (allowed.equals(value)) {
                    return true;
                }
            }
            return false;
        }
        String pattern = schema.path("pattern").asText(null);
        if (pattern != null && value.isTextual() && !java.util.regex.Pattern.compile(pattern).matcher(value.asText())
                .find()) {
            return false;
        }
        return switch (schema.path("type").asText("")) {
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "string" -> value.isTextual();
            case "array" -> value.isArray() && (!schema.has("items") || allFit(schema.get("items"), value));
            default -> true;
        };
    }

    private static boolean allFit(JsonNode items, JsonNode values) {
        for (JsonNode v : values) {
            if (!fits(items, v)) {
                return false;
            }
        }
        return true;
    }
}
