package io.perfcenter.metrics.org;

import io.perfcenter.metrics.ingest.IngestReport.RowError;
import io.perfcenter.metrics.org.OrgPayloads.AgentSync;
import io.perfcenter.metrics.org.OrgPayloads.SyncReport;
import io.perfcenter.metrics.org.OrgPayloads.UnitInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bulk upsert of the org directory for HR/CRM synchronisation: each row is created, updated or found unchanged,
 * or rejected with its field and reason while the other rows go through. Each row is fully checked before anything
 * of it is written.
 */
@ApplicationScoped
public class OrgSync {

    private static final Pattern CODE = Pattern.compile(OrgPayloads.CODE);

    private final OrgService org;
    private final Clock clock;

    OrgSync(OrgService org, Clock clock) {
        this.clock = clock;
        this.org = org;
    }

    /** A row that cannot be applied. */
    private static final class Rejected extends Exception {
        final String field;

        Rejected(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    private static final class Tally {
        int created;
        int updated;
        int unchanged;
        final List<RowError> errors = new ArrayList<>();

        SyncReport report() {
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
            return new SyncReport(created, updated, unchanged, errors.size(), List.copyOf(errors));
        }
    }

    /** Units in any order: a unit whose parent comes later in the upload waits for it. */
    @Transactional
    public SyncReport units(List<UnitInput> rows) {
        Tally tally = new Tally();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            pending.add(i);
        }
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            List<Integer> waiting = new ArrayList<>();
            for (int i : pending) {
                UnitInput row = rows.get(i);
                if (row != null && row.parentCode() != null && OrgUnit.findById(row.parentCode()) == null
                        && pending.stream().anyMatch(j -> j != i && rows.get(j) != null
                        && row.parentCode().equals(rows.get(j).code()))) {
                    waiting.add(i);
                    continue;
                }
                progress = true;
                try {
                    applyUnit(row, tally);
                } catch (Rejected e) {
                    tally.errors.add(new RowError(i + 1, e.field, e.getMessage()));
                }
            }
            pending = waiting;
        }
        for (int i : pending) {
            tally.errors.add(new RowError(i + 1, "parentCode", "the parent units form a cycle"));
        }
        return tally.report();
    }

    private void applyUnit(UnitInput row, Tally tally) throws Rejected {
        if (row == null) {
            throw new Rejected("row", "is empty");
        }
        if (row.code() == null || !CODE.matcher(row.code()).matches()) {
            throw new Rejected("code", "must be 1-64 letters, digits, '_', '.' or '-'");
        }
        if (row.name() == null || row.name().isBlank()) {
            throw new Rejected("name", "is required");
        }
        if (row.kind() == null) {
            throw new Rejected("kind", "must be CENTER, TEAM or GROUP");
        }
        if (row.kind() != OrgUnit.Kind.CENTER && row.parentCode() == null) {
            throw new Rejected("parentCode", "a " + row.kind() + " needs an enclosing unit");
        }
        if (row.parentCode() != null) {
            if (OrgUnit.findById(row.parentCode()) == null) {
                throw new Rejected("parentCode", "unit " + row.parentCode() + " does not exist");
            }
            // a unit may not end up below itself
            for (String up = row.parentCode(); up != null; up = ((OrgUnit) OrgUnit.findById(up)).parentCode) {
                if (up.equals(row.code())) {
                    throw new Rejected("parentCode", "would put " + row.code() + " below itself");
                }
            }
        }
        OrgUnit unit = OrgUnit.findById(row.code());
        if (unit == null) {
            unit = new OrgUnit();
            unit.code = row.code();
            copy(row, unit);
            unit.persist();
            tally.created++;
        } else if (unit.kind != row.kind() || !unit.name.equals(row.name())
                || !Objects.equals(unit.parentCode, row.parentCode())
                || !Objects.equals(unit.leaderEmployeeId, row.leaderEmployeeId())) {
            copy(row, unit);
            tally.updated++;
        } else {
            tally.unchanged++;
        }
    }

    private static void copy(UnitInput row, OrgUnit unit) {
        unit.name = row.name();
        unit.kind = row.kind();
        unit.parentCode = row.parentCode();
        unit.leaderEmployeeId = row.leaderEmployeeId();
    }

    @Transactional
    public SyncReport agents(List<AgentSync> rows) {
        Tally tally = new Tally();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                AgentSync row = rows.get(i);
                if (row != null && row.employeeId() != null && !seen.add(row.employeeId())) {
                    throw new Rejected("employeeId", "appears twice in this upload");
                }
                applyAgent(row, tally);
            } catch (Rejected e) {
                tally.errors.add(new RowError(i + 1, e.field, e.getMessage()));
            }
        }
        return tally.report();
    }

    private void applyAgent(AgentSync row, Tally tally) throws Rejected {
        if (row == null) {
            throw new Rejected("row", "is empty");
        }
        if (row.employeeId() == null || !CODE.matcher(row.employeeId()).matches()) {
            throw new Rejected("employeeId", "must be 1-64 letters, digits, '_', '.' or '-'");
        }
        if (row.name() == null || row.name().isBlank()) {
            throw new Rejected("name", "is required");
        }
        if (row.position() == null || row.position().isBlank()) {
            throw new Rejected("position", "is required");
        }
        String status = row.status() == null ? "ACTIVE" : row.status().toUpperCase(java.util.Locale.ROOT);
        if (!status.equals("ACTIVE") && !status.equals("LEFT")) {
            throw new Rejected("status", "must be ACTIVE or LEFT");
        }
        if (row.unitCode() != null && OrgUnit.findById(row.unitCode()) == null) {
            throw new Rejected("unitCode", "unit " + row.unitCode() + " does not exist");
        }
        LocalDate today = LocalDate.now(clock);
        Agent agent = Agent.findById(row.employeeId());
        if (agent == null) {
            if (row.unitCode() == null) {
                throw new Rejected("unitCode", "is required for a new agent");
            }
            LocalDate from = row.memberFrom() != null ? row.memberFrom() : row.hireDate() != null ? row.hireDate() : today;
            LocalDate leftOn = status.equals("LEFT") ? (row.leftOn() != null ? row.leftOn() : today) : null;
            if (leftOn != null && !leftOn.isAfter(from)) {
                throw new Rejected("leftOn", "must be after the first day of membership (" + from + ")");
            }
            agent = new Agent();
            agent.employeeId = row.employeeId();
            agent.name = row.name();
            agent.position = row.position();
            agent.hireDate = row.hireDate();
            agent.status = status;
            agent.leftOn = leftOn;
            agent.persist();
            Membership m = new Membership();
            m.employeeId = agent.employeeId;
            m.unitCode = row.unitCode();
            m.validFrom = from;
            m.validTo = leftOn;
            m.persist();
            tally.created++;
            return;
        }
        Membership current = Membership.current(agent.employeeId).orElse(null);
        boolean moves = row.unitCode() != null && status.equals("ACTIVE")
                && (current == null || !current.unitCode.equals(row.unitCode()));
        LocalDate moveFrom = row.memberFrom() != null ? row.memberFrom() : today;
        if (moves && current != null && !moveFrom.isAfter(current.validFrom)) {
            throw new Rejected("memberFrom", "must be after the start of the current membership ("
                    + current.validFrom + ")");
        }
        boolean leaves = status.equals("LEFT") && agent.status.equals("ACTIVE");
        LocalDate leftOn = row.leftOn() != null ? row.leftOn() : today;
        if (leaves && current != null && !leftOn.isAfter(current.validFrom)) {
            throw new Rejected("leftOn", "must be after the start of the current membership (" + current.validFrom
                    + ")");
        }
        boolean changed = !agent.name.equals(row.name()) || !agent.position.equals(row.position())
                || !Objects.equals(agent.hireDate, row.hireDate()) || !agent.status.equals(status) || moves;
        agent.name = row.name();
        agent.position = row.position();
        agent.hireDate = row.hireDate();
        if (leaves) {
            org.depart(agent, leftOn);
        } else if (status.equals("ACTIVE") && agent.status.equals("LEFT")) {
            // rehired: back from memberFrom (or today), in the unit named or the last one
            agent.status = "ACTIVE";
            agent.leftOn = null;
            if (row.unitCode() == null) {
                throw new Rejected("unitCode", "is required to bring back an agent who left");
            }
            moves = false;
            Membership m = new Membership();
            m.employeeId = agent.employeeId;
            m.unitCode = row.unitCode();
            m.validFrom = moveFrom;
            m.persist();
        }
        if (moves) {
            org.move(agent.employeeId, row.unitCode(), moveFrom);
        }
        if (changed) {
            tally.updated++;
        } else {
            tally.unchanged++;
        }
    }
}
