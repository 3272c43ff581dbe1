package io.perfcenter.gateway.web;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Links the gateway hands out point at its public URL, never at a service's internal address. */
class PublicUrlTests {

    private static final URI SERVICE = URI.create("http://localhost:18081");

    @Test
    void aServiceLocationIsMovedToThePublicUrl() {
        assertEquals("https://api.example.com/api/v1/metrics/org/units/C1?version=2",
                PublicUrl.relocate("http://localhost:18081/api/v1/metrics/org/units/C1?version=2", SERVICE,
                        "https://api.example.com"));
        // relative, or somewhere else: unchanged
        assertEquals("/api/v1/x", PublicUrl.relocate("/api/v1/x", SERVICE, "https://api.example.com"));
        assertEquals("http://other:18081/x", PublicUrl.relocate("http://other:18081/x", SERVICE, "https://a"));
        assertEquals("http://localhost:9/x", PublicUrl.relocate("http://localhost:9/x", SERVICE, "https://a"));
    }

    @Test
    void configuredUrlWinsThenForwardedHeadersThenTheRequest() {
        PublicUrl configured = new PublicUrl(Optional.of(URI.create("https://perfcenter.example.com/")),
                Optional.empty());
        assertEquals("https://perfcenter.example.com",
                configured.base(Map.of("X-Forwarded-Host", "evil.example.com")::get, "http", "localhost:8080"));

        PublicUrl derived = new PublicUrl(Optional.empty(), Optional.empty());
        assertEquals("https://api.example.com", derived.base(
                Map.of("X-Forwarded-Proto", "https, http", "X-Forwarded-Host", "api.example.com, lb")::get,
                "http", "localhost:8080"));
        assertEquals("https://api.example.com:8443", derived.base(Map.of("X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "api.example.com", "X-Forwarded-Port", "8443")::get, "http", "gw:8080"));
        assertEquals("https://fw.example.com", derived.base(
                Map.of("Forwarded", "for=1.2.3.4;proto=https;host=\"fw.example.com\"")::get, "http", "gw:8080"));
        assertEquals("http://localhost:8080", derived.base(Map.<String, String>of()::get, "http", "localhost:8080"));
    }
}
