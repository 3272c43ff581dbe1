package io.perfcenter.incentive.security;

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
    /** Record upload (CRM, ACD, WFM, QA tool): pushes activity records and daily values to metrics-service. */
    public static final String RECORDS_WRITER = "records-writer";
    /** Org sync (HR system): creates and updates units and agents, moves them and records departures. */
    public static final String ORG_SYNC = "org-sync";
    /** Payroll export (payroll system): reads approved payout runs and their payroll files. */
    public static final String PAYROLL_EXPORT = "payroll-export";
    /**
     * A PerfCenter service calling another on behalf of the system (its own identity, never a person's): reads
     * scorecards, metric aggregates and the org directory.
     */
    public static final String SERVICE = "service";
    /** A service that writes data corrections decided on appeals (scoring-service). */
    public static final String CORRECTIONS_WRITER = "corrections-writer";
    /**
     * A service relaying its outbox to metrics-service's event log (scoring- and incentive-service): that one write,
     * nothing else (issue 14).
     */
    public static final String EVENTS_RELAY = "events-relay";

    private Roles() {
    }
}
