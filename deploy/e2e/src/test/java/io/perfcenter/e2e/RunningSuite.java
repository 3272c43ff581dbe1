package io.perfcenter.e2e;

import io.perfcenter.launcher.Launcher;
import io.perfcenter.support.LocalIdentity;
import io.perfcenter.support.PostgresServer;
import io.perfcenter.support.Suite;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One suite for all end-to-end test classes of a run: the packaged services and the gateway as processes on free
 * ports, against a fresh database that is dropped when the test JVM exits.
 */
final class RunningSuite {

    private static RunningSuite instance;

    final Suite suite;
    final LocalIdentity identity;
    final PostgresServer db;
    final String database;

    private RunningSuite(Suite suite, LocalIdentity identity, PostgresServer db, String database) {
        this.suite = suite;
        this.identity = identity;
        this.db = db;
        this.database = database;
    }

    static synchronized RunningSuite get() {
        if (instance == null) {
            PostgresServer db = PostgresServer.forTests();
            String database = "pc_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            db.recreateDatabase(database);
            LocalIdentity identity = LocalIdentity.generated();
            // the console's local sign-in page offers the launcher's demo people (ConsoleIT signs in as them)
            String consolePeople = Launcher.consolePeople(Launcher.tokens(identity, Duration.ofHours(6)));
            Suite suite;
            try {
                suite = Suite.start(Suite.findRoot(), db, database, identity, Suite.Ports.free(),
                        Suite.findRoot().resolve("deploy/e2e/target/suite-logs"),
                        Map.of("PERFCENTER_GATEWAY_TIMEOUT", "20s", Suite.CONSOLE_PEOPLE_ENV, consolePeople));
            } catch (RuntimeException | Error e) {
                // the suite did not come up (its logs say why): its database goes now, there is no shutdown hook yet
                db.dropDatabase(database);
                db.close();
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                suite.close();
                db.dropDatabase(database);
                db.close();
            }));
            RestAssured.baseURI = "http://localhost";
            RestAssured.port = suite.ports().gateway();
            instance = new RunningSuite(suite, identity, db, database);
        }
        return instance;
    }

    /** A request through the gateway as a person (or, without employee id, a system) with one role. */
    RequestSpecification as(String employeeId, String role) {
        String token = identity.token(employeeId == null ? "crm" : employeeId, employeeId, List.of(role),
                Duration.ofMinutes(30));
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
