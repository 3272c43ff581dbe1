package io.perfcenter.scoring.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/** A grade and the lowest total that earns it (docs/domain.md §4: ≥90 excellent, ≥80 good, ≥70 pass, below fail). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "GradeBand")
public record GradeBand(
        @Schema(required = true, examples = "excellent") String grade,
        @Schema(required = true, description = "Lowest total earning the grade; one band starts at 0", examples = "90")
        BigDecimal minScore,
        @Schema(description = "The grade's label in Chinese, for pages in zh-CN (else the grade is shown)",
                examples = "优秀", maxLength = Labels.MAX_LENGTH) String nameZh,
        @Schema(description = "The grade's label in English", examples = "Excellent", maxLength = Labels.MAX_LENGTH)
        String nameEn) {

    public GradeBand(String grade, BigDecimal minScore) {
        this(grade, minScore, null, null);
    }

    static final Comparator<GradeBand> HIGHEST_FIRST = Comparator.comparing(GradeBand::minScore).reversed();

    /** The highest band whose minScore the total reaches; below every band (impossible once one is at 0), the lowest. */
    public static String gradeOf(List<GradeBand> bands, BigDecimal total) {
        List<GradeBand> ordered = bands.stream().sorted(HIGHEST_FIRST).toList();
        return ordered.stream().filter(b -> b.minScore().compareTo(total) <= 0).findFirst()
                .orElse(ordered.get(ordered.size() - 1)).grade();
    }
}
