package io.perfcenter.gateway;

import io.perfcenter.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service that refuses an upload before reading its body (413 beyond its size limit, 429 beyond a caller's
 * concurrent uploads) is answered through the gateway with its own problem, at once: the gateway does not go on
 * reading, buffering or forwarding the rest of the body.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(EarlyAnswers.class)
class UploadRefusalTests {

    private static final long UPLOAD = 256L << 20;

    @Test
    void anUploadTheServiceRefusesAsTooLargeGetsItsProblem() throws Exception {
        Answer answer = upload("/api/v1/metrics/records/calls");
        assertTrue(answer.head.startsWith("HTTP/1.1 413"), answer.head);
        assertTrue(answer.head.toLowerCase().contains("content-type: application/problem+json"), answer.head);
        assertTrue(answer.body.contains("/problems/body-too-large"), answer.body);
        assertTrue(answer.sent < UPLOAD, "the gateway read the whole body: " + answer.sent + " bytes");
    }

    @Test
    void anUploadBeyondTheCallersLimitGetsTheProblemAndRetryAfter() throws Exception {
        Answer answer = upload("/api/v1/metrics/records/busy");
        assertTrue(answer.head.startsWith("HTTP/1.1 429"), answer.head);
        assertTrue(answer.head.contains("Retry-After: 10"), answer.head);
        assertTrue(answer.body.contains("/problems/too-many-uploads"), answer.body);
        assertTrue(answer.sent < UPLOAD, "the gateway read the whole body: " + answer.sent + " bytes");
    }

    private record Answer(String head, String body, long sent) {
    }

    /** Streams 256 MB, chunked, and reads the answer meanwhile. */
    private static Answer upload(String path) throws Exception {
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestTokens.system("records-writer") + "\r\nContent-Type: application/x-ndjson\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "{\"externalId\":\"x\"}\n".repeat(3000).getBytes(StandardCharsets.US_ASCII);
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                try {
                    while (sent.get() < UPLOAD) {
                        out.write(size);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(chunk.length);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the gateway stopped reading
                }
            });
            writer.start();
            InputStream in = s.getInputStream();
            String head = read(in, -1);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            String body = read(in, length);
            writer.join(30_000);
            return new Answer(head, body, sent.get());
        }
    }

    /** The head up to its blank line ({@code length} < 0), or {@code length} bytes of body. */
    private static String read(InputStream in, int length) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (length < 0 ? !bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")
                : bytes.size() < length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
