package io.perfcenter.metrics.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A center, team or group of the organisation. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {

    @Schema(name = "OrgUnitKind", description = "Level of an org unit: a center holds teams, a team holds groups, a group holds agents")
    public enum Kind { CENTER, TEAM, GROUP }

    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "parent_code")
    public String parentCode;
    @Column(name = "leader_employee_id")
    public String leaderEmployeeId;
}
