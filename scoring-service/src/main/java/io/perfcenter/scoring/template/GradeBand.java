package io.perfcenter.scoring.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/** A grade and the lowest total that earns it (docs/domain.md §4: ≥90 excellent, ≥80 good, ≥70 pass, below fail). */
@Schema(name = "GradeBand")
public record GradeBand(
        @Schema(required = true, examples = "excellent") String grade,
        @Schema(required = true, description = "Lowest total earning the grade; one band starts at 0", examples = "90")
        BigDecimal minScore) {

    static final Comparator<GradeBand> HIGHEST_FIRST = Comparator.comparing(GradeBand::minScore).reversed();

    /** The highest band whose minScore the total reaches; below every band (impossible once one is at 0), the lowest. */
    public static String gradeOf(List<GradeBand> bands, BigDecimal total) {
        List<GradeBand> ordered = bands.stream().sorted(HIGHEST_FIRST).toList();
        return ordered.stream().filter(b -> b.minScore().compareTo(total) <= 0).findFirst()
                .orElse(ordered.get(ordered.size() - 1)).grade();
    }
}
