package io.perfcenter.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Starts one WireMock server per service on a dynamic port, each answering its readiness check and serving its
 * OpenAPI document, and points the gateway's routes at them. The service named by the {@code down} argument gets
 * a closed port instead; the one named by {@code early-answer} an {@link EarlyAnswerService}.
 */
public class ServiceStubsResource implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SERVICES = List.of("metrics-service", "scoring-service", "incentive-service");

    private final Map<String, WireMockServer> servers = new LinkedHashMap<>();
    private String down;
    private String earlyAnswer;
    private EarlyAnswerService early;

    @Override
    public void init(Map<String, String> args) {
        down = args.get("down");
        earlyAnswer = args.get("early-answer");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            String url;
            if (service.equals(down)) {
                url = "http://localhost:" + closedPort();
            } else if (service.equals(earlyAnswer)) {
                early = new EarlyAnswerService();
                url = early.url();
            } else {
                WireMockServer server = new WireMockServer(options().dynamicPort().gzipDisabled(true));
                server.start();
                server.stubFor(get(urlPathEqualTo("/q/health/ready")).atPriority(10)
                        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                                .withBody("{\"status\":\"UP\",\"checks\":[]}")));
                server.stubFor(get(urlPathEqualTo("/q/openapi")).atPriority(10)
                        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                                .withBody(resource("/stubs/" + service + "-openapi.json"))));
                servers.put(service, server);
                url = server.baseUrl();
            }
            config.put("perfcenter.gateway.services." + service + ".url", url);
            // the stub answers health on the same port as the API
            config.put("perfcenter.gateway.services." + service + ".management-url", url);
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(new ServiceStubs(Map.copyOf(servers)),
                new TestInjector.AnnotatedAndMatchesType(InjectServiceStubs.class, ServiceStubs.class));
    }

    @Override
    public void stop() {
        servers.values().forEach(WireMockServer::stop);
        servers.clear();
        if (early != null) {
            try {
                early.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ServiceStubsResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
