package io.perfcenter.gateway.proxy;

import java.net.URI;

/** One service behind the gateway: its name, where it listens and the path prefix it owns. */
public record ServiceRoute(String name, URI url, String pathPrefix) {

    public ServiceRoute {
        if (pathPrefix.endsWith("/")) {
            pathPrefix = pathPrefix.substring(0, pathPrefix.length() - 1);
        }
    }

    /** Whether the service owns this request path: the prefix itself or anything below it. */
    public boolean owns(String path) {
        return path.equals(pathPrefix) || path.startsWith(pathPrefix + "/");
    }

    public int port() {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return secure() ? 443 : 80;
    }

    public boolean secure() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    /** An absolute URL on the service, e.g. {@code /q/health/ready}. */
    public URI resolve(String path) {
        String base = url.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
