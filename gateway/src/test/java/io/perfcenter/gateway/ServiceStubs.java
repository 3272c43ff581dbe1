package io.perfcenter.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** The WireMock servers standing in for the services, by service name; a service that is down has none. */
public record ServiceStubs(Map<String, WireMockServer> servers) {

    public WireMockServer get(String service) {
        WireMockServer server = servers.get(service);
        if (server == null) {
            throw new IllegalStateException(service + " is down in this test profile");
        }
        return server;
    }

    /** A stubbed service's JSON answer with the status. */
    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
