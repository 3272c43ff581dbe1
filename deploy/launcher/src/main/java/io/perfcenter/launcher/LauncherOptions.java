package io.perfcenter.launcher;

import io.perfcenter.support.Suite;

import java.time.ZoneId;
import java.util.Map;

/** The launcher's command line. */
record LauncherOptions(boolean help, boolean demo, String dataDir, int dbPort, String oidcUrl, Suite.Ports ports,
                       Suite.Jit jit, String otelEndpoint) {

    static final String USAGE = """
            Usage: ./perfcenter [--demo] [--data-dir DIR] [--db-port PORT] [--oidc-url URL] [--port GATEWAY_PORT]
                               [--fast-start] [--otel-endpoint URL]

              --demo          load a small demo organisation, a month of figures, a template, a plan and their runs
              --data-dir DIR  where the embedded database, the local keys and the logs live (default .perfcenter)
              --db-port PORT  port of the embedded PostgreSQL (default 15432)
              --oidc-url URL  verify tokens with this OIDC provider (e.g. http://localhost:8180/realms/perfcenter)
                              instead of the local key pair; no tokens are printed then
              --port PORT     gateway port (default 8080); the services take the next three ports, and each
                              process's management interface (health, metrics) its port + 1000
              --fast-start    compile with C1 only (-XX:TieredStopAtLevel=1): starts faster and uses less CPU, but
                              runs large months slower; by default the JVMs compile as in production (C1 and C2)
              --otel-endpoint URL
                              trace with OpenTelemetry and export the spans to this OTLP gRPC collector
                              (e.g. http://localhost:4317); tracing is off by default

            Heaps: gateway 128 MB, metrics 384 MB, scoring 512 MB, incentive 512 MB (enough for a center of 10,000
            agents), Serial GC; a service that dies (or runs out of memory) is restarted, at most 3 times.

            Environment: PERFCENTER_DB_URL, PERFCENTER_DB_USER, PERFCENTER_DB_PASSWORD use an external PostgreSQL
            instead of the embedded one (the database "perfcenter" is created on it if missing).
            PERFCENTER_TIME_ZONE is the center's time zone (default Asia/Shanghai): the day every record counts
            for, "today" and "last month" in all services and the demo data. PERFCENTER_LOG_FORMAT=json makes the
            services log JSON lines (default: text); logs are in DIR/logs.""";

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
        Suite.Jit jit = Suite.Jit.PRODUCTION;
        String otelEndpoint = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> help = true;
                case "--demo" -> demo = true;
                case "--data-dir" -> dataDir = value(args, ++i);
                case "--db-port" -> dbPort = Integer.parseInt(value(args, ++i));
                case "--oidc-url" -> oidcUrl = value(args, ++i);
                case "--port" -> gatewayPort = Integer.parseInt(value(args, ++i));
                case "--fast-start" -> jit = Suite.Jit.FAST_START;
                case "--otel-endpoint" -> otelEndpoint = value(args, ++i);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        var ports = new Suite.Ports(gatewayPort, gatewayPort + 1, gatewayPort + 2, gatewayPort + 3);
        return new LauncherOptions(help, demo, dataDir, dbPort, oidcUrl, ports, jit, otelEndpoint);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
