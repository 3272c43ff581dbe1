package io.perfcenter.launcher;

import io.perfcenter.support.Suite;

import java.time.ZoneId;
import java.util.Map;

/** The launcher's command line. */
record LauncherOptions(boolean help, boolean demo, String dataDir, int dbPort, String oidcUrl, Suite.Ports ports) {

    static final String USAGE = """
            Usage: ./perfcenter [--demo] [--data-dir DIR] [--db-port PORT] [--oidc-url URL] [--port GATEWAY_PORT]

              --demo          load a small demo organisation, a month of figures, a template, a plan and their runs
              --data-dir DIR  where the embedded database, the local keys and the logs live (default .perfcenter)
              --db-port PORT  port of the embedded PostgreSQL (default 15432)
              --oidc-url URL  verify tokens with this OIDC provider (e.g. http://localhost:8180/realms/perfcenter)
                              instead of the local key pair; no tokens are printed then
              --port PORT     gateway port (default 8080); the services take the next three ports, and each
                              process's management interface (health, metrics) its port + 1000

            Environment: PERFCENTER_DB_URL, PERFCENTER_DB_USER, PERFCENTER_DB_PASSWORD use an external PostgreSQL
            instead of the embedded one (the database "perfcenter" is created on it if missing).
            PERFCENTER_TIME_ZONE is the center's time zone (default Asia/Shanghai): the day every record counts
            for, "today" and "last month" in all services and the demo data.""";

    /** The center's time zone: {@code PERFCENTER_TIME_ZONE}, else Asia/Shanghai; never the machine's zone. */
    static ZoneId centerZone(Map<String, String> environment) {
        String zone = environment.get("PERFCENTER_TIME_ZONE");
        return ZoneId.of(zone == null || zone.isBlank() ? "Asia/Shanghai" : zone.strip());
    }

    static LauncherOptions parse(String[] args) {
        boolean help = false;
        boolean demo = false;
        String dataDir = ".perfcenter";
        int dbPort = 15432;
        String oidcUrl = null;
        int gatewayPort = 8080;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> help = true;
                case "--demo" -> demo = true;
                case "--data-dir" -> dataDir = value(args, ++i);
                case "--db-port" -> dbPort = Integer.parseInt(value(args, ++i));
                case "--oidc-url" -> oidcUrl = value(args, ++i);
                case "--port" -> gatewayPort = Integer.parseInt(value(args, ++i));
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        var ports = new Suite.Ports(gatewayPort, gatewayPort + 1, gatewayPort + 2, gatewayPort + 3);
        return new LauncherOptions(help, demo, dataDir, dbPort, oidcUrl, ports);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
