package io.perfcenter.metrics.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

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
                            @Schema(description = "Unit the agent belongs to today") String unitCode,
                            @Schema(description = "First day no longer employed, for status LEFT") LocalDate leftOn) {
    }

    @Schema(name = "Member", description = "An agent's membership of a unit, with the agent's position and hire date "
            + "(the directory's person data, so that a unit's people are read in one call)")
    public record MemberView(String employeeId, String name, String position,
                             @Schema(examples = "2024-03-01") LocalDate hireDate, String unitCode, LocalDate from,
                             LocalDate to) {
    }

    @Schema(name = "AgentSync", description = "An agent as HR or the CRM knows them; created or brought up to date")
    public record AgentSync(
            @Schema(required = true, examples = "E2001") String employeeId,
            @Schema(required = true, examples = "Li Na") String name,
            @Schema(required = true, examples = "seat") String position,
            @Schema(examples = "2024-03-01") LocalDate hireDate,
            @Schema(description = "ACTIVE (default) or LEFT", examples = "ACTIVE") String status,
            @Schema(description = "With status LEFT: first day no longer employed (defaults to today)",
                    examples = "2026-11-01") LocalDate leftOn,
            @Schema(description = "Unit the agent belongs to; a different unit than today's is a move",
                    examples = "G-EAST-1") String unitCode,
            @Schema(description = "First day in unitCode when it is new (defaults to the hire date for new agents, "
                    + "else today)", examples = "2026-10-15") LocalDate memberFrom) {
    }

    @Schema(name = "Departure", description = "An agent leaves: membership ends, history stays")
    public record DepartureInput(@NotNull @Schema(description = "First day no longer employed", examples = "2026-11-01")
                                 LocalDate leftOn) {
    }

    @Schema(name = "SyncReport", description = "What a bulk upsert did, row by row")
    public record SyncReport(@Schema(examples = "12") int created, @Schema(examples = "3") int updated,
                             @Schema(examples = "240") int unchanged, @Schema(examples = "1") int rejected,
                             List<io.perfcenter.metrics.ingest.IngestReport.RowError> errors) {
    }

    @Schema(name = "UnitAssignment", description = "An agent who belonged to the unit (or one below it) at some day "
            + "of the period, and the one unit the mover policy makes their home for the period")
    public record Assignment(
            @Schema(examples = "E2001") String employeeId,
            @Schema(examples = "Li Na") String name,
            @Schema(description = "Position on file today (seat, expert-seat …); null when none is on file",
                    examples = "seat") String position,
            MoverPolicy policy,
            @Schema(description = "The agent's home unit for the period under the policy", examples = "G-EAST-2")
            String homeUnitCode,
            @Schema(description = "True when the home unit is the asked unit or one below it: a run of this unit "
                    + "scores the agent") boolean assigned,
            @Schema(description = "Days of the period in the home unit", examples = "16") long daysInHomeUnit,
            @Schema(description = "Days of the period in the asked unit or units below it", examples = "15")
            long daysInUnit,
            @Schema(description = "Days of the period in any unit", examples = "31") long daysInAnyUnit,
            @Schema(description = "Days of the period", examples = "31") long periodDays,
            @Schema(description = "The agent's memberships during the period, in any unit, oldest first")
            List<Stint> memberships) {
    }

    @Schema(name = "UnitStint", description = "A membership cut to the period: first and last day, both inclusive")
    public record Stint(@Schema(examples = "G-EAST-1") String unitCode,
                        @Schema(examples = "2026-10-01") LocalDate firstDay,
                        @Schema(examples = "2026-10-15") LocalDate lastDay,
                        @Schema(examples = "15") long days) {
    }
}
