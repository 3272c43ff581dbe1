package io.perfcenter.metrics.correction;

import io.perfcenter.metrics.catalog.MetricDefinition;
import io.perfcenter.metrics.events.Outbox;
import io.perfcenter.metrics.correction.CorrectionPayloads.CorrectionInput;
import io.perfcenter.metrics.org.Agent;
import io.perfcenter.metrics.web.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Stores and withdraws data corrections, idempotently by key: storing the same correction again changes nothing,
 * storing another one under the same key replaces it, withdrawing an absent or withdrawn one is a no-op. Each change
 * is logged with who sent it and for whom.
 */
@ApplicationScoped
public class CorrectionService {

    private static final Logger LOG = Logger.getLogger(CorrectionService.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final SecurityIdentity identity;
    private final Outbox outbox;

    CorrectionService(SecurityIdentity identity, Outbox outbox) {
        this.identity = identity;
        this.outbox = outbox;
    }

    /** The data of {@code data-correction.stored} and {@code data-correction.withdrawn} (subject the agent). */
    public record CorrectionEvent(String key, String employeeId, String metricCode, java.time.LocalDate date,
                                  java.math.BigDecimal value, String reason, String actingFor, boolean withdrawn) {

        static CorrectionEvent of(DataCorrection c) {
            return new CorrectionEvent(c.key, c.employeeId, c.metricCode, c.date, c.value, c.reason, c.actingFor,
                    c.withdrawnAt != null);
        }
    }

    @Transactional
    public DataCorrection store(String key, CorrectionInput input, String actingFor, String requestId) {
        checkKey(key);
        if (input.employeeId() == null || input.employeeId().isBlank()) {
            throw Problems.invalid("employeeId", "is required");
        }
        if (Agent.findById(input.employeeId()) == null) {
            throw Problems.invalid("employeeId", "no agent " + input.employeeId());
        }
        if (input.metricCode() == null || input.metricCode().isBlank()) {
            throw Problems.invalid("metricCode", "is required");
        }
        MetricDefinition metric = MetricDefinition.findById(input.metricCode());
        if (metric == null) {
            throw Problems.invalid("metricCode", "no metric " + input.metricCode() + " in the catalog");
        }
        if (metric.aggregation != MetricDefinition.Aggregation.SUM) {
            // a day's figure of a mean or ratio has no weight of its own: correct the records instead
            throw Problems.invalid("metricCode", input.metricCode() + " is aggregated by " + metric.aggregation
                    + "; only summed metrics take a day's figure — re-send the wrong record with a higher revision");
        }
        if (input.date() == null) {
            throw Problems.invalid("date", "is required");
        }
        if (input.value() == null) {
            throw Problems.invalid("value", "is required");
        }
        if (input.reason() != null && input.reason().length() > 1000) {
            throw Problems.invalid("reason", "must be at most 1000 characters");
        }
        DataCorrection other = DataCorrection.<DataCorrection>find("employeeId = ?1 and metricCode = ?2 and date = ?3 "
                + "and withdrawnAt is null and key <> ?4", input.employeeId(), input.metricCode(), input.date(), key)
                .firstResult();
        if (other != null) {
            throw Problems.conflict("Correction " + other.key + " already sets " + input.metricCode() + " of "
                    + input.employeeId() + " on " + input.date() + "; withdraw it first");
        }
        DataCorrection c = DataCorrection.<DataCorrection>findByIdOptional(key, LockModeType.PESSIMISTIC_WRITE)
                .orElse(null);
        if (c != null && c.withdrawnAt == null && c.employeeId.equals(input.employeeId())
                && c.metricCode.equals(input.metricCode()) && c.date.equals(input.date())
                && c.value.compareTo(input.value()) == 0 && Objects.equals(c.reason, input.reason())) {
            return c;
        }
        if (c == null) {
            c = new DataCorrection();
            c.key = key;
        }
        c.employeeId = input.employeeId();
        c.metricCode = input.metricCode();
        c.date = input.date();
        c.value = input.value();
        c.reason = input.reason();
        c.actingFor = actingFor;
        c.recordedBy = identity.getPrincipal().getName();
        c.recordedAt = OffsetDateTime.now();
        c.requestId = requestId;
        c.withdrawnAt = null;
        c.withdrawnBy = null;
        c.persist();
        outbox.emit("data-correction.stored", c.employeeId, CorrectionEvent.of(c));
        LOG.infof("data correction %s: %s of %s on %s set to %s by %s for %s (%s)", key, c.metricCode, c.employeeId,
                c.date, c.value.toPlainString(), c.recordedBy, actingFor, c.reason);
        return c;
    }

    @Transactional
    public void withdraw(String key, String actingFor) {
        checkKey(key);
        DataCorrection c = DataCorrection.<DataCorrection>findByIdOptional(key, LockModeType.PESSIMISTIC_WRITE)
                .orElse(null);
        if (c == null || c.withdrawnAt != null) {
            return;
        }
        c.withdrawnAt = OffsetDateTime.now();
        c.withdrawnBy = identity.getPrincipal().getName() + (actingFor == null ? "" : " for " + actingFor);
        outbox.emit("data-correction.withdrawn", c.employeeId, CorrectionEvent.of(c));
        LOG.infof("data correction %s withdrawn by %s", key, c.withdrawnBy);
    }

    public DataCorrection get(String key) {
        checkKey(key);
        return DataCorrection.<DataCorrection>findByIdOptional(key)
                .orElseThrow(() -> Problems.notFound("Data correction", key));
    }

    private static void checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw Problems.invalid("key", "1–100 letters, digits, '.', '_', ':' or '-'");
        }
    }
}
