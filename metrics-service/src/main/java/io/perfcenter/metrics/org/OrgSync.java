package io.perfcenter.metrics.org;

import io.perfcenter.metrics.ingest.IngestReport.RowError;
import io.perfcenter.metrics.org.OrgPayloads.AgentSync;
import io.perfcenter.metrics.org.OrgPayloads.SyncReport;
import io.perfcenter.metrics.org.OrgPayloads.UnitInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bulk upsert of the org directory for HR/CRM synchronisation: each row is created, updated or found unchanged,
 * or rejected with its field and reason while the other rows go through. Each row is fully checked before anything
 * of it is written.
 *
 * <p>Set-based: an upload reads what it touches in one query per table, decides every row in memory, then writes
 * with one statement per kind of change (array parameters, {@code unnest}), whatever the number of rows — at 10,000
 * agents a handful of round trips instead of about three per agent. Syncs run one at a time (a transaction-level
 * advisory lock), so what an upload read stays true until it has written.
 */
@ApplicationScoped
public class OrgSync {

    private static final Pattern CODE = Pattern.compile(OrgPayloads.CODE);
    /** Serialises directory syncs (any key: it only has to be the same for all of them). */
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('metrics.org-sync'))";

    private final EntityManager em;
    private final Clock clock;

    OrgSync(EntityManager em, Clock clock) {
        this.clock = clock;
        this.em = em;
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

    private <T> T withConnection(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(LOCK); ResultSet rs = st.executeQuery()) {
            rs.next();
        }
    }

    // ---- units ------------------------------------------------------------------------------------------------

    /** A unit as stored, or as it will be once the upload is written. */
    private static final class Unit {
        final String code;
        String name;
        OrgUnit.Kind kind;
        String parentCode;
        String leaderEmployeeId;

        Unit(String code) {
            this.code = code;
        }
    }

    /** Units in any order: a unit whose parent comes later in the upload waits for it. */
    @Transactional
    public SyncReport units(List<UnitInput> rows) {
        return withConnection(c -> units(c, rows));
    }

    private SyncReport units(Connection c, List<UnitInput> rows) throws SQLException {
        lock(c);
        // the whole directory of units (thousands at most): parents and cycles are checked against it in memory
        Map<String, Unit> units = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT code, name, kind, parent_code, leader_employee_id "
                + "FROM org_unit"); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Unit u = new Unit(rs.getString(1));
                u.name = rs.getString(2);
                u.kind = OrgUnit.Kind.valueOf(rs.getString(3));
                u.parentCode = rs.getString(4);
                u.leaderEmployeeId = rs.getString(5);
                units.put(u.code, u);
            }
        }
        Map<String, Unit> created = new LinkedHashMap<>();
        Map<String, Unit> updated = new LinkedHashMap<>();
        Tally tally = new Tally();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            pending.add(i);
        }
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            // how many rows still pending carry each code (a row waits for another row, not for itself)
            Map<String, Integer> pendingCodes = new HashMap<>();
            for (int j : pending) {
                if (rows.get(j) != null && rows.get(j).code() != null) {
                    pendingCodes.merge(rows.get(j).code(), 1, Integer::sum);
                }
            }
            List<Integer> waiting = new ArrayList<>();
            for (int i : pending) {
                UnitInput row = rows.get(i);
                if (row != null && row.parentCode() != null && !units.containsKey(row.parentCode())
                        && pendingCodes.getOrDefault(row.parentCode(), 0)
                        - (row.parentCode().equals(row.code()) ? 1 : 0) > 0) {
                    waiting.add(i);
                    continue;
                }
                progress = true;
                try {
                    applyUnit(row, units, created, updated, tally);
                } catch (Rejected e) {
                    tally.errors.add(new RowError(i + 1, e.field, e.getMessage()));
                }
            }
            pending = waiting;
        }
        for (int i : pending) {
            tally.errors.add(new RowError(i + 1, "parentCode", "the parent units form a cycle"));
        }
        // one statement each; a new unit's parent may be new too: the foreign key is checked at the statement's end
        if (!created.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO org_unit (code, name, kind, parent_code, leader_employee_id)
                    SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])""")) {
                bindUnits(c, st, created.values());
                st.executeUpdate();
            }
        }
        if (!updated.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE org_unit u SET name = n.name, kind = n.kind, parent_code = n.parent_code,
                                          leader_employee_id = n.leader_employee_id
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         AS n(code, name, kind, parent_code, leader_employee_id)
                    WHERE u.code = n.code""")) {
                bindUnits(c, st, updated.values());
                st.executeUpdate();
            }
        }
        return tally.report();
    }

    private static void bindUnits(Connection c, PreparedStatement st, Collection<Unit> units) throws SQLException {
        st.setArray(1, c.createArrayOf("text", units.stream().map(u -> u.code).toArray()));
        st.setArray(2, c.createArrayOf("text", units.stream().map(u -> u.name).toArray()));
        st.setArray(3, c.createArrayOf("text", units.stream().map(u -> u.kind.name()).toArray()));
        st.setArray(4, c.createArrayOf("text", units.stream().map(u -> u.parentCode).toArray()));
        st.setArray(5, c.createArrayOf("text", units.stream().map(u -> u.leaderEmployeeId).toArray()));
    }

    private static void applyUnit(UnitInput row, Map<String, Unit> units, Map<String, Unit> created,
                                  Map<String, Unit> updated, Tally tally) throws Rejected {
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
            if (!units.containsKey(row.parentCode())) {
                throw new Rejected("parentCode", "unit " + row.parentCode() + " does not exist");
            }
            // a unit may not end up below itself
            for (String up = row.parentCode(); up != null; up = units.get(up).parentCode) {
                if (up.equals(row.code())) {
                    throw new Rejected("parentCode", "would put " + row.code() + " below itself");
                }
            }
        }
        Unit unit = units.get(row.code());
        if (unit == null) {
            unit = new Unit(row.code());
            copy(row, unit);
            units.put(unit.code, unit);
            created.put(unit.code, unit);
            tally.created++;
        } else if (unit.kind != row.kind() || !unit.name.equals(row.name())
                || !Objects.equals(unit.parentCode, row.parentCode())
                || !Objects.equals(unit.leaderEmployeeId, row.leaderEmployeeId())) {
            copy(row, unit);
            if (!created.containsKey(unit.code)) {
                updated.put(unit.code, unit);
            }
            tally.updated++;
        } else {
            tally.unchanged++;
        }
    }

    private static void copy(UnitInput row, Unit unit) {
        unit.name = row.name();
        unit.kind = row.kind();
        unit.parentCode = row.parentCode();
        unit.leaderEmployeeId = row.leaderEmployeeId();
    }

    // ---- agents -----------------------------------------------------------------------------------------------

    /** An agent as stored, with their open membership (null: none). */
    private record StoredAgent(String name, String position, LocalDate hireDate, String status, LocalDate leftOn,
                               Long membershipId, String unitCode, LocalDate memberFrom) {
    }

    /** What an upload writes, collected row by row and written with one statement per list. */
    private static final class AgentWrites {
        final List<Object[]> newAgents = new ArrayList<>();       // id, name, position, hire, status, left on
        final List<Object[]> changedAgents = new ArrayList<>();   // the same columns
        final List<Object[]> closedMemberships = new ArrayList<>();   // membership id, valid to
        final List<Object[]> newMemberships = new ArrayList<>();  // id, unit, valid from, valid to
    }

    @Transactional
    public SyncReport agents(List<AgentSync> rows) {
        return withConnection(c -> agents(c, rows));
    }

    private SyncReport agents(Connection c, List<AgentSync> rows) throws SQLException {
        lock(c);
        Set<String> ids = new HashSet<>();
        Set<String> unitCodes = new HashSet<>();
        for (AgentSync row : rows) {
            if (row != null && row.employeeId() != null) {
                ids.add(row.employeeId());
            }
            if (row != null && row.unitCode() != null) {
                unitCodes.add(row.unitCode());
            }
        }
        Set<String> knownUnits = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("SELECT code FROM org_unit WHERE code = ANY(?)")) {
            st.setArray(1, c.createArrayOf("text", unitCodes.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    knownUnits.add(rs.getString(1));
                }
            }
        }
        Map<String, StoredAgent> stored = storedAgents(c, ids);
        LocalDate today = LocalDate.now(clock);
        AgentWrites writes = new AgentWrites();
        Tally tally = new Tally();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                AgentSync row = rows.get(i);
                if (row != null && row.employeeId() != null && !seen.add(row.employeeId())) {
                    throw new Rejected("employeeId", "appears twice in this upload");
                }
                applyAgent(row, stored, knownUnits, today, writes, tally);
            } catch (Rejected e) {
                tally.errors.add(new RowError(i + 1, e.field, e.getMessage()));
            }
        }
        write(c, writes);
        return tally.report();
    }

    private static Map<String, StoredAgent> storedAgents(Connection c, Set<String> ids) throws SQLException {
        Map<String, StoredAgent> stored = new HashMap<>();
        if (ids.isEmpty()) {
            return stored;
        }
        try (PreparedStatement st = c.prepareStatement("""
                SELECT a.employee_id, a.name, a.position, a.hire_date, a.status, a.left_on, m.id, m.unit_code,
                       m.valid_from
                FROM agent a
                LEFT JOIN LATERAL (SELECT id, unit_code, valid_from FROM membership
                                   WHERE employee_id = a.employee_id AND valid_to IS NULL
                                   ORDER BY valid_from DESC, id DESC LIMIT 1) m ON true
                WHERE a.employee_id = ANY(?)""")) {
            st.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), new StoredAgent(rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, LocalDate.class),
                            rs.getObject(7, Long.class), rs.getString(8), rs.getObject(9, LocalDate.class)));
                }
            }
        }
        return stored;
    }

    private static void applyAgent(AgentSync row, Map<String, StoredAgent> stored, Set<String> knownUnits,
                                   LocalDate today, AgentWrites writes, Tally tally) throws Rejected {
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
        String status = row.status() == null ? "ACTIVE" : row.status().toUpperCase(Locale.ROOT);
        if (!status.equals("ACTIVE") && !status.equals("LEFT")) {
            throw new Rejected("status", "must be ACTIVE or LEFT");
        }
        if (row.unitCode() != null && !knownUnits.contains(row.unitCode())) {
            throw new Rejected("unitCode", "unit " + row.unitCode() + " does not exist");
        }
        StoredAgent agent = stored.get(row.employeeId());
        if (agent == null) {
            if (row.unitCode() == null) {
                throw new Rejected("unitCode", "is required for a new agent");
            }
            LocalDate from = row.memberFrom() != null ? row.memberFrom() : row.hireDate() != null ? row.hireDate() : today;
            LocalDate leftOn = status.equals("LEFT") ? (row.leftOn() != null ? row.leftOn() : today) : null;
            if (leftOn != null && !leftOn.isAfter(from)) {
                throw new Rejected("leftOn", "must be after the first day of membership (" + from + ")");
            }
            writes.newAgents.add(new Object[]{row.employeeId(), row.name(), row.position(), row.hireDate(), status,
                    leftOn});
            writes.newMemberships.add(new Object[]{row.employeeId(), row.unitCode(), from, leftOn});
            tally.created++;
            return;
        }
        boolean hasCurrent = agent.membershipId() != null;
        boolean moves = row.unitCode() != null && status.equals("ACTIVE")
                && (!hasCurrent || !agent.unitCode().equals(row.unitCode()));
        LocalDate moveFrom = row.memberFrom() != null ? row.memberFrom() : today;
        if (moves && hasCurrent && !moveFrom.isAfter(agent.memberFrom())) {
            throw new Rejected("memberFrom", "must be after the start of the current membership ("
                    + agent.memberFrom() + ")");
        }
        boolean leaves = status.equals("LEFT") && agent.status().equals("ACTIVE");
        LocalDate leftOn = row.leftOn() != null ? row.leftOn() : today;
        if (leaves && hasCurrent && !leftOn.isAfter(agent.memberFrom())) {
            throw new Rejected("leftOn", "must be after the start of the current membership (" + agent.memberFrom()
                    + ")");
        }
        boolean returns = status.equals("ACTIVE") && agent.status().equals("LEFT");
        if (returns && row.unitCode() == null) {
            throw new Rejected("unitCode", "is required to bring back an agent who left");
        }
        // checked: from here on the row is applied
        boolean changed = !agent.name().equals(row.name()) || !agent.position().equals(row.position())
                || !Objects.equals(agent.hireDate(), row.hireDate()) || !agent.status().equals(status) || moves;
        String newStatus = agent.status();
        LocalDate newLeftOn = agent.leftOn();
        if (leaves) {
            // their membership ends the day they leave
            newStatus = "LEFT";
            newLeftOn = leftOn;
            if (hasCurrent) {
                writes.closedMemberships.add(new Object[]{agent.membershipId(), leftOn});
            }
        } else if (returns) {
            // back from memberFrom (or today), in the unit named
            newStatus = "ACTIVE";
            newLeftOn = null;
            writes.newMemberships.add(new Object[]{row.employeeId(), row.unitCode(), moveFrom, null});
        } else if (moves) {
            // the current membership ends the day the new one starts
            if (hasCurrent) {
                writes.closedMemberships.add(new Object[]{agent.membershipId(), moveFrom});
            }
            writes.newMemberships.add(new Object[]{row.employeeId(), row.unitCode(), moveFrom, null});
        }
        if (!agent.name().equals(row.name()) || !agent.position().equals(row.position())
                || !Objects.equals(agent.hireDate(), row.hireDate()) || !agent.status().equals(newStatus)
                || !Objects.equals(agent.leftOn(), newLeftOn)) {
            writes.changedAgents.add(new Object[]{row.employeeId(), row.name(), row.position(), row.hireDate(),
                    newStatus, newLeftOn});
        }
        if (changed) {
            tally.updated++;
        } else {
            tally.unchanged++;
        }
    }

    /** New agents, changed agents, ended memberships, new memberships: one statement each. */
    private static void write(Connection c, AgentWrites writes) throws SQLException {
        if (!writes.newAgents.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO agent (employee_id, name, position, hire_date, status, left_on)
                    SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::date[])""")) {
                bindColumns(c, st, writes.newAgents, 6);
                st.executeUpdate();
            }
        }
        if (!writes.changedAgents.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE agent a SET name = n.name, position = n.position, hire_date = n.hire_date,
                                       status = n.status, left_on = n.left_on
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::date[])
                         AS n(employee_id, name, position, hire_date, status, left_on)
                    WHERE a.employee_id = n.employee_id""")) {
                bindColumns(c, st, writes.changedAgents, 6);
                st.executeUpdate();
            }
        }
        if (!writes.closedMemberships.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE membership m SET valid_to = n.valid_to
                    FROM unnest(?::bigint[], ?::date[]) AS n(id, valid_to)
                    WHERE m.id = n.id""")) {
                bindColumns(c, st, writes.closedMemberships, 2);
                st.executeUpdate();
            }
        }
        if (!writes.newMemberships.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO membership (employee_id, unit_code, valid_from, valid_to)
                    SELECT * FROM unnest(?::text[], ?::text[], ?::date[], ?::date[])""")) {
                bindColumns(c, st, writes.newMemberships, 4);
                st.executeUpdate();
            }
        }
    }

    /** Column k of the rows as the k-th array parameter, each value as text (the statement casts it). */
    private static void bindColumns(Connection c, PreparedStatement st, List<Object[]> rows, int columns)
            throws SQLException {
        for (int k = 0; k < columns; k++) {
            String[] column = new String[rows.size()];
            for (int i = 0; i < column.length; i++) {
                Object value = rows.get(i)[k];
                column[i] = value == null ? null : value.toString();
            }
            st.setArray(k + 1, c.createArrayOf("text", column));
        }
    }
}
