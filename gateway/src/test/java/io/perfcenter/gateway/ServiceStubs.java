package io.perfcenter.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.util.Map;

/** The WireMock servers standing in for the services, by service name; a service that is down has none. */
public record ServiceStubs(Map<String, WireMockServer> servers) {

    public WireMockServer get(String service) {
        WireMockServer server = servers.get(service);
        if (server == null) {
            throw new IllegalStateException(service + " is down in this test profile");
        }
        return server;
    }
}
