package io.perfcenter.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** All three services answer (WireMock stubs). */
public class AllServicesUp implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ServiceStubsResource.class));
    }
}
