package io.perfcenter.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A service that answers uploads as metrics-service answers one beyond its limits: as soon as the request head
 * has arrived, without reading the body, then closes the connection (after dropping what arrives for 1 s). Paths ending in {@code /busy} get a 429 with
 * Retry-After, every other path a 413.
 */
final class EarlyAnswerService implements AutoCloseable {

    private final ServerSocket server;

    EarlyAnswerService() {
        try {
            server = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::serve, "early-answer-service");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://localhost:" + server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> answer(s), "early-answer");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void answer(Socket s) {
        try (s) {
            String head = head(s.getInputStream());
            boolean busy = head.substring(0, head.indexOf(" HTTP/")).endsWith("/busy");
            String body = busy
                    ? "{\"type\":\"https://perfcenter.io/problems/too-many-uploads\",\"status\":429,\"limit\":4}"
                    : "{\"type\":\"https://perfcenter.io/problems/body-too-large\",\"status\":413,\"limit\":1024}";
            String status = busy ? "429 Too Many Requests\r\nRetry-After: 10" : "413 Request Entity Too Large";
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/problem+json\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            // as metrics-service does: the rest of the body is read and dropped for a moment before the
            // connection closes, so the answer is not overtaken by a reset (no half-close either: the gateway's
            // client takes the end of the answer stream for the end of the connection)
            s.setSoTimeout(1000);
            long until = System.currentTimeMillis() + 1000;
            byte[] drop = new byte[1 << 16];
            while (System.currentTimeMillis() < until && s.getInputStream().read(drop) >= 0) {
                // dropped
            }
        } catch (IOException e) {
            // the gateway went away
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
