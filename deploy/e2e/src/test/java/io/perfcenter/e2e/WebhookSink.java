package io.perfcenter.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A webhook receiver for the end-to-end tests (the JDK's HTTP server): keeps every body it gets, answers 204. */
final class WebhookSink {

    private final HttpServer server;
    private final List<String> bodies = new ArrayList<>();
    private final List<String[]> signatures = new ArrayList<>();

    WebhookSink() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (bodies) {
                bodies.add(body);
                signatures.add(new String[]{exchange.getRequestHeaders().getFirst("X-PerfCenter-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-PerfCenter-Signature"), body});
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** How many of the deliveries {@code which} picks carry {@code sha256=hex(HMAC-SHA256(secret, timestamp.body))}. */
    int signedWith(String secret, java.util.function.Predicate<String> which) {
        int signed = 0;
        synchronized (bodies) {
            for (String[] s : signatures) {
                if (!which.test(s[2])) {
                    continue;
                }
                try {
                    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                    mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                    String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal((s[0] + "." + s[2])
                            .getBytes(StandardCharsets.UTF_8)));
                    if (expected.equals(s[1])) {
                        signed++;
                    }
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return signed;
    }

    List<String> bodies() {
        synchronized (bodies) {
            return List.copyOf(bodies);
        }
    }
}
