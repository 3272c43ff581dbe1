package io.perfcenter.scoring.template;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One version of a scorecard template: items (metric, weight, rule) and grade bands, stored as JSON. A version never
 * changes once stored, so every run and scorecard can say exactly which definition scored it.
 */
@Entity
@Table(name = "scorecard_template")
public class ScorecardTemplate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public int version;
    public String name;
    /** The template's labels for pages in each language (V9); null: name is shown. */
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    public String position;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<TemplateItem> items;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "grade_bands")
    public List<GradeBand> gradeBands;
    /** The optional sections (additive scoring, insufficient-data policy, forced distribution …); null: defaults. */
    @JdbcTypeCode(SqlTypes.JSON)
    public TemplateOptions options;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    /** When the template was retired (all its versions at once); null while it is in use. */
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;
    @Column(name = "retired_by")
    public String retiredBy;

    public static Optional<ScorecardTemplate> latest(String code) {
        return find("code = ?1 order by version desc", code).firstResultOptional();
    }

    public static Optional<ScorecardTemplate> version(String code, int version) {
        return find("code = ?1 and version = ?2", code, version).firstResultOptional();
    }

    /** The latest version of every template, by code; retired ones only when asked for. */
    public static List<ScorecardTemplate> latestVersions(boolean includeRetired) {
        return list("""
                from ScorecardTemplate t
                where t.version = (select max(v.version) from ScorecardTemplate v where v.code = t.code)
                """ + (includeRetired ? "" : "and t.retiredAt is null ") + "order by t.code");
    }

    /** The entity tag of this version: its number, and whether the template is retired. */
    public String entityTag() {
        return io.perfcenter.scoring.web.EntityTags.of(version, retiredAt != null);
    }

    /** The metrics the items score or read, each once, in item order. */
    public List<String> metricCodes() {
        return items.stream().flatMap(i -> java.util.stream.Stream.concat(
                        i.rule().scoresMetric() && i.metricCode() != null ? java.util.stream.Stream.of(i.metricCode())
                                : java.util.stream.Stream.empty(),
                        i.rule().otherMetrics().stream()))
                .distinct().toList();
    }

    /** The positions whose agents the template scores: its position and any further positions of its options. */
    public List<String> scoredPositions() {
        java.util.LinkedHashSet<String> positions = new java.util.LinkedHashSet<>();
        positions.add(position);
        List<String> more = optionsOrDefaults().positions();
        if (more != null) {
            positions.addAll(more);
        }
        return List.copyOf(positions);
    }

    public TemplateOptions optionsOrDefaults() {
        return options == null ? TemplateOptions.DEFAULTS : options;
    }

    public java.util.Optional<TemplateItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /**
     * The highest total: a weighted template's weight total; an additive one's items' maximums added up (an item's
     * weight, else its rule's maximum), null when one of them has none.
     */
    public BigDecimal maxTotal() {
        TemplateOptions o = optionsOrDefaults();
        if (o.scoringOrDefault() == TemplateOptions.Scoring.WEIGHTED) {
            return o.weightTotalOrDefault();
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (TemplateItem item : items) {
            BigDecimal max = item.weight() != null ? item.weight() : item.rule().pointRange().max();
            if (max == null) {
                return null;
            }
            sum = sum.add(max);
        }
        return io.perfcenter.scoring.rule.Figures.plain(sum);
    }

    public String gradeOf(BigDecimal total) {
        return GradeBand.gradeOf(gradeBands, total);
    }
}
