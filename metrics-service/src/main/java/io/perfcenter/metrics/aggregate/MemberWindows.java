package io.perfcenter.metrics.aggregate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule "a record counts for a unit only while its agent belonged to it" (effective-dated membership): the
 * unit's agents with the parts [from, to) of the range they belonged to it (an agent may have several: a mover) and
 * the (sub-)unit of each part. Every query of a unit scope (or of agents seen through some units) joins its rows to
 * these windows.
 */
record MemberWindows(String[] employees, LocalDate[] from, LocalDate[] to, String[] units) {

    private static final String JOIN = "JOIN unnest(?::text[], ?::date[], ?::date[]) AS mb(employee_id, f, t) "
            + "ON mb.employee_id = %1$s.employee_id AND %1$s.%2$s >= mb.f AND %1$s.%2$s < mb.t ";
    private static final String WHOLE_RANGE = "JOIN agent mb ON mb.employee_id = %1$s.employee_id "
            + "AND mb.employee_id = ANY(?) ";

    /** The windows of the scope over [from, to]; null for scopes that are not cut by membership. */
    static MemberWindows of(Connection c, AggregateScope scope, LocalDate from, LocalDate to) throws SQLException {
        if (scope instanceof AggregateScope.Unit u) {
            return read(c, ofUnit(u.code(), from, to));
        }
        if (scope instanceof AggregateScope.AgentsIn a) {
            return read(c, ofAgentsIn(a, from, to));
        }
        return null;
    }

    /** The memberships of the unit and the units below it overlapping [from, to], cut to the range (ends exclusive). */
    static SqlQuery ofUnit(String unit, LocalDate from, LocalDate to) {
        return new SqlQuery().append("""
                WITH RECURSIVE units AS (
                    SELECT code FROM org_unit WHERE code = ?
                    UNION SELECT u.code FROM org_unit u JOIN units ON u.parent_code = units.code)
                SELECT m.employee_id, greatest(m.valid_from, ?), least(coalesce(m.valid_to, 'infinity'::date), ?),
                       m.unit_code
                FROM membership m
                WHERE m.unit_code IN (SELECT code FROM units) AND m.valid_from <= ?
                  AND (m.valid_to IS NULL OR m.valid_to > ?)
                ORDER BY m.employee_id, m.valid_from""", unit, from, to.plusDays(1), to, from);
    }

    /** The agents' memberships of the units overlapping [from, to], cut to the range (ends exclusive). */
    static SqlQuery ofAgentsIn(AggregateScope.AgentsIn scope, LocalDate from, LocalDate to) {
        return new SqlQuery().append("""
                SELECT m.employee_id, greatest(m.valid_from, ?), least(coalesce(m.valid_to, 'infinity'::date), ?),
                       m.unit_code
                FROM membership m
                WHERE m.employee_id = ANY(?) AND m.unit_code = ANY(?) AND m.valid_from <= ?
                  AND (m.valid_to IS NULL OR m.valid_to > ?)
                ORDER BY m.employee_id, m.valid_from""", from, to.plusDays(1), SqlQuery.texts(scope.employeeIds()),
                SqlQuery.texts(scope.unitCodes()), to, from);
    }

    private static MemberWindows read(Connection c, SqlQuery query) throws SQLException {
        List<String> employees = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        List<LocalDate> ends = new ArrayList<>();
        List<String> units = new ArrayList<>();
        try (PreparedStatement st = query.prepare(c); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                employees.add(rs.getString(1));
                starts.add(rs.getObject(2, LocalDate.class));
                ends.add(rs.getObject(3, LocalDate.class));
                units.add(rs.getString(4));
            }
        }
        return new MemberWindows(employees.toArray(String[]::new), starts.toArray(LocalDate[]::new),
                ends.toArray(LocalDate[]::new), units.toArray(String[]::new));
    }

    /**
     * How a query over a large record table picks the rows of the windows (issue 11), as one or two joins, each for
     * a SELECT of its own whose rows no other's share (no agent is in both): the agents who belonged to the scope for
     * the whole of [from, to] in one window, by their id alone ({@code agent}'s key, the ids bound as one array), and
     * every window of the others (movers, joiners, leavers), as {@link #join}; one empty join without windows. The
     * rows are those {@link #join} picks: a record of a whole-range agent in the range is in their one window.
     *
     * <p>Why: PostgreSQL has no statistics of an unnest's rows and assumes a tenth of them share a key, so joined to
     * 10,000 windows the month's 1,000,000 call records were hashed and probed with the windows (1.9 s of the 2.2 s
     * the run's fetch took at 1×, the same aggregates without windows 0.17 s). Joined to {@code agent}, whose ids it
     * knows to be unique, it hashes the 10,000 agents and scans the records in parallel, near that floor. Not
     * {@code r.employee_id = ANY(?)} on the records: estimating 10,000 ids against the records' most common values
     * took about 100 ms of planning per statement; {@code agent}'s unique ids have no such list.
     */
    static List<SqlQuery> joins(MemberWindows windows, String alias, String dateColumn, LocalDate from,
                                LocalDate to) {
        if (windows == null) {
            return List.of(new SqlQuery());
        }
        Map<String, Integer> parts = new HashMap<>();
        for (String employee : windows.employees()) {
            parts.merge(employee, 1, Integer::sum);
        }
        LocalDate end = to.plusDays(1);
        List<String> whole = new ArrayList<>();
        List<String> employees = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        List<LocalDate> ends = new ArrayList<>();
        for (int i = 0; i < windows.employees().length; i++) {
            String employee = windows.employees()[i];
            if (parts.get(employee) == 1 && windows.from()[i].equals(from) && windows.to()[i].equals(end)) {
                whole.add(employee);
            } else {
                employees.add(employee);
                starts.add(windows.from()[i]);
                ends.add(windows.to()[i]);
            }
        }
        List<SqlQuery> joins = new ArrayList<>();
        if (!whole.isEmpty()) {
            joins.add(new SqlQuery().append(WHOLE_RANGE.formatted(alias), SqlQuery.texts(whole)));
        }
        if (!employees.isEmpty() || whole.isEmpty()) {
            joins.add(join(new MemberWindows(employees.toArray(String[]::new), starts.toArray(LocalDate[]::new),
                    ends.toArray(LocalDate[]::new), new String[0]), alias, dateColumn));
        }
        return joins;
    }

    /**
     * Joins the rows of {@code alias} whose {@code dateColumn} falls in one of the windows of their agent; nothing
     * without windows. The windows are parameters (arrays): a parameter join keeps the scan parallel, a CTE would not.
     */
    static SqlQuery join(MemberWindows windows, String alias, String dateColumn) {
        SqlQuery join = new SqlQuery();
        if (windows != null) {
            join.append(JOIN.formatted(alias, dateColumn), new SqlQuery.TextArray(windows.employees()),
                    new SqlQuery.DateArray(windows.from()),
                    new SqlQuery.DateArray(windows.to()));
        }
        return join;
    }

    Set<String> agents() {
        return new LinkedHashSet<>(List.of(employees));
    }

    /** The unit of each agent's last part (parts come ordered by agent and start). */
    Map<String, String> lastUnits() {
        Map<String, String> last = new HashMap<>();
        for (int i = 0; i < employees.length; i++) {
            last.put(employees[i], units[i]);
        }
        return last;
    }
}
