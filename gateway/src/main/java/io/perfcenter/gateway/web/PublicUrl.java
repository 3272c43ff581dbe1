package io.perfcenter.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * The URL partners use to reach the gateway: {@code perfcenter.public-url} when configured (the reliable choice
 * behind a load balancer), else what the caller's {@code X-Forwarded-Proto}/{@code X-Forwarded-Host} (or
 * {@code Forwarded}) headers say, else the scheme and {@code Host} of the request itself. Links the gateway hands out
 * ({@code Location} headers, the OpenAPI document's {@code servers}) are built from it, never from a service's
 * internal address.
 */
@ApplicationScoped
public class PublicUrl {

    private final Optional<URI> configured;

    public PublicUrl(@ConfigProperty(name = "perfcenter.public-url") Optional<URI> configured,
                     @ConfigProperty(name = "perfcenter.gateway.openapi.public-url") Optional<URI> legacy) {
        this.configured = configured.or(() -> legacy);
    }

    /**
     * The public base URL without a trailing slash, e.g. {@code https://perfcenter.example.com}.
     *
     * @param header       the request's headers by name (case-insensitive lookup)
     * @param scheme       the scheme the request arrived with
     * @param hostAndPort  the request's {@code Host}
     */
    public String base(Function<String, String> header, String scheme, String hostAndPort) {
        if (configured.isPresent()) {
            return trim(configured.get().toString());
        }
        String proto = first(header.apply("X-Forwarded-Proto"));
        String host = first(header.apply("X-Forwarded-Host"));
        String forwarded = header.apply("Forwarded");
        if (forwarded != null && (proto == null || host == null)) {
            for (String pair : first(forwarded).split(";")) {
                String[] kv = pair.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equalsIgnoreCase("proto") && proto == null) {
                    proto = unquote(kv[1]);
                } else if (kv.length == 2 && kv[0].equalsIgnoreCase("host") && host == null) {
                    host = unquote(kv[1]);
                }
            }
        }
        String port = first(header.apply("X-Forwarded-Port"));
        if (host != null && port != null && !host.contains(":") && !isDefault(proto, port)) {
            host = host + ":" + port;
        }
        return (proto != null ? proto : scheme) + "://" + (host != null ? host : hostAndPort);
    }

    private static boolean isDefault(String proto, String port) {
        return ("https".equalsIgnoreCase(proto) && port.equals("443"))
                || (!"https".equalsIgnoreCase(proto) && port.equals("80"));
    }

    /** Proxies append to these headers: the first value is what the caller used. */
    private static String first(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).trim();
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * A {@code Location} the service wrote, pointing at its own internal address, pointed at the gateway instead:
     * only the scheme and authority change. A relative one, or one pointing elsewhere, is kept as it is.
     */
    public static String relocate(String location, URI service, String publicBase) {
        if (location == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
            return location;
        }
        boolean sameHost = uri.getHost() != null && uri.getHost().equalsIgnoreCase(service.getHost());
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        int servicePort = service.getPort() > 0 ? service.getPort()
                : ("https".equalsIgnoreCase(service.getScheme()) ? 443 : 80);
        if (!sameHost || port != servicePort) {
            return location;
        }
        String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            rest += "?" + uri.getRawQuery();
        }
        if (uri.getRawFragment() != null) {
            rest += "#" + uri.getRawFragment();
        }
        return publicBase + rest;
    }
}
