package io.perfcenter.metrics;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the SQL Hibernate sends while a test asks for it, so a test can tell what a request read (e.g. that a
 * page of a list is cut by the database rather than by the service after reading the whole list).
 */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedSql implements StatementInspector {

    private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    /** Runs {@code action} and answers the statements sent meanwhile (by any thread). */
    static List<String> during(Runnable action) {
        STATEMENTS.clear();
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        return List.copyOf(STATEMENTS);
    }

    @Override
    public String inspect(String sql) {
        if (recording) {
            STATEMENTS.add(sql);
        }
        return sql;
    }
}
