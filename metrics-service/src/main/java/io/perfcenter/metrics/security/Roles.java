package io.perfcenter.metrics.security;

/** The roles of PerfCenter, as the identity provider puts them in the token. */
public final class Roles {
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String MANAGER = "manager";
    public static final String QA = "qa";
    public static final String HR = "hr";
    public static final String ADMIN = "admin";
    /**
     * Appeals reviewer (申诉复核): decides appeals of agents they do not lead (scoring-service) and asks
     * metrics-service which units they lead.
     */
    public static final String APPEALS = "appeals";
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
