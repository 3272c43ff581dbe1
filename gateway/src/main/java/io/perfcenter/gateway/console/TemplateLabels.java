package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfcenter.gateway.overview.ServiceCalls;
import io.perfcenter.gateway.overview.ServiceCalls.Part;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels of a template's items and grades in the page's language, as HR gave them ({@code nameZh}/{@code nameEn},
 * {@link ConsoleKit#label}); an item or grade without them is shown by its code, as before. Read from the template
 * version a scorecard names ({@code GET /api/v1/scoring/templates/{code}/versions/{version}}); when that answers
 * nothing, every label is its code.
 */
record TemplateLabels(Map<String, String> items, Map<String, String> grades) {

    static final TemplateLabels NONE = new TemplateLabels(Map.of(), Map.of());

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
        for (JsonNode t : templates) {
            if (t == null) {
                continue;
            }
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
        return new TemplateLabels(items, grades);
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
