package io.perfcenter.metrics.events;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver inside the test (the JDK's HTTP server): records every POST per path with its headers and body,
 * and answers each path as told — 200, or a status for the first n requests.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One POST as received. */
    record Received(String path, String body, String signature, String timestamp, String contentType, int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, AtomicInteger> failFirst = new ConcurrentHashMap<>();
    private final Map<String, Integer> failWith = new ConcurrentHashMap<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 200;
            AtomicInteger left = failFirst.get(path);
            if (left != null && left.getAndDecrement() > 0) {
                status = failWith.getOrDefault(path, 500);
            }
            synchronized (received) {
                received.add(new Received(path, body, exchange.getRequestHeaders().getFirst("X-PerfCenter-Signature"),
                        exchange.getRequestHeaders().getFirst("X-PerfCenter-Timestamp"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The path answers {@code status} to its next {@code times} requests, then 200. */
    void fail(String path, int times, int status) {
        failFirst.put(path, new AtomicInteger(times));
        failWith.put(path, status);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> at(String path) {
        synchronized (received) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
