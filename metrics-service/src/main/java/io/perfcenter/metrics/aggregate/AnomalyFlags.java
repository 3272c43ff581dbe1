package io.perfcenter.metrics.aggregate;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.metrics.aggregate.AggregatePayloads.AgentAggregates;
import io.perfcenter.metrics.aggregate.AggregatePayloads.Anomaly;
import io.perfcenter.metrics.catalog.MetricDefinition;
import io.perfcenter.metrics.db.SessionLock;
import io.perfcenter.metrics.config.MetricsConfig;
import io.perfcenter.metrics.events.Outbox;
import io.perfcenter.metrics.org.OrgUnit;
import io.perfcenter.metrics.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Anomaly flags, persisted. A scan takes a month's figures so far (the whole month once it is over; from its first
 * day to the center's today while it runs) of every agent of every top unit (or of one unit), puts each value against
 * the agent's own baseline as {@link AnomalyDetector} does on read (the configured threshold and baseline periods),
 * and stores each new flag once per agent, metric and month: a value flagged again on a later scan of the same month
 * stays the flag it was. Each new flag emits {@code metrics.anomaly.flagged} (subject the agent) in the transaction
 * that stores it, and metrics' notification rules tell the leaders of the agent's unit and of the units above it.
 * A job scans the current month and the month before every {@code perfcenter.metrics.anomaly.scan-every} (default
 * 6h; {@code off} stops it); hr and admin may ask for a scan at any time ({@code scanAnomalies}).
 *
 * <p>The job scans a unit in pieces of at most {@link #PIECE_AGENTS} of its agents (a scan asked for reads it whole),
 * each piece's figures exactly those the whole unit's read gives its agents; the job runs in the background
 * ({@link AggregateLoad}) and, before each piece's reads, waits while foreground work (a unit read, an upload being
 * stored, a scan asked for) is in progress in any replica, at most {@link #BACKGROUND_PATIENCE} in all per month
 * scanned.
 *
 * <p>The service runs with several replicas, each with the job on its own schedule (the same period, other phases).
 * One job scans at a time: it holds the session-level advisory lock {@link #SCAN_LOCK} on a connection it keeps for
 * its whole run, and a replica whose job finds it taken skips that run (INFO). And a month is scanned again only
 * when its last <i>whole</i> scan (every top unit, every metric in use: the job's, or one asked for without unit and
 * metrics) finished at least half of {@code scan-every} ago ({@link #rescanAfter}, by the database's clock; table
 * {@code anomaly_scan}): after one replica scanned at 10:00 (6h), another's run at 10:20 skips, while each replica's
 * own next run, a whole period later, always finds its month due. So a month is scanned at most about twice per
 * period whatever the replicas (not once per replica), and never left longer than a period after its last scan. A
 * scan asked for is never skipped and takes no scan lock (it is foreground work; two at once store each flag once).
 */
@ApplicationScoped
public class AnomalyFlags {

    private static final Logger LOG = Logger.getLogger(AnomalyFlags.class);
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
    /** How long the job waits in all, per month scanned, for foreground work before it scans anyway. */
    static final Duration BACKGROUND_PATIENCE = Duration.ofMinutes(10);
    /**
     * Agents per piece of a scan: the job may step aside for foreground work before each piece. A piece of 1,000
     * agents is a tenth of a 10,000-agent center's month (and baselines); much smaller pieces would read each month's
     * records (picked by date, then by agent) more often for the same figures.
     */
    static final int PIECE_AGENTS = 1000;
    /** Who stored a flag the job found. */
    public static final String JOB = "anomaly-scan";
    /** The lock one job holds at a time across replicas (session level, on the connection the job keeps). */
    static final SessionLock SCAN_LOCK = new SessionLock("perfcenter.anomaly_scan");

    @Schema(name = "AnomalyFlag", description = "A value far from the agent's own baseline, stored when a scan first "
            + "found it")
    public record FlagView(@Schema(examples = "12") long id, @Schema(examples = "E3001") String employeeId,
                           @Schema(examples = "aht") String metric, @Schema(examples = "2026-10") String period,
                           @Schema(description = "The unit the agent belonged to last within the days scanned",
                                   examples = "G-EAST-1") String unitCode,
                           @Schema(description = "First day of the figures", examples = "2026-10-01") LocalDate from,
                           @Schema(description = "Last day of the figures (month to date when it was flagged)",
                                   examples = "2026-10-15") LocalDate to,
                           @Schema(examples = "318") BigDecimal value,
                           @Schema(examples = "420") BigDecimal baseline,
                           @Schema(description = "(value - baseline) / baseline", examples = "-0.2429")
                           BigDecimal change,
                           @Schema(description = "Baseline periods that had a value", examples = "3")
                           int baselinePeriods,
                           @Schema(description = "The share of change beyond which it was flagged", examples = "0.2")
                           BigDecimal threshold,
                           @Schema(examples = "aht fell 24.3% below the agent's mean of the 3 previous periods (420)")
                           String reason,
                           OffsetDateTime flaggedAt,
                           @Schema(description = "Who asked for the scan; anomaly-scan: the job",
                                   examples = "anomaly-scan") String flaggedBy) {
    }

    @Schema(name = "AnomalyScan", description = "What a scan looked at and the flags it stored now")
    public record ScanReport(@Schema(examples = "2026-10") String period, LocalDate from, LocalDate to,
                             @Schema(examples = "0.2") double threshold, @Schema(examples = "3") int baselinePeriods,
                             @Schema(examples = "[\"aht\",\"csat\"]") List<String> metrics,
                             @Schema(examples = "[\"C-EAST\"]") List<String> units,
                             @Schema(description = "Agents with figures in the days scanned", examples = "40")
                             int agentsScanned,
                             @Schema(description = "Anomalies found that were flagged before: nothing stored",
                                     examples = "2") int alreadyFlagged,
                             @Schema(description = "The flags stored now, each emitted once") List<FlagView> flagged) {
    }

    private final AggregateService aggregates;
    private final AnomalyDetector detector;
    private final MetricsConfig config;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;
    private final AggregateLoad load;
    private final AgroalDataSource dataSource;

    AnomalyFlags(AggregateService aggregates, AnomalyDetector detector, MetricsConfig config, Outbox outbox,
                 EntityManager em, Clock clock, AggregateLoad load, AgroalDataSource dataSource) {
        this.load = load;
        this.dataSource = dataSource;
        this.aggregates = aggregates;
        this.detector = detector;
        this.config = config;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(every = "${perfcenter.metrics.anomaly.scan-every:6h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @jakarta.enterprise.context.control.ActivateRequestContext
    void job() {
        job(every(config.anomaly().scanEvery()));
    }

    /**
     * A run of the job, which runs every {@code every} (null: the job is off; a run asked for then skips no month by
     * time): the month before the current one and the current one, unless another replica's job is at it or the
     * month's last whole scan finished less than {@link #rescanAfter} ago.
     */
    void job(Duration every) {
        Duration rescanAfter = every == null ? Duration.ZERO : rescanAfter(every);
        // the scan lock is held at session level on this connection, kept for the whole run (a pooled statement's
        // connection goes back to the pool, and with it the lock or its release); closed without the unlock (the
        // service gone), the session's end releases it
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!SCAN_LOCK.tryLock(c)) {
                LOG.info("anomaly scan skipped: another replica's job is scanning (it holds the scan lock)");
                return;
            }
            try {
                YearMonth now = YearMonth.now(clock);
                for (YearMonth month : List.of(now.minusMonths(1), now)) {
                    String recent = scannedWithin(c, month, rescanAfter);
                    if (recent != null) {
                        LOG.infof("anomaly scan of %s skipped: scanned whole %s, less than %s ago (half of "
                                + "scan-every)", month, recent, rescanAfter.toString().substring(2).toLowerCase());
                        continue;
                    }
                    try {
                        // at a lower priority than work someone waits for (a month close's scoring run, its uploads):
                        // it steps aside between pieces, see AggregateLoad
                        ScanReport r = load.inBackground(() -> scan(month.toString(), null, List.of(), JOB));
                        LOG.infof("anomaly scan of %s: %d agents, %d new flags", month, r.agentsScanned(),
                                r.flagged().size());
                    } catch (RuntimeException e) {
                        LOG.warnf("anomaly scan of %s failed (%s); tried again at the next run", month,
                                e.getMessage());
                    }
                }
            } finally {
                SCAN_LOCK.unlock(c);
            }
        } catch (SQLException e) {
            LOG.warnf("the anomaly scan did not run (%s); tried again at the next run", e.getMessage());
        }
    }

    /**
     * How long after a month's whole scan the job leaves it alone: half its period. Well below the period, so that a
     * replica's own next run, which begins a period after its last one began, finds the month due although the last
     * scan finished later than it began (seconds; up to its waits' budget, 10 minutes a month, in a busy close), and
     * another replica's run soon after (a different phase) skips it. At 6h: a month is left alone for 3 hours.
     */
    static Duration rescanAfter(Duration every) {
        return every.dividedBy(2);
    }

    /** {@code scan-every} as the scheduler reads it (6h, 30m, PT6H, …); null when off. */
    static Duration every(String expression) {
        String every = expression == null ? "" : expression.trim();
        if (every.isEmpty() || every.equalsIgnoreCase("off") || every.equalsIgnoreCase("disabled")) {
            return null;
        }
        return DurationConverter.parseDuration(every);
    }

    /** When and by whom the month's last whole scan finished, if less than {@code within} ago; else null. */
    private static String scannedWithin(Connection c, YearMonth month, Duration within) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' by ' || finished_by
                FROM anomaly_scan WHERE period = ? AND finished_at > now() - make_interval(secs => ?)""")) {
            st.setString(1, month.toString());
            st.setDouble(2, within.toNanos() / 1e9);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The month asked, checked: YYYY-MM, not after the center's current month. */
    public YearMonth month(String period) {
        if (period == null || !MONTH.matcher(period).matches()) {
            throw Problems.invalid("period", "is required: a month, YYYY-MM");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw Problems.invalid("period", "is required: a month, YYYY-MM");
        }
        if (month.isAfter(YearMonth.now(clock))) {
            throw Problems.invalid("period", "must not be after the current month (" + YearMonth.now(clock) + ")");
        }
        return month;
    }

    /**
     * Scans a month (to date) of one unit (its sub-units included) or, with none, of every top unit, for the metrics
     * named (none: every metric in use), and stores the new flags.
     */
    public ScanReport scan(String period, String unitCode, List<String> metricCodes, String by) {
        // only the job steps aside, so only the job reads in pieces: each piece picks the month's records again, and
        // at 1x a scan in pieces took 4.0 s against 2.9-3.0 s read whole (2 December 2026); a scan someone asked for
        // and waits for is read whole
        int pieceAgents = load.background() ? PIECE_AGENTS : Integer.MAX_VALUE;
        return scan(period, unitCode, metricCodes, by, pieceAgents, BACKGROUND_PATIENCE);
    }

    /**
     * {@link #scan}, a unit's agents read {@code pieceAgents} at a time, the job's waits for foreground work adding
     * up to at most {@code patience}.
     */
    ScanReport scan(String period, String unitCode, List<String> metricCodes, String by, int pieceAgents,
                    Duration patience) {
        // a scan asked for (scanAnomalies) is work someone waits for: the job of every replica waits between its
        // pieces meanwhile, as it did for the unit read such a scan used to be (its reads span several connections:
        // the foreground lock is held on one of its own); the job's own scan is background work (AggregateLoad)
        ScanReport report = load.inForegroundAcrossReplicas(
                () -> scanInPieces(period, unitCode, metricCodes, by, pieceAgents, patience));
        if (unitCode == null && (metricCodes == null || metricCodes.isEmpty())) {
            // a whole scan, the job's or one asked for (the same flags): the job leaves the month alone for a while
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            INSERT INTO anomaly_scan (period, finished_at, finished_by) VALUES (?1, now(), ?2)
                            ON CONFLICT (period) DO UPDATE SET finished_at = excluded.finished_at,
                                                               finished_by = excluded.finished_by""")
                    .setParameter(1, report.period()).setParameter(2, by).executeUpdate());
        }
        return report;
    }

    private ScanReport scanInPieces(String period, String unitCode, List<String> metricCodes, String by,
                                    int pieceAgents, Duration budget) {
        YearMonth month = month(period);
        LocalDate today = LocalDate.now(clock);
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        List<String> metrics = QuarkusTransaction.requiringNew().call(() -> metricsOf(metricCodes));
        List<String> units = QuarkusTransaction.requiringNew().call(() -> {
            if (unitCode != null) {
                if (OrgUnit.findById(unitCode) == null) {
                    throw Problems.invalid("unit", "no unit " + unitCode);
                }
                return List.of(unitCode);
            }
            return OrgUnit.<OrgUnit>list("parentCode is null order by code").stream().map(u -> u.code).toList();
        });
        double threshold = config.anomaly().threshold();
        int periods = config.anomaly().baselinePeriods();
        PeriodRange range = new PeriodRange(from, to);
        List<FlagView> stored = new ArrayList<>();
        java.util.Set<String> agents = new java.util.HashSet<>();
        int already = 0;
        Duration patience = budget;
        if (metrics.isEmpty()) {
            return new ScanReport(month.toString(), from, to, threshold, periods, metrics, units, 0, 0, stored);
        }
        for (String unit : units) {
            // A unit is read in pieces of at most pieceAgents of its agents (by employee id), so that the job can
            // step aside between them: a center has one top unit, and read whole it was one aggregate of several
            // seconds of a core (10,000 agents). Each piece gives its agents exactly what the unit read gave them
            // (AggregateService.forUnitAgents: a mover's whole month within the unit, the unit they were in last),
            // and the detector reads each agent's baseline alone; each agent is in one piece of the unit.
            AggregateService.UnitMembers members = aggregates.members(unit, from, to);
            for (int first = 0; first < members.agents().size(); first += pieceAgents) {
                List<String> piece = members.agents().subList(first,
                        Math.min(first + pieceAgents, members.agents().size()));
                // computed outside a transaction: the computation reads on its own connection (as aggregate reads
                // do); the job first lets foreground work in progress (unit reads, uploads) finish, waiting at most
                // what is left of its budget
                patience = load.yieldToForeground(patience);
                List<AgentAggregates> figures = aggregates.forUnitAgents(members, piece, metrics, from, to);
                patience = load.yieldToForeground(patience);
                List<AgentAggregates> flagged = detector.flag(figures, null, metrics, range, threshold, periods);
                List<FlagView> now = QuarkusTransaction.requiringNew()
                        .call(() -> storeNew(flagged, month, from, to, threshold, by));
                for (AgentAggregates agent : flagged) {
                    agents.add(agent.employeeId());
                    already += agent.anomalies() == null ? 0 : agent.anomalies().size();
                }
                already -= now.size();
                stored.addAll(now);
            }
        }
        return new ScanReport(month.toString(), from, to, threshold, periods, metrics, units, agents.size(), already,
                stored);
    }

    /** A piece's anomalies stored where new, each emitted once (anomaly.flagged): the flags stored now. */
    private List<FlagView> storeNew(List<AgentAggregates> flagged, YearMonth month, LocalDate from, LocalDate to,
                                    double threshold, String by) {
        List<FlagView> views = new ArrayList<>();
        for (AgentAggregates agent : flagged) {
            for (Anomaly a : agent.anomalies() == null ? List.<Anomaly>of() : agent.anomalies()) {
                FlagView v = store(agent, a, month, from, to, threshold, by);
                if (v != null) {
                    outbox.emit("anomaly.flagged", v.employeeId(), v);
                    views.add(v);
                }
            }
        }
        return views;
    }

    private static List<String> metricsOf(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return MetricDefinition.<MetricDefinition>list("retiredAt is null order by code").stream()
                    .map(d -> d.code).toList();
        }
        List<String> checked = new ArrayList<>();
        for (String code : new java.util.LinkedHashSet<>(codes)) {
            if (code == null || MetricDefinition.findById(code) == null) {
                throw Problems.invalid("metric", "no metric " + code + " in the catalog");
            }
            checked.add(code);
        }
        return checked;
    }

    /** Stores the flag unless the agent's metric is flagged for the month already; answers it when stored now. */
    private FlagView store(AgentAggregates agent, Anomaly a, YearMonth month, LocalDate from, LocalDate to,
                           double threshold, String by) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        @SuppressWarnings("unchecked")
        List<Object> id = em.createNativeQuery("""
                        INSERT INTO anomaly_flag (employee_id, metric, period, unit_code, range_from, range_to, value,
                                                  baseline, change, baseline_periods, threshold, reason, flagged_at,
                                                  flagged_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                        ON CONFLICT ON CONSTRAINT anomaly_flag_once DO NOTHING
                        RETURNING id""")
                .setParameter(1, agent.employeeId()).setParameter(2, a.metric()).setParameter(3, month.toString())
                .setParameter(4, agent.unitCode()).setParameter(5, from).setParameter(6, to)
                .setParameter(7, a.value()).setParameter(8, a.baseline()).setParameter(9, a.change())
                .setParameter(10, a.periods()).setParameter(11, BigDecimal.valueOf(threshold))
                .setParameter(12, a.reason()).setParameter(13, at).setParameter(14, by).getResultList();
        if (id.isEmpty()) {
            return null;
        }
        return new FlagView(((Number) id.get(0)).longValue(), agent.employeeId(), a.metric(), month.toString(),
                agent.unitCode(), from, to, PlainNumbers.plain(a.value()), a.baseline(), a.change(), a.periods(),
                PlainNumbers.plain(BigDecimal.valueOf(threshold)), a.reason(), at, by);
    }

    /**
     * Stored flags, newest first, as the caller may see them: hr and admin all; a supervisor or manager those whose
     * unit is one they lead (or below one); an agent their own. A unit or agent the caller may not see answers 404
     * as an unknown one.
     */
    @SuppressWarnings("unchecked")
    public List<FlagView> list(String period, String employeeId, String unitCode, String metric, boolean everything,
                               String me, List<String> led) {
        if (period != null && !MONTH.matcher(period).matches()) {
            throw Problems.invalid("period", "must be a month, YYYY-MM");
        }
        StringBuilder sql = new StringBuilder("SELECT id, employee_id, metric, period, unit_code, range_from, "
                + "range_to, value, baseline, change, baseline_periods, threshold, reason, flagged_at, flagged_by "
                + "FROM anomaly_flag WHERE true");
        List<Object> params = new ArrayList<>();
        if (!everything) {
            if (unitCode != null && !led.contains(unitCode)) {
                throw Problems.notFound("Unit", unitCode);
            }
            if (employeeId != null && !employeeId.equals(me)
                    && led.isEmpty()) {
                throw Problems.notFound("Agent", employeeId);
            }
            params.add(me == null ? "" : me);
            sql.append(" AND (employee_id = ?").append(params.size());
            if (!led.isEmpty()) {
                params.add(led);
                sql.append(" OR unit_code IN (?").append(params.size()).append(')');
            }
            sql.append(')');
        }
        if (period != null) {
            params.add(period);
            sql.append(" AND period = ?").append(params.size());
        }
        if (employeeId != null) {
            params.add(employeeId);
            sql.append(" AND employee_id = ?").append(params.size());
        }
        if (unitCode != null) {
            params.add(unitCode);
            sql.append(" AND unit_code = ?").append(params.size());
        }
        if (metric != null) {
            params.add(metric);
            sql.append(" AND metric = ?").append(params.size());
        }
        sql.append(" ORDER BY id DESC");
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        List<FlagView> views = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            views.add(new FlagView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], date(r[5]), date(r[6]), PlainNumbers.plain((BigDecimal) r[7]),
                    PlainNumbers.plain((BigDecimal) r[8]), (BigDecimal) r[9], ((Number) r[10]).intValue(),
                    PlainNumbers.plain((BigDecimal) r[11]), (String) r[12], offset(r[13]), (String) r[14]));
        }
        return views;
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static OffsetDateTime offset(Object o) {
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return ((OffsetDateTime) o).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
