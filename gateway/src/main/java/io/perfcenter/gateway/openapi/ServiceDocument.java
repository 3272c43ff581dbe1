package io.perfcenter.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.gateway.proxy.ServiceRoute;

/** One service's own OpenAPI document, as it served it at {@code /q/openapi}. */
public record ServiceDocument(ServiceRoute service, ObjectNode document) {
}
