package io.perfcenter.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** metrics-service answers every upload early, as it does one beyond its limits (413, 429). */
public class EarlyAnswers implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ServiceStubsResource.class, Map.of("early-answer", "metrics-service")));
    }
}
