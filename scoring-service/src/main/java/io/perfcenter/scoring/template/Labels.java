package io.perfcenter.scoring.template;

import io.perfcenter.scoring.web.Problems;

/**
 * A definition's labels per language ({@code nameZh}, {@code nameEn} of templates, items and grades), as the metric
 * catalog has them: optional, for pages in zh-CN or English; where one is missing a page shows the {@code name} (or
 * the grade's code). Given, a label is not blank and at most {@link #MAX_LENGTH} characters; stored stripped.
 */
final class Labels {

    static final int MAX_LENGTH = 200;

    private Labels() {
    }

    static void check(String field, String label) {
        if (label == null) {
            return;
        }
        if (label.isBlank()) {
            throw Problems.invalid(field, "must not be blank (leave it out instead)");
        }
        if (label.strip().length() > MAX_LENGTH) {
            throw Problems.invalid(field, "must be at most " + MAX_LENGTH + " characters");
        }
    }

    static String stripped(String label) {
        return label == null ? null : label.strip();
    }
}
