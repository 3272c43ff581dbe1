package io.perfcenter.incentive.client;

import io.perfcenter.incentive.security.Caller;

/**
 * On whose authority incentive-service reads another service's data. The system's own work (payout runs, honor runs)
 * reads as the service; a person asking for something scoped to them (a supervisor's promotion eligibility of one of
 * their agents) reads with their own token, so that the provider applies their roles and data scope and nothing they
 * could not read themselves reaches them through incentive.
 */
public enum ReadAs {
    /** incentive-service's own token ({@link ServiceIdentity}), the acting person in {@code X-Acting-For}. */
    SERVICE,
    /** The caller's own bearer token, propagated. */
    CALLER;

    /** The service's identity for callers who see everything anyway (hr, admin), else the caller's own token. */
    public static ReadAs scopedTo(Caller caller) {
        return caller.seesEverything() ? SERVICE : CALLER;
    }
}
