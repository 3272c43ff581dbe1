package io.perfcenter.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server the suite or a test run can create its databases on: an external one, the local one on
 * 127.0.0.1:5432, or an embedded one started from the binaries on the classpath.
 */
public final class PostgresServer implements AutoCloseable {

    /** Admin JDBC URL of an external server (any database on it); user and password come with it. */
    public static final String URL_ENV = "PERFCENTER_DB_URL";
    public static final String USER_ENV = "PERFCENTER_DB_USER";
    public static final String PASSWORD_ENV = "PERFCENTER_DB_PASSWORD";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final String description;

    private PostgresServer(String host, int port, String user, String password, EmbeddedPostgres embedded,
                           String description) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.description = description;
    }

    /**
     * For test runs, in this order: the server named by {@value #URL_ENV}; else the one on 127.0.0.1:5432 (user
     * postgres, trust auth); else an embedded server in a temporary directory, removed on close.
     */
    public static PostgresServer forTests() {
        PostgresServer configured = configured();
        if (configured != null) {
            return configured;
        }
        if (reachable(LOCAL_URL, "postgres", "")) {
            return new PostgresServer("127.0.0.1", 5432, "postgres", "", null, "local PostgreSQL on 127.0.0.1:5432");
        }
        try {
            return embedded(EmbeddedPostgres.builder().start(), "embedded PostgreSQL (temporary)");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL for the tests: set " + URL_ENV + " (and " + USER_ENV + ", "
                    + PASSWORD_ENV + ") to an admin JDBC URL, or run a server on 127.0.0.1:5432 with user postgres; "
                    + "the embedded fallback failed too: " + e.getMessage(), e);
        }
    }

    /**
     * For the running suite: the server named by {@value #URL_ENV}, else an embedded server keeping its data in
     * {@code dataDirectory} on {@code port}, so that data survives a restart.
     */
    public static PostgresServer forSuite(Path dataDirectory, int port) {
        PostgresServer configured = configured();
        if (configured != null) {
            return configured;
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            return embedded(pg, "embedded PostgreSQL on port " + port + ", data in " + dataDirectory);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + " (is port " + port + " free?). Or set " + URL_ENV + " to use an external server.", e);
        }
    }

    private static PostgresServer configured() {
        String url = System.getenv(URL_ENV);
        if (url == null || url.isBlank()) {
            return null;
        }
        String user = envOr(USER_ENV, "postgres");
        String password = envOr(PASSWORD_ENV, "");
        if (!reachable(url, user, password)) {
            throw new IllegalStateException(URL_ENV + "=" + url + " is set but no connection could be made with user "
                    + user);
        }
        var hostPort = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "").split(":");
        int port = hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : 5432;
        return new PostgresServer(hostPort[0], port, user, password, null, "PostgreSQL at " + url);
    }

    private static PostgresServer embedded(EmbeddedPostgres pg, String description) {
        return new PostgresServer("localhost", pg.getPort(), "postgres", "", pg, description);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static boolean reachable(String url, String user, String password) {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(url, credentials(user, password))) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Properties credentials(String user, String password) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return props;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String description() {
        return description;
    }

    /** Creates the database if it does not exist yet. */
    public void ensureDatabase(String name) {
        if (!exists(name)) {
            execute("CREATE DATABASE " + checked(name));
        }
    }

    /** Drops and creates the database, so a test run starts from nothing. */
    public void recreateDatabase(String name) {
        dropDatabase(name);
        execute("CREATE DATABASE " + checked(name));
    }

    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + checked(name) + " WITH (FORCE)");
        for (String schema : SERVICE_SCHEMAS) {
            execute("DROP ROLE IF EXISTS " + serviceRole(name, schema));
        }
    }

    /** The schemas of the three services, one database role each. */
    public static final List<String> SERVICE_SCHEMAS = List.of("metrics", "scoring", "incentive");

    /** A service's own database login: it owns its schema and nothing else. */
    public record ServiceLogin(String user, String password) {
    }

    /**
     * Gives the service whose data lives in {@code schema} its own login role on {@code database} ({@code
     * <database>_<schema>}, a fresh random password on every call): the role owns the schema and everything in it,
     * may connect to the database and make temporary tables, and has no right on the other services' schemas, so
     * "each service owns its schema" holds in the database, not only by convention. A schema created earlier by
     * another user (an older installation, which ran every service as the admin user) is handed over with its
     * tables, sequences, views and functions.
     */
    public ServiceLogin ensureServiceRole(String database, String schema) {
        if (!SERVICE_SCHEMAS.contains(schema)) {
            throw new IllegalArgumentException("Not a service schema: " + schema);
        }
        String role = serviceRole(database, schema);
        String secret = randomPassword();
        execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
                + "CREATE ROLE " + role + " LOGIN NOINHERIT; END IF; END $$");
        execute("ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + secret + "'");
        execute("REVOKE CONNECT, TEMPORARY ON DATABASE " + checked(database) + " FROM PUBLIC");
        // TEMPORARY: metrics-service stages revised records in a temp table (session-private, no other schema)
        execute("GRANT CONNECT, TEMPORARY ON DATABASE " + checked(database) + " TO " + role);
        try (Connection c = DriverManager.getConnection(jdbcUrl(checked(database)), credentials(user, password()));
             Statement st = c.createStatement()) {
            st.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            st.execute("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role);
            st.execute("ALTER SCHEMA " + schema + " OWNER TO " + role);
            st.execute("REVOKE ALL ON SCHEMA " + schema + " FROM PUBLIC");
            st.execute("""
                    DO $$ DECLARE o record; BEGIN
                      FOR o IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = '%1$s' AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
                               AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                                        WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))) LOOP
                        EXECUTE format('ALTER %%s %%I.%%I OWNER TO %2$s',
                          CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                         WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, '%1$s', o.relname);
                      END LOOP;
                      FOR o IN SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                               WHERE n.nspname = '%1$s' LOOP
                        EXECUTE format('ALTER ROUTINE %%s OWNER TO %2$s', o.sig);
                      END LOOP;
                    END $$""".formatted(schema, role));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give " + schema + " its own role on " + description, e);
        }
        return new ServiceLogin(role, secret);
    }

    private static String serviceRole(String database, String schema) {
        return checked(database + "_" + schema);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private boolean exists(String name) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), credentials(user, password));
             var st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            st.setString(1, checked(name));
            return st.executeQuery().next();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up database " + name + " on " + description, e);
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), credentials(user, password));
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on " + description + ": " + sql, e);
        }
    }

    private static String checked(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
        return name;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new IllegalStateException("Could not stop the embedded PostgreSQL", e);
            }
        }
    }
}
