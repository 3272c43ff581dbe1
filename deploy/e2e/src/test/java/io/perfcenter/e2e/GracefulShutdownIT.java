package io.perfcenter.e2e;

import io.perfcenter.support.LocalIdentity;
import io.perfcenter.support.PostgresServer;
import io.perfcenter.support.ServiceProcess;
import io.perfcenter.support.Suite;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM during an upload: the packaged metrics-service stops taking new requests but lets the upload in flight
 * finish (quarkus.shutdown.timeout) and store its records, then exits. Runs a metrics-service process of its own,
 * not the shared suite, since it stops it.
 */
class GracefulShutdownIT {

    private static PostgresServer db;
    private static String database;
    private static LocalIdentity identity;
    private static ServiceProcess service;

    @BeforeAll
    static void start() {
        db = PostgresServer.forTests();
        database = "pc_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        db.recreateDatabase(database);
        identity = LocalIdentity.generated();
        PostgresServer.ServiceLogin login = db.ensureServiceRole(database, "metrics");
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", login.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", login.password());
        env.put("QUARKUS_OIDC_PUBLIC_KEY", identity.publicKeyBase64());
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", LocalIdentity.ISSUER);
        env.put("PERFCENTER_TOKEN_AUDIENCE", LocalIdentity.AUDIENCE);
        service = ServiceProcess.start("metrics-service", Suite.findRoot().resolve("metrics-service"),
                Suite.freePort(), Suite.freePort(), env,
                Suite.findRoot().resolve("deploy/e2e/target/graceful-shutdown-logs"),
                Suite.jvmOptions("metrics-service", Suite.Jit.FAST_START));
        service.awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        db.dropDatabase(database);
        db.close();
    }

    private String token(String username, String employeeId, String role) {
        return identity.token(username, employeeId, List.of(role), Duration.ofMinutes(10));
    }

    private static String call(String id, String startedAt) {
        return "{\"sourceSystem\":\"acd\",\"externalId\":\"" + id + "\",\"employeeId\":\"GS1\",\"startedAt\":\""
                + startedAt + "\",\"talkSeconds\":100}\n";
    }

    @Test
    void anUploadInFlightWhenTheServiceIsToldToStopIsCompletedAndStored() throws Exception {
        String hr = token("H1", "H1", "hr");
        RestAssured.given().baseUri(service.baseUrl()).auth().oauth2(hr).contentType(ContentType.JSON)
                .body(List.of(Map.of("code", "GSC", "name", "Center", "kind", "CENTER"),
                        Map.of("code", "GST", "name", "Team", "kind", "TEAM", "parentCode", "GSC"),
                        Map.of("code", "GSG", "name", "Group", "kind", "GROUP", "parentCode", "GST")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200);
        RestAssured.given().baseUri(service.baseUrl()).auth().oauth2(hr).contentType(ContentType.JSON)
                .body(List.of(Map.of("employeeId", "GS1", "name", "Agent GS1", "position", "seat", "unitCode", "GSG",
                        "memberFrom", "2026-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(1));

        try (Socket socket = new Socket("localhost", service.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            // a slow client: the headers and the first record, then nothing for a while
            out.write(("POST /api/v1/metrics/records/calls HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token("crm", null, "records-writer") + "\r\n"
                    + "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            chunk(out, call("graceful-1", "2026-04-01T09:00:00+08:00"));
            Thread.sleep(1_000);

            long told = System.nanoTime();
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(service::close);
            Thread.sleep(2_000);
            assertTrue(service.isAlive(), "the service waits for the upload in flight");
            // new requests are turned away meanwhile
            assertEquals(503, statusOfNewRequest(), "a new request while stopping");

            chunk(out, call("graceful-2", "2026-04-01T09:05:00+08:00"));
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("\"accepted\":2"), response);

            stopped.get(40, TimeUnit.SECONDS);
            assertFalse(service.isAlive());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - told);
            assertTrue(millis < 30_000, "stopped within the shutdown timeout, took " + millis + " ms");
        }
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(database), db.user(), db.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM metrics.call_record WHERE external_id LIKE "
                     + "'graceful-%'")) {
            rs.next();
            assertEquals(2, rs.getInt(1), "both records of the upload are stored");
        }
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The status of a request on a new connection; 503 when it is refused outright too. */
    private int statusOfNewRequest() {
        try {
            return RestAssured.given().baseUri(service.baseUrl()).get("/api/v1/metrics/catalog").statusCode();
        } catch (RuntimeException refused) {
            return 503;
        }
    }

    /** The whole answer: headers and body (the connection is closed after it, the service is stopping). */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            response.write(buffer, 0, n);
            String text = response.toString(StandardCharsets.UTF_8);
            if (text.contains("\r\n\r\n") && (text.endsWith("}") || text.endsWith("0\r\n\r\n"))) {
                break;
            }
        }
        return response.toString(StandardCharsets.UTF_8);
    }
}
