package io.perfcenter.incentive.events;

/** metrics-service's answer to a relay: events stored now, and events it had already (by source and id). */
public record RelayReceipt(int stored, int duplicates) {
}
