package io.perfcenter.metrics.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Request and response bodies of the org directory. */
public final class OrgPayloads {

    private OrgPayloads() {
    }

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    @Schema(name = "OrgUnitInput", description = "A center, team or group to create")
    public record UnitInput(
            @NotBlank @Pattern(regexp = CODE) @Schema(examples = "G-EAST-1") String code,
            @NotBlank @Schema(examples = "East hotline group 1") String name,
            @NotNull @Schema(examples = "GROUP") OrgUnit.Kind kind,
            @Schema(description = "Code of the enclosing unit; none for a center", examples = "T-EAST") String parentCode,
            @Schema(description = "Employee id of the unit's leader (督导 / 主管)", examples = "E1001") String leaderEmployeeId) {
    }

    @Schema(name = "OrgUnit")
    public record UnitView(String code, String name, OrgUnit.Kind kind, String parentCode, String leaderEmployeeId) {
        static UnitView of(OrgUnit u) {
            return new UnitView(u.code, u.name, u.kind, u.parentCode, u.leaderEmployeeId);
        }
    }

    @Schema(name = "AgentInput", description = "A person to register, placed in a unit from a day on")
    public record AgentInput(
            @NotBlank @Pattern(regexp = CODE) @Schema(examples = "E2001") String employeeId,
            @NotBlank @Schema(examples = "Li Na") String name,
            @NotBlank @Schema(description = "seat, expert-seat, group-lead, qa-specialist, manager …", examples = "seat")
            String position,
            @Schema(examples = "2024-03-01") LocalDate hireDate,
            @NotBlank @Schema(description = "Unit the person belongs to", examples = "G-EAST-1") String unitCode,
            @Schema(description = "First day of membership; defaults to the hire date, else today", examples = "2024-03-01")
            LocalDate memberFrom) {
    }

    @Schema(name = "Move", description = "Moves an agent to another unit from a day on")
    public record MoveInput(@NotBlank String unitCode,
                            @NotNull @Schema(examples = "2026-10-15") LocalDate from) {
    }

    @Schema(name = "Agent")
    public record AgentView(String employeeId, String name, String position, LocalDate hireDate, String status,
                            @Schema(description = "Unit the agent belongs to today") String unitCode) {
    }

    @Schema(name = "Member", description = "An agent's membership of a unit")
    public record MemberView(String employeeId, String name, String position, String unitCode, LocalDate from,
                             LocalDate to) {
    }
}
