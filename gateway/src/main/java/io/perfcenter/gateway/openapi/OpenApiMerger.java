package io.perfcenter.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the services' OpenAPI documents into the one document of the public API.
 * <ul>
 * <li>paths: each service's paths under its own prefix (others are not routed by the gateway and are left out);
 * operations, their tags and operationIds are kept exactly as the service wrote them;</li>
 * <li>components (schemas, responses, parameters, …): a name that two services define differently is prefixed
 * with each defining service's name ({@code Problem} becomes {@code MetricsProblem} and {@code ScoringProblem}),
 * and the references inside those services' documents are rewritten; identical definitions are kept once. The
 * renames are listed in {@code x-perfcenter-renamed-components};</li>
 * <li>security: one bearer JWT scheme {@code bearer} (and {@code oidc}, the identity provider's OpenID Connect
 * discovery, when configured), required globally; the services' own schemes are replaced by it, including in
 * per-operation requirements, whose scopes (the roles) move to {@code x-perfcenter-roles} and the description;</li>
 * <li>each service document is first made client-ready ({@link ClientReadyDocument}): no library types, one
 * {@code Problem} schema, no siblings of {@code $ref}, 2xx responses first, every operation and parameter
 * described;</li>
 * <li>tags: the union, in the order of the services, the first description winning.</li>
 * </ul>
 * Duplicate operationIds across services are kept (clients may rely on them) but listed in
 * {@code x-perfcenter-duplicate-operation-ids} and logged.
 */
public final class OpenApiMerger {

    public static final String SCHEME = "bearer";
    public static final String OIDC_SCHEME = "oidc";
    /** The roles an operation accepts (from the service's {@code @RolesAllowed}). */
    public static final String ROLES = "x-perfcenter-roles";
    public static final String UNAVAILABLE = "x-perfcenter-unavailable";
    public static final String RENAMED = "x-perfcenter-renamed-components";
    public static final String DUPLICATE_OPERATION_IDS = "x-perfcenter-duplicate-operation-ids";

    private static final Logger LOG = Logger.getLogger(OpenApiMerger.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiMerger() {
    }

    /**
     * @param documents   the documents of the services that answered, in service order
     * @param unavailable the services whose document could not be had
     */
    public static ObjectNode merge(List<ServiceDocument> documents, List<String> unavailable) {
        return merge(documents, unavailable, null);
    }

    /**
     * @param openIdConnectUrl the identity provider's discovery document, offered as a second security scheme
     *                         {@code oidc} beside {@code bearer}; null for none (e.g. the local key pair)
     */
    public static ObjectNode merge(List<ServiceDocument> documents, List<String> unavailable,
                                   String openIdConnectUrl) {
        documents = documents.stream().map(d -> {
            ObjectNode copy = d.document().deepCopy();
            ClientReadyDocument.apply(copy);
            return new ServiceDocument(d.service(), copy);
        }).toList();
        boolean oidc = openIdConnectUrl != null && !openIdConnectUrl.isBlank();
        Map<String, Map<String, String>> renames = renames(documents);

        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", documents.stream()
                .map(d -> d.document().path("openapi").asText(null))
                .filter(v -> v != null && !v.isBlank())
                .findFirst().orElse("3.1.0"));
        merged.set("info", info(documents));
        merged.putArray("servers");
        ArrayNode globalSecurity = merged.putArray("security");
        globalSecurity.addObject().putArray(SCHEME);
        if (oidc) {
            globalSecurity.addObject().putArray(OIDC_SCHEME);
        }

        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = JSON.objectNode();
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        Map<String, List<String>> operationIds = new TreeMap<>();

        for (ServiceDocument source : documents) {
            String service = source.service().name();
            ObjectNode document = source.document().deepCopy();
            Map<String, String> serviceRenames = renames.getOrDefault(service, Map.of());
            rewriteReferences(document, serviceRenames);

            document.path("paths").properties().forEach(entry -> {
                String path = entry.getKey();
                if (!source.service().owns(path)) {
                    LOG.debugf("%s documents %s outside %s; the gateway does not route it", service, path,
                            source.service().pathPrefix());
                    return;
                }
                if (paths.has(path)) {
                    LOG.warnf("%s documents %s, which another service documents already; kept the first", service,
                            path);
                    return;
                }
                JsonNode item = entry.getValue();
                item.properties().forEach(op -> {
                    if (HTTP_METHODS.contains(op.getKey()) && op.getValue() instanceof ObjectNode operation) {
                        useGatewayScheme(operation, oidc);
                        String id = operation.path("operationId").asText(null);
                        if (id != null) {
                            operationIds.computeIfAbsent(id, k -> new ArrayList<>()).add(service);
                        }
                    }
                });
                paths.set(path, item);
            });

            for (JsonNode tag : document.path("tags")) {
                String name = tag.path("name").asText(null);
                if (name != null && !tags.containsKey(name)) {
                    tags.put(name, (ObjectNode) tag);
                }
            }

            document.path("components").properties().forEach(type -> {
                if (type.getKey().equals("securitySchemes")) {
                    return;
                }
                ObjectNode target = components.has(type.getKey())
                        ? (ObjectNode) components.get(type.getKey()) : components.putObject(type.getKey());
                type.getValue().properties().forEach(component -> {
                    String name = serviceRenames.getOrDefault(type.getKey() + "/" + component.getKey(),
                            component.getKey());
                    if (target.has(name) && !target.get(name).equals(component.getValue())) {
                        // renames() prefixes every name defined differently; reaching here means a prefixed name
                        // collides with one a service defines itself
                        throw new IllegalStateException("Component " + type.getKey() + "/" + name + " of " + service
                                + " collides with another service's after prefixing; rename it in one service");
                    }
                    target.set(name, component.getValue());
                });
            });
        }

        ArrayNode tagArray = merged.putArray("tags");
        tags.values().forEach(tagArray::add);
        components.putObject("securitySchemes").putObject(SCHEME)
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "An access token of the PerfCenter identity provider; each operation's "
                        + "scopes are the roles it accepts");
        if (oidc) {
            components.with("securitySchemes").putObject(OIDC_SCHEME)
                    .put("type", "openIdConnect")
                    .put("openIdConnectUrl", openIdConnectUrl)
                    .put("description", "The PerfCenter identity provider (e.g. Keycloak): tokens carry the roles "
                            + "in the groups or realm_access.roles claim");
        }
        merged.set("components", components);

        ArrayNode missing = merged.putArray(UNAVAILABLE);
        unavailable.forEach(missing::add);
        if (!renames.isEmpty()) {
            ObjectNode renamed = merged.putObject(RENAMED);
            renames.forEach((service, map) -> {
                ObjectNode byService = renamed.putObject(service);
                map.forEach(byService::put);
            });
        }
        ArrayNode duplicates = JSON.arrayNode();
        operationIds.forEach((id, services) -> {
            if (services.size() > 1) {
                LOG.warnf("operationId %s is used by %s; kept as the services define it", id, services);
                duplicates.add(id);
            }
        });
        if (!duplicates.isEmpty()) {
            merged.set(DUPLICATE_OPERATION_IDS, duplicates);
        }
        return merged;
    }

    private static ObjectNode info(List<ServiceDocument> documents) {
        ObjectNode info = JSON.objectNode();
        info.put("title", "PerfCenter API");
        info.put("version", "1.0");
        info.putObject("contact").put("name", "PerfCenter").put("url", "https://perfcenter.io");
        StringBuilder description = new StringBuilder(
                "The public API of PerfCenter, served by its gateway. Every call needs a bearer token.");
        if (!documents.isEmpty()) {
            description.append("\n\nServices:");
            for (ServiceDocument d : documents) {
                JsonNode serviceInfo = d.document().path("info");
                description.append("\n- ").append(d.service().name()).append(" (")
                        .append(d.service().pathPrefix()).append(", version ")
                        .append(serviceInfo.path("version").asText("?")).append(')');
                String title = serviceInfo.path("description").asText("");
                if (!title.isBlank()) {
                    description.append(": ").append(title);
                }
            }
        }
        info.put("description", description.toString());
        return info;
    }

    /**
     * Which components each service must rename: {@code service -> "schemas/Name" -> "PrefixName"}, for every
     * name that at least two services define differently.
     */
    static Map<String, Map<String, String>> renames(List<ServiceDocument> documents) {
        Map<String, Map<String, JsonNode>> definitions = new LinkedHashMap<>();
        for (ServiceDocument d : documents) {
            d.document().path("components").properties().forEach(type -> {
                if (type.getKey().equals("securitySchemes")) {
                    return;
                }
                type.getValue().properties().forEach(component -> definitions
                        .computeIfAbsent(type.getKey() + "/" + component.getKey(), k -> new LinkedHashMap<>())
                        .put(d.service().name(), component.getValue()));
            });
        }
        Map<String, Map<String, String>> renames = new TreeMap<>();
        definitions.forEach((key, byService) -> {
            if (new LinkedHashSet<>(byService.values()).size() > 1) {
                String type = key.substring(0, key.indexOf('/'));
                String name = key.substring(key.indexOf('/') + 1);
                byService.keySet().forEach(service -> {
                    String renamed = prefix(service) + name;
                    renames.computeIfAbsent(service, s -> new TreeMap<>()).put(type + "/" + name, renamed);
                });
                LOG.warnf("Component %s is defined differently by %s; each is prefixed with its service's name",
                        key, byService.keySet());
            }
        });
        return renames;
    }

    /** {@code metrics-service} becomes {@code Metrics}, {@code incentive-service} becomes {@code Incentive}. */
    static String prefix(String service) {
        String base = service.endsWith("-service") ? service.substring(0, service.length() - "-service".length())
                : service;
        StringBuilder prefix = new StringBuilder();
        for (String part : base.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                prefix.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return prefix.toString();
    }

    /** Rewrites {@code $ref}s and discriminator mappings to renamed components, everywhere in the document. */
    private static void rewriteReferences(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, String>> replacements = new ArrayList<>();
            object.properties().forEach(field -> {
                // "$ref" values, and discriminator mappings, point at "#/components/<type>/<name>"
                if (field.getValue().isTextual()) {
                    String renamed = renamedReference(field.getValue().asText(), renames);
                    if (renamed != null) {
                        replacements.add(Map.entry(field.getKey(), renamed));
                    }
                } else {
                    rewriteReferences(field.getValue(), renames);
                }
            });
            replacements.forEach(r -> object.put(r.getKey(), r.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteReferences(element, renames));
        }
    }

    private static String renamedReference(String reference, Map<String, String> renames) {
        String prefix = "#/components/";
        if (!reference.startsWith(prefix)) {
            return null;
        }
        String key = reference.substring(prefix.length());
        String renamed = renames.get(key);
        if (renamed == null) {
            return null;
        }
        return prefix + key.substring(0, key.indexOf('/') + 1) + renamed;
    }

    /**
     * Requirements naming the services' schemes now name the gateway's schemes. The roles the services wrote as
     * scopes move to {@code x-perfcenter-roles} (and the description): a bearer or OpenID Connect requirement has
     * no OAuth scopes, and roles are claims of the token.
     */
    private static void useGatewayScheme(ObjectNode operation, boolean oidc) {
        if (!(operation.get("security") instanceof ArrayNode requirements)) {
            return;
        }
        ArrayNode rewritten = JSON.arrayNode();
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode requirement : requirements) {
            ObjectNode replaced = JSON.objectNode();
            if (requirement.size() > 0) {
                requirement.properties().forEach(scheme -> scheme.getValue().forEach(s -> roles.add(s.asText())));
                replaced.putArray(SCHEME);
            }
            if (!contains(rewritten, replaced)) {
                rewritten.add(replaced);
            }
            if (oidc && requirement.size() > 0) {
                // the same token, obtained through OpenID Connect
                ObjectNode viaOidc = JSON.objectNode();
                viaOidc.putArray(OIDC_SCHEME);
                if (!contains(rewritten, viaOidc)) {
                    rewritten.add(viaOidc);
                }
            }
        }
        operation.set("security", rewritten);
        if (!roles.isEmpty()) {
            ArrayNode roleArray = operation.putArray(ROLES);
            roles.forEach(roleArray::add);
        }
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
