package io.perfcenter.scoring.client;

import io.perfcenter.scoring.client.MetricsPayloads.AggregateReport;
import io.perfcenter.scoring.client.MetricsPayloads.Assignment;
import io.perfcenter.scoring.client.MetricsPayloads.DataCorrection;
import io.perfcenter.scoring.client.MetricsPayloads.IngestReport;
import io.perfcenter.scoring.client.MetricsPayloads.Member;
import io.perfcenter.scoring.client.MetricsPayloads.OrgUnit;
import io.perfcenter.scoring.client.MetricsPayloads.QaDispute;
import io.perfcenter.scoring.client.MetricsPayloads.QaEvaluation;
import io.perfcenter.scoring.client.MetricsPayloads.ValueRecord;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;

/**
 * Calls to metrics-service, guarded: each attempt is cut off after a time limit, failures are retried a few times
 * and, when they keep coming, a circuit breaker stops calling for a while. A 4xx answer ({@link MetricsRejection})
 * is neither retried nor counted against the breaker: the request was wrong, not the service. Whatever else goes
 * wrong ends as a 503 problem naming metrics-service. The limits can be changed per deployment with
 * {@code quarkus.fault-tolerance."io.perfcenter.scoring.client.MetricsClient/<method>".<timeout|retry|circuit-breaker>.*}.
 * The guards are declared per method, not on the class, so that they do not guard the fallback methods too.
 */
@ApplicationScoped
public class MetricsClient {

    public static final String SERVICE = "metrics-service";
    private static final Logger LOG = Logger.getLogger(MetricsClient.class);

    // per attempt; an aggregate over a large unit is one SQL query on the metrics side
    private static final long TIMEOUT_MS = 5000;
    // reads of a whole unit (its aggregates, assignments, members), which grow with the unit: a center of 10,000
    // agents with millions of records a month takes tens of seconds on a busy database. application.properties sets
    // it from PERFCENTER_METRICS_UNIT_READ_TIMEOUT_MS; this is the default
    static final long UNIT_READ_TIMEOUT_MS = 120_000;
    private static final int RETRIES = 2;
    private static final long RETRY_DELAY_MS = 200;
    private static final long RETRY_JITTER_MS = 100;
    // opens when half of the last 10 attempts failed, probes again after 10 s
    private static final int BREAKER_VOLUME = 10;
    private static final double BREAKER_RATIO = 0.5;
    private static final long BREAKER_DELAY_MS = 10_000;

    private final MetricsRestClient rest;
    private final MetricsSystemRestClient system;
    // reads the later pages of a unit's assignments side by side, with the request's context (its request id and the
    // person acted for travel along, as on the request's own thread)
    private final ManagedExecutor executor;

    MetricsClient(@RestClient MetricsRestClient rest, @RestClient MetricsSystemRestClient system,
                  ManagedExecutor executor) {
        this.rest = rest;
        this.system = system;
        this.executor = executor;
    }

    /**
     * Period values of the metrics for every agent of the unit (and its sub-units), in one call. A read of the whole
     * unit, as {@link #assignments} and {@link #members}: its own, longer limit ({@link #UNIT_READ_TIMEOUT_MS}, set
     * per deployment with {@code PERFCENTER_METRICS_UNIT_READ_TIMEOUT_MS}): it is one query over all the unit's
     * records of the period, tens of seconds for a center with millions of records a month. An attempt that ran out
     * of time is not repeated: metrics-service is still computing it, and a second attempt would only queue behind
     * the first (a refused or failed connection is retried as elsewhere).
     */
    @Timeout(UNIT_READ_TIMEOUT_MS)
    @Retry(maxRetries = RETRIES, delay = RETRY_DELAY_MS, jitter = RETRY_JITTER_MS,
            abortOn = {MetricsRejection.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_RATIO, delay = BREAKER_DELAY_MS,
            successThreshold = 2, skipOn = MetricsRejection.class)
    @Fallback(fallbackMethod = "aggregatesUnavailable", skipOn = MetricsRejection.class)
    public AggregateReport aggregates(String unitCode, List<String> metricCodes, LocalDate from, LocalDate to) {
        return rest.aggregates(unitCode, metricCodes, from, to);
    }

    /** Codes of the units the caller leads, with every unit below them; empty for someone who leads none. */
    @Timeout(TIMEOUT_MS)
    @Retry(maxRetries = RETRIES, delay = RETRY_DELAY_MS, jitter = RETRY_JITTER_MS, abortOn = MetricsRejection.class)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_RATIO, delay = BREAKER_DELAY_MS,
            successThreshold = 2, skipOn = MetricsRejection.class)
    @Fallback(fallbackMethod = "myUnitsUnavailable", skipOn = MetricsRejection.class)
    public List<String> myUnits() {
        return AllPages.read(rest::myUnits);
    }

    @Timeout(TIMEOUT_MS)
    @Retry(maxRetries = RETRIES, delay = RETRY_DELAY_MS, jitter = RETRY_JITTER_MS, abortOn = MetricsRejection.class)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_RATIO, delay = BREAKER_DELAY_MS,
            successThreshold = 2, skipOn = MetricsRejection.class)
    @Fallback(fallbackMethod = "agentAggregatesUnavailable", skipOn = MetricsRejection.class)
    public AggregateReport aggregatesOfAgent(String employeeId, List<String> metricCodes, LocalDate from,
                                             LocalDate to) {
        return rest.aggregatesOfAgent(employeeId, metricCodes, from, to);
    }

    /** A unit with its parent and leader. */
    @Timeout(TIMEOUT_MS)
    @Retry(maxRetries = RETRIES, delay = RETRY_DELAY_MS, jitter = RETRY_JITTER_MS, abortOn = MetricsRejection.class)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_RATIO, delay = BREAKER_DELAY_MS,
            successThreshold = 2, skipOn = MetricsRejection.class)
    @Fallback(fallbackMethod = "unitUnavailable", skipOn = MetricsRejection.class)
    public OrgUnit unit(String code) {
        return rest.unit(code);
    }

    /** Memberships of the unit and the units below it overlapping the range: a read of the whole unit, all pages. */
    @Timeout(UNIT_READ_TIMEOUT_MS)
    @Retry(maxRetries = RETRIES, delay = RETRY_DELAY_MS, jitter = RETRY_JITTER_MS,
            abortOn = {MetricsRejection.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_RATIO, delay = BREAKER_DELAY_MS,
            successThreshold = 2, skipOn = MetricsRejection.class)
    @Fallback(fallbackMethod = "membersUnavailable", skipOn = MetricsRejection.class)
    public List<Member> members(String code, LocalDate from, LocalDate to) {
        return AllPages.read((limit, offset) -> rest.members(code, from, to, limit, offset));
    }

    /**
     * Everyone who belonged to the unit (or one below it) in the range, with their home unit under the policy: a read
     * of the whole unit, all pages under one limit (10 requests for a center of 10,000 agents: the pages' total,
     * {@code X-Total-Count}, spares the empty 11th).
     */
    @Timeout(UNIT_READ_TIMEOUT_MS)
    @Retry(maxRetries = RETRIES, delay = RETRY_DELAY_MS, jitter = RETRY_JITTER_MS,
            abortOn = {MetricsRejection.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_RATIO, delay = BREAKER_DELAY_MS,
            successThreshold = 2, skipOn = MetricsRejection.class)
    @Fallback(fallbackMethod = "assignmentsUnavailable", skipOn = MetricsRejection.class)
    public List<Assignment> assignments(String code, LocalDate from, LocalDate to, String policy) {
        return AllPages.readCounted((limit, offset) -> rest.assignments(code, from, to, policy, limit, offset),
                executor);
    }

    /**
     * Sends corrected values (appeals): all or nothing. Retrying is safe: metrics-service stores a revision once and
     * reports a repeat as a duplicate.
     */
    @Timeout(TIMEOUT_MS)
    @Retry(maxRetries = RETRIES, delay = RETRY_DELAY_MS, jitter = RETRY_JITTER_MS, abortOn = MetricsRejection.class)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_RATIO, delay = BREAKER_DELAY_MS,
            successThreshold = 2, skipOn = MetricsRejection.class)
    @Fallback(fallbackMethod = "ingestUnavailable", skipOn = MetricsRejection.class)
    public IngestReport ingest(List<ValueRecord> records) {
        return rest.ingest(records, true);
    }

    /**
     * As the service: stores the data correction under {@code key} (replacing one of the same key). Retrying is safe:
     * a key holds one correction.
     */
    @Timeout(TIMEOUT_MS)
    @Retry(maxRetries = RETRIES, delay = RETRY_DELAY_MS, jitter = RETRY_JITTER_MS, abortOn = MetricsRejection.class)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_RATIO, delay = BREAKER_DELAY_MS,
            successThreshold = 2, skipOn = MetricsRejection.class)
    @Fallback(fallbackMethod = "correctionUnavailable", skipOn = MetricsRejection.class)
    public DataCorrection correct(String key, DataCorrection correction) {
        return system.putCorrection(key, correction);
    }

    /** As the service: removes the correction stored under {@code key}, if any (idempotent). */
    @Timeout(TIMEOUT_MS)
    @Retry(maxRetries = RETRIES, delay = RETRY_DELAY_MS, jitter = RETRY_JITTER_MS, abortOn = MetricsRejection.class)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_RATIO, delay = BREAKER_DELAY_MS,
            successThreshold = 2, skipOn = MetricsRejection.class)
    @Fallback(fallbackMethod = "withdrawalUnavailable", skipOn = MetricsRejection.class)
    public void withdrawCorrection(String key) {
        system.deleteCorrection(key);
    }

    /** As the service: an agent's period values over every unit they belonged to (recomputing after an appeal). */
    @Timeout(TIMEOUT_MS)
    @Retry(maxRetries = RETRIES, delay = RETRY_DELAY_MS, jitter = RETRY_JITTER_MS, abortOn = MetricsRejection.class)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_RATIO, delay = BREAKER_DELAY_MS,
            successThreshold = 2, skipOn = MetricsRejection.class)
    @Fallback(fallbackMethod = "agentAggregatesUnavailable", skipOn = MetricsRejection.class)
    public AggregateReport aggregatesOfAgentAsService(String employeeId, List<String> metricCodes, LocalDate from,
                                                      LocalDate to) {
        return system.aggregatesOfAgent(employeeId, metricCodes, from, to);
    }

    /** As the caller: one QA evaluation they see (an appeal names it); a 404 is a {@link MetricsRejection}. */
    @Timeout(TIMEOUT_MS)
    @Retry(maxRetries = RETRIES, delay = RETRY_DELAY_MS, jitter = RETRY_JITTER_MS, abortOn = MetricsRejection.class)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_RATIO, delay = BREAKER_DELAY_MS,
            successThreshold = 2, skipOn = MetricsRejection.class)
    @Fallback(fallbackMethod = "qaEvaluationUnavailable", skipOn = MetricsRejection.class)
    public QaEvaluation qaEvaluation(long id) {
        return rest.qaEvaluation(id);
    }

    /** As the caller: an agent's QA evaluations of a range (all pages), to find one by its source system and id. */
    @Timeout(TIMEOUT_MS)
    @Retry(maxRetries = RETRIES, delay = RETRY_DELAY_MS, jitter = RETRY_JITTER_MS, abortOn = MetricsRejection.class)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_RATIO, delay = BREAKER_DELAY_MS,
            successThreshold = 2, skipOn = MetricsRejection.class)
    @Fallback(fallbackMethod = "qaEvaluationsUnavailable", skipOn = MetricsRejection.class)
    public List<QaEvaluation> qaEvaluations(String employeeId, LocalDate from, LocalDate to) {
        return AllPages.read((limit, offset) -> rest.qaEvaluations(employeeId, from, to, limit, offset));
    }

    /**
     * As the service: reports the appeal disputing a QA evaluation and where it stands. Retrying is safe: the same
     * report again changes nothing.
     */
    @Timeout(TIMEOUT_MS)
    @Retry(maxRetries = RETRIES, delay = RETRY_DELAY_MS, jitter = RETRY_JITTER_MS, abortOn = MetricsRejection.class)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_RATIO, delay = BREAKER_DELAY_MS,
            successThreshold = 2, skipOn = MetricsRejection.class)
    @Fallback(fallbackMethod = "qaDisputeUnavailable", skipOn = MetricsRejection.class)
    public void reportQaDispute(long evaluationId, QaDispute dispute) {
        system.putQaDispute(evaluationId, dispute);
    }

    QaEvaluation qaEvaluationUnavailable(long id, Throwable failure) {
        throw unavailable("QA evaluation " + id, failure);
    }

    List<QaEvaluation> qaEvaluationsUnavailable(String employeeId, LocalDate from, LocalDate to, Throwable failure) {
        throw unavailable("QA evaluations of " + employeeId, failure);
    }

    void qaDisputeUnavailable(long evaluationId, QaDispute dispute, Throwable failure) {
        throw unavailable("dispute of QA evaluation " + evaluationId, failure);
    }

    DataCorrection correctionUnavailable(String key, DataCorrection correction, Throwable failure) {
        throw unavailable("data correction " + key, failure);
    }

    void withdrawalUnavailable(String key, Throwable failure) {
        throw unavailable("withdrawal of data correction " + key, failure);
    }

    AggregateReport agentAggregatesUnavailable(String employeeId, List<String> metricCodes, LocalDate from,
                                               LocalDate to, Throwable failure) {
        throw unavailable("aggregates of " + employeeId, failure);
    }

    OrgUnit unitUnavailable(String code, Throwable failure) {
        throw unavailable("unit " + code, failure);
    }

    List<Member> membersUnavailable(String code, LocalDate from, LocalDate to, Throwable failure) {
        throw unavailable("members of " + code, failure);
    }

    List<Assignment> assignmentsUnavailable(String code, LocalDate from, LocalDate to, String policy,
                                            Throwable failure) {
        throw unavailable("assignments of " + code, failure);
    }

    IngestReport ingestUnavailable(List<ValueRecord> records, Throwable failure) {
        throw unavailable("value ingestion", failure);
    }

    AggregateReport aggregatesUnavailable(String unitCode, List<String> metricCodes, LocalDate from, LocalDate to,
                                          Throwable failure) {
        throw unavailable("aggregates of " + unitCode, failure);
    }

    List<String> myUnitsUnavailable(Throwable failure) {
        throw unavailable("my-units", failure);
    }

    private static RuntimeException unavailable(String call, Throwable failure) {
        String reason;
        if (failure instanceof TimeoutException) {
            reason = "no answer in time";
        } else if (failure instanceof CircuitBreakerOpenException) {
            reason = "calls are paused after repeated failures";
        } else if (failure instanceof WebApplicationException e) {
            reason = "it answered HTTP " + e.getResponse().getStatus();
        } else if (failure instanceof ProcessingException) {
            reason = "not reachable";
        } else {
            reason = "the call failed";
        }
        LOG.warnf("%s unavailable for %s: %s (%s)", SERVICE, call, reason, failure);
        return Problems.dependencyUnavailable(SERVICE, reason);
    }
}
