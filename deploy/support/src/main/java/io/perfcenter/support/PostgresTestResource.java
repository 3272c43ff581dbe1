package io.perfcenter.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.UUID;

/**
 * Gives a {@code @QuarkusTest} run its own fresh database (see {@link PostgresServer#forTests()} for where the
 * server comes from), so runs never collide with each other or with the running suite; dropped when the run ends.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;
    private String database;

    @Override
    public Map<String, String> start() {
        server = PostgresServer.forTests();
        database = "pc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        server.recreateDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.dropDatabase(database);
            server.close();
        }
    }
}
