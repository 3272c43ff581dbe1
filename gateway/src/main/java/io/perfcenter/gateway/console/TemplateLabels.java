package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfcenter.gateway.overview.ServiceCalls;
import io.perfcenter.gateway.overview.ServiceCalls.Part;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels of a template and of its items and grades in the page's language, as HR gave them
 * ({@code nameZh}/{@code nameEn}, else the template's one {@code name}: {@link ConsoleKit#label}); a template, item or
 * grade without them is shown by its code, as before. Read from the template version a scorecard names
 * ({@code GET /api/v1/scoring/templates/{code}/versions/{version}}), or only the templates' names from their list
 * ({@code GET /api/v1/scoring/templates}); when that answers nothing, every label is its code.
 */
@TemplateData
public record TemplateLabels(Map<String, String> items, Map<String, String> grades, Map<String, String> templates) {

    static final TemplateLabels NONE = new TemplateLabels(Map.of(), Map.of(), Map.of());

    /** The template's name in the page's language, else its one name, else its code. */
    public String template(String code) {
        return code == null ? "" : templates.getOrDefault(code, code);
    }

    /** Whether the template has a name other than its code (then pages show the code beside it). */
    public boolean named(String code) {
        return code != null && !template(code).equals(code);
    }

    /** The item's label, else its code. */
    String item(String code) {
        return code == null ? null : items.getOrDefault(code, code);
    }

    /** The grade's label, else the grade. */
    String grade(String grade) {
        return grade == null ? null : grades.getOrDefault(grade, grade);
    }

    /** The labels of one or more template versions (the first one wins for a code two of them use). */
    static TemplateLabels of(List<JsonNode> templates) {
        Map<String, String> items = new HashMap<>();
        Map<String, String> grades = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (JsonNode t : templates) {
            if (t == null) {
                continue;
            }
            name(t, names);
            for (JsonNode i : t.path("items")) {
                String label = ConsoleKit.label(i, null);
                if (label != null) {
                    items.putIfAbsent(i.path("code").asText(), label);
                }
            }
            for (JsonNode b : t.path("gradeBands")) {
                String label = ConsoleKit.label(b, null);
                if (label != null) {
                    grades.putIfAbsent(b.path("grade").asText(), label);
                }
            }
        }
        return new TemplateLabels(items, grades, names);
    }

    /** Only the names of the templates of a list ({@code GET /api/v1/scoring/templates}): none when it is absent. */
    static TemplateLabels names(JsonNode list) {
        Map<String, String> names = new HashMap<>();
        if (list != null && list.isArray()) {
            list.forEach(t -> name(t, names));
        }
        return new TemplateLabels(Map.of(), Map.of(), names);
    }

    /** The names of the templates the caller may read, in the request's language; none when the API answers none. */
    static Uni<TemplateLabels> names(ServiceCalls calls, String authorization, String requestId) {
        return calls.get("scoring-service", "/api/v1/scoring/templates?limit=200", authorization, requestId)
                .map(list -> names(list.body())).onFailure().recoverWithItem(NONE);
    }

    private static void name(JsonNode template, Map<String, String> names) {
        String code = MonthView.text(template, "code");
        String label = ConsoleKit.label(template, "name");
        if (code != null && label != null && !label.isBlank()) {
            names.putIfAbsent(code, label);
        }
    }

    /**
     * The labels of the template versions the scorecards name (each read once), in the request's language; a version
     * the API does not answer gives none.
     */
    static Uni<TemplateLabels> ofCards(ServiceCalls calls, JsonNode cards, String authorization, String requestId) {
        Set<String> versions = new LinkedHashSet<>();
        if (cards != null) {
            for (JsonNode c : cards.isArray() ? cards : List.of(cards)) {
                if (c.hasNonNull("templateCode") && c.hasNonNull("templateVersion")) {
                    versions.add(ConsoleKit.encode(c.path("templateCode").asText()) + "/versions/"
                            + c.path("templateVersion").asInt());
                }
            }
        }
        if (versions.isEmpty()) {
            return Uni.createFrom().item(NONE);
        }
        List<Uni<Part>> reads = new ArrayList<>();
        // a page shows one month: a handful of templates at most; more than 20 are left unlabelled
        versions.stream().limit(20).forEach(v -> reads.add(calls.get("scoring-service",
                "/api/v1/scoring/templates/" + v, authorization, requestId)));
        return Uni.join().all(reads).andCollectFailures()
                .map(parts -> of(parts.stream().map(Part::body).toList()))
                .onFailure().recoverWithItem(NONE);
    }
}
