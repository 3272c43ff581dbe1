package io.perfcenter.metrics;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.support.PostgresTestResource;
import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No single caller can exhaust the service: idle uploads hold no database connection and are cut after the idle
 * timeout (8 s in tests), a caller runs at most 4 uploads at once, and bodies beyond their endpoint's limit are
 * refused with 413 (uploads: 64 MB in tests, the JSON values endpoint: 16 MB, other JSON: 1 MB). The test JVM
 * runs with the service's 256 MB heap (see the pom), so a body read into memory would fail these tests.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class UploadLimitsTests {

    @Inject
    AgroalDataSource dataSource;

    private static final String VALUE = "{\"sourceSystem\":\"limits\",\"externalId\":\"v-1\",\"employeeId\":\"NOBODY\","
            + "\"metricCode\":\"calls_handled\",\"date\":\"2026-01-01\",\"value\":1},";

    @Test
    void idleUploadsHoldNoDatabaseConnectionAndAreCutWith408() throws Exception {
        // 50 uploads by 25 callers, 2 each (within the per-caller limit), more than the pool's 20 connections
        // warm up: the first query of the service is slow for reasons of its own
        hr().get("/api/v1/metrics/org/units/NO-SUCH-UNIT").then().statusCode(404);
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                idle.add(stalledUpload("/api/v1/metrics/records/calls", TestTokens.token("idle-" + (i / 2),
                        "records-writer")));
            }
            // let every one of them reach the resource
            Thread.sleep(1000);
            // all 20 connections of the pool are free: the idle uploads hold none (taking one waits at most 5 s)
            takeEveryPoolConnection();
            for (int i = 0; i < 5; i++) {
                long began = System.nanoTime();
                // a database read, answered at once and not with a 500 after waiting 5 s for a connection
                hr().get("/api/v1/metrics/org/units/NO-SUCH-UNIT").then().statusCode(404);
                long millis = (System.nanoTime() - began) / 1_000_000;
                assertTrue(millis < 5000, "a request took " + millis + " ms while uploads were idle");
            }
            // after 8 s without bytes each upload is cut with a problem
            for (Socket s : idle) {
                Response r = Response.read(s);
                assertEquals(408, r.status, r.toString());
                assertTrue(r.header("content-type").startsWith("application/problem+json"), r.toString());
                assertTrue(r.body.contains("upload-idle"), r.body);
            }
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    @Test
    void anUploadIsStoredWhileItArrivesAndAClientPausingMidUploadHoldsNoConnection() throws Exception {
        hr().body(List.of(java.util.Map.of("code", "UL", "name", "Limits center", "kind", "CENTER")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200);
        hr().body(List.of(java.util.Map.of("employeeId", "UL1", "name", "Agent UL1", "position", "seat",
                        "unitCode", "UL", "memberFrom", "2026-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200);
        // 20,000 calls, ~2.5 MB: storing starts after the first megabyte has arrived
        byte[] body = calls("arriving");
        int half = body.length * 2 / 3;

        // sent at once: stored while it arrives, each record once
        Response r = sendInTwoParts(body, half, () -> { });
        assertEquals(200, r.status, r.toString());
        assertEquals(20_000, storedCalls("arriving"));

        // other records, with a pause of 2 s after the first 1.7 MB: storing had started and gives way, so during the
        // pause the pool's 20 connections are all free; the upload is stored once it has arrived, each record once
        Response again = sendInTwoParts(calls("pausing"), half, () -> {
            try {
                Thread.sleep(1000);
                takeEveryPoolConnection();
                Thread.sleep(1000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(200, again.status, again.toString());
        assertEquals(20_000, storedCalls("pausing"));
        assertEquals(20_000, storedCalls("arriving"));
    }

    private static byte[] calls(String sourceSystem) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            rows.append("{\"sourceSystem\":\"").append(sourceSystem).append("\",\"externalId\":\"a-").append(i)
                    .append("\",\"employeeId\":\"UL1\",\"startedAt\":\"2026-02-")
                    .append(String.format("%02d", 1 + i % 28)).append("T10:00:00+08:00\",\"talkSeconds\":").append(60 + i % 100).append("}\n");
        }
        return rows.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private long storedCalls(String sourceSystem) throws Exception {
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement st = c.prepareStatement(
                     "SELECT count(*) FROM call_record WHERE source_system = ?")) {
            st.setString(1, sourceSystem);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** An NDJSON upload of calls with a declared length: {@code first} bytes, then {@code between}, then the rest. */
    private static Response sendInTwoParts(byte[] body, int first, Runnable between) throws Exception {
        String token = TestTokens.token("arriving", "records-writer");
        try (Socket s = open()) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/metrics/records/calls HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, first);
            out.flush();
            between.run();
            out.write(body, first, body.length - first);
            out.flush();
            return Response.read(s);
        }
    }

    @Test
    void aCallerRunsAtMostFourUploadsAtOnce() throws Exception {
        String token = TestTokens.token("busy", "records-writer");
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                idle.add(stalledUpload("/api/v1/metrics/records/calls", token));
            }
            Thread.sleep(500);
            // the fifth, also on the JSON values endpoint, is refused at once
            RestAssured.given().auth().oauth2(token).contentType("application/x-ndjson").body(new byte[0])
                    .post("/api/v1/metrics/records/calls").then().statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", "10")
                    .body("type", org.hamcrest.Matchers.endsWith("/too-many-uploads"));
            RestAssured.given().auth().oauth2(token).contentType("application/json").body("[]")
                    .post("/api/v1/metrics/values").then().statusCode(429);
            // another caller is not affected
            as("other", "records-writer").body("[]").post("/api/v1/metrics/values").then().statusCode(200);
            for (Socket s : idle) {
                assertEquals(408, Response.read(s).status);
            }
            // once they are cut, the caller may upload again
            RestAssured.given().auth().oauth2(token).contentType("application/json").body("[]")
                    .post("/api/v1/metrics/values").then().statusCode(200);
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    @Test
    void aDeclaredLengthBeyondTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        String token = TestTokens.token("big", "records-writer");
        try (Socket s = open()) {
            // 200 MB announced, not one byte of it sent
            s.getOutputStream().write(("POST /api/v1/metrics/values HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (200L << 20) + "\r\n\r\n[").getBytes(StandardCharsets.US_ASCII));
            Response r = Response.read(s);
            assertEquals(413, r.status, r.toString());
            assertTrue(r.header("content-type").startsWith("application/problem+json"), r.toString());
            assertTrue(r.body.contains("\"limit\":16777216"), r.body);
        }
        // a JSON object: 1 MB
        hr().body("{\"code\":\"U\",\"name\":\"" + "x".repeat(1 << 20) + "\",\"kind\":\"TEAM\"}")
                .post("/api/v1/metrics/org/units").then().statusCode(413)
                .contentType("application/problem+json").body("limit", org.hamcrest.Matchers.equalTo(1 << 20));
        // a bulk sync (a JSON array of rows) has the bulk limit: more than 1 MB is taken (here 12 rows of 100 KB,
        // each refused for a unit that does not exist)
        StringBuilder agents = new StringBuilder("[");
        for (int row = 0; row < 12; row++) {
            agents.append(row == 0 ? "" : ",").append("{\"employeeId\":\"BULK-").append(row).append("\",\"name\":\"")
                    .append("x".repeat(100_000)).append("\",\"unitCode\":\"NO-SUCH-UNIT\",\"memberFrom\":\"2026-01-01\"}");
        }
        hr().body(agents.append(']').toString()).post("/api/v1/metrics/org/agents/bulk").then().statusCode(200)
                .body("rejected", org.hamcrest.Matchers.equalTo(12)).body("created", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aConnectionStaysUsableAfterABodyReadWholeAndIsClosedOpenlyAfterAnEarlyAnswer() throws Exception {
        String token = TestTokens.token("keep-alive", "hr");
        try (Socket s = open()) {
            // the gateway's connection pool sends its next request on the same connection: it must be answered
            for (String path : List.of("/api/v1/metrics/records/tickets", "/api/v1/metrics/records/tickets",
                    "/api/v1/metrics/values", "/api/v1/metrics/org/units")) {
                String body = path.endsWith("units") ? "{\"code\":\"\"}" : "[{}]";
                s.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + token + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                Response r = Response.read(s);
                assertTrue(r.status == 200 || r.status == 400, path + ": " + r);
                assertEquals("", r.header("connection"), path + ": " + r);
            }
        }
        try (Socket s = open()) {
            // refused before the body is read: the answer says the connection closes, so nobody reuses it
            s.getOutputStream().write(("POST /api/v1/metrics/org/units HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (5 << 20) + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            Response r = Response.read(s);
            assertEquals(413, r.status, r.toString());
            assertEquals("close", r.header("connection"), r.toString());
        }
    }

    @Test
    void a200MegabyteStreamIsCutAt16MegabytesOnTheJsonValuesEndpoint() throws Exception {
        Response r = streamChunked("/api/v1/metrics/values", "application/json", 200L << 20);
        assertEquals(413, r.status, r.toString());
        assertTrue(r.body.contains("body-too-large"), r.body);
        // and the service keeps answering
        hr().get("/api/v1/metrics/org/units/NO-SUCH-UNIT").then().statusCode(404);
    }

    @Test
    void a200MegabyteStreamIsCutAt64MegabytesOnABulkEndpoint() throws Exception {
        Response r = streamChunked("/api/v1/metrics/records/values", "application/json", 200L << 20);
        assertEquals(413, r.status, r.toString());
        assertTrue(r.body.contains("\"limit\":67108864"), r.body);
        hr().get("/api/v1/metrics/org/units/NO-SUCH-UNIT").then().statusCode(404);
    }

    @Test
    void aJsonValuesRequestHoldsAtMostTheRowLimit() {
        // rows beyond 100,000 are refused even when the body fits: 100,001 rows of "{}," are ~300 KB
        String rows = "[" + "{},".repeat(100_000) + "{}]";
        as(null, "records-writer").body(rows).post("/api/v1/metrics/values").then().statusCode(413)
                .contentType("application/problem+json").body("field", org.hamcrest.Matchers.equalTo("body"))
                .body("limit", org.hamcrest.Matchers.equalTo(100_000));
    }

    /** Streams {@code bytes} of a JSON array of value records, chunked, and reads the answer meanwhile. */
    private static Response streamChunked(String path, String type, long bytes) throws Exception {
        String token = TestTokens.token("streamer", "records-writer");
        try (Socket s = open()) {
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: " + type + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("[" + VALUE.repeat((64 << 10) / VALUE.length())).getBytes(StandardCharsets.US_ASCII);
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                try {
                    byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    while (sent.get() < bytes) {
                        out.write(head);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(chunk.length);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the service stopped reading: expected once the limit is passed
                }
            });
            writer.start();
            Response r = Response.read(s);
            writer.join(60_000);
            assertTrue(sent.get() < bytes, "the whole body was read: " + sent.get() + " bytes");
            return r;
        }
    }

    private static Socket open() throws IOException {
        Socket s = new Socket("localhost", RestAssured.port);
        s.setSoTimeout(60_000);
        return s;
    }

    /** Sends the head of a chunked NDJSON upload and one chunk of a half line, then nothing more. */
    private static Socket stalledUpload(String path, String token) throws IOException {
        Socket s = open();
        OutputStream out = s.getOutputStream();
        byte[] part = "{\"sourceSystem\":\"acd\",".getBytes(StandardCharsets.US_ASCII);
        out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(part.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(part);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    /** An HTTP/1.1 answer read off a raw socket: status, headers (lower-case names) and body. */
    private record Response(int status, String head, String body) {

        static Response read(Socket s) throws IOException {
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            try {
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    head.write(b);
                }
            } catch (SocketException e) {
                // reset after the answer was read
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.isEmpty()) {
                return new Response(-1, "", "");
            }
            int status = Integer.parseInt(text.substring(9, 12));
            Response partial = new Response(status, text, "");
            String length = partial.header("content-length");
            byte[] body = new byte[length.isEmpty() ? 0 : Integer.parseInt(length)];
            int off = 0;
            try {
                while (off < body.length) {
                    int n = in.read(body, off, body.length - off);
                    if (n < 0) {
                        break;
                    }
                    off += n;
                }
            } catch (SocketException e) {
                // as above
            }
            return new Response(status, text, new String(body, 0, off, StandardCharsets.UTF_8));
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }
    }

    /** Takes all 20 connections of the pool at once (each waits at most 5 s) and gives them back. */
    private void takeEveryPoolConnection() throws java.sql.SQLException {
        List<Connection> pool = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                pool.add(dataSource.getConnection());
            }
        } finally {
            for (Connection c : pool) {
                c.close();
            }
        }
    }
}
