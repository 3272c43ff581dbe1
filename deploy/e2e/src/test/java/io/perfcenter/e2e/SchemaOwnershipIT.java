package io.perfcenter.e2e;

import io.perfcenter.support.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * "Each service owns its schema" holds in the database: every service runs under its own role, which owns every
 * table of its schema and cannot read, write or even see into another service's schema.
 */
class SchemaOwnershipIT {

    private static RunningSuite running;

    @BeforeAll
    static void suite() {
        running = RunningSuite.get();
    }

    @Test
    void everyTableIsOwnedByItsServicesRole() throws SQLException {
        for (String schema : PostgresServer.SERVICE_SCHEMAS) {
            List<String> owners = query("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = '" + schema
                    + "'");
            assertEquals(List.of(running.database + "_" + schema), owners, "owners of the tables in " + schema);
        }
    }

    @Test
    void noServiceRoleCanTouchAnotherServicesSchema() throws SQLException {
        int tried = 0;
        for (String role : PostgresServer.SERVICE_SCHEMAS) {
            for (String other : PostgresServer.SERVICE_SCHEMAS) {
                String table = query("SELECT tablename FROM pg_tables WHERE schemaname = '" + other
                        + "' AND tablename <> 'flyway_schema_history' ORDER BY tablename LIMIT 1").get(0);
                boolean allowed = readsAs(running.database + "_" + role, other + "." + table);
                assertEquals(role.equals(other), allowed, role + " reading " + other + "." + table);
                tried++;
            }
        }
        assertEquals(9, tried);
    }

    @Test
    void serviceRolesAreNotPrivileged() throws SQLException {
        for (String schema : PostgresServer.SERVICE_SCHEMAS) {
            List<String> flags = query("SELECT rolsuper::text || rolcreatedb::text || rolcreaterole::text "
                    + "FROM pg_roles WHERE rolname = '" + running.database + "_" + schema + "'");
            assertEquals(List.of("falsefalsefalse"), flags, schema);
        }
    }

    private static boolean readsAs(String role, String table) throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("SET ROLE " + role);
            try {
                st.executeQuery("SELECT count(*) FROM " + table).close();
                return true;
            } catch (SQLException e) {
                assertEquals("42501", e.getSQLState(), "expected permission denied, got " + e.getMessage());
                return false;
            }
        }
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = admin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        assertFalse(rows.isEmpty(), "no rows for " + sql);
        return rows;
    }

    private static Connection admin() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", running.db.user());
        if (running.db.password() != null) {
            props.setProperty("password", running.db.password());
        }
        return DriverManager.getConnection(running.db.jdbcUrl(running.database), props);
    }
}
