package io.perfcenter.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** incentive-service is down (its URL is a closed port), and the gateway waits only one second for an answer. */
public class ServiceFaults implements QuarkusTestProfile {

    public static final String DOWN = "incentive-service";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("perfcenter.gateway.timeout", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ServiceStubsResource.class, Map.of("down", DOWN)));
    }
}
