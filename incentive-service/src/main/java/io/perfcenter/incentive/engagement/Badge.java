package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.web.EntityTags;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/** A badge of the catalog: defined once by hr or admin, retired, never deleted. */
@Entity
@Table(name = "badge")
public class Badge extends PanacheEntityBase {

    @Id
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    public String description;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;
    @Column(name = "retired_by")
    public String retiredBy;

    /** A badge is not versioned: "1", or "1-retired". */
    public String entityTag() {
        return EntityTags.of(1, retiredAt != null);
    }

    public static List<Badge> listed(boolean includeRetired) {
        return includeRetired ? list("ORDER BY code") : list("retiredAt IS NULL ORDER BY code");
    }

    EngagementPayloads.BadgeView view() {
        return new EngagementPayloads.BadgeView(code, nameZh, nameEn, description, createdAt, createdBy, retiredAt,
                retiredBy);
    }
}
