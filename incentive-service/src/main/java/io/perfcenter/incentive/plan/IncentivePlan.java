package io.perfcenter.incentive.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import io.perfcenter.incentive.store.Json;
import org.hibernate.annotations.ColumnTransformer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One version of an incentive plan: which share of the monthly salary is performance pay (DOMAIN §5: 30%, the rest
 * being base pay), the coefficient that multiplies performance pay for each grade, and the optional sections
 * ({@link PlanSections}). Versions are never changed.
 */
@Entity
@Table(name = "incentive_plan")
public class IncentivePlan extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public int version;
    public String name;
    public String currency;
    @Column(name = "performance_pay_share")
    public BigDecimal performancePayShare;
    /** Keyed by grade in lower case. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_grade_coefficient", joinColumns = @JoinColumn(name = "plan_id"))
    @MapKeyColumn(name = "grade")
    @Column(name = "coefficient")
    public Map<String, BigDecimal> gradeCoefficients = new HashMap<>();
    /** The optional sections (score bands, targets, commission, team reward, perks, honor prizes, budget policy). */
    @Column(name = "sections", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String sectionsJson = "{}";
    @Transient
    private PlanSections sections;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    /** When the code was retired (all its versions at once); null while it is in use. */
    @jakarta.persistence.Column(name = "retired_at")
    public java.time.OffsetDateTime retiredAt;
    @jakarta.persistence.Column(name = "retired_by")
    public String retiredBy;

    /** The entity tag of this version: its number, and whether the code is retired. */
    public String entityTag() {
        return io.perfcenter.incentive.web.EntityTags.of(version, retiredAt != null);
    }

    public PlanSections sections() {
        if (sections == null) {
            sections = sectionsJson == null ? PlanSections.NONE : Json.read(sectionsJson, PlanSections.class);
        }
        return sections;
    }

    public void setSections(PlanSections sections) {
        this.sections = sections;
        this.sectionsJson = Json.write(sections);
    }

    /** Whether the plan pays performance pay at all (commission-only plans do not). */
    public boolean paysPerformancePay() {
        return performancePayShare != null;
    }

    /** The coefficient of a grade as scoring names it; grades are compared ignoring case. */
    public Optional<BigDecimal> coefficient(String grade) {
        return grade == null ? Optional.empty()
                : Optional.ofNullable(gradeCoefficients.get(normalizeGrade(grade)));
    }

    public static String normalizeGrade(String grade) {
        return grade.trim().toLowerCase(Locale.ROOT);
    }

    public static Optional<IncentivePlan> latest(String code) {
        return find("code = ?1 order by version desc", code).firstResultOptional();
    }

    public static Optional<IncentivePlan> version(String code, int version) {
        return find("code = ?1 and version = ?2", code, version).firstResultOptional();
    }
}
