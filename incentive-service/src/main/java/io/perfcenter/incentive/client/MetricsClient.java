package io.perfcenter.incentive.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks metrics-service which units the caller leads and for metric values, protected by a timeout, retries and a
 * circuit breaker. When metrics cannot be reached the caller gets a 503 problem naming metrics-service. Which units the
 * caller leads is always asked with the caller's token; every other read says on whose authority it is made
 * ({@link ReadAs}).
 */
@ApplicationScoped
public class MetricsClient {

    /**
     * The limit of a read of a whole unit (its aggregates, members, published scorecards; every page): they grow with
     * the unit, seconds to tens of seconds for a center of 10,000 agents on a busy machine. application.properties
     * sets it per deployment from {@code PERFCENTER_UNIT_READ_TIMEOUT_MS}; this is the default. An attempt that ran
     * out of time is not repeated: the provider is still computing it, and a second attempt would queue behind it.
     */
    static final long UNIT_READ_TIMEOUT_MS = 120_000;

    private final MetricsRestClient rest;
    private final MetricsSystemRestClient asService;

    MetricsClient(@RestClient MetricsRestClient rest, @RestClient MetricsSystemRestClient asService) {
        this.rest = rest;
        this.asService = asService;
    }

    /** Codes of the units the caller (by the forwarded token) leads, with all units below them. */
    @Timeout(2000)
    // a 4xx (DependencyRejected) is about our request, not metrics' health: no retry, no breaker, no fallback
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = DependencyRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = DependencyRejected.class)
    @Fallback(value = MetricsUnavailable.class, skipOn = DependencyRejected.class)
    public List<String> myUnits() {
        return AllPages.read(rest::myUnits);
    }

    /** Every agent's values of the metrics over the days, for a unit and the units below it. */
    @Timeout(UNIT_READ_TIMEOUT_MS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = {DependencyRejected.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = DependencyRejected.class)
    @Fallback(value = AggregatesUnavailable.class, skipOn = DependencyRejected.class)
    public MetricAggregates ofUnit(ReadAs as, String unitCode, List<String> metrics, LocalDate from, LocalDate to) {
        return aggregates(as, unitCode, null, metrics, from, to, null);
    }

    /** One agent's values of the metrics over the days. */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = DependencyRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = DependencyRejected.class)
    @Fallback(value = AggregatesUnavailable.class, skipOn = DependencyRejected.class)
    public MetricAggregates ofAgent(ReadAs as, String employeeId, List<String> metrics, LocalDate from,
                                    LocalDate to) {
        return aggregates(as, null, employeeId, metrics, from, to, null);
    }

    private MetricAggregates aggregates(ReadAs as, String unitCode, String employeeId, List<String> metrics,
                                        LocalDate from, LocalDate to, Boolean anomalies) {
        return as(as).aggregates(unitCode, employeeId, metrics, from.toString(), to.toString(), anomalies);
    }

    /** The REST client that asks on that authority. */
    private MetricsReads as(ReadAs as) {
        return as == ReadAs.SERVICE ? asService : rest;
    }

    /**
     * The same as {@link #ofUnit}, each agent's values also flagged when they moved far from the agent's own
     * baseline ({@code anomalies=true}); honors leave such figures out.
     */
    @Timeout(UNIT_READ_TIMEOUT_MS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = {DependencyRejected.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = DependencyRejected.class)
    @Fallback(value = AggregatesUnavailable.class, skipOn = DependencyRejected.class)
    public MetricAggregates ofUnitWithAnomalies(ReadAs as, String unitCode, List<String> metrics, LocalDate from,
                                                LocalDate to) {
        return aggregates(as, unitCode, null, metrics, from, to, true);
    }

    /**
     * A person as the org directory (the owner of person data) knows them: position and hire date; empty when the
     * directory does not know the employee (404 is an answer about the data, not a failure of metrics-service).
     */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = DependencyRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = DependencyRejected.class)
    @Fallback(value = PersonUnavailable.class, skipOn = DependencyRejected.class)
    public Optional<OrgPerson> person(ReadAs as, String employeeId) {
        try {
            return Optional.ofNullable(as(as).agent(employeeId));
        } catch (DependencyRejected e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Position by employee of everyone who belonged to the unit (or a unit below it) at some day of [from, to]. */
    @Timeout(UNIT_READ_TIMEOUT_MS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = {DependencyRejected.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = DependencyRejected.class)
    @Fallback(value = MembersUnavailable.class, skipOn = DependencyRejected.class)
    public Map<String, String> positions(ReadAs as, String unitCode, LocalDate from, LocalDate to) {
        Map<String, String> positions = new HashMap<>();
        for (OrgMember m : members(as, unitCode, from, to)) {
            if (m.position() != null) {
                positions.put(m.employeeId(), m.position());
            }
        }
        return positions;
    }

    /**
     * Everyone who belonged to the unit (or a unit below it) at some day of [from, to], by employee, with position and
     * hire date as the org directory knows them: the unit's people in one (paged) call instead of one per person.
     */
    @Timeout(UNIT_READ_TIMEOUT_MS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = {DependencyRejected.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = DependencyRejected.class)
    @Fallback(value = PeopleUnavailable.class, skipOn = DependencyRejected.class)
    public Map<String, OrgPerson> people(ReadAs as, String unitCode, LocalDate from, LocalDate to) {
        Map<String, OrgPerson> people = new HashMap<>();
        for (OrgMember m : members(as, unitCode, from, to)) {
            // a mover has a row per unit of the subtree; the person data is the same in each
            people.putIfAbsent(m.employeeId(), new OrgPerson(m.employeeId(), m.name(), m.position(), m.hireDate(),
                    null, null, null));
        }
        return people;
    }

    /**
     * The center a unit belongs to: the unit itself when it is a center, else the first center (or the root) up its
     * parents; empty when the directory does not know the unit. At most {@code 16} steps, as no real tree is deeper.
     */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = DependencyRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = DependencyRejected.class)
    @Fallback(value = CenterUnavailable.class, skipOn = DependencyRejected.class)
    public Optional<String> centerOf(ReadAs as, String unitCode) {
        MetricsReads metrics = as(as);
        String code = unitCode;
        for (int step = 0; step < 16 && code != null; step++) {
            OrgUnitEntry unit;
            try {
                unit = metrics.unit(code);
            } catch (DependencyRejected e) {
                if (e.status() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
            if (unit == null) {
                return Optional.empty();
            }
            if (OrgUnitEntry.CENTER.equals(unit.kind()) || unit.parentCode() == null) {
                return Optional.of(unit.code() == null ? code : unit.code());
            }
            code = unit.parentCode();
        }
        return Optional.ofNullable(code);
    }

    /** The unit's memberships overlapping [from, to], read to the last page; rows without an employee left out. */
    private List<OrgMember> members(ReadAs as, String unitCode, LocalDate from, LocalDate to) {
        MetricsReads metrics = as(as);
        List<OrgMember> members = AllPages.read((limit, offset) -> metrics.members(unitCode, from.toString(),
                to.toString(), limit, offset));
        return members == null ? List.of()
                : members.stream().filter(m -> m != null && m.employeeId() != null).toList();
    }

    static class CenterUnavailable implements FallbackHandler<Optional<String>> {
        @Override
        public Optional<String> handle(ExecutionContext context) {
            throw Downstream.unavailable(Downstream.METRICS, context.getFailure());
        }
    }

    static class PeopleUnavailable implements FallbackHandler<Map<String, OrgPerson>> {
        @Override
        public Map<String, OrgPerson> handle(ExecutionContext context) {
            throw Downstream.unavailable(Downstream.METRICS, context.getFailure());
        }
    }

    static class PersonUnavailable implements FallbackHandler<Optional<OrgPerson>> {
        @Override
        public Optional<OrgPerson> handle(ExecutionContext context) {
            throw Downstream.unavailable(Downstream.METRICS, context.getFailure());
        }
    }

    static class MembersUnavailable implements FallbackHandler<Map<String, String>> {
        @Override
        public Map<String, String> handle(ExecutionContext context) {
            throw Downstream.unavailable(Downstream.METRICS, context.getFailure());
        }
    }

    static class MetricsUnavailable implements FallbackHandler<List<String>> {
        @Override
        public List<String> handle(ExecutionContext context) {
            throw Downstream.unavailable(Downstream.METRICS, context.getFailure());
        }
    }

    static class AggregatesUnavailable implements FallbackHandler<MetricAggregates> {
        @Override
        public MetricAggregates handle(ExecutionContext context) {
            throw Downstream.unavailable(Downstream.METRICS, context.getFailure());
        }
    }
}
